import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Auto-renewing agreements: the next day by which notice must be given, before and after each
/// renewal, across month ends, February in leap and common years, and year boundaries.
///
/// Expected dates are worked out by hand: a term that starts on day S and runs N months ends on the
/// day before day S of the month N months later — or, if that month has no day S, on its last day
/// (the term then runs to the month end, as in R3 / EU Regulation 1182/71). The notice day is the
/// term's last day − the notice period (R3, backward), moved earlier to a working day (R6).
final class RenewalScheduleTests: XCTestCase {
    private func portfolio(today: String, start: String, initial: Period, renewal: Period, notice: Period,
                           calendar: CalendarID = .se, store: (any PortfolioStorage)? = nil) throws -> Portfolio {
        let store = try store ?? {
            let s = try TestBackend.makeStore()
            try s.seed { db in
                try db.insert(Party(id: "acme", name: "Acme AB", orgNumber: "556000-0000", country: "SE"))
                try db.insert(Agreement(id: "acme-saas", title: "Acme SaaS-avtal", kind: .serviceAgreement, counterpartyId: "acme",
                              ourRole: .customer, language: "sv", governingLaw: "Swedish law", calendar: calendar,
                              effectiveDate: day(start),
                              term: AgreementTerm(kind: .autoRenewal, initialPeriod: initial, renewalPeriod: renewal,
                                                  noticePeriod: notice)))
            }
            return s
        }()
        return Portfolio(store: store, clock: .fixed(day(today)), ids: TestIDs(), user: "tester")
    }

    /// (term number, last day of the term, latest compliant notice day, act-by day) seen on `today`.
    private func next(_ p: Portfolio) throws -> (Int, String, String, String) {
        let a = try p.store.read { db in try XCTUnwrap(db.record(Agreement.self, id: "acme-saas")) }
        let d = try XCTUnwrap(p.queries.renewalDeadline(a))
        let term = Int(d.id.split(separator: "-").last!)!
        XCTAssertEqual(d.id, "dl-term-acme-saas-\(term)")
        XCTAssertEqual(d.sourceKind, .term)
        XCTAssertEqual(d.what, "Give notice to stop the renewal (term \(term) ends \(d.anchorDate.iso))")
        XCTAssertEqual(d.dueDate, d.rawDate)
        return (term, d.anchorDate.iso, d.rawDate.iso, d.actByDate.iso)
    }

    private func assertNext(_ today: String, _ term: Int, ends: String, raw: String, actBy: String,
                            start: String, initial: Period, renewal: Period, notice: Period,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let p = try portfolio(today: today, start: start, initial: initial, renewal: renewal, notice: notice)
        let (k, e, r, a) = try next(p)
        XCTAssertEqual(k, term, "term seen on \(today)", file: file, line: line)
        XCTAssertEqual(e, ends, "term end seen on \(today)", file: file, line: line)
        XCTAssertEqual(r, raw, "notice day seen on \(today)", file: file, line: line)
        XCTAssertEqual(a, actBy, "act-by day seen on \(today)", file: file, line: line)
    }

    // (a) 3 years from 1 Jan 2024, then yearly, 3 months' notice.
    func testThreeYearsThenYearlyWithThreeMonthsNotice() throws {
        let t = (start: "2024-01-01", initial: Period(3, .years), renewal: Period(1, .years), notice: Period(3, .months))
        func check(_ today: String, _ term: Int, _ ends: String, _ raw: String, _ actBy: String, line: UInt = #line) throws {
            try assertNext(today, term, ends: ends, raw: raw, actBy: actBy, start: t.start, initial: t.initial,
                           renewal: t.renewal, notice: t.notice, line: line)
        }
        // Initial term ends Thu 31 Dec 2026; 31 Dec − 3 months = Wed 30 Sep 2026.
        try check("2024-01-01", 1, "2026-12-31", "2026-09-30", "2026-09-30")
        try check("2026-09-29", 1, "2026-12-31", "2026-09-30", "2026-09-30")
        try check("2026-09-30", 1, "2026-12-31", "2026-09-30", "2026-09-30")
        // The day after, the agreement will renew: next is term 2, ending 31 Dec 2027 (notice Thu 30 Sep 2027).
        try check("2026-10-01", 2, "2027-12-31", "2027-09-30", "2027-09-30")
        try check("2027-01-01", 2, "2027-12-31", "2027-09-30", "2027-09-30")
        try check("2027-09-30", 2, "2027-12-31", "2027-09-30", "2027-09-30")
        // Term 3: 30 Sep 2028 is a Saturday → act by Fri 29 Sep 2028.
        try check("2027-10-01", 3, "2028-12-31", "2028-09-30", "2028-09-29")
        try check("2028-09-29", 3, "2028-12-31", "2028-09-30", "2028-09-29")
        // Term 4: 30 Sep 2029 is a Sunday → act by Fri 28 Sep 2029.
        try check("2028-09-30", 4, "2029-12-31", "2029-09-30", "2029-09-28")
    }

