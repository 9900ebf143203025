import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Fixes from the session's code review: each test fails on the code before its fix.
final class ReviewFixTests: XCTestCase {
    private func store(term: AgreementTerm, start: String, endDate: String? = nil) throws -> any PortfolioStorage {
        let s = try TestBackend.makeStore()
        try s.seed { db in
            try db.insert(Party(id: "acme", name: "Acme AB", country: "SE"))
            try db.insert(Agreement(id: "acme", title: "Acme", kind: .serviceAgreement, counterpartyId: "acme", ourRole: .customer,
                          language: "sv", governingLaw: "Swedish law", calendar: .se, effectiveDate: day(start),
                          endDate: endDate.map(day), term: term))
        }
        return s
    }

    /// Notice on an auto-renewing agreement ends it at the end of the current term, not notice + 3 months.
    func testTerminatingAnAutoRenewingAgreementEndsWithTheTerm() throws {
        let term = AgreementTerm(kind: .autoRenewal, initialPeriod: Period(1, .years), renewalPeriod: Period(1, .years),
                                 noticePeriod: Period(3, .months))
        let s = try store(term: term, start: "2024-01-01")
        // In time for the term ending 31 Dec 2024 (latest notice 30 Sep 2024).
        var p = Portfolio(store: s, clock: .fixed(day("2024-09-30")), ids: SequentialIDGenerator(), user: "t")
        XCTAssertEqual(try p.previewTermination(agreementId: "acme", by: .us, date: day("2024-03-01")).endDate, day("2024-12-31"))
        XCTAssertEqual(try p.previewTermination(agreementId: "acme", by: .us, date: day("2024-09-30")).endDate, day("2024-12-31"))
        // A day late: the agreement renews once more.
        p.clock = .fixed(day("2024-10-01"))
        let late = try p.previewTermination(agreementId: "acme", by: .them, date: day("2024-10-01"))
        XCTAssertEqual(late.endDate, day("2025-12-31"))
        XCTAssertTrue(late.explanation.contains("term 2"), late.explanation)
    }

    /// A termination never moves a fixed end date later.
    func testTerminationNeverExtendsAFixedEnd() throws {
        let s = try store(term: AgreementTerm(kind: .fixed, initialPeriod: Period(18, .months), noticePeriod: Period(6, .months)),
                          start: "2024-01-01", endDate: "2025-06-30")
        let p = Portfolio(store: s, clock: .fixed(day("2025-03-01")), ids: SequentialIDGenerator(), user: "t")
        let (t, preview) = try p.recordTermination(agreementId: "acme", by: .us, date: day("2025-03-01"))
        XCTAssertEqual(t.endDate, day("2025-06-30"))
        XCTAssertEqual(preview.endDate, day("2025-06-30"))
        XCTAssertEqual(try p.queries.detail(agreementId: "acme").agreement.endDate, day("2025-06-30"))
    }

    /// Mixed units are counted from the end of the initial term, not chained.
    func testMixedUnitRenewalsAreNotChained() throws {
        let a = Agreement(id: "x", title: "x", kind: .serviceAgreement, counterpartyId: "p", ourRole: .customer, language: "sv",
                          governingLaw: "", calendar: .se, effectiveDate: day("2025-01-01"),
                          term: AgreementTerm(kind: .autoRenewal, initialPeriod: Period(30, .days), renewalPeriod: Period(1, .months),
                                              noticePeriod: Period(1, .weeks)))
        let s = try XCTUnwrap(RenewalSchedule(agreement: a))
        XCTAssertEqual(s.termEnd(0), day("2025-01-30"))
        // Renewals start 31 Jan; a month from 31 Jan runs to the end of February (no 31 Feb).
        XCTAssertEqual(s.termEnd(1), day("2025-02-28"))
        XCTAssertEqual(s.termEnd(3), day("2025-04-30"))   // 31 Jan + 3 months = 30 Apr (chaining would give 27/28 Apr)
    }

    /// Terms in hours or working days have no defined end: no schedule rather than a spinning one.
    func testRenewalInWorkingDaysIsRejected() {
        let a = Agreement(id: "x", title: "x", kind: .serviceAgreement, counterpartyId: "p", ourRole: .customer, language: "sv",
                          governingLaw: "", calendar: .se, effectiveDate: day("2025-01-01"),
                          term: AgreementTerm(kind: .autoRenewal, initialPeriod: Period(1, .years), renewalPeriod: Period(20, .workingDays),
                                              noticePeriod: Period(1, .weeks)))
        XCTAssertNil(RenewalSchedule(agreement: a))
    }

    /// With Saturdays as working days and eves excluded, a Saturday eve (julafton 2022) is not a working day.
    func testSaturdayEveIsNotAWorkingDayWhenEvesAreExcluded() {
        let se = HolidayCalendar(.se)
        let options = WorkingDayOptions(eveIsWorkingDay: false, saturdayIsWorkingDay: true)
        XCTAssertFalse(se.isWorkingDay(day("2022-12-24"), options: options))
        XCTAssertTrue(se.isWorkingDay(day("2022-12-17"), options: options))
    }
}
