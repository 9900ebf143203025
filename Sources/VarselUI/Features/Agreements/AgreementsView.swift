import VarselKit

/// View 2: the agreements list (paged from SQLite) and the selected agreement's detail with tabs.
enum AgreementsView {
    /// Width from which list and detail sit side by side.
    static let splitWidth = 120

    /// Where list and detail go in `main`: side by side when wide, else the one with the keyboard.
    static func frame(main: Rect, detailFocused: Bool) -> (list: Rect?, detail: Rect?) {
        if main.width >= splitWidth {
            let lw = main.width * 45 / 100
            return (Rect(x: main.x, y: main.y, width: lw, height: main.height),
                    Rect(x: lw + 2, y: main.y, width: main.width - lw - 2, height: main.height))
        }
        return detailFocused ? (nil, main) : (main, nil)
    }

    static func draw(_ buffer: inout ScreenBuffer, main: Rect, state: WorkbenchState, data: Loaded) {
        let (listRect, detailRect) = frame(main: main, detailFocused: state.detailFocused)
        if let listRect {
            drawList(&buffer, rect: listRect, rows: data.agreements, cursor: state.agreements, today: data.today,
                     filter: state.filters[.agreements] ?? "", focused: !state.detailFocused, showArchived: state.showArchived)
        }
        if listRect != nil, let detailRect {
            buffer.vline(x: detailRect.x - 2, y: main.y, height: main.height, style: .role(.border))
        }
        if let detailRect {
            drawDetail(&buffer, rect: detailRect, detail: data.detail, tab: state.detailTab, scroll: state.detailScroll,
                       focused: state.detailFocused, today: data.today, text: data.text)
        }
    }

    static func drawList(_ buffer: inout ScreenBuffer, rect: Rect, rows list: ListWindow<AgreementRow>, cursor: ListCursor,
                         today: CivilDate, filter: String, focused: Bool, showArchived: Bool = false) {
        guard rect.height > 1 else { return }
        if list.total == 0 {
            let lines = filter.isEmpty ? ["Every agreement is archived.", "A shows archived agreements."]
                                       : ["No agreement matches \"\(filter)\".", "Esc clears the filter."]
            ListDrawing.message(&buffer, rect: rect, lines: lines)
            return
        }
        let showKind = rect.width >= 78, showStatus = rect.width >= 64
        var fixed = [10]
        if showKind { fixed.append(12) }
        if showStatus { fixed.append(11) }
        let flex = ListDrawing.flex(total: rect.width - 2, fixed: fixed, weights: [3, 2])
        func cells(_ name: String, _ cp: String, _ kind: String, _ status: String, _ next: String, nextStyle: CellStyle?) -> [ListCell] {
            var c: [ListCell] = [(name, flex[0], false, nil), (cp, flex[1], false, nil)]
            if showKind { c.append((kind, 12, false, nil)) }
            if showStatus { c.append((status, 11, false, nil)) }
            c.append((next, 10, false, nextStyle))
            return c
        }
        ListView.draw(&buffer, rect: rect, header: cells("Agreement (\(list.totalText)\(showArchived ? ", incl. archived" : ""))", "Counterparty", "Kind", "Status", "Next", nextStyle: nil),
                      lineCount: list.total, offset: cursor.offset) { i in
            let selected = i == cursor.selected
            let style: CellStyle = selected ? CellStyle(.selection, bold: focused) : .normal
            guard let row = list.row(at: i) else { return .pending(style) }
            let nextStyle: CellStyle? = selected ? nil : row.nextActBy.map { .role(Format.role(daysLeft: today.days(until: $0))) }
            return .row(cells(row.title, row.counterparty, Format.kind(row.kind), row.status.rawValue,
                              Format.date(row.nextActBy), nextStyle: nextStyle), style: style, selected: selected)
        }
    }

    /// The detail's text area in its rectangle (under the tab bar and the title).
    static func body(_ rect: Rect) -> Rect { Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2) }

    /// The tab's lines wrapped to the body width.
    static func lines(_ detail: AgreementDetail, tab: DetailTab, today: CivilDate, width: Int) -> [StyledLine] {
        StyledLine.wrap(DetailTabs.lines(detail, tab: tab, today: today), width: width)
    }

    /// The scroll that puts the first line containing `anchor` at the top, if there is one.
    static func scroll(to anchor: String, _ detail: AgreementDetail, tab: DetailTab, today: CivilDate, width: Int) -> Int? {
        let unwrapped = DetailTabs.lines(detail, tab: tab, today: today)
        guard let i = unwrapped.firstIndex(where: { $0.text.contains(anchor) }) else { return nil }
        return StyledLine.wrap(Array(unwrapped[..<i]), width: width).count
    }

    static func drawDetail(_ buffer: inout ScreenBuffer, rect: Rect, detail: AgreementDetail?, tab: DetailTab,
                           scroll: Int, focused: Bool, today: CivilDate, text: AgreementTextPane? = nil) {
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
        let body = body(rect)
        if tab == .text {
            drawText(&buffer, rect: rect, body: body, title: detail.agreement.title, pane: text, scroll: scroll)
            return
        }
        let lines = lines(detail, tab: tab, today: today, width: body.width)
        let scroll = max(0, min(scroll, max(0, lines.count - body.height)))
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

    /// The Text tab: only the visible rows of the laid-out texts (the buffer sanitises each row);
    /// document headers muted, the rows where a clause starts as headings.
    static func drawText(_ buffer: inout ScreenBuffer, rect: Rect, body: Rect, title: String, pane: AgreementTextPane?,
                         scroll: Int) {
        guard let pane, !pane.documents.isEmpty else {
            buffer.putPadded(title, x: rect.x, y: rect.y + 1, width: rect.width, style: CellStyle(.title, bold: true))
            let lines = pane == nil ? ["Loading the text…"]
                : ["No contract text is kept for this agreement.",
                   "Texts are kept when a contract is saved by intake (:intake FILE, then Ctrl-S; varsel intake FILE --save)."]
            for (i, l) in StyledLine.wrap(lines.map { StyledLine($0, .role(.muted)) }, width: body.width).prefix(body.height).enumerated() {
                buffer.put(l.text, x: body.x, y: body.y + i, style: l.style, maxWidth: body.width)
            }
            return
        }
        let count = pane.layout.rows.count
        let scroll = max(0, min(scroll, max(0, count - body.height)))
        let counter = count > body.height ? "\(scroll + 1)–\(min(count, scroll + body.height))/\(count)" : ""
        let titleWidth = counter.isEmpty ? rect.width : max(1, rect.width - DisplayWidth.of(counter) - 1)
        buffer.putPadded(title, x: rect.x, y: rect.y + 1, width: titleWidth, style: CellStyle(.title, bold: true))
        for r in 0..<body.height {
            let i = scroll + r
            guard i < count else { break }
            let style: CellStyle = pane.headerStarts.contains(pane.layout.rows[i].utf16Start) ? .role(.muted)
                : pane.headingRows.contains(i) ? CellStyle(.title, bold: true) : .normal
            buffer.put(String(pane.rowText(i)), x: body.x, y: body.y + r, style: style, maxWidth: body.width)
        }
        if !counter.isEmpty {
            buffer.put(counter, x: rect.maxX - DisplayWidth.of(counter), y: rect.y + 1, style: .role(.muted))
        }
    }
}
