/// The counting rules of docs/deadline-rules.md; each computation lists the rules that produced its dates.
public enum DeadlineRule: String, Hashable, Codable, Sendable, CaseIterable {
    case r1DaysForward = "R1"
    case r2Weeks = "R2"
    case r3Months = "R3"
    case r4WorkingDays = "R4"
    case r5RollForward = "R5"
    case r6Backward = "R6"
    case r7Hours = "R7"
    case r8EndOfMonth = "R8"
    case r9RollEarlier = "R9"
    case r10Cap = "R10"

    /// A short human title, e.g. "R3 Months and years: same day number, or the month's last day".
    public var title: String {
        switch self {
        case .r1DaysForward: "R1 Days: A + N days, the event day not counted"
        case .r2Weeks: "R2 Weeks: A + 7·N days, same weekday"
        case .r3Months: "R3 Months and years: same day number, or the month's last day"
        case .r4WorkingDays: "R4 Working days: counted one by one from the day after A"
        case .r5RollForward: "R5 Roll forward: a due day that is not a deadline day moves to the next one"
        case .r6Backward: "R6 Backward period: never rolled forward; act by the previous working day"
        case .r7Hours: "R7 Hours: exact time + N real hours in the agreement's time zone, no weekend roll"
        case .r8EndOfMonth: "R8 To the end of a month: moved to that month's last day"
        case .r9RollEarlier: "R9 Roll earlier: a due day that is not a deadline day moves to the previous one"
        case .r10Cap: "R10 Cap: a window that must close before an event ends before it, moved earlier"
        }
    }
}
