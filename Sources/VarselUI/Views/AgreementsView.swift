import VarselKit

/// View 2: the agreements list (paged from SQLite) and the selected agreement's detail with tabs.
@MainActor enum AgreementsView {
    /// Width from which list and detail sit side by side.
    static let splitWidth = 120

    static func drawList(_ buffer: inout ScreenBuffer, rect: Rect, pager: AgreementPager, cursor: inout ListCursor,
                         today: CivilDate, filter: String, focused: Bool) {
        guard rect.height > 1 else { return }
        if pager.total == 0 {
            ListDrawing.message(&buffer, rect: rect, lines: ["No agreement matches \"\(filter)\".", "Esc clears the filter."])
            return
        }
        let showKind = rect.width >= 78, showStatus = rect.width >= 64
        var fixed = [10]
        if showKind { fixed.append(12) }
        if showStatus { fixed.append(11) }
        let flex = ListDrawing.flex(total: rect.width - 2, fixed: fixed, weights: [3, 2])
        func cells(_ name: String, _ cp: String, _ kind: String, _ status: String, _ next: String, nextStyle: CellStyle?) -> [(String, Int, Bool, CellStyle?)] {
            var c: [(String, Int, Bool, CellStyle?)] = [(name, flex[0], false, nil), (cp, flex[1], false, nil)]
            if showKind { c.append((kind, 12, false, nil)) }
            if showStatus { c.append((status, 11, false, nil)) }
            c.append((next, 10, false, nextStyle))
            return c
        }
        ListDrawing.row(&buffer, x: rect.x + 1, y: rect.y, width: rect.width - 1,
                        cells: cells("Agreement (\(pager.totalText))", "Counterparty", "Kind", "Status", "Next", nextStyle: nil),
                        style: CellStyle(.title, bold: true))
        let rows = rect.height - 1
        cursor.clamp(count: pager.total, visible: rows)
        for r in 0..<rows {
            let i = cursor.offset + r
            guard i < pager.total else { break }
            let y = rect.y + 1 + r
            let selected = i == cursor.selected
            let style: CellStyle = selected ? CellStyle(.selection, bold: focused) : .normal
            guard let row = pager.row(at: i) else {
                ListDrawing.row(&buffer, x: rect.x + 1, y: y, width: rect.width - 1, cells: [("…", 1, false, nil)], style: style)
                continue
            }
            let nextStyle: CellStyle? = selected ? nil : row.nextActBy.map { .role(Format.role(daysLeft: today.days(until: $0))) }
            ListDrawing.row(&buffer, x: rect.x + 1, y: y, width: rect.width - 1,
                            cells: cells(row.title, row.counterparty, Format.kind(row.kind), row.status.rawValue,
                                         Format.date(row.nextActBy), nextStyle: nextStyle),
                            style: style)
            buffer.put(selected ? "▸" : " ", x: rect.x, y: y, style: style)
        }
    }

    static func drawDetail(_ buffer: inout ScreenBuffer, rect: Rect, detail: AgreementDetail?, tab: DetailTab,
                           scroll: inout Int, focused: Bool, today: CivilDate, anchor: inout String?) {
        guard rect.height > 2, rect.width > 4 else { return }
        guard let detail else {
            ListDrawing.message(&buffer, rect: rect, lines: ["No agreement selected."])
            return
        }
        // Tab bar: all tabs when they fit, else "‹ Notice rules › 2/5".
        let full = DetailTab.allCases.map { " \($0.title) " }
        if full.reduce(0, { $0 + DisplayWidth.of($1) }) + full.count <= rect.width {
            var x = rect.x
            for (i, t) in DetailTab.allCases.enumerated() {
                let style: CellStyle = t == tab ? CellStyle(focused ? .selection : .title, bold: true, underline: !focused) : .role(.muted)
                x += buffer.put(full[i], x: x, y: rect.y, style: style)
                x += buffer.put(" ", x: x, y: rect.y)
            }
        } else {
            buffer.putPadded("‹ \(tab.title) › \(tab.rawValue + 1)/\(DetailTab.allCases.count)", x: rect.x, y: rect.y,
                             width: rect.width, style: CellStyle(focused ? .selection : .title, bold: true))
        }
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
        let unwrapped = DetailTabs.lines(detail, tab: tab, today: today)
        if let a = anchor {
            anchor = nil
            if let i = unwrapped.firstIndex(where: { $0.text.contains(a) }) {
                scroll = StyledLine.wrap(Array(unwrapped[..<i]), width: body.width).count
            }
        }
        let lines = StyledLine.wrap(unwrapped, width: body.width)
        scroll = max(0, min(scroll, max(0, lines.count - body.height)))
        // The title gives way to the scroll counter (cut with "…"), never overlaps it.
        let counter = lines.count > body.height ? "\(scroll + 1)–\(min(lines.count, scroll + body.height))/\(lines.count)" : ""
        let titleWidth = counter.isEmpty ? rect.width : max(1, rect.width - DisplayWidth.of(counter) - 1)
        buffer.putPadded(detail.agreement.title, x: rect.x, y: rect.y + 1, width: titleWidth, style: CellStyle(.title, bold: true))
        for r in 0..<body.height {
            let i = scroll + r
            guard i < lines.count else { break }
            buffer.put(lines[i].text, x: body.x, y: body.y + r, style: lines[i].style, maxWidth: body.width)
        }
        if !counter.isEmpty {
            buffer.put(counter, x: rect.maxX - DisplayWidth.of(counter), y: rect.y + 1, style: .role(.muted))
        }
    }
}