    func testRenewalNoticeOnTheAgendaAndHandledById() throws {
        let p = try portfolio(today: "2026-08-01", start: "2024-01-01", initial: Period(3, .years),
                              renewal: Period(1, .years), notice: Period(3, .months))
        XCTAssertNil(try p.queries.agenda(within: 59).first { $0.id == "dl-term-acme-saas-1" })
        let item = try XCTUnwrap(p.queries.agenda(within: 60).first { $0.id == "dl-term-acme-saas-1" })
        XCTAssertEqual(item.daysLeft, 60)
        XCTAssertEqual(item.window, .within90)
        XCTAssertEqual(item.counterparty, "Acme AB")
        XCTAssertEqual(item.deadline.explanation,
                       "at least 3 months before term 1 ends Thu 31 Dec 2026 = Wed 30 Sep 2026 (R3: no 31 Sep, month end); act by Wed 30 Sep 2026 (R6)")

        let audit = try Fixture.auditCount(p.store)
        let handled = try p.handleDeadline(id: "dl-term-acme-saas-1", note: "Notice sent by registered letter")
        XCTAssertEqual(handled.state, .handled)
        XCTAssertEqual(handled.handledDate, day("2026-08-01"))
        XCTAssertEqual(try Fixture.auditCount(p.store), audit + 1)
        XCTAssertEqual(try Fixture.lastAudit(p.store)?.action, "handle_deadline")
        let stored = try p.store.read { db in try db.record(Deadline.self, id: "dl-term-acme-saas-1") }
        XCTAssertEqual(stored?.state, .handled)
        XCTAssertEqual(stored?.actByDate, day("2026-09-30"))
        XCTAssertEqual(stored?.handledNote, "Notice sent by registered letter")
        XCTAssertNil(try p.queries.agenda(within: 365).first { $0.id == "dl-term-acme-saas-1" })
        // Handling twice is refused and writes nothing.
        assertVarselError(.conflict, at: "deadline") { try p.handleDeadline(id: "dl-term-acme-saas-1") }
        XCTAssertEqual(try Fixture.auditCount(p.store), audit + 1)
        // A renewal id of a term that is not the next one is unknown.
        assertVarselError(.notFound, at: "deadline") { try p.handleDeadline(id: "dl-term-acme-saas-2") }
    }

    // (b) From 31 Jan 2025 (a month end): 1 year, then monthly, 1 month's notice.
    func testMonthEndStartWithMonthlyRenewalsAcrossFebruary() throws {
        let t = (start: "2025-01-31", initial: Period(1, .years), renewal: Period(1, .months), notice: Period(1, .months))
        func check(_ today: String, _ term: Int, _ ends: String, _ raw: String, _ actBy: String, line: UInt = #line) throws {
            try assertNext(today, term, ends: ends, raw: raw, actBy: actBy, start: t.start, initial: t.initial,
                           renewal: t.renewal, notice: t.notice, line: line)
        }
        // Initial term: 31 Jan 2025 – Fri 30 Jan 2026; notice Tue 30 Dec 2025.
        try check("2025-12-30", 1, "2026-01-30", "2025-12-30", "2025-12-30")
        // Term 2 runs to the end of February (there is no 30 Feb): Sat 28 Feb 2026; notice Wed 28 Jan 2026.
        try check("2025-12-31", 2, "2026-02-28", "2026-01-28", "2026-01-28")
        // Term 3: 1 Mar – Mon 30 Mar 2026; 30 Mar − 1 month = Sat 28 Feb (no 30 Feb) → act by Fri 27 Feb.
        try check("2026-01-29", 3, "2026-03-30", "2026-02-28", "2026-02-27")
        // On Sat 28 Feb the act-by day has passed: term 4 ends Thu 30 Apr 2026 (no 31 Apr); notice Mon 30 Mar.
        try check("2026-02-28", 4, "2026-04-30", "2026-03-30", "2026-03-30")
        // February 2027 (common year): term 14 ends Sun 28 Feb 2027; notice Thu 28 Jan 2027.
        try check("2026-12-31", 14, "2027-02-28", "2027-01-28", "2027-01-28")
        // Term 15 ends Tue 30 Mar 2027; 28 Feb 2027 is a Sunday → act by Fri 26 Feb 2027.
        try check("2027-01-29", 15, "2027-03-30", "2027-02-28", "2027-02-26")
        // February 2028 (leap year): term 26 ends on the leap day Tue 29 Feb 2028;
        // notice Sat 29 Jan 2028 → act by Fri 28 Jan 2028.
        try check("2027-12-31", 26, "2028-02-29", "2028-01-29", "2028-01-28")
        // Term 27 ends Thu 30 Mar 2028; notice on the leap day itself, Tue 29 Feb 2028.
        try check("2028-01-29", 27, "2028-03-30", "2028-02-29", "2028-02-29")
        try check("2028-02-29", 27, "2028-03-30", "2028-02-29", "2028-02-29")
        // Term 28 ends Sun 30 Apr 2028 (no 31 Apr); notice Thu 30 Mar 2028.
        try check("2028-03-01", 28, "2028-04-30", "2028-03-30", "2028-03-30")
    }

