/// How a contract defines a working day (R4). The defaults follow the spec: a day is a working day
/// unless it is a weekend day or a public holiday.
public struct WorkingDayOptions: Hashable, Codable, Sendable {
    /// When false, the calendar's extra non-deadline weekdays (SE: midsommarafton, julafton, nyårsafton;
    /// DK: Grundlovsdag, 24 Dec, 31 Dec) are not working days. Default true.
    public var eveIsWorkingDay: Bool
    /// When true, a Saturday that is not a public holiday is a working day (Norwegian "virkedag"). Default false.
    public var saturdayIsWorkingDay: Bool

    /// Creates options; the defaults are the spec defaults.
    public init(eveIsWorkingDay: Bool = true, saturdayIsWorkingDay: Bool = false) {
        self.eveIsWorkingDay = eveIsWorkingDay
        self.saturdayIsWorkingDay = saturdayIsWorkingDay
    }

    /// Decodes, using the defaults for missing keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        eveIsWorkingDay = try c.decodeIfPresent(Bool.self, forKey: .eveIsWorkingDay) ?? true
        saturdayIsWorkingDay = try c.decodeIfPresent(Bool.self, forKey: .saturdayIsWorkingDay) ?? false
    }
}
