/// The terms of an auto-renewing agreement and the next day by which notice must be given.
///
/// Term ends are always computed from the start date (start + initial + k·renewal), never by
/// chaining, so month ends do not drift (R3). A term renews when its notice day has passed.
public struct RenewalSchedule: Sendable {
    public let start: CivilDate
    public let initial: Period
    public let renewal: Period
    public let notice: Period
    public let calendar: CalendarID
    let engine = DeadlineEngine()

    /// A schedule from its parts.
    public init(start: CivilDate, initial: Period, renewal: Period, notice: Period, calendar: CalendarID) {
        self.start = start; self.initial = initial; self.renewal = renewal; self.notice = notice; self.calendar = calendar
    }

    /// nil unless the term is auto-renewing with all three periods and the agreement has a start date.
    public init?(agreement: Agreement) {
        guard agreement.term.kind == .autoRenewal, let start = agreement.effectiveDate ?? agreement.signedDate,
              let initial = agreement.term.initialPeriod, let renewal = agreement.term.renewalPeriod,
              let notice = agreement.term.noticePeriod,
              // Terms run in calendar units; a term in hours or working days has no defined end.
              Self.isTermUnit(initial), Self.isTermUnit(renewal), renewal.value > 0 else { return nil }
        self.start = start; self.initial = initial; self.renewal = renewal; self.notice = notice
        self.calendar = agreement.calendar
    }

    /// The end of term number `k` (0 = initial term), as the last day of the term.
    public func termEnd(_ k: Int) -> CivilDate {
        switch (Self.months(initial), Self.months(renewal), Self.days(initial), Self.days(renewal)) {
        case let (mi?, mr?, _, _):
            // The term ends the day before the start's day number in the last month; if that month has
            // no such day (a term from 31 Jan), it runs to the month's end (28/29 Feb), not a day short.
            let next = start.adding(months: mi + k * mr)
            return next.day == start.day ? next.adding(days: -1) : next
        case let (_, _, di?, dr?):
            return start.adding(days: di + k * dr).adding(days: -1)
        default:
            // Mixed units: the initial term's end, then k renewals counted in one step from the day
            // after it (never chained, R3), with the same month-end rule as above.
            let initialEnd = Self.end(of: initial, from: start)
            guard k > 0 else { return initialEnd }
            let renewalStart = initialEnd.adding(days: 1)
            if let mr = Self.months(renewal) {
                let next = renewalStart.adding(months: k * mr)
                return next.day == renewalStart.day ? next.adding(days: -1) : next
            }
            return renewalStart.adding(days: k * (Self.days(renewal) ?? 0)).adding(days: -1)
        }
    }

    /// The last day of one period from `start`.
    static func end(of p: Period, from start: CivilDate) -> CivilDate {
        if let m = months(p) {
            let next = start.adding(months: m)
            return next.day == start.day ? next.adding(days: -1) : next
        }
        return start.adding(days: (days(p) ?? 0) - 1)
    }

    /// The notice computation for term `k`: at least `notice` before the term ends.
    public func noticeDeadline(_ k: Int) -> DeadlineComputation {
        // Counted back from the term's last day: the conservative reading of "before the term ends".
        engine.compute(DeadlineInput(anchor: termEnd(k), period: notice, direction: .before,
                                     calendar: calendar, anchorLabel: "term \(k + 1) ends"))
    }

    /// The first term whose notice act-by day is today or later.
    public func currentTerm(today: CivilDate) -> Int {
        var k = 0
        while noticeDeadline(k).actByDate < today && k < 10_000 { k += 1 }
        return k
    }

    static func isTermUnit(_ p: Period) -> Bool { [.days, .weeks, .months, .years].contains(p.unit) }

    static func months(_ p: Period) -> Int? {
        switch p.unit { case .months: p.value; case .years: p.value * 12; default: nil }
    }
    static func days(_ p: Period) -> Int? {
        switch p.unit { case .days: p.value; case .weeks: p.value * 7; default: nil }
    }
}