    func testTermEndsOfAMonthEndStart() throws {
        let a = Agreement(id: "x", title: "x", kind: .other, counterpartyId: "x", ourRole: .customer, language: "sv",
                          governingLaw: "Swedish law", calendar: .se, effectiveDate: day("2025-01-31"),
                          term: AgreementTerm(kind: .autoRenewal, initialPeriod: Period(1, .years),
                                              renewalPeriod: Period(1, .months), noticePeriod: Period(1, .months)))
        let s = try XCTUnwrap(RenewalSchedule(agreement: a))
        XCTAssertEqual((0..<8).map { s.termEnd($0).iso }, [
            "2026-01-30", "2026-02-28", "2026-03-30", "2026-04-30", "2026-05-30", "2026-06-30", "2026-07-30", "2026-08-30",
        ])
        XCTAssertEqual(s.termEnd(25).iso, "2028-02-29")
        // Terms that start on the 1st end on the last day of the month before; no drift.
        var b = a; b.effectiveDate = day("2024-03-01"); b.term.initialPeriod = Period(1, .months)
        let s2 = try XCTUnwrap(RenewalSchedule(agreement: b))
        XCTAssertEqual((0..<4).map { s2.termEnd($0).iso }, ["2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30"])
        // A 1-year term from the leap day runs to the end of February of the next year.
        var c = a; c.effectiveDate = day("2024-02-29"); c.term.initialPeriod = Period(1, .years); c.term.renewalPeriod = Period(1, .years)
        let s3 = try XCTUnwrap(RenewalSchedule(agreement: c))
        XCTAssertEqual((0..<5).map { s3.termEnd($0).iso }, ["2025-02-28", "2026-02-28", "2027-02-28", "2028-02-28", "2029-02-28"])
    }

    // (c) Year boundary: 2 years from 1 Feb 2024, then yearly, 1 month's notice. Terms end on 31 Jan;
    // the notice day 31 Dec is nyårsafton (not a working day in Sweden) → act by 30 Dec of the year before.
    func testNoticeAcrossTheYearBoundary() throws {
        let t = (start: "2024-02-01", initial: Period(2, .years), renewal: Period(1, .years), notice: Period(1, .months))
        func check(_ today: String, _ term: Int, _ ends: String, _ raw: String, _ actBy: String, line: UInt = #line) throws {
            try assertNext(today, term, ends: ends, raw: raw, actBy: actBy, start: t.start, initial: t.initial,
                           renewal: t.renewal, notice: t.notice, line: line)
        }
        try check("2025-12-01", 1, "2026-01-31", "2025-12-31", "2025-12-30")
        try check("2025-12-30", 1, "2026-01-31", "2025-12-31", "2025-12-30")
        try check("2025-12-31", 2, "2027-01-31", "2026-12-31", "2026-12-30")
        try check("2026-01-01", 2, "2027-01-31", "2026-12-31", "2026-12-30")
        try check("2026-12-31", 3, "2028-01-31", "2027-12-31", "2027-12-30")
    }

    func testAgreementsThatAreNotAutoRenewingOrNotActiveHaveNoRenewalNotice() throws {
        let p = try portfolio(today: "2026-08-01", start: "2024-01-01", initial: Period(3, .years),
                              renewal: Period(1, .years), notice: Period(3, .months))
        try TestBackend.execute(p.store, "UPDATE agreements SET status = 'terminating' WHERE id = 'acme-saas'")
        let a = try p.store.read { db in try XCTUnwrap(db.record(Agreement.self, id: "acme-saas")) }
        XCTAssertNil(p.queries.renewalDeadline(a))
        XCTAssertTrue(try p.queries.agenda(within: 3650).isEmpty)
        // The first frame's counts read the status from an index: the same answer.
        XCTAssertEqual(try p.queries.agendaHead(limit: 10).total, 0)
        // Active again (by any means): the renewal is back, in the agenda and in its counts.
        try TestBackend.execute(p.store, "UPDATE agreements SET status = 'active' WHERE id = 'acme-saas'")
        let back = try p.queries.agenda(within: 90)
        XCTAssertEqual(back.count, 1)
        XCTAssertEqual(try p.queries.agendaHead(limit: 10).total, back.count)
    }
}
