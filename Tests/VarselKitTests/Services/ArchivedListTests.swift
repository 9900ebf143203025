import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 10: archived agreements (status ended) leave the default lists. The list reads — pages in
/// both directions, the last page, counts and positions, with and without a filter — leave them
/// out unless asked, on either backend (`VARSEL_TEST_BACKEND`), and agree with the full list
/// minus the archived rows. Demo portfolio, today Mon 23 Nov 2026.
final class ArchivedListTests: XCTestCase {
    let today = day("2026-11-23")

    func archivedDemo() throws -> Portfolio {
        let p = try Fixture.demo(today: today)
        try p.archiveAgreement(id: "migrationsverket-kanaler", date: today)
        try p.archiveAgreement(id: "pureservice", date: today)
        return p
    }

    func testArchivedAgreementsLeaveTheDefaultListReads() throws {
        let p = try archivedDemo()
        let q = p.queries
        let archived: Set = ["migrationsverket-kanaler", "pureservice"]
        for filter in [nil, "migrationsverket", "avtal", "zzz", "Ø"] as [String?] {
            let all = try q.searchAgreements(filter: filter, limit: 1000)
            let active = all.filter { !archived.contains($0.id) }
            let label = filter ?? "(none)"
            XCTAssertEqual(try q.searchAgreements(filter: filter, includeArchived: false, limit: 1000), active, label)
            XCTAssertEqual(try q.agreements(filter: filter, includeArchived: false, limit: 1000), active, label)
            XCTAssertEqual(try q.searchCount(filter: filter, includeArchived: false), active.count, label)
            XCTAssertEqual(try q.agreementCount(filter: filter, includeArchived: false), active.count, label)
            XCTAssertEqual(try q.searchCount(filter: filter), all.count, label)
            XCTAssertEqual(try q.searchLastAgreements(filter: filter, includeArchived: false, limit: 2), Array(active.suffix(2)), label)
            // Keyset pages of one row, forwards and backwards, give the same list.
            var forward: [AgreementRow] = [], page = try q.searchAgreements(filter: filter, includeArchived: false, limit: 1)
            while let row = page.first { forward.append(row); page = try q.searchAgreements(filter: filter, includeArchived: false, after: row, limit: 1) }
            XCTAssertEqual(forward, active, label)
            if let last = active.last {
                XCTAssertEqual(try q.searchAgreements(filter: filter, includeArchived: false, before: last, limit: 100), Array(active.dropLast()), label)
            }
            for (i, row) in active.enumerated() {
                let pos = try XCTUnwrap(try q.searchPosition(id: row.id, filter: filter, includeArchived: false), "\(label) \(row.id)")
                XCTAssertEqual(pos.index, i, "\(label) \(row.id)")
                XCTAssertEqual(pos.row, row)
            }
            for row in all where archived.contains(row.id) {
                XCTAssertNil(try q.searchPosition(id: row.id, filter: filter, includeArchived: false), "\(label) \(row.id)")
                XCTAssertNotNil(try q.searchPosition(id: row.id, filter: filter), "\(label) \(row.id)")
            }
        }
        XCTAssertFalse(try q.agreements(filter: nil, includeArchived: false).contains { $0.status == .ended })
        XCTAssertEqual(try q.agreements(filter: nil).filter { $0.status == .ended }.map(\.id).sorted(), archived.sorted())
    }
}
