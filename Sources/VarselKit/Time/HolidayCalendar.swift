/// The public holidays and extra non-deadline days of one country (SE, DK, NO), or weekends only.
///
/// Computed from rules (fixed dates, Easter offsets, Saturday windows); no tables, no system clock.
/// In Sweden and Norway every Sunday is also a public holiday (`isPublicHoliday` is true for Sundays there),
/// but Sundays are not listed individually.
public struct HolidayCalendar: Hashable, Sendable {
    /// The country, or nil for the weekends-only calendar.
    public let id: CalendarID?
    private var rules: [HolidayRule] { id.map(HolidayRule.rules(for:)) ?? [] }

    /// The calendar of a country.
    public init(_ id: CalendarID) { self.id = id }

    private init(weekendsOnly: Void) { self.id = nil }

    /// A calendar with no holidays: only Saturdays and Sundays are non-working and non-deadline days.
    public static let weekendsOnly = HolidayCalendar(weekendsOnly: ())

    /// The calendar for an optional id; nil gives `weekendsOnly`.
    public static func forID(_ id: CalendarID?) -> HolidayCalendar { id.map(HolidayCalendar.init) ?? .weekendsOnly }

    /// The public holidays of `year`, sorted; names in the local language with English, e.g. "Långfredag (Good Friday)".
    /// Sundays are not listed individually. Two holidays on one date give one entry with both names.
    public func publicHolidays(year: Int) -> [NonDeadlineDay] {
        days(year: year, includeExtras: false)
    }

    /// Public holidays plus the extra R5 days (SE: midsommarafton, julafton, nyårsafton; DK: Grundlovsdag,
    /// 24 Dec, 31 Dec), sorted, without plain weekends.
    public func nonDeadlineDays(year: Int) -> [NonDeadlineDay] {
        days(year: year, includeExtras: true)
    }

    /// The listed non-deadline day on `d` (public holiday or extra day), or nil; plain weekends give nil.
    public func nonDeadlineDay(on d: CivilDate) -> NonDeadlineDay? {
        guard id != nil else { return nil }
        let easter = Easter.sunday(year: d.year)
        let hits = rules.filter { $0.date(in: d.year, easter: easter) == d }
        guard !hits.isEmpty else { return nil }
        return NonDeadlineDay(date: d, name: hits.map(\.name).joined(separator: " / "),
                              isPublicHoliday: hits.contains { $0.isPublicHoliday })
    }

    /// Whether some holiday rule falls on `d` (what `nonDeadlineDay(on:)` tests, without building the
    /// entry: deadline-day checks run thousands of times for an agenda).
    func isListed(_ d: CivilDate) -> Bool {
        guard let id else { return false }
        let easter = Easter.sunday(year: d.year)
        for rule in HolidayRule.rules(for: id) where rule.date(in: d.year, easter: easter) == d { return true }
        return false
    }

    /// True if `d` is a public holiday (in SE and NO this includes every Sunday).
    public func isPublicHoliday(_ d: CivilDate) -> Bool {
        if d.weekday == .sunday, id == .se || id == .no { return true }
        return nonDeadlineDay(on: d)?.isPublicHoliday ?? false
    }

    /// True if `d` is one of the extra R5 non-deadline days (e.g. julafton) and not a public holiday.
    public func isExtraNonDeadlineDay(_ d: CivilDate) -> Bool {
        guard let entry = nonDeadlineDay(on: d) else { return false }
        return !entry.isPublicHoliday
    }

    /// R4: Monday–Friday and not a public holiday. `options.eveIsWorkingDay == false` also excludes the extra
    /// R5 days; `options.saturdayIsWorkingDay` makes Saturdays that are not public holidays working days.
    public func isWorkingDay(_ d: CivilDate, options: WorkingDayOptions = .init()) -> Bool {
        switch d.weekday {
        case .sunday: return false
        case .saturday:
            guard options.saturdayIsWorkingDay else { return false }
            guard isListed(d), let entry = nonDeadlineDay(on: d) else { return true }
            return !entry.isPublicHoliday && options.eveIsWorkingDay
        default:
            guard isListed(d), let entry = nonDeadlineDay(on: d) else { return true }
            return !entry.isPublicHoliday && options.eveIsWorkingDay
        }
    }

    /// R5: a deadline day is Monday–Friday and neither a public holiday nor an extra non-deadline day.
    public func isDeadlineDay(_ d: CivilDate) -> Bool {
        !d.weekday.isWeekend && !isListed(d)
    }

    /// R5: `d` itself if it is a deadline day, otherwise the next deadline day.
    public func nextDeadlineDay(onOrAfter d: CivilDate) -> CivilDate {
        var day = d
        while !isDeadlineDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// R6: `d` itself if it is a deadline day, otherwise the latest earlier deadline day. This is the strict,
    /// conservative sense of "working day" used for act-by dates: weekends, public holidays and the extra
    /// R5 days (julafton, Grundlovsdag …) are all skipped.
    public func previousWorkingDay(onOrBefore d: CivilDate) -> CivilDate {
        var day = d
        while !isDeadlineDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// R4: the day reached by counting `count` working days from `d`, starting with the day after
    /// (or, for a negative count, the day before). A count of 0 returns `d`.
    public func adding(workingDays count: Int, to d: CivilDate, options: WorkingDayOptions = .init()) -> CivilDate {
        let step = count >= 0 ? 1 : -1
        var remaining = abs(count)
        var day = d
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day, options: options) { remaining -= 1 }
        }
        return day
    }

    private func days(year: Int, includeExtras: Bool) -> [NonDeadlineDay] {
        let easter = Easter.sunday(year: year)
        var byDate: [CivilDate: (names: [String], isPublic: Bool)] = [:]
        var order: [CivilDate] = []
        for rule in rules where includeExtras || rule.isPublicHoliday {
            guard let date = rule.date(in: year, easter: easter) else { continue }
            if byDate[date] == nil { order.append(date); byDate[date] = ([], false) }
            byDate[date]!.names.append(rule.name)
            byDate[date]!.isPublic = byDate[date]!.isPublic || rule.isPublicHoliday
        }
        return order.sorted().map { date in
            let entry = byDate[date]!
            return NonDeadlineDay(date: date, name: entry.names.joined(separator: " / "), isPublicHoliday: entry.isPublic)
        }
    }
}
