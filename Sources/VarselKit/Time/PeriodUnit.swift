/// The unit of a notice period.
public enum PeriodUnit: String, Hashable, Codable, Sendable, CaseIterable {
    case hours, days, weeks, months, years
    case workingDays = "working_days"

    /// English singular, e.g. "working day".
    public var singular: String {
        switch self {
        case .hours: "hour"
        case .days: "day"
        case .weeks: "week"
        case .months: "month"
        case .years: "year"
        case .workingDays: "working day"
        }
    }

    /// English plural, e.g. "working days".
    public var plural: String { singular + "s" }

    /// The largest value `Period.parse` accepts for this unit (about 100 years; 10 years of hours).
    public var maximumValue: Int {
        switch self {
        case .hours: 87_600
        case .days: 36_600
        case .weeks: 5_220
        case .months: 1_200
        case .years: 100
        case .workingDays: 26_100
        }
    }
}
