import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Snooze days, deadline notes and withdrawn objections and terminations survive export and import,
/// documents without them still import, and impossible values are refused with their path.
final class ReversalExchangeTests: XCTestCase {
    func reversedDemo() throws -> VarselStore {
        let store = try ExchangeFixtures.demoStore()
        let p = Portfolio(store: store, clock: ExchangeFixtures.clock, ids: TestIDs(), user: "tester")
        try p.snoozeDeadline(id: "dl-cn-0001-pureservice-subprocessor-objection", until: day("2026-11-27"))
        try p.noteDeadline(id: "dl-cn-0002-migrationsverket-e-tjanster-change-decision", note: "Ask IT about BankID")
        let o = try p.recordObjection(noticeId: "cn-0005", grounds: "US transfer")
        try p.withdrawObjection(id: o.id, note: "Consent given")
        let (t, _) = try p.recordTermination(agreementId: "pureservice", by: .us, date: ExchangeFixtures.today)
        try p.withdrawTermination(id: t.id)
        return store
    }

    func testReversalsRoundTripLosslessly() throws {
        let data = try PortfolioExporter.exportJSON(store: try reversedDemo())
        let second = try VarselStore.inMemory()
        try ExchangeFixtures.importer(second).importData(data, fileName: "r.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: second), data)
        let doc = try JSONDecoder().decode(PortfolioDocument.self, from: data)
        XCTAssertEqual(doc.deadlines.first { $0.id == "dl-cn-0001-pureservice-subprocessor-objection" }?.snoozedUntil, day("2026-11-27"))
        XCTAssertEqual(doc.deadlines.first { $0.id == "dl-cn-0002-migrationsverket-e-tjanster-change-decision" }?.note, "Ask IT about BankID")
        XCTAssertEqual(doc.objections.first { $0.changeNoticeId == "cn-0005" }?.withdrawnDate, ExchangeFixtures.today)
        XCTAssertEqual(doc.terminations.first?.withdrawnDate, ExchangeFixtures.today)
        // In the database too (not only in the document).
        let t = try second.writer.read { db in try TerminationNotice.fetchOne(db, key: doc.terminations[0].id) }
        XCTAssertEqual(t?.withdrawnDate, ExchangeFixtures.today)
    }

    func testDocumentsWithoutTheNewFieldsDecode() throws {
        let json = #"{"id":"o1","changeNoticeId":"cn1","date":"2026-11-01","grounds":"g","channel":"email","outcome":"pending"}"#
        let o = try JSONDecoder().decode(Objection.self, from: Data(json.utf8))
        XCTAssertNil(o.withdrawnDate)
    }

    func testImpossibleValuesAreRefusedWithTheirPath() throws {
        let data = try PortfolioExporter.exportJSON(store: try reversedDemo())
        func rejected(_ edit: (inout PortfolioDocument) -> Void, _ path: String, line: UInt = #line) throws {
            var doc = try JSONDecoder().decode(PortfolioDocument.self, from: data)
            edit(&doc)
            let target = try VarselStore.inMemory()
            XCTAssertThrowsError(try ExchangeFixtures.importer(target).importData(try ExchangeFixtures.json(doc), fileName: "bad.json"),
                                 line: line) { error in
                XCTAssertTrue("\(error)".contains(path), "\(error)", line: line)
            }
            XCTAssertEqual(try ExchangeFixtures.counts(target).values.reduce(0, +), 0, line: line)
        }
        let di = try XCTUnwrap(try JSONDecoder().decode(PortfolioDocument.self, from: data).deadlines
            .firstIndex { $0.id == "dl-cn-0001-pureservice-subprocessor-objection" })
        try rejected({ $0.deadlines[di].snoozedUntil = day("2026-12-01") }, "deadlines[\(di)].snoozedUntil")
        try rejected({ $0.objections[0].withdrawnDate = day("2020-01-01") }, "objections[0].withdrawnDate")
        try rejected({ $0.terminations[0].withdrawnDate = day("2020-01-01") }, "terminations[0].withdrawnDate")
    }
}
