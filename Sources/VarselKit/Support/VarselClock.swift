import Foundation

/// The injected notion of "now": the day deadlines are counted from and the instant audit rows carry.
///
/// Nothing inside the library reads the system clock; the executable builds one of these from
/// `--today`, `VARSEL_TODAY` or the system date, and tests pass fixed values.
public struct VarselClock: Sendable {
    /// The day deadlines are counted from.
    public var today: CivilDate
    /// Produces the wall-clock instant for audit rows.
    public var now: @Sendable () -> Date

    public init(today: CivilDate, now: @escaping @Sendable () -> Date) {
        self.today = today; self.now = now
    }

    /// A fully fixed clock for tests: `today` at 09:00 UTC.
    public static func fixed(_ today: CivilDate) -> VarselClock {
        var comps = DateComponents()
        comps.year = today.year; comps.month = today.month; comps.day = today.day; comps.hour = 9
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let date = cal.date(from: comps)!
        return VarselClock(today: today, now: { date })
    }
}

