import VarselKit

/// The top two rows: database, today and the urgency counts; then the view tabs and the filter.
enum Header {
    static func draw(_ buffer: inout ScreenBuffer, width: Int, databaseLabel: String, today: CivilDate,
                     counts all: AgendaCounts, view: ViewID, filter: String, filterEditing: Bool) {
        buffer.fill(x: 0, y: 0, width: width, height: 1, style: .role(.header))
        // Snoozed deadlines are left out of the counts (as `varsel check` does), and the label says so.
        let counts = all.due
        var segments: [(String, Int, ColorRole)] = [
            ("Overdue", counts.overdue, .overdue), ("0–14 d", counts.within14, .due14),
            ("15–30 d", counts.within30, .due30), ("31–90 d", counts.within90, .due90),
        ]
        if all.snoozed > 0 { segments.append(("\(all.snoozed) snoozed, not counted", 0, .muted)) }
        // The snoozed note (muted) is a label of its own, without a count after it.
        let countText = segments.map { $0.2 == .muted ? " \($0.0) " : " \($0.0) \($0.1) " }
        let countWidth = countText.reduce(0) { $0 + DisplayWidth.of($1) } + segments.count - 1
        let left = " Varsel · \(today.humanText) · \(databaseLabel)"
        let leftWidth = max(0, width - countWidth - 1)
        buffer.putPadded(left, x: 0, y: 0, width: leftWidth, style: CellStyle(.header, bold: true))
        var x = max(leftWidth, width - countWidth)
        for (i, seg) in segments.enumerated() {
            // A zero count is not urgent: drawn plain so the eye goes to what matters.
            let style: CellStyle = seg.1 > 0 ? CellStyle(seg.2, bold: true, reverse: seg.2 != .overdue) : .role(.header)
            x += buffer.put(countText[i], x: x, y: 0, style: style)
            if i < segments.count - 1 { x += buffer.put(" ", x: x, y: 0, style: .role(.header)) }
        }

        var tx = 0
        for v in ViewID.allCases {
            let label = " \(v.rawValue) \(v.title) "
            let style: CellStyle = v == view ? CellStyle(.selection, bold: true) : .role(.muted)
            tx += buffer.put(label, x: tx, y: 1, style: style)
            tx += buffer.put(" ", x: tx, y: 1)
        }
        if filterEditing || !filter.isEmpty {
            let f = " /" + filter + (filterEditing ? "" : " ")
            let fw = min(DisplayWidth.of(f), max(0, width - tx))
            if fw > 2 {
                buffer.putPadded(f, x: width - fw, y: 1, width: fw, style: CellStyle(.accent, bold: true))
            }
        }
    }
}
