import Foundation

/// An RFC 5545 calendar of open deadlines: one all-day VEVENT per deadline on its act-by day.
///
/// - UID: `<deadline id>@varsel`, stable, so a calendar that re-imports the feed updates events.
/// - DTSTAMP: the injected clock's instant (UTC).
/// - SUMMARY: what is due and the agreement; DESCRIPTION: agreement, counterparty, what is due,
///   clause (reference and heading), the rule's explanation, written form / grounds / assumed flags.
/// - VALARM: ACTION:DISPLAY, TRIGGER:-P<N>D (default 7 days before), configurable.
/// - TEXT values escape `\` `;` `,` and newlines; lines end in CRLF and are folded at 75 octets
///   without splitting a UTF-8 sequence.
public enum CalendarExport {
    public struct Options: Sendable {
        /// Days ahead to include (overdue open deadlines are always included).
        public var within: Int
        /// Alarm this many days before the act-by day; nil = no alarm.
        public var alarmDays: Int?
        public init(within: Int = 365, alarmDays: Int? = 7) { self.within = within; self.alarmDays = alarmDays }
    }

    /// The calendar of the portfolio's open deadlines on `clock.today`.
    public static func ics(store: any PortfolioStorage, clock: VarselClock, options: Options = Options()) throws -> String {
        let reading = store.reading(today: clock.today, planner: DeadlinePlanner())
        let items = try reading.agenda(within: options.within)
        let clauses = try reading.allClauses()
        var headings: [String: String] = [:]
        for c in clauses { headings[c.agreementId + "\u{0}" + c.reference] = c.heading }
        return ics(items: items, clauseHeadings: headings, now: clock.now(), alarmDays: options.alarmDays)
    }

    /// The calendar of `items`; `clauseHeadings` maps "agreementId\0reference" to the clause heading.
    public static func ics(items: [AgendaItem], clauseHeadings: [String: String] = [:], now: Date, alarmDays: Int? = 7) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Varsel//Varsel deadlines//EN",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Varsel deadlines"]
        let stamp = timestamp(now)
        for item in items where item.deadline.state == .open {
            let d = item.deadline
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + text(d.id + "@varsel"))
            lines.append("DTSTAMP:" + stamp)
            lines.append("DTSTART;VALUE=DATE:" + basic(d.actByDate))
            lines.append("DTEND;VALUE=DATE:" + basic(d.actByDate.adding(days: 1)))
            lines.append("SUMMARY:" + text("\(d.what) — \(item.agreementTitle)"))
            var desc = ["Agreement: \(item.agreementTitle) (\(d.agreementId))", "Counterparty: \(item.counterparty)",
                        "What is due: \(d.what)", "Act by: \(d.actByDate.humanText)"]
            if d.dueDate != d.actByDate { desc.append("Due: \(d.dueDate.humanText)") }
            if let ref = d.clauseRef {
                let heading = clauseHeadings[d.agreementId + "\u{0}" + ref].map { " \($0)" } ?? ""
                desc.append("Clause: \(ref)\(heading)")
            }
            desc.append("Rule: \(d.explanation)")
            var flags: [String] = []
            if d.writtenForm { flags.append("written form required") }
            if d.groundsRequired { flags.append("grounds required") }
            if d.assumed { flags.append("period assumed (vague wording)") }
            if !flags.isEmpty { desc.append("Note: " + flags.joined(separator: "; ")) }
            desc.append("Deadline: \(d.id)")
            lines.append("DESCRIPTION:" + text(desc.joined(separator: "\n")))
            lines.append("TRANSP:TRANSPARENT")
            if let days = alarmDays {
                lines.append("BEGIN:VALARM")
                lines.append("ACTION:DISPLAY")
                lines.append("TRIGGER:" + (days == 0 ? "PT0S" : "-P\(days)D"))
                lines.append("DESCRIPTION:" + text("\(d.what) — act by \(d.actByDate.iso)"))
                lines.append("END:VALARM")
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// "20261123".
    static func basic(_ d: CivilDate) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    /// "20261123T090000Z".
    package static func timestamp(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// RFC 5545 3.3.11 TEXT: `\` `;` `,` escaped, every line break as `\n`, other control characters
    /// (C0, DEL, C1 such as U+009B) and bidi controls (U+202E) dropped.
    public static func text(_ s: String) -> String {
        var out = ""
        var scalars = s.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let c = pending {
            pending = scalars.next()
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r":
                out += "\\n"
                if pending == "\n" { pending = scalars.next() }
            case "\n", "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
            case "\t": out.unicodeScalars.append(c)
            default:
                if ControlCharacters.isControl(c.value) || ControlCharacters.isBidiControl(c.value) { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// One content line with CRLF, folded so no physical line exceeds 75 octets (continuations start
    /// with a space); never splits a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var out = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let n = String(scalar).utf8.count
            if current + n > limit {
                out += "\r\n "
                current = 0
                limit = 74
            }
            out.unicodeScalars.append(scalar)
            current += n
        }
        return out + "\r\n"
    }
}
