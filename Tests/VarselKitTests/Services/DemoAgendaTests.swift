import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The demo portfolio must show an overdue item and items in each of the 14/30/90-day windows
/// whatever day it is loaded on — weekends, Christmas, Easter, Midsummer and leap days included.
final class DemoAgendaTests: XCTestCase {
    static let days = [
        "2026-11-23", // Monday (the brief's example day)
        "2026-11-25", // Wednesday
        "2026-11-28", // Saturday
        "2026-11-29", // Sunday
        "2026-12-20", // Sunday before Christmas
        "2026-12-24", // julafton
        "2026-12-27", // between Christmas and New Year
        "2026-12-31", // nyårsafton
        "2027-01-01", // New Year's Day
        "2027-03-12", // a change 18 days later would apply the day after Easter Monday 2027 (act-by 13 days away)
        "2027-03-25", // Maundy Thursday 2027
        "2027-03-26", // Good Friday 2027
        "2027-03-29", // Easter Monday 2027
        "2027-03-30", // a claim 5 days ago would fall on Maundy Thursday (NO) and roll to today
        "2027-05-06", // Ascension 2027
        "2027-05-17", // Norwegian Constitution Day
        "2026-06-19", // midsommarafton 2026
        "2026-06-20", // Midsummer Day 2026
        "2028-02-29", // leap day
        "2025-12-24", // julafton on a Wednesday
    ]

    func testDemoAgendaHasEveryWindowOnManyDays() throws {
        for iso in Self.days {
            let p = try Fixture.demo(today: day(iso))
            let items = try p.queries.agenda(within: 90)
            let windows = Dictionary(grouping: items, by: \.window).mapValues(\.count)
            let listing = items.map { "\($0.window.rawValue) \($0.deadline.actByDate.iso) \($0.id)" }.joined(separator: "\n  ")
            for w in [AgendaWindow.overdue, .within14, .within30, .within90] {
                XCTAssertGreaterThanOrEqual(windows[w] ?? 0, 1, "today \(iso): no \(w.rawValue) item:\n  \(listing)")
            }
            XCTAssertNil(windows[.later], "today \(iso): agenda(within: 90) returned a later item")
            for item in items {
                XCTAssertFalse((item.deadline.clauseRef ?? "").isEmpty, "today \(iso): \(item.id) has no clause")
                XCTAssertFalse(item.deadline.explanation.trimmingCharacters(in: .whitespaces).isEmpty, "today \(iso): \(item.id)")
                XCTAssertEqual(item.daysLeft, day(iso).days(until: item.deadline.actByDate))
                XCTAssertEqual(item.window, AgendaWindow(daysLeft: item.daysLeft))
                XCTAssertEqual(item.status, item.daysLeft < 0 ? .missed : .open)
            }
            let counts = try p.queries.agendaCounts()
            XCTAssertEqual(counts.overdue, windows[.overdue] ?? 0, iso)
            XCTAssertEqual(counts.within14, windows[.within14] ?? 0, iso)
            XCTAssertEqual(counts.within30, windows[.within30] ?? 0, iso)
            XCTAssertEqual(counts.within90, windows[.within90] ?? 0, iso)
        }
    }

    func testDemoAgendaOnTheBriefsExampleDay() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let items = try p.queries.agenda(within: 90)
        XCTAssertEqual(items.map(\.id), [
            "dl-ev-0002-pureservice-sla-credit-claim",
            "dl-cn-0001-pureservice-subprocessor-objection",
            "dl-cn-0002-migrationsverket-e-tjanster-change-decision",
            "dl-cn-0005-pureservice-subprocessor-objection",
            "dl-ev-0001-pub-avtal-bilaga3-audit-notice",
        ])
        XCTAssertEqual(items.map(\.deadline.actByDate.iso), ["2026-11-11", "2026-11-30", "2026-12-14", "2026-12-16", "2027-01-07"])
        XCTAssertEqual(items.map(\.deadline.clauseRef), ["4.3", "8.6.3", "11.2", "8.6.3", "6.2"])
        XCTAssertEqual(items.map(\.window), [.overdue, .within14, .within30, .within30, .within90])
        // Pureservice C.5/C.6: the US sub-processor's window is flagged on the agenda row.
        XCTAssertEqual(items[3].deadline.flag,
                       "Outside the EEA: Datadog, Inc. is in US; processing or transfer outside the EEA needs our written consent (C.5, C.6)")
        XCTAssertTrue(items.filter { $0.id != items[3].id }.allSatisfy { $0.deadline.flag == nil })
        XCTAssertEqual(items[1].deadline.explanation,
                       "4 weeks after notice received Tue 3 Nov 2026 (8.6.3) = Tue 1 Dec 2026; "
                       + "but it must be done before the change applies Tue 1 Dec 2026, so act by Mon 30 Nov 2026 (R10)")
        // The handled Mobilize Me notice is not on the agenda.
        XCTAssertFalse(items.contains { $0.deadline.agreementId == "mobilize-me-dpa" })
    }
}
