import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Each invalid input stops the import with the path and what is wrong, and writes nothing.
final class ImportValidationTests: XCTestCase {
    var store: VarselStore!
    var base: [String: Any]!

    override func setUpWithError() throws {
        store = try ExchangeFixtures.demoStore()
        let data = try PortfolioExporter.exportJSON(store: store)
        base = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// The demo document, changed by `edit`, as JSON.
    func document(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var doc = base!
        edit(&doc)
        return try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
    }

    func set(_ doc: inout [String: Any], _ table: String, _ index: Int, _ key: String, _ value: Any?) {
        var rows = doc[table] as! [[String: Any]]
        rows[index][key] = value
        doc[table] = rows
    }

    /// Imports `data` into an empty store and into the demo store (unless `demoOnly`/`emptyOnly`) and
    /// checks the error names every fragment and that neither database changed.
    func assertRejected(_ data: Data, file: String = "portfolio.json", merge: Bool = false, into targets: [VarselStore]? = nil,
                        _ fragments: [String], line: UInt = #line) throws {
        let empty = try VarselStore.inMemory()
        for target in targets ?? [empty, store] {
            let countsBefore = try ExchangeFixtures.counts(target)
            let exportBefore = try PortfolioExporter.exportJSON(store: target)
            XCTAssertThrowsError(try ExchangeFixtures.importer(target).importData(data, fileName: file, merge: merge), line: line) { error in
                guard let e = error as? VarselError else { return XCTFail("not a VarselError: \(error)", line: line) }
                XCTAssertEqual(e.kind, .invalidInput, "\(e)", line: line)
                let text = e.description
                for f in fragments { XCTAssertTrue(text.contains(f), "«\(f)» missing in: \(text)", line: line) }
                XCTAssertTrue(text.contains(file), "file name missing: \(text)", line: line)
                XCTAssertNotNil(e.fix, line: line)
            }
            XCTAssertEqual(try ExchangeFixtures.counts(target), countsBefore, "table counts changed", line: line)
            XCTAssertEqual(try PortfolioExporter.exportJSON(store: target), exportBefore, "database changed", line: line)
        }
    }

    func rules() -> [[String: Any]] { base["noticeRules"] as! [[String: Any]] }

    func test01BadDate() throws {
        try assertRejected(try document { set(&$0, "agreements", 1, "effectiveDate", "2026-02-30") },
                           ["agreements[1].effectiveDate", "Not a valid date", "2026-02-30"])
        try assertRejected(try document { set(&$0, "agreements", 0, "signedDate", "23.11.2026") },
                           ["agreements[0].signedDate", "YYYY-MM-DD"])
    }

    func test02UnknownPeriodUnit() throws {
        let i = rules().firstIndex { $0["period"] != nil }!
        try assertRejected(try document { set(&$0, "noticeRules", i, "period", ["value": 2, "unit": "fortnights"]) },
                           ["noticeRules[\(i)].period.unit", "Unknown value \"fortnights\"", "working_days"])
    }

    func test03NegativePeriod() throws {
        try assertRejected(try document { set(&$0, "noticeRules", 3, "period", ["value": -14, "unit": "days"]) },
                           ["noticeRules[3].period.value", "Negative period -14"])
    }

    func test04ZeroPeriod() throws {
        try assertRejected(try document { set(&$0, "noticeRules", 2, "leadTime", ["value": 0, "unit": "weeks"]) },
                           ["noticeRules[2].leadTime.value", "0 weeks is not a period"])
    }

    func test05DanglingCounterparty() throws {
        try assertRejected(try document { set(&$0, "agreements", 2, "counterpartyId", "nobody") },
                           ["agreements[2].counterpartyId", "\"nobody\"", "parties"])
    }

    func test06DanglingClauseRef() throws {
        try assertRejected(try document { set(&$0, "noticeRules", 0, "clauseRef", "99.9") },
                           ["noticeRules[0].clauseRef", "\"99.9\" matches no clause of agreement"])
    }

    func test07DanglingChangeNoticeId() throws {
        try assertRejected(try document { doc in
            doc["objections"] = [["id": "obj-x", "changeNoticeId": "cn-missing", "date": "2026-11-20", "grounds": "g",
                                  "channel": "email", "outcome": "pending"]]
        }, ["objections[0].changeNoticeId", "\"cn-missing\"", "changeNotices"])
    }

    func test08DuplicateIdInFile() throws {
        try assertRejected(try document { doc in
            var parties = doc["parties"] as! [[String: Any]]
            parties.append(parties[0])
            doc["parties"] = parties
        }, ["parties[7].id", "Duplicate id \"arosii\"", "parties[0]"])
    }

    func test09DuplicateIdAgainstDatabaseWithoutMerge() throws {
        try assertRejected(try document { _ in }, into: [store], ["parties[0].id", "already exists in the database", "--merge"])
    }

    func test10WrongTypeStringForNumber() throws {
        try assertRejected(try document { set(&$0, "noticeRules", 1, "period", ["value": "four", "unit": "weeks"]) },
                           ["noticeRules[1].period.value", "Wrong type: expected a whole number", "string"])
    }

    func test11MissingRequiredField() throws {
        try assertRejected(try document { set(&$0, "agreements", 3, "title", nil) },
                           ["agreements[3].title", "Missing required field \"title\""])
    }

    func test12TruncatedFile() throws {
        let full = try PortfolioExporter.exportJSON(store: store)
        var cut = full.count / 2
        while cut > 0, full[cut] & 0xC0 == 0x80 { cut -= 1 } // cut between characters, not inside one
        try assertRejected(full.prefix(cut), ["truncated"])
    }

    func test13WrongEncodingLatin1() throws {
        var bytes = Data("{\"format\": \"varsel-portfolio\", \"formatVersion\": 1,\n \"parties\": [{\"id\": \"x\", \"name\": \"Malm".utf8)
        bytes.append(0xF6) // ö in Latin-1
        bytes.append(contentsOf: Data("\"}]}".utf8))
        try assertRejected(bytes, ["not UTF-8", "0xF6", "line 2", "UTF-8"])
    }

    func test14WrongFormatName() throws {
        try assertRejected(try document { $0["format"] = "excel-export" }, ["format", "\"excel-export\"", "not a Varsel portfolio"])
    }

    func test15NewerFormatVersion() throws {
        try assertRejected(try document { $0["formatVersion"] = 2 }, ["formatVersion", "formatVersion 2", "newer", "Upgrade varsel"])
    }

    func test16YAMLBadDateWithLine() throws {
        let yaml = """
        format: varsel-portfolio
        formatVersion: 1
        parties:
          - id: us
            name: Vi
        agreements:
          - id: a1
            title: Avtal
            kind: other
            counterpartyId: us
            ourRole: customer
            language: sv
            governingLaw: Svensk rätt
            calendar: se
            signedDate: 2026-13-01
            term: {kind: indefinite}
            status: active
        """
        try assertRejected(Data(yaml.utf8), file: "hand.yaml", ["agreements[0].signedDate", "line 15", "Not a valid date", "2026-13-01"])
    }

    func test17UnknownEnumValue() throws {
        try assertRejected(try document { set(&$0, "agreements", 0, "kind", "lease") },
                           ["agreements[0].kind", "Unknown value \"lease\"", "data_processing_agreement"])
    }

    func test18VagueRuleWithoutVagueText() throws {
        try assertRejected(try document { set(&$0, "noticeRules", 4, "period", nil); set(&$0, "noticeRules", 4, "vagueText", nil) },
                           ["noticeRules[4]", "neither a period nor vagueText"])
    }

    func test19UnknownFieldIsNotSilentlyDropped() throws {
        try assertRejected(try document { set(&$0, "subProcessors", 1, "contry", "SE") },
                           ["subProcessors[1].contry", "Unknown field \"contry\"", "country"])
    }

    func test20DanglingParentAndSubProcessor() throws {
        try assertRejected(try document { set(&$0, "agreements", 1, "parentId", "ghost") }, ["agreements[1].parentId", "\"ghost\""])
        let i = (base["changeNotices"] as! [[String: Any]]).firstIndex { $0["subProcessorId"] != nil }!
        try assertRejected(try document { set(&$0, "changeNotices", i, "subProcessorId", "sp-ghost") },
                           ["changeNotices[\(i)].subProcessorId", "\"sp-ghost\"", "subProcessors"])
    }

    func test21DanglingRuleIdInDeadline() throws {
        let i = (base["deadlines"] as! [[String: Any]]).firstIndex { $0["ruleId"] != nil }!
        try assertRejected(try document { set(&$0, "deadlines", i, "ruleId", "rule-ghost") },
                           ["deadlines[\(i)].ruleId", "\"rule-ghost\"", "noticeRules"])
    }

    func test22NullForRequiredValueAndBadAuditTime() throws {
        try assertRejected(try document { set(&$0, "parties", 0, "name", NSNull()) }, ["parties[0].name", "found null"])
        try assertRejected(try document { set(&$0, "audit", 0, "at", "yesterday") }, into: [try VarselStore.inMemory()],
                           ["audit[0].at", "\"yesterday\" is not an audit time"])
    }

    func test23InvalidUTF8Sequence() throws {
        var bytes = Data("{\"format\": \"varsel-portfolio\", ".utf8)
        bytes.append(contentsOf: [0xE2, 0x28, 0xA1]) // broken 3-byte sequence
        try assertRejected(bytes, ["not UTF-8", "0xE2"])
    }

    func test24ContradictoryRuleOptions() throws {
        let before = rules().firstIndex { $0["direction"] as? String == "before" }!
        try assertRejected(try document { set(&$0, "noticeRules", before, "roll", "forward") },
                           ["noticeRules[\(before)].roll", "never rolled forward (R6)", "backward"])
        let event = rules().firstIndex { $0["trigger"] as? String == "event" }!
        try assertRejected(try document { set(&$0, "noticeRules", event, "capBefore", "change_takes_effect") },
                           ["noticeRules[\(event)].capBefore", "cannot cap a rule with trigger \"event\""])
        try assertRejected(try document { set(&$0, "noticeRules", event, "roll", "sideways") },
                           ["noticeRules[\(event)].roll", "sideways"])
        try assertRejected(try document { set(&$0, "noticeRules", event, "workingDays", ["eveIsWorkingday": false]) },
                           ["noticeRules[\(event)].workingDays.eveIsWorkingday"])
    }
}
