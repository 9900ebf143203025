import Foundation

/// The time zone hour periods (R7) are counted in: the agreement's calendar country.
///
/// Sweden, Denmark and Norway all keep Central European Time (CET, UTC+1) and summer time (CEST, UTC+2)
/// with the EU switch dates; the zone's own rules (tzdata) decide, not a table here.
public enum TimeZoneRule {
    /// The IANA zone of a calendar: Europe/Stockholm, Europe/Copenhagen, Europe/Oslo.
    public static func identifier(for calendar: CalendarID) -> String {
        switch calendar {
        case .se: "Europe/Stockholm"
        case .dk: "Europe/Copenhagen"
        case .no: "Europe/Oslo"
        }
    }

    /// Adds `hours` real (elapsed) hours to a local wall-clock time in the calendar's zone.
    /// Returns the local date, minutes after midnight, and whether each end is in summer time.
    static func adding(hours: Int, to date: CivilDate, minutes: Int, in calendar: CalendarID)
        -> (date: CivilDate, minutes: Int, startSummer: Bool, endSummer: Bool) {
        let zone = TimeZone(identifier: identifier(for: calendar))!
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        // A wall-clock time that does not exist (the hour skipped in spring) resolves to the later side.
        let start = cal.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                  hour: minutes / 60, minute: minutes % 60))!
        let end = start.addingTimeInterval(TimeInterval(hours) * 3600)
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: end)
        let endDate = CivilDate(year: c.year!, month: c.month!, day: c.day!)!
        return (endDate, c.hour! * 60 + c.minute!, zone.isDaylightSavingTime(for: start), zone.isDaylightSavingTime(for: end))
    }
}
