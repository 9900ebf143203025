import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Moving around: Enter lands on the rule or notice an agenda item came from, rules in clause
/// order, the hint bar keeps help, the preview, n/N between matches, the register's filter,
/// reopening from the notices, and sorting.
final class NavigationTests: XCTestCase {
    @MainActor static func demoWorkbench() throws -> Bench {
        let store = try VarselStore.inMemory()
        try DemoPortfolio.load(into: store, clock: .fixed(Fixture.today), user: "test")
        return Bench(Workbench(portfolio: Portfolio(store: store, clock: .fixed(Fixture.today), user: "test"), databaseLabel: "demo.sqlite"))
    }

    func testRulesAreListedInClauseOrder() throws {
        try onMain {
            let wb = try Self.demoWorkbench()
            let rules = try XCTUnwrap(wb.detail("migrationsverket-e-tjanster")).rules.map { $0.rule.clauseRef ?? "" }
            XCTAssertEqual(rules, ["3.3", "8", "10.1", "10.2", "11.1", "11.2", "11.2", "11.2"])
            XCTAssertTrue(ClauseOrder.areInOrder("2.9", "7.2"))
            XCTAssertTrue(ClauseOrder.areInOrder("7.3", "7.10"))
            XCTAssertTrue(ClauseOrder.areInOrder("8.6", "8.6.3"))
            XCTAssertTrue(ClauseOrder.areInOrder("9", nil))
            XCTAssertFalse(ClauseOrder.areInOrder("11.2", "3.3"))
        }
    }

    func testEnterOnAnAgendaItemLandsOnItsRule() throws {
        try onMain {
            let wb = try Self.demoWorkbench()
            // The audit notice (event, clause 6.2) is the last agenda item; 6.2 is not the first rule.
            wb.press(.char("G"))
            XCTAssertEqual(wb.selectedAgendaItem?.deadline.clauseRef, "6.2")
            wb.press(.enter)
            XCTAssertEqual(wb.state.detailTab, .rules)
            let b = wb.render(width: 100, height: 20)
            // The first body row of the detail (under the tab bar and the title) is the rule's heading.
            XCTAssertTrue(b.line(4).hasPrefix("6.2 Give notice of the audit"), b.text)
            XCTAssertGreaterThan(wb.state.detailScroll, 0, "5.2 comes before 6.2, so the tab is scrolled")
            // Scrolling works from there and the anchor is used once.
            wb.press(.char("k"))
            XCTAssertFalse(wb.render(width: 100, height: 20).line(4).hasPrefix("6.2 Give notice"))
        }
    }

    func testEnterOnAChangeNoticeDeadlineLandsOnTheNotice() throws {
        try onMain {
            let wb = try Self.demoWorkbench()
            let i = try XCTUnwrap(wb.agendaItems.firstIndex { $0.deadline.sourceKind == .changeNotice && $0.deadline.agreementId == "migrationsverket-e-tjanster" })
            for _ in 0..<i { wb.press(.char("j")) }
            let id = try XCTUnwrap(wb.selectedAgendaItem?.deadline.sourceId)
            wb.press(.enter)
            XCTAssertEqual(wb.state.detailTab, .notices)
            // The tab fits on screen here, so it is not scrolled; the notice is in view.
            XCTAssertTrue(wb.render(width: 100, height: 20).text.contains("open · \(id)"))
        }
    }

    func testHintBarKeepsHelpAt80AndAt60Columns() throws {
        try onMain {
            let wb = try Fixture.workbench()
            for context in [0, 1] {
                if context == 1 { wb.press(.char("2"), .enter) }
                for w in [60, 80] {
                    let b = wb.render(width: w, height: 24)
                    XCTAssertTrue(b.line(23).contains("? help"), "\(w): \(b.line(23))")
                }
            }
        }
    }

