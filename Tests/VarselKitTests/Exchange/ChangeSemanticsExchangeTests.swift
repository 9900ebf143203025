import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The v8-change-semantics fields travel through export and import losslessly, old documents
/// (without them) still import, and bad values are reported at their path.
final class ChangeSemanticsExchangeTests: XCTestCase {
    func exported(_ store: VarselStore) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: try PortfolioExporter.exportJSON(store: store)) as? [String: Any])
    }

    func rows(_ doc: [String: Any], _ table: String) -> [[String: Any]] { doc[table] as? [[String: Any]] ?? [] }

    func testDemoExportCarriesTheNewFieldsAndRoundTrips() throws {
        let store = try ExchangeFixtures.demoStore()
        let doc = try exported(store)
        let notices = rows(doc, "changeNotices")
        XCTAssertTrue(notices.allSatisfy { $0["givenBy"] as? String == "them" })
        XCTAssertTrue(notices.contains { $0["decisionBasis"] as? String == "deemed" && $0["decisionClause"] as? String == "5.2" })
        XCTAssertTrue(notices.contains { $0["decisionBasis"] as? String == "express" && $0["decisionChannel"] as? String == "email" })
        XCTAssertTrue(notices.contains { ($0["transferFlag"] as? String)?.contains("(C.5, C.6)") == true })
        XCTAssertTrue(rows(doc, "subProcessors").contains { $0["approvalBasis"] as? String == "deemed" && $0["approvalDate"] != nil })
        XCTAssertTrue(rows(doc, "deadlines").contains { $0["resolution"] as? String == "deemed_accepted" })
        XCTAssertTrue(rows(doc, "deadlines").contains { $0["silenceIsApproval"] as? Bool == true })
        XCTAssertTrue(rows(doc, "deadlines").contains { $0["flag"] != nil })
        XCTAssertTrue(rows(doc, "noticeRules").contains { $0["noticeBy"] as? String == "us" })
        XCTAssertTrue(rows(doc, "noticeRules").contains { $0["anchorText"] as? String == "the defect occurred" })
        XCTAssertTrue(rows(doc, "noticeRules").contains { $0["writtenFormClause"] as? String == "11.3" })
        XCTAssertTrue(rows(doc, "agreements").contains { $0["transferConsentClause"] as? String == "C.5, C.6" })

        let a = try PortfolioExporter.exportJSON(store: store)
        let second = try VarselStore.inMemory()
        try ExchangeFixtures.importer(second).importData(a, fileName: "demo.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: second), a)
    }

    /// A document written before v8 has none of the new fields: notices are theirs, nothing is deemed.
    func testOldDocumentWithoutTheNewFieldsImports() throws {
        var doc = try exported(try ExchangeFixtures.demoStore())
        let strip: [String: [String]] = [
            "changeNotices": ["givenBy", "decisionBasis", "decisionDate", "decisionChannel", "decisionClause", "transferFlag"],
            "subProcessors": ["approvalBasis", "approvalDate", "approvalClause"],
            "deadlines": ["silenceIsApproval", "resolution", "flag"],
            "noticeRules": ["noticeBy", "anchorText", "writtenFormClause"],
            "agreements": ["transferConsentClause"],
        ]
        for (table, keys) in strip {
            doc[table] = rows(doc, table).map { row in row.filter { !keys.contains($0.key) } }
        }
        let data = try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
        let store = try VarselStore.inMemory()
        try ExchangeFixtures.importer(store).importData(data, fileName: "old.json")
        let (notices, deadlines, rules) = try store.writer.read { db in
            (try ChangeNotice.fetchAll(db), try Deadline.fetchAll(db), try NoticeRule.fetchAll(db))
        }
        XCTAssertFalse(notices.isEmpty)
        XCTAssertTrue(notices.allSatisfy { $0.givenBy == .them && $0.decisionBasis == nil })
        XCTAssertTrue(deadlines.allSatisfy { $0.resolution == nil && $0.flag == nil })
        // silenceIsApproval is taken from the rule, so a passed PUB 5.2 window is not overdue.
        let silent = Set(rules.filter(\.silenceIsApproval).map(\.id))
        XCTAssertTrue(deadlines.contains { $0.silenceIsApproval })
        XCTAssertTrue(deadlines.allSatisfy { $0.silenceIsApproval == silent.contains($0.ruleId ?? "") })
    }

    func assertRejected(_ edit: (inout [String: Any]) -> Void, _ fragments: [String], line: UInt = #line) throws {
        var doc = try exported(try ExchangeFixtures.demoStore())
        edit(&doc)
        let data = try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
        let target = try VarselStore.inMemory()
        XCTAssertThrowsError(try ExchangeFixtures.importer(target).importData(data, fileName: "bad.json"), line: line) { error in
            let text = (error as? VarselError)?.description ?? "\(error)"
            for f in fragments { XCTAssertTrue(text.contains(f), "«\(f)» missing in: \(text)", line: line) }
        }
        XCTAssertEqual(try ExchangeFixtures.counts(target).values.reduce(0, +), 0, "nothing imported", line: line)
    }

    func set(_ doc: inout [String: Any], _ table: String, where match: ([String: Any]) -> Bool, _ key: String, _ value: Any) -> Int {
        var r = rows(doc, table)
        let i = r.firstIndex(where: match)!
        r[i][key] = value
        doc[table] = r
        return i
    }

    func testBadValuesAreReportedAtTheirPath() throws {
        let base = try exported(try ExchangeFixtures.demoStore())
        func index(_ table: String, _ match: ([String: Any]) -> Bool) -> Int { rows(base, table).firstIndex(where: match)! }
        let openNotice = index("changeNotices") { $0["status"] as? String == "open" }
        let openDeadline = index("deadlines") { $0["state"] as? String == "open" }
        let eventRule = index("noticeRules") { $0["trigger"] as? String == "event" }
        let writtenRule = index("noticeRules") { $0["writtenFormClause"] != nil }
        try assertRejected({ _ = set(&$0, "changeNotices", where: { _ in true }, "givenBy", "either") },
                           ["changeNotices[0].givenBy", "given by one party"])
        try assertRejected({ _ = set(&$0, "changeNotices", where: { $0["status"] as? String == "open" }, "decisionBasis", "deemed") },
                           ["changeNotices[\(openNotice)].decisionBasis", "on a notice that is open"])
        try assertRejected({ _ = set(&$0, "deadlines", where: { $0["state"] as? String == "open" }, "resolution", "deemed_accepted") },
                           ["deadlines[\(openDeadline)].resolution", "on an open deadline"])
        try assertRejected({ _ = set(&$0, "noticeRules", where: { $0["trigger"] as? String == "event" }, "noticeBy", "us") },
                           ["noticeRules[\(eventRule)].noticeBy", "only applies to change-notice rules"])
        try assertRejected({ _ = set(&$0, "noticeRules", where: { $0["writtenFormClause"] != nil }, "writtenFormClause", "99.9") },
                           ["noticeRules[\(writtenRule)].writtenFormClause", "\"99.9\" matches no clause"])
        try assertRejected({ _ = set(&$0, "deadlines", where: { _ in true }, "resolution", "forgotten") },
                           ["deadlines[0].resolution", "Unknown value \"forgotten\"", "deemed_accepted"])
    }
}
