import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The storage interface as services and callers see it: the change feed, errors mapped to
/// `VarselError`, the rules that moved onto the model, and the deadline filter.
final class StorageInterfaceTests: XCTestCase {
    /// The change feed moves when another connection commits, and not otherwise.
    func testChangeTokenMovesWhenAnotherConnectionCommits() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.path("feed.sqlite")
        let p = try Fixture.demo(today: day("2026-11-23"), store: try VarselStore.open(path: path))
        let token = try p.store.changeToken()
        XCTAssertFalse(try p.store.hasChanged(since: token))
        XCTAssertTrue(try p.store.hasChanged(since: nil))
        let other = Portfolio(store: try SQLiteStorage.open(path: path, access: .write), clock: .fixed(day("2026-11-23")),
                              ids: TestIDs(), user: "other")
        try other.handleDeadline(id: "dl-ev-0002-pureservice-sla-credit-claim", note: "Claimed")
        XCTAssertTrue(try p.store.hasChanged(since: token))
    }

    /// An SQLite error inside a write reaches the caller as a `VarselError` (nothing written).
    func testSQLiteErrorsArriveAsVarselErrors() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let before = try Fixture.tableCounts(p.store)
        XCTAssertThrowsError(try p.store.write(user: "t", at: Date()) { tx -> ((), AuditNote) in
            // A second party with an existing id violates the primary key.
            try tx.insert(Party(id: "pureservice-as", name: "Duplicate"))
            return ((), AuditNote(action: "x", entityType: "party", entityId: "pureservice-as", summary: "dup"))
        }) { error in
            let e = error as? VarselError
            XCTAssertNotNil(e, "\(error)")
            XCTAssertEqual(e?.kind, .conflict)
            XCTAssertTrue(e?.what.hasPrefix("the database refused the change") == true, "\(error)")
        }
        XCTAssertEqual(try Fixture.tableCounts(p.store), before)
    }

    /// Deadline filters select exactly the rows the services used to select by SQL.
    func testDeadlineFilterSelectsBySourceStateAndAgreement() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let all = try p.store.exportDocument().deadlines
        try p.store.read { tx in
            let open = try tx.deadlines(.source(.changeNotice, "cn-0001", state: .open))
            XCTAssertEqual(Set(open.map(\.id)), Set(all.filter { $0.sourceKind == .changeNotice && $0.sourceId == "cn-0001" && $0.state == .open }.map(\.id)))
            XCTAssertFalse(open.isEmpty)
            let ordered = try tx.deadlines(DeadlineFilter(agreementIds: ["pureservice", "mobilize-me-dpa"], order: .actByThenId))
            XCTAssertEqual(ordered.map(\.id), all.filter { ["pureservice", "mobilize-me-dpa"].contains($0.agreementId) }
                .sorted { ($0.actByDate, $0.id) < ($1.actByDate, $1.id) }.map(\.id))
            XCTAssertEqual(try tx.deadlines(DeadlineFilter(rawDateAfter: day("2100-01-01"))), [])
        }
    }

    /// Grounds and sub-processor changes are questions the model answers.
    func testGroundsRuleAndSubProcessorChangeLiveOnTheModel() throws {
        XCTAssertTrue(ChangeKind.subProcessorAdded.isSubProcessorChange)
        XCTAssertTrue(ChangeKind.subProcessorReplaced.isSubProcessorChange)
        XCTAssertFalse(ChangeKind.termsChanged.isSubProcessorChange)
        let p = try Fixture.demo(today: day("2026-11-23"))
        let doc = try p.store.exportDocument()
        for notice in doc.changeNotices {
            let expected = doc.noticeRules.first { $0.agreementId == notice.agreementId && $0.groundsRequired
                && $0.applies(to: notice.kind) && $0.trigger != .terminationNotice }
            XCTAssertEqual(try p.groundsRequirement(noticeId: notice.id)?.id, expected?.id, notice.id)
            for rule in doc.noticeRules where rule.trigger == .terminationNotice {
                XCTAssertFalse(rule.requiresGrounds(forObjectionTo: notice))
            }
        }
        XCTAssertTrue(doc.changeNotices.contains { try! p.groundsRequirement(noticeId: $0.id) != nil })
    }
}
