import XCTest
import GRDB
@testable import VarselKit
@testable import VarselSQLite

/// The agenda head (first frame) must agree with the whole agenda: same first items, same counts.
final class AgendaHeadTests: XCTestCase {
    func testHeadMatchesTheWholeAgendaOnASyntheticPortfolio() throws {
        let store = try TestBackend.makeStore()
        let generated = try PortfolioGenerator(agreements: 1500, seed: 7, clock: .fixed(CivilDate(iso: "2026-11-23")!))
            .generate(into: store, user: "test")
        XCTAssertGreaterThan(generated.openDeadlines, 20)
        for iso in ["2026-11-23", "2026-12-24", "2027-03-28", "2027-06-30", "2028-02-29"] {
            let q = PortfolioQueries(store: store, today: CivilDate(iso: iso)!)
            let all = try q.agenda(within: 90)
            let head = try q.agendaHead(limit: 60)
            let counts = try q.agendaCounts()
            XCTAssertEqual(head.counts, counts, iso)
            XCTAssertEqual(head.total, all.count, iso)
            XCTAssertGreaterThan(all.count, 0, iso)
            // Exact for every item before the last act-by day fetched (ties there may differ).
            let n = min(head.items.count, all.count)
            let lastDay = head.items.last?.deadline.actByDate
            let exact = head.items.prefix(n).filter { $0.deadline.actByDate != lastDay }.count
            XCTAssertEqual(head.items.prefix(exact).map(\.id), all.prefix(exact).map(\.id), iso)
            XCTAssertEqual(head.items.prefix(exact), all.prefix(exact), iso)
        }
    }

    func testHeadOnTheDemoPortfolio() throws {
        let store = try TestBackend.makeStore()
        let clock = VarselClock.fixed(CivilDate(iso: "2026-11-23")!)
        try DemoPortfolio.load(into: store, clock: clock, user: "test")
        let q = PortfolioQueries(store: store, today: clock.today)
        let head = try q.agendaHead(limit: 200)
        XCTAssertEqual(head.items, try q.agenda(within: 90))
        XCTAssertEqual(head.counts.overdue, 1)
        XCTAssertEqual(head.counts.within14, 1)
        XCTAssertEqual(head.counts.within30, 2, "the Migrationsverket decision and the flagged Datadog objection")
        XCTAssertEqual(head.counts.within90, 1)
    }

    /// Handled renewals and terminated agreements leave the agenda and its counts alike (the
    /// counts skip the per-row handled test when nothing is handled, and read the active flag
    /// from the index).
    func testHeadCountsAfterHandlingARenewalAndTerminating() throws {
        let (_, p, clock) = try generatedPortfolio(agreements: 800, seed: 3)
        let renewals = try p.queries.agenda(within: 90).filter { $0.deadline.sourceKind == .term }
        XCTAssertGreaterThan(renewals.count, 3)
        _ = try p.handleDeadline(id: renewals[0].id, note: "told them")
        _ = try p.recordTermination(agreementId: renewals[1].deadline.agreementId, by: .us, date: clock.today)
        let all = try p.queries.agenda(within: 90)
        let head = try p.queries.agendaHead(limit: 50)
        XCTAssertFalse(all.contains { $0.id == renewals[0].id })
        XCTAssertFalse(all.contains { $0.id == renewals[1].id })
        XCTAssertEqual(head.counts, try p.queries.agendaCounts())
        XCTAssertEqual(head.total, all.count)
        XCTAssertEqual(head.items.prefix(20).map(\.id), all.prefix(20).map(\.id))
    }
}

/// Migration v4 fills `renewal_notices.prev_act_by_date` and `active` for rows written before it
/// exactly as `RenewalIndex` writes them now.
final class RenewalIndexMigrationTests: XCTestCase {
    func testV4FillMatchesTheIndexWriter() throws {
        try XCTSkipIf(TestBackend.current != .sqlite, "an SQLite migration")
        let (store, p, clock) = try generatedPortfolio(agreements: 400, seed: 11)
        let renewing = try p.queries.agenda(within: 365).filter { $0.deadline.sourceKind == .term }
        XCTAssertGreaterThan(renewing.count, 5)
        _ = try p.recordTermination(agreementId: renewing[0].deadline.agreementId, by: .them, date: clock.today)
        let sql = "SELECT agreement_id, term, prev_act_by_date, active FROM renewal_notices ORDER BY agreement_id, term"
        let written = try store.writer.read { try Row.fetchAll($0, sql: sql) }
        XCTAssertTrue(written.contains { ($0["active"] as Int) == 0 })
        try store.writer.write { db in
            try db.execute(sql: "UPDATE renewal_notices SET prev_act_by_date = NULL, active = 1")
            try db.execute(sql: Schema.v4Fill)
        }
        XCTAssertEqual(try store.writer.read { try Row.fetchAll($0, sql: sql) }, written)
    }
}

/// A synthetic portfolio in memory on 2026-11-23.
func generatedPortfolio(agreements: Int, seed: UInt64) throws -> (any PortfolioStorage, Portfolio, VarselClock) {
    let store = try TestBackend.makeStore()
    let clock = VarselClock.fixed(CivilDate(iso: "2026-11-23")!)
    _ = try PortfolioGenerator(agreements: agreements, seed: seed, clock: clock).generate(into: store, user: "test")
    return (store, Portfolio(store: store, clock: clock, user: "test"), clock)
}