    func testPreviewFollowsTheSelection() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"))
            let s = wb.screen(80, 24)
            XCTAssertTrue(s.contains("Object to the new sub-processor — Pureservice tjenesteavtale v2.5 · clause"), s)
            XCTAssertTrue(wb.screen(160, 48).contains("Object to the new sub-processor — Pureservice tjenesteavtale v2.5 · clause 8.6.3 · us act"))
            XCTAssertTrue(s.contains("Why: 4 weeks after notice received"), s)
        }
    }

    func testNAndShiftNMoveBetweenMatchesAndCRecordsANotice() throws {
        try onMain {
            let wb = try Fixture.workbench()
            // n without a search opens no form; it says how to search.
            wb.press(.char("n"))
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(wb.state.status?.isError, true)
            wb.press(.char("/")); wb.type("object"); wb.press(.enter)
            XCTAssertEqual(wb.agendaItems.count, 2)
            XCTAssertEqual(wb.state.agenda.selected, 0)
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.agenda.selected, 1)
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.agenda.selected, 0, "n wraps around")
            XCTAssertEqual(wb.state.status?.text, "Search wrapped to the top")
            wb.press(.char("N"))
            XCTAssertEqual(wb.state.agenda.selected, 1)
            XCTAssertNil(wb.state.form)
            // The change-notice form moved to c.
            wb.press(.char("c"))
            XCTAssertEqual(wb.state.form?.title, "Record change notice")
        }
    }

    func testRegisterFilterFoldsUnicodeAndShowsStatus() throws {
        try onMain {
            let wb = try Fixture.workbench()
            try wb.portfolio.recordChangeNotice(ChangeNoticeDraft(
                agreementId: "pub-avtal", kind: .subProcessorAdded, receivedDate: Fixture.today, summary: "Åbo hosting",
                subProcessor: SubProcessorDraft(name: "Åbo Datacenter Oy", country: "FI", purpose: "Hosting")))
            wb.dataChanged()
            wb.press(.char("3"), .char("/"))
            wb.type("åbo")
            var s = wb.screen(100, 30)
            XCTAssertTrue(s.contains("Åbo Datacenter Oy"), s)
            XCTAssertTrue(s.contains("Sub-processor (1)"), s)
            wb.press(.backspace, .backspace, .backspace)
            wb.type("ÅBO DATA")
            XCTAssertTrue(wb.screen(100, 30).contains("Sub-processor (1)"))
            wb.press(.escape)
            // An objected use is visible in the list, not only under it.
            try wb.portfolio.recordObjection(noticeId: "cn-0001", grounds: "US transfer")
            wb.dataChanged()
            s = wb.screen(100, 30)
            let twilio = try XCTUnwrap(s.split(separator: "\n").first { $0.contains("Twilio Ireland Ltd") && !$0.contains(":") })
            XCTAssertTrue(twilio.contains("objected"), String(twilio))
            let proposed = try XCTUnwrap(s.split(separator: "\n").first { $0.contains("Åbo Datacenter Oy") })
            XCTAssertTrue(proposed.contains("proposed"), String(proposed))
        }
    }

    func testSCyclesTheSortOrderWithinEachWindow() throws {
        try onMain {
            let wb = try Fixture.workbench()
            _ = wb.tick()
            // Within 14 days: Pureservice (1 Dec) before Personuppgiftsbiträdesavtal (4 Dec) by act-by day.
            XCTAssertEqual(wb.agendaItems.map(\.deadline.agreementId), ["pureservice", "pureservice", "pub-avtal"])
            wb.press(.char("s"))
            XCTAssertEqual(wb.state.status?.text, "Agenda sorted by agreement within each window (s: next order)")
            XCTAssertEqual(wb.agendaItems.map(\.deadline.agreementId), ["pureservice", "pub-avtal", "pureservice"],
                           "by agreement inside Within 14 days; the overdue item stays first")
            XCTAssertTrue(wb.screen(100, 30).contains("Within 14 days (2)"))
            wb.press(.char("s"), .char("s"))
            XCTAssertEqual(wb.state.agendaSort, .actBy)
            XCTAssertEqual(wb.agendaItems.map(\.deadline.agreementId), ["pureservice", "pureservice", "pub-avtal"])
            try wb.portfolio.recordObjection(noticeId: "cn-0002", grounds: "Nets A/S lacks ISO 27001")
            wb.dataChanged()
            wb.press(.char("4"))
            XCTAssertEqual(wb.noticeRows.map(\.date.iso), ["2026-11-03", "2026-11-20"], "open first")
            wb.press(.char("s"))
            XCTAssertEqual(wb.noticeRows.map(\.date.iso), ["2026-11-20", "2026-11-03"], "newest first")
        }
    }
}
