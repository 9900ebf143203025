/// Computes deadlines by rules R1–R10. Pure: no system clock; "today" is always passed in.
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
            return hours(input, lead: lead)
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

        var due = raw
        var actBy = raw
        if after {
            switch input.roll {
            case .forward:
                due = calendar.nextDeadlineDay(onOrAfter: raw)
                actBy = due
                if due != raw {
                    rules.append(.r5RollForward)
                    text += ", rolled to \(due.humanText) (R5: \(Self.reason(raw, calendar)) is not a deadline day\(country))"
                }
            case .backward:
                actBy = calendar.previousWorkingDay(onOrBefore: raw)
                if actBy != raw {
                    rules.append(.r9RollEarlier)
                    text += "; act by \(actBy.humanText) (R9: \(Self.reason(raw, calendar)) is not a deadline day\(country), moved earlier)"
                }
            case .noRoll:
                if !calendar.isDeadlineDay(raw) {
                    text += ", not rolled (roll-forward off; \(Self.reason(raw, calendar)) is not a deadline day\(country))"
                }
            }
        } else {
            rules.append(.r6Backward)
            if input.roll == .noRoll {
                text += "; act by \(raw.humanText) (R6"
                if !calendar.isDeadlineDay(raw) {
                    text += "; not moved, rolling off: \(Self.reason(raw, calendar)) is not a working day\(country)"
                }
                text += ")"
            } else {
                actBy = calendar.previousWorkingDay(onOrBefore: raw)
                text += "; act by \(actBy.humanText) (R6"
                if actBy != raw {
                    text += ": \(Self.reason(raw, calendar)) is not a working day\(country), moved earlier"
                }
                text += ")"
            }
        }

        if let cap = input.capBefore, actBy >= cap {
            // R10: the window closes before the event, whatever the period gives; capping only moves earlier.
            let lastDay = cap.adding(days: -1)
            let capped = input.roll == .noRoll ? lastDay : calendar.previousWorkingDay(onOrBefore: lastDay)
            rules.append(.r10Cap)
            text += "; but it must be done before \(input.capLabel) \(cap.humanText), so act by \(capped.humanText) (R10"
            if capped != lastDay {
                text += ": \(Self.reason(lastDay, calendar)) is not a working day\(country), moved earlier"
            }
            text += ")"
            due = min(due, lastDay)
            actBy = capped
        }
        return DeadlineComputation(input: input, rawDate: raw, dueDate: due, actByDate: actBy,
                                   dueMinutes: nil, rules: rules, explanation: text)
    }

    /// R7: exact time + N real hours. With a calendar the hours are counted in its time zone, so a
    /// period across a daylight-saving change ends an hour earlier or later on the wall clock.
    private func hours(_ input: DeadlineInput, lead: String) -> DeadlineComputation {
        let after = input.direction == .after
        let n = input.period.value
        // Anchor minutes outside 0..<1440 are normalised onto the neighbouring days.
        let raw = input.anchorMinutes ?? 0
        let startDay = Self.floorDiv(raw, 1440)
        let start = raw - startDay * 1440
        let startDate = input.anchor.adding(days: startDay)
        let date: CivilDate
        let minutes: Int
        var text: String
        let clause = input.clause.map { " (\($0))" } ?? ""
        if let zone = input.calendar {
            let r = TimeZoneRule.adding(hours: after ? n : -n, to: startDate, minutes: start, in: zone)
            date = r.date
            minutes = r.minutes
            let (startZone, endZone) = (r.startSummer ? "CEST" : "CET", r.endSummer ? "CEST" : "CET")
            text = lead + "\(startDate.humanText) \(Self.clockText(start)) \(startZone)\(clause)"
                + " = \(date.humanText) \(Self.clockText(minutes)) \(endZone) (R7: "
            if r.startSummer == r.endSummer {
                text += "exact time in \(TimeZoneRule.identifier(for: zone)), no roll)"
            } else {
                let earlierSummer = after ? r.startSummer : r.endSummer
                text += "\(n) real hours in \(TimeZoneRule.identifier(for: zone)); summer time "
                    + (earlierSummer ? "ends" : "begins") + " in between; no roll)"
            }
        } else {
            let total = start + (after ? 1 : -1) * n * 60
            let dayOffset = Self.floorDiv(total, 1440)
            minutes = total - dayOffset * 1440
            date = startDate.adding(days: dayOffset)
            text = lead + "\(startDate.humanText) \(Self.clockText(start))\(clause)"
                + " = \(date.humanText) \(Self.clockText(minutes)) (R7: exact time, no roll)"
        }
        var rules: [DeadlineRule] = [.r7Hours]
        if !after {
            rules.append(.r6Backward)
            text += "; act by \(date.humanText) \(Self.clockText(minutes)) (R6)"
        }
        return DeadlineComputation(input: input, rawDate: date, dueDate: date, actByDate: date,
                                   dueMinutes: minutes, rules: rules, explanation: text)
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
