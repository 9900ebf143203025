import ArgumentParser
import VarselKit

extension CalendarID: ExpressibleByArgument {}
extension DeadlineDirection: ExpressibleByArgument {}
extension RollDirection: ExpressibleByArgument {}

/// `varsel calc`: a contract manager's date calculator.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc", abstract: "Compute a deadline: raw date, act-by date and the rule text.",
        discussion: "Periods: \"14 days\", \"4 weeks\", \"3 months\", \"1 year\", \"20 working days\", \"24 hours\".")
    @Option(name: .long, help: "The anchor day (notice received, change applies, agreement ends, …).") var from: String
    @Option(name: .long, help: "HH:MM on the anchor day, for hour periods.") var time: String?
    @Option(name: .long, help: "The period, e.g. \"3 months\".") var period: String
    @Option(name: .long, help: "after or before the anchor.") var direction: DeadlineDirection = .after
    @Option(name: .long, help: "Holiday calendar: se, dk or no (default: weekends only).") var calendar: CalendarID?
    @Flag(name: .long, help: "Do not roll a due day off weekends and holidays (the same as --roll none).") var noRoll = false
    @Option(name: .long, help: "forward (R5, default after), backward (R9/R6: act by the previous working day) or none.")
    var roll: RollDirection?
    @Flag(name: .long, help: "Working days are bank days: eves (julafton, nyårsafton, midsommarafton; DK 24/31 Dec, 5 Jun) do not count (R4).")
    var bankDays = false
    @Flag(name: .long, help: "Saturdays that are not holidays count as working days (Norwegian \"virkedag\", R4).")
    var saturdayWorking = false
    @Option(name: .long, help: "The window must close before this day, e.g. the engagement date (R10).")
    var beforeEvent: String?
    @Flag(name: .long, help: "Move the result to the end of its month (R8).") var endOfMonth = false
    @Option(name: .long, help: "Output format: table or json.") var format: ReportFormat = .table

    func run() throws {
        try guarded {
            let anchor = try parseDate(from, option: "--from")
            let p: Period
            do { p = try Period.parse(period) } catch {
                throw VarselError(.invalidInput, "\(error)", at: "--period \"\(period)\"")
            }
            let minutes = try time.map { try parseTimeOfDay($0, option: "--time") }
            let cap = try beforeEvent.map { try parseDate($0, option: "--before-event") }
            if noRoll, let roll, roll != .noRoll {
                throw VarselError(.invalidInput, "--no-roll and --roll \(roll.rawValue) contradict each other", at: "--roll",
                                  fix: "Give one of them")
            }
            let rollDirection = noRoll ? .noRoll : roll ?? (direction == .after ? .forward : .backward)
            if direction == .before && rollDirection == .forward {
                throw VarselError(.invalidInput, "A period before an event is never rolled forward (R6)", at: "--roll",
                                  fix: "Use --roll backward (act by the previous working day) or --roll none")
            }
            let c = DeadlineEngine().compute(DeadlineInput(
                anchor: anchor, anchorMinutes: minutes, period: p, direction: direction, calendar: calendar,
                roll: rollDirection, toEndOfMonth: endOfMonth,
                workingDayOptions: WorkingDayOptions(eveIsWorkingDay: !bankDays, saturdayIsWorkingDay: saturdayWorking),
                capBefore: cap))
            if format == .json { try JSONOutput.print(CalcOutput(c)); return }
            out("raw:    \(c.rawDate.humanText)\(c.dueTimeText.map { " \($0)" } ?? "")")
            out("due:    \(c.dueDate.humanText)\(c.rules.contains(.r10Cap) ? " (capped)" : c.wasRolled ? " (rolled)" : "")")
            out("act by: \(c.actByDate.humanText)")
            out("rules:  \(c.rules.map(\.rawValue).joined(separator: ", "))")
            out("\(c.explanation)")
        }
    }

    struct CalcOutput: Encodable {
        var from: String, period: String, direction: String, calendar: String?
        var rawDate: String, dueDate: String, actByDate: String, dueTime: String?, rolled: Bool
        var rules: [String], explanation: String
        init(_ c: DeadlineComputation) {
            from = c.input.anchor.iso; period = c.input.period.description; direction = c.input.direction.rawValue
            calendar = c.input.calendar?.rawValue; rawDate = c.rawDate.iso; dueDate = c.dueDate.iso; actByDate = c.actByDate.iso
            dueTime = c.dueTimeText; rolled = c.wasRolled; rules = c.rules.map(\.rawValue); explanation = c.explanation
        }
    }
}

/// `varsel holidays`: a year's public holidays and other non-deadline days.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "holidays",
                                                    abstract: "List a year's public holidays and other non-deadline days.")
    @Option(name: .long, help: "se, dk or no.") var calendar: CalendarID
    @Option(name: .long, help: "The year.") var year: Int
    @Option(name: .long, help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        guard (1...9999).contains(year) else { throw ValidationError("--year must be between 1 and 9999, got \(year)") }
    }

    func run() throws {
        try guarded {
            let days = HolidayCalendar(calendar).nonDeadlineDays(year: year)
            switch format {
            case .json:
                try JSONOutput.print(days.map { HolidayOutput(date: $0.date.iso, weekday: $0.date.weekday.shortName, name: $0.name,
                                                              kind: $0.isPublicHoliday ? "public_holiday" : "non_deadline_day") })
            case .csv:
                var csv = CSVWriter(header: ["date", "weekday", "name", "kind"])
                for d in days { csv.append([d.date.iso, d.date.weekday.shortName, d.name, d.isPublicHoliday ? "public_holiday" : "non_deadline_day"]) }
                print(csv.render(), terminator: "")
            case .table:
                var t = TextTable(["DATE", "DAY", "NAME", "KIND"])
                for d in days { t.append([d.date.iso, d.date.weekday.shortName, d.name, d.isPublicHoliday ? "public holiday" : "not a deadline day"]) }
                out("\(calendar.name) \(year): Saturdays and Sundays are never deadline days.")
                outBlock(t.render())
            }
        }
    }

    struct HolidayOutput: Encodable { var date: String, weekday: String, name: String, kind: String }
}
