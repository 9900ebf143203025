import VarselKit

/// `deadlines --format json` written straight from agenda items: the same bytes as encoding
/// `[DeadlineOutput]` with `JSONOutput` (a test compares them), without building the
/// intermediate values — thousands of rows at 100,000 agreements.
enum DeadlineJSON {
    static func bytes(_ items: [AgendaItem]) -> [UInt8] {
        var w = JSONText(capacity: items.count * 760 + 8)
        if items.isEmpty { w.raw("[\n\n]"); return w.bytes }
        w.raw("[\n")
        for (i, item) in items.enumerated() {
            let d = item.deadline
            // Keys in sorted order, as `.sortedKeys` writes them; nil optionals left out.
            w.raw("  {\n    \"actByDate\" : "); w.date(d.actByDate)
            w.raw(",\n    \"actor\" : "); w.quote(d.actor.rawValue)
            w.raw(",\n    \"agreement\" : "); w.quote(item.agreementTitle)
            w.raw(",\n    \"agreementId\" : "); w.quote(d.agreementId)
            w.raw(",\n    \"anchorDate\" : "); w.date(d.anchorDate)
            w.raw(",\n    \"assumed\" : "); w.bool(d.assumed)
            if let clause = d.clauseRef { w.raw(",\n    \"clause\" : "); w.quote(clause) }
            w.raw(",\n    \"counterparty\" : "); w.quote(item.counterparty)
            w.raw(",\n    \"daysLeft\" : "); w.int(item.daysLeft)
            w.raw(",\n    \"dueDate\" : "); w.date(d.dueDate)
            if let minutes = d.dueMinutes { w.raw(",\n    \"dueTime\" : "); w.quote(DeadlineEngine.clockText(minutes)) }
            w.raw(",\n    \"groundsRequired\" : "); w.bool(d.groundsRequired)
            w.raw(",\n    \"id\" : "); w.quote(d.id)
            w.raw(",\n    \"rawDate\" : "); w.date(d.rawDate)
            w.raw(",\n    \"rule\" : "); w.quote(d.explanation)
            w.raw(",\n    \"status\" : "); w.quote(item.status.rawValue)
            w.raw(",\n    \"what\" : "); w.quote(d.what)
            w.raw(",\n    \"window\" : "); w.quote(item.window.rawValue)
            w.raw(",\n    \"writtenForm\" : "); w.bool(d.writtenForm)
            w.raw(i == items.count - 1 ? "\n  }\n" : "\n  },\n")
        }
        w.raw("]")
        return w.bytes
    }
}
