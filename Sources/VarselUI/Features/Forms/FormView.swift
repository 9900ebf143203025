import VarselKit

/// Draws a form as a centred box: fields with the inline error under the offending one,
/// then the live preview; the hardware cursor sits at the end of the active text field.
enum FormView {
    static let labelWidth = 18

    static func draw(_ buffer: inout ScreenBuffer, width: Int, height: Int, form: FormState) {
        let w = min(width - 2, 84)
        let h = height - 2
        guard w > 30, h > 6 else { return }
        let x = (width - w) / 2, y = 1
        let inner = w - 4
        let valueWidth = inner - labelWidth - 2
        var rows: [(text: String, style: CellStyle, x: Int, cursor: Int?)] = []
        rows.append((form.subtitle, CellStyle(.title, bold: true), 0, nil))
        if let e = form.error, !(e.location.map { loc in form.fields.contains { $0.id == loc && !$0.hidden } } ?? false) {
            for l in TextWrap.wrap("⚠ " + e.description, width: inner) { rows.append((l, CellStyle(.error, bold: true), 0, nil)) }
        }
        rows.append(("", .normal, 0, nil))
        var focusRow = 0
        for (i, f) in form.fields.enumerated() where !f.hidden {
            let active = i == form.focus
            if active { focusRow = rows.count }
            let label = (active ? "› " : "  ") + f.label + (f.required ? " *" : "")
            let labelStyle = active ? CellStyle(.selection, bold: true) : CellStyle(.normal, bold: f.required)
            var valueLines: [String]
            switch f.kind {
            case .choice:
                valueLines = ["‹ " + f.value + " ›"]
            case .longText:
                valueLines = TextWrap.wrap(f.text, width: valueWidth)
                while valueLines.count < 3 { valueLines.append("") }
            case .text, .date:
                valueLines = [f.text]
            }
            let valueStyle = CellStyle(.normal, underline: f.isTextual)
            let textCursor = active && f.isTextual ? cursorPlace(f, valueWidth: valueWidth) : nil
            for (k, v) in valueLines.enumerated() {
                let labelText = k == 0 ? DisplayWidth.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                rows.append((labelText, labelStyle, 0, nil))
                rows[rows.count - 1].cursor = textCursor.flatMap { $0.line == k ? $0.column : nil }
                rows.append((DisplayWidth.pad(v, to: valueWidth), valueStyle, labelWidth + 1, nil))
            }
            if let e = form.error, e.location == f.id {
                for l in TextWrap.wrap("⚠ " + e.what + (e.fix.map { ". " + $0 } ?? ""), width: valueWidth) {
                    rows.append((String(repeating: " ", count: labelWidth), .normal, 0, nil))
                    rows.append((l, CellStyle(.error, bold: true), labelWidth + 1, nil))
                }
            }
        }
        rows.append(("", .normal, 0, nil))
        for l in StyledLine.wrap(form.info, width: inner) { rows.append((l.text, l.style, 0, nil)) }

        // Rows with x == 0 start a new screen line; the others continue it.
        var screenLines: [[(String, CellStyle, Int, Int?)]] = []
        var focusLine = 0
        for (k, r) in rows.enumerated() {
            if k == focusRow { focusLine = screenLines.count }
            if r.x == 0 || screenLines.isEmpty { screenLines.append([(r.text, r.style, r.x, r.cursor)]) }
            else { screenLines[screenLines.count - 1].append((r.text, r.style, r.x, r.cursor)) }
        }
        let boxHeight = min(h, screenLines.count + 3)
        buffer.fill(x: x, y: y, width: w, height: boxHeight, style: .normal)
        buffer.box(x: x, y: y, width: w, height: boxHeight, style: .role(.border), title: form.title)
        var cursor: (Int, Int)? = nil
        // A form taller than the box scrolls so the focused field stays in view (the subtitle stays on top).
        let room = boxHeight - 3
        if screenLines.count > room, room > 3 {
            let head = screenLines[0]
            let rest = Array(screenLines.dropFirst())
            let first = max(0, min(focusLine - 1 - (room - 1) / 3, rest.count - (room - 1)))
            screenLines = [head] + Array(rest[first..<min(rest.count, first + room - 1)])
        }
        for (row, parts) in screenLines.prefix(room).enumerated() {
            for p in parts {
                buffer.put(p.0, x: x + 2 + p.2, y: y + 1 + row, style: p.1, maxWidth: inner - p.2)
                if let c = p.3 { cursor = (x + 2 + labelWidth + 1 + min(c, valueWidth - 1), y + 1 + row) }
            }
        }
        let foot = form.confirmation != nil ? "Enter on the last field or Ctrl-S: review and confirm · Esc cancel"
                                                           : "Tab next field · Enter on the last field or Ctrl-S saves · Esc cancel"
        buffer.put(foot, x: x + 2, y: y + boxHeight - 2, style: .role(.hint), maxWidth: inner)
        buffer.cursor = cursor.map { (x: $0.0, y: $0.1) }
    }
}

extension FormView {
    /// Where the text cursor of a field is drawn: the value line and the column, from the text
    /// before the cursor wrapped as the value is.
    static func cursorPlace(_ f: FormField, valueWidth: Int) -> (line: Int, column: Int) {
        let before = String(f.editing.beforeCursor)
        switch f.kind {
        case .longText:
            let lines = TextWrap.wrap(before, width: valueWidth)
            let last = lines.last ?? ""
            let trailingSpace = before.last == " " && !last.isEmpty ? 1 : 0
            return (lines.count - 1, DisplayWidth.of(last) + trailingSpace)
        default:
            return (0, DisplayWidth.of(TerminalText.sanitize(before)))
        }
    }
}
