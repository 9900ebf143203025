/// Computes deadlines by rules R1–R8. Pure: no system clock; "today" is always passed in.
public struct DeadlineEngine: Sendable {
    /// Creates an engine.
    public init() {}

    /// Computes raw, due and act-by dates for `input`, with the rules applied and a human explanation.
    public func compute(_ input: DeadlineInput) -> DeadlineComputation {
        let calendar = HolidayCalendar.forID(input.calendar)
        let after = input.direction == .after
        let sign = after ? 1 : -1
        let n = input.period.value
        let anchor = input.anchor
        let country = input.calendar.map { " in \($0.name)" } ?? ""

        let lead = (after ? "" : "at least ") + "\(input.period) \(input.direction.rawValue) \(input.anchorLabel) "
        var text = lead + anchor.humanText

        if input.period.unit == .hours {
            // Anchor minutes outside 0..<1440 are normalised onto the neighbouring days.
            let raw = input.anchorMinutes ?? 0
            let startDay = Self.floorDiv(raw, 1440)
            let start = raw - startDay * 1440
            let startDate = anchor.adding(days: startDay)
            let total = start + sign * n * 60
            let dayOffset = Self.floorDiv(total, 1440)
            let minutes = total - dayOffset * 1440
            let date = startDate.adding(days: dayOffset)
            text = lead + "\(startDate.humanText) \(Self.clockText(start))"
            if let clause = input.clause { text += " (\(clause))" }
            text += " = \(date.humanText) \(Self.clockText(minutes)) (R7: exact time, no roll)"
            var rules: [DeadlineRule] = [.r7Hours]
            if !after {
                rules.append(.r6Backward)
                text += "; act by \(date.humanText) \(Self.clockText(minutes)) (R6)"
            }
            return DeadlineComputation(input: input, rawDate: date, dueDate: date, actByDate: date,
                                       dueMinutes: minutes, rules: rules, explanation: text)
        }

        if let clause = input.clause { text += " (\(clause))" }
        var rules: [DeadlineRule] = []
        let computed: CivilDate
        var note = ""
        switch input.period.unit {
        case .days:
            computed = anchor.adding(days: sign * n)
            rules.append(.r1DaysForward)
        case .weeks:
            computed = anchor.adding(days: sign * 7 * n)
            rules.append(.r2Weeks)
        case .months, .years:
            computed = input.period.unit == .months ? anchor.adding(months: sign * n) : anchor.adding(years: sign * n)
            rules.append(.r3Months)
            if computed.day != anchor.day {
                note = " (R3: no \(anchor.day) \(CivilDate.monthShortNames[computed.month - 1]), month end)"
            }
        case .workingDays:
            computed = calendar.adding(workingDays: sign * n, to: anchor, options: input.workingDayOptions)
            rules.append(.r4WorkingDays)
            note = " (R4: " + Self.workingDayText(input.workingDayOptions, calendar: input.calendar) + ")"
        case .hours:
            preconditionFailure("hours handled above")
        }
        text += " = \(computed.humanText)\(note)"

        var raw = computed
        if input.toEndOfMonth {
            if after {
                rules.append(.r8EndOfMonth)
                raw = computed.lastDayOfMonth
                text += raw == computed
                    ? " (R8: already the end of the month)"
                    : ", to the end of the month \(raw.humanText) (R8)"
            } else {
                text += " (R8 not applied to a period before the event)"
            }
        }

        if after {
            var due = raw
            if input.rollForward {
                due = calendar.nextDeadlineDay(onOrAfter: raw)
                if due != raw {
                    rules.append(.r5RollForward)
                    text += ", rolled to \(due.humanText) (R5: \(Self.reason(raw, calendar)) is not a deadline day\(country))"
                }
            } else if !calendar.isDeadlineDay(raw) {
                text += ", not rolled (roll-forward off; \(Self.reason(raw, calendar)) is not a deadline day\(country))"
            }
            return DeadlineComputation(input: input, rawDate: raw, dueDate: due, actByDate: due,
                                       dueMinutes: nil, rules: rules, explanation: text)
        }

        let actBy = calendar.previousWorkingDay(onOrBefore: raw)
        rules.append(.r6Backward)
        text += "; act by \(actBy.humanText) (R6"
        if actBy != raw {
            text += ": \(Self.reason(raw, calendar)) is not a working day\(country), moved earlier"
        }
        text += ")"
        return DeadlineComputation(input: input, rawDate: raw, dueDate: raw, actByDate: actBy,
                                   dueMinutes: nil, rules: rules, explanation: text)
    }

    /// Days from `today` to the act-by date (negative = overdue, 0 = due today).
    public func daysLeft(_ c: DeadlineComputation, today: CivilDate) -> Int {
        today.days(until: c.actByDate)
    }

    /// "HH:MM" for minutes after midnight, e.g. 570 → "09:30".
    public static func clockText(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// Why a day is not a deadline day: the holiday name, else the weekday name ("Saturday").
    static func reason(_ d: CivilDate, _ calendar: HolidayCalendar) -> String {
        calendar.nonDeadlineDay(on: d)?.name ?? d.weekday.name
    }

    static func workingDayText(_ options: WorkingDayOptions, calendar: CalendarID?) -> String {
        var text = options.saturdayIsWorkingDay ? "working days Mon–Sat" : "working days Mon–Fri"
        if let calendar {
            text += ", not public holidays in \(calendar.name)"
            if !options.eveIsWorkingDay { text += " or eves" }
        } else {
            text += ", no holiday calendar"
        }
        return text
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
