import VarselKit

/// The top two rows: database, today and the urgency counts; then the view tabs and the filter.
enum Header {
    static func draw(_ buffer: inout ScreenBuffer, width: Int, databaseLabel: String, today: CivilDate,
                     counts all: AgendaCounts, view: ViewID, filter: String, filterEditing: Bool, scope: String = "") {
        buffer.fill(x: 0, y: 0, width: width, height: 1, style: .role(.header))
        // Snoozed deadlines are left out of the counts (as `varsel check` does), and the label says so.
        let counts = all.due
        // The counts always show in full; on a narrow screen their labels shorten first, then the
        // database label is cut from its start, then "Varsel ·" goes (`layout`).
        let (segments, left, padded) = layout(width: width, counts: counts, snoozed: all.snoozed,
                                              date: today.humanText, databaseLabel: databaseLabel)
        let countText = segments.map { text($0, padded: padded) }
        let countWidth = countText.reduce(0) { $0 + DisplayWidth.of($1) } + segments.count - 1
        let leftWidth = max(0, width - countWidth - 1)
        buffer.putPadded(left, x: 0, y: 0, width: leftWidth, style: CellStyle(.header, bold: true))
        var x = max(leftWidth, width - countWidth)
        for (i, seg) in segments.enumerated() {
            // A zero count is not urgent: drawn plain so the eye goes to what matters.
            let style: CellStyle = seg.1 > 0 ? CellStyle(seg.2, bold: true, reverse: seg.2 != .overdue) : .role(.header)
            x += buffer.put(countText[i], x: x, y: 0, style: style)
            if i < segments.count - 1 { x += buffer.put(" ", x: x, y: 0, style: .role(.header)) }
        }

        let f = filterLabel(filter, editing: filterEditing)
        let s = scopeLabel(scope)
        var tx = 0
        for t in tabs(width: width, view: view, reserve: reserve(filterLabel: f, scope: scope)) {
            let style: CellStyle = t.view == view ? CellStyle(.selection, bold: true) : .role(.muted)
            tx = t.x + buffer.put(t.label, x: t.x, y: 1, style: style)
        }
        var right = width
        if !f.isEmpty {
            let fw = min(DisplayWidth.of(f), max(0, width - tx - 1))
            if fw > 2 {
                buffer.putPadded(f, x: width - fw, y: 1, width: fw, style: CellStyle(.accent, bold: true))
                right -= fw
            }
        }
        let sw = DisplayWidth.of(s)
        if sw > 0, right - sw > tx {
            _ = buffer.put(s, x: right - sw, y: 1, style: CellStyle(.accent, bold: true))
        }
    }

    /// What the shown list includes beyond its default (" incl. archived "), or "" for the default.
    static func scopeLabel(_ scope: String) -> String { scope.isEmpty ? "" : " \(scope) " }

    /// The columns the tabs leave free at the right of the second row: the filter's and the scope's.
    static func reserve(filterLabel f: String, scope: String) -> Int {
        min(DisplayWidth.of(f), 20) + DisplayWidth.of(scopeLabel(scope))
    }

    /// The filter as the second row shows it at its right (" /text "), or "" without one.
    static func filterLabel(_ filter: String, editing: Bool) -> String {
        editing || !filter.isEmpty ? " /" + filter + (editing ? "" : " ") : ""
    }

    /// The view tabs of the second row, with their columns, leaving `reserve` columns free at the
    /// right (the filter): full titles when they fit, else short ones, else the shown view's title
    /// and the other views' numbers. `MouseFeature` finds a clicked tab here.
    static func tabs(width: Int, view: ViewID, reserve: Int) -> [(view: ViewID, x: Int, label: String)] {
        func short(_ v: ViewID) -> String { v == .subProcessors ? "Sub-proc." : v.title }
        let forms: [(ViewID) -> String] = [
            { " \($0.rawValue) \($0.title) " },
            { " \($0.rawValue) \(short($0)) " },
            { $0 == view ? " \($0.rawValue) \($0.title) " : " \($0.rawValue) " },
        ]
        var chosen: [(view: ViewID, x: Int, label: String)] = []
        for form in forms {
            chosen = []
            var x = 0
            for v in ViewID.allCases {
                let label = form(v)
                chosen.append((v, x, label))
                x += DisplayWidth.of(label) + 1
            }
            if x + reserve <= width { break }
        }
        return chosen
    }

    typealias Segment = (String, Int, ColorRole)

    /// A count as drawn: " 0–14 d 2 " (padded: the coloured block has a margin) or "0–14 2". The
    /// snoozed note (muted) is a label of its own, without a count after it.
    static func text(_ s: Segment, padded: Bool) -> String {
        let t = s.2 == .muted ? s.0 : "\(s.0) \(s.1)"
        return padded ? " \(t) " : t
    }

    /// The count segments, the left text and whether the counts are padded, for `width`: the
    /// most informative form that fits. The counts always show; first their labels shorten
    /// ("+1 snoozed", "0–14"), then the database label is cut from its start, then "Varsel ·"
    /// goes, then the counts lose their margins.
    static func layout(width: Int, counts: AgendaCounts, snoozed: Int, date: String, databaseLabel: String)
        -> (segments: [Segment], left: String, padded: Bool) {
        func segments(short: Bool, snoozeNote: String) -> [Segment] {
            var s: [Segment] = [
                ("Overdue", counts.overdue, .overdue), (short ? "0–14" : "0–14 d", counts.within14, .due14),
                (short ? "15–30" : "15–30 d", counts.within30, .due30), (short ? "31–90" : "31–90 d", counts.within90, .due90),
            ]
            if snoozed > 0 { s.append((snoozeNote, 0, .muted)) }
            return s
        }
        let long = segments(short: false, snoozeNote: "\(snoozed) snoozed, not counted")
        let shortNote = segments(short: false, snoozeNote: "+\(snoozed) snoozed")
        let short = segments(short: true, snoozeNote: "+\(snoozed) snoozed")
        let name = " Varsel · \(date)", day = " \(date)"
        // In order of preference: (counts, padded, left text may carry "Varsel ·" and the database).
        let candidates: [([Segment], Bool, Bool)] = [
            (long, true, true), (shortNote, true, true), (short, true, true), (short, true, false), (short, false, true), (short, false, false),
        ]
        for (segs, padded, named) in candidates {
            let countWidth = segs.reduce(0) { $0 + DisplayWidth.of(text($1, padded: padded)) } + segs.count - 1
            let room = width - countWidth - 1
            guard room >= DisplayWidth.of(named ? name : day) else { continue }
            guard named else { return (segs, day, padded) }
            let full = name + " · " + databaseLabel
            if DisplayWidth.of(full) <= room { return (segs, full, padded) }
            // Cut the database label from its start: the file name is the part that tells.
            let keep = room - DisplayWidth.of(name + " · …")
            guard keep >= 6 else { return (segs, name, padded) }
            var tail = databaseLabel
            while DisplayWidth.of(tail) > keep, !tail.isEmpty { tail.removeFirst() }
            return (segs, name + " · …" + tail, padded)
        }
        return (short, day, false)
    }
}
