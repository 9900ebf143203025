import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// An end date entered by hand on a termination (its reason and the end computed at the time)
/// survives export and import, older documents still import, and impossible values are refused
/// with their path.
final class TerminationEndExchangeTests: XCTestCase {
    let reason = "agreed with Migrationsverket in the letter of 23 Nov 2026"

    func enteredDemo() throws -> VarselStore {
        let store = try ExchangeFixtures.demoStore()
        let p = Portfolio(store: store, clock: ExchangeFixtures.clock, ids: TestIDs(), user: "tester")
        try p.recordTermination(TerminationRequest(agreementId: "migrationsverket-e-tjanster", by: .us, date: ExchangeFixtures.today,
                                                   end: day("2027-03-31"), endReason: reason))
        return store
    }

    func testAnEnteredEndRoundTripsLosslessly() throws {
        let data = try PortfolioExporter.exportJSON(store: try enteredDemo())
        let second = try VarselStore.inMemory()
        try ExchangeFixtures.importer(second).importData(data, fileName: "t.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: second), data)
        let doc = try JSONDecoder().decode(PortfolioDocument.self, from: data)
        let t = try XCTUnwrap(doc.terminations.first)
        XCTAssertEqual(t.endEnteredReason, reason)
        XCTAssertEqual(t.computedEndDate, day("2027-02-23"))
        XCTAssertEqual(t.endDate, day("2027-03-31"))
        let stored = try second.writer.read { db in try TerminationNotice.fetchOne(db, key: t.id) }
        XCTAssertEqual(stored, t)
    }

    func testDocumentsWithoutTheNewFieldsDecode() throws {
        let json = #"{"id":"t1","agreementId":"a","givenBy":"us","noticeDate":"2026-11-23","channel":"letter","endDate":"2027-02-23","explanation":"e"}"#
        let t = try JSONDecoder().decode(TerminationNotice.self, from: Data(json.utf8))
        XCTAssertNil(t.endEnteredReason)
        XCTAssertNil(t.computedEndDate)
    }

    func testImpossibleValuesAreRefusedWithTheirPath() throws {
        let data = try PortfolioExporter.exportJSON(store: try enteredDemo())
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
        try rejected({ $0.terminations[0].endEnteredReason = " " }, "terminations[0].endEnteredReason")
        try rejected({ $0.terminations[0].endDate = day("2026-11-01") }, "terminations[0].endDate")
        try rejected({ $0.terminations[0].endEnteredReason = nil }, "terminations[0].computedEndDate")
    }
}
