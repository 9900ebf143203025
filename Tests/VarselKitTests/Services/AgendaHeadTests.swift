import XCTest
@testable import VarselKit

/// The agenda head (first frame) must agree with the whole agenda: same first items, same counts.
final class AgendaHeadTests: XCTestCase {
    func testHeadMatchesTheWholeAgendaOnASyntheticPortfolio() throws {
        let store = try VarselStore.inMemory()
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
        let store = try VarselStore.inMemory()
        let clock = VarselClock.fixed(CivilDate(iso: "2026-11-23")!)
        try DemoPortfolio.load(into: store, clock: clock, user: "test")
        let q = PortfolioQueries(store: store, today: clock.today)
        let head = try q.agendaHead(limit: 200)
        XCTAssertEqual(head.items, try q.agenda(within: 90))
        XCTAssertEqual(head.counts.overdue, 1)
        XCTAssertEqual(head.counts.within14, 1)
        XCTAssertEqual(head.counts.within30, 1)
        XCTAssertEqual(head.counts.within90, 1)
    }
}
