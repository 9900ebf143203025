import VarselKit

/// View 4: change and termination notices, open first, with their windows and days left.
enum NoticesView {
    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, rows notices: [NoticeRow], cursor: inout ListCursor,
                     today: CivilDate, filter: String) {
        guard rect.height > 1 else { return }
        if notices.isEmpty {
            ListDrawing.message(&buffer, rect: rect, lines: filter.isEmpty
                ? ["No change or termination notices recorded.", "Press c to record a change notice, t a termination notice."]
                : ["No notice matches \"\(filter)\".", "Esc clears the filter."])
            return
        }
        let fixed = [6, 10, 9, 18]
        let flex = ListDrawing.flex(total: rect.width - 2, fixed: fixed, weights: [2, 3])
        func cells(_ k: String, _ date: String, _ agr: String, _ sum: String, _ st: String, _ win: String, winStyle: CellStyle?) -> [(String, Int, Bool, CellStyle?)] {
            [(k, 6, false, nil), (date, 10, false, nil), (agr, flex[0], false, nil), (sum, flex[1], false, nil),
             (st, 9, false, nil), (win, 18, false, winStyle)]
        }
        ListDrawing.row(&buffer, x: rect.x + 1, y: rect.y, width: rect.width - 1,
                        cells: cells("Kind", "Date", "Agreement", "Notice", "Status", "Window", winStyle: nil), style: CellStyle(.title, bold: true))
        let rows = rect.height - 1
        cursor.clamp(count: notices.count, visible: rows)
        for r in 0..<rows {
            let i = cursor.offset + r
            guard i < notices.count else { break }
            let n = notices[i]
            let selected = i == cursor.selected
            let style: CellStyle = selected ? .role(.selection) : (n.isOpen ? .normal : .role(.muted))
            var window = "—"
            var winStyle: CellStyle? = nil
            if let w = n.window {
                if w.resolution == .deemedAccepted { window = "deemed accepted"; winStyle = .role(.handled) }
                else if w.state == .handled { window = "handled"; winStyle = .role(.handled) }
                else {
                    let left = w.daysLeft(today: today)
                    window = "\(w.actByDate.iso) \(Format.daysLeft(left))"
                    winStyle = CellStyle(Format.role(daysLeft: left), bold: true)
                }
            }
            ListDrawing.row(&buffer, x: rect.x + 1, y: rect.y + 1 + r, width: rect.width - 1,
                            cells: cells(n.kind == .change ? "Change" : "Term.", n.date.iso, n.agreementTitle,
                                         n.summary + (n.flag == nil ? "" : " ⚠ outside the EEA"),
                                         String(n.status.prefix { $0 != " " }),
                                         window, winStyle: selected ? nil : winStyle), style: style)
            buffer.put(selected ? "▸" : " ", x: rect.x, y: rect.y + 1 + r, style: style)
        }
    }
}
