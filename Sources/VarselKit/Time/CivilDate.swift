/// A calendar date without time zone (proleptic Gregorian).
///
/// Valid years are 1…9999. Arithmetic is exact day arithmetic on a day number;
/// no `Calendar`, `TimeZone` or system clock is involved.
public struct CivilDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31.
    public let day: Int

    /// Creates a date; nil if the combination does not exist (e.g. 31 April, 29 Feb 2025) or the year is outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses strictly "YYYY-MM-DD" (ASCII digits, zero-padded); nil for anything else or an impossible date.
    public init?(iso: String) {
        var iso = iso
        guard let (y, m, d) = iso.withUTF8({ Self.parseISO($0) }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// "YYYY-MM-DD" as numbers, or nil (no allocation: dates are parsed for every agenda row).
    private static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    /// Internal unchecked initialiser from a day number (days since 1970-01-01).
    init(dayNumber z: Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// "2026-11-23".
    public var iso: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Same as `iso`.
    public var description: String { iso }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let r = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: r + 1)!
    }

    /// This date plus `days` days (negative goes back).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// This date plus `months` months with the same day number, clamped to the target month's last day (R3).
    /// Always computed from this date, never month by month: 31 Jan + 3 months = 30 Apr.
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = min(day, CivilDate.daysInMonth(year: y, month: m))
        return CivilDate(unchecked: y, m, d)
    }

    /// This date plus `years` years (R3); 29 Feb + 1 year = 28 Feb.
    public func adding(years: Int) -> CivilDate { adding(months: years * 12) }

    /// Number of days from this date to `other` (other − self); negative if `other` is earlier.
    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// True if this is the last day of its month.
    public var isLastDayOfMonth: Bool { day == CivilDate.daysInMonth(year: year, month: month) }

    /// The last day of this date's month.
    public var lastDayOfMonth: CivilDate {
        CivilDate(unchecked: year, month, CivilDate.daysInMonth(year: year, month: month))
    }

    /// The first day of this date's month.
    public var firstDayOfMonth: CivilDate { CivilDate(unchecked: year, month, 1) }

    /// True if `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in the month (28…31); 0 for a month outside 1…12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// English three-letter month abbreviations, index 0 = January.
    public static let monthShortNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Human text for explanations, e.g. "Mon 2 Mar 2026".
    public var humanText: String {
        "\(weekday.shortName) \(day) \(CivilDate.monthShortNames[month - 1]) \(year)"
    }

    /// Orders chronologically.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes from a single ISO string "YYYY-MM-DD"; throws `DecodingError.dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a date as \"YYYY-MM-DD\", got \"\(text)\"")
        }
        self = date
    }

    /// Encodes as a single ISO string "YYYY-MM-DD".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// Internal unchecked initialiser; callers guarantee a valid month and day.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}
