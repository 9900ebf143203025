/// A named day on which no deadline can fall: a public holiday or an extra R5 day (e.g. julafton).
/// Plain weekends are not listed as `NonDeadlineDay`s.
public struct NonDeadlineDay: Hashable, Codable, Sendable {
    /// The date.
    public let date: CivilDate
    /// Local name with English in parentheses, e.g. "Julafton (Christmas Eve)". When two holidays fall on
    /// the same date the names are joined with " / ".
    public let name: String
    /// True for a public holiday; false for an extra non-deadline day such as julafton or Grundlovsdag.
    public let isPublicHoliday: Bool

    /// Creates a non-deadline day.
    public init(date: CivilDate, name: String, isPublicHoliday: Bool) {
        self.date = date
        self.name = name
        self.isPublicHoliday = isPublicHoliday
    }
}
