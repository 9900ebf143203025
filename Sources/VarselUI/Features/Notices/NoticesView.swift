import VarselKit

/// View 4: change and termination notices, open first, with their windows and days left.
enum NoticesView {
    /// The rows in `sort` order (stable: the query's open-first order breaks ties).
    static func sorted(_ rows: [NoticeRow], by sort: NoticeSort) -> [NoticeRow] {
        switch sort {
        case .openFirst:
            return rows
        case .newest:
            return rows.enumerated().sorted { ($0.element.date, $1.offset) > ($1.element.date, $0.offset) }.map(\.element)
        case .agreement:
            return rows.enumerated().sorted {
                let a = SearchFold.fold($0.element.agreementTitle), b = SearchFold.fold($1.element.agreementTitle)
                return a != b ? a < b : $0.offset < $1.offset
            }.map(\.element)
        }
    }

    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, rows notices: [NoticeRow], cursor: ListCursor,
                     today: CivilDate, filter: String) {
        guard rect.height > 1 else { return }
        if notices.isEmpty {
            ListDrawing.message(&buffer, rect: rect, lines: filter.isEmpty
                ? ["No change or termination notices recorded.", "Press c to record a change notice, t a termination notice."]
                : ["No notice matches \"\(filter)\".", "Esc clears the filter."])
            return
        }
        // Narrow screens leave out Kind (the summary says it), then Date, then Status (the
        // window says handled); agreement, notice and window always show.
        let widths = ListDrawing.fit(total: rect.width - 2, [
            .fixed(6, drop: 1), .fixed(10, drop: 2), .flexible(min: 14, weight: 2), .flexible(min: 20, weight: 3),
            .fixed(9, drop: 3), .fixed(18),
        ])
        func cells(_ k: String, _ date: String, _ agr: String, _ sum: String, _ st: String, _ win: String, winStyle: CellStyle?) -> [ListCell] {
            let all: [ListCell] = [(k, 0, false, nil), (date, 0, false, nil), (agr, 0, false, nil), (sum, 0, false, nil),
                                   (st, 0, false, nil), (win, 0, false, winStyle)]
            return zip(all, widths).compactMap { cell, w -> ListCell? in w.map { (cell.text, $0, cell.alignRight, cell.style) } }
        }
        ListView.draw(&buffer, rect: rect, header: cells("Kind", "Date", "Agreement", "Notice", "Status", "Window", winStyle: nil),
                      lineCount: notices.count, offset: cursor.offset) { i in
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
            // A snoozed window is marked as in the agenda (the act-by day in the window is unchanged).
            let snoozed = n.window.flatMap { $0.isSnoozed(today: today) ? $0.snoozedUntil : nil }
            return .row(cells(n.kind == .change ? "Change" : "Term.", n.date.iso, n.agreementTitle,
                              (snoozed.map { "(snoozed to \($0.iso)) " } ?? "") + n.summary + (n.flag == nil ? "" : " ⚠ outside the EEA"),
                              String(n.status.prefix { $0 != " " }),
                              window, winStyle: selected ? nil : winStyle), style: style, selected: selected)
        }
    }
}
