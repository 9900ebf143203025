import VarselKit

/// View 1: open deadlines grouped Overdue / Within 14 / 30 / 90 days, one row per deadline.
enum AgendaView {
    static let windows: [AgendaWindow] = [.overdue, .within14, .within30, .within90]
    /// From this width on the agenda shows the clause column.
    static let wideWidth = 100

    /// The preview under the list: what is due in full, and why (the deadline's explanation).
    static func previewLines(_ item: AgendaItem, width: Int, maxLines: Int) -> [StyledLine] {
        let d = item.deadline
        var facts = [item.agreementTitle]
        if let c = d.clauseRef { facts.append("clause \(c)") }
        facts.append("\(d.actor.rawValue) act")
        if d.writtenForm { facts.append("in writing") }
        if d.groundsRequired { facts.append("grounds required") }
        let lines = StyledLine.wrap([
            StyledLine(d.what + (d.assumed ? " (assumed period)" : "") + " — " + facts.joined(separator: " · "), CellStyle(.title, bold: true), indent: 2),
            StyledLine("Why: " + d.explanation, .role(.muted), indent: 5),
        ] + (item.isSnoozed ? [StyledLine("Snoozed until \(d.snoozedUntil?.iso ?? "?") (z changes it); act by \(d.actByDate.iso) unchanged; not in the header counts",
                                           CellStyle(.hint, bold: true), indent: 5)] : [])
          + (d.note.map { [StyledLine("Note: " + $0, .role(.muted), indent: 5)] } ?? []), width: max(1, width))
        return Array(lines.prefix(maxLines))
    }

    /// Draws the preview of `item` at the bottom of `rect` (a rule, then the lines).
    static func drawPreview(_ buffer: inout ScreenBuffer, rect: Rect, lines: [StyledLine]) {
        buffer.hline(x: rect.x, y: rect.y, width: rect.width, style: .role(.border))
        for (i, l) in lines.enumerated() where rect.y + 1 + i < rect.maxY {
            buffer.put(l.text, x: rect.x + 1, y: rect.y + 1 + i, style: l.style, maxWidth: rect.width - 1)
        }
    }

    enum Line: Equatable { case group(AgendaWindow, Int), item(Int) }

    /// The agenda's items in display order, sorted within each window by `sort` (stable: ties
    /// keep act-by order).
    static func ordered(_ items: [AgendaItem], sort: AgendaSort) -> [AgendaItem] {
        let base = ordered(items)
        guard sort != .actBy else { return base }
        func key(_ i: AgendaItem) -> String { SearchFold.fold(sort == .agreement ? i.agreementTitle : i.deadline.what) }
        let keys = base.map(key)
        return base.indices.sorted { a, b in
            if base[a].window != base[b].window { return base[a].window < base[b].window }
            return keys[a] != keys[b] ? keys[a] < keys[b] : a < b
        }.map { base[$0] }
    }

    /// The agenda's items in display order (what j/k walk through).
    static func ordered(_ items: [AgendaItem]) -> [AgendaItem] {
        // The agenda query returns items by act-by day, so windows are usually in order already.
        var inOrder = true
        for i in items.indices.dropFirst() where items[i - 1].window > items[i].window { inOrder = false; break }
        if inOrder { return items }
        return windows.flatMap { w in items.filter { $0.window == w } }
    }

    /// The agenda as drawn: items in display order and their groups, so drawing costs the visible
    /// rows, not the whole agenda (built once per filter or data change).
    struct Layout: Sendable {
        let items: [AgendaItem]
        /// One entry per non-empty window, in order: the window, index of its first item, item count.
        let groups: [(window: AgendaWindow, start: Int, count: Int)]
        /// Counts shown in group headers when `items` is only the start of the agenda.
        let totals: [AgendaWindow: Int]?

        /// `items` must be in display order (`ordered`); `totals` overrides the header counts.
        init(ordered items: [AgendaItem], totals: [AgendaWindow: Int]? = nil) {
            self.items = items
            self.totals = totals
            var groups: [(window: AgendaWindow, start: Int, count: Int)] = []
            for (i, it) in items.enumerated() {
                if let last = groups.last, last.window == it.window { groups[groups.count - 1].count += 1 }
                else { groups.append((it.window, i, 1)) }
            }
            self.groups = groups
        }

        var lineCount: Int { items.count + groups.count }

        /// Line `li` (group headers precede their items).
        func line(_ li: Int) -> Line {
            var base = 0
            for g in groups {
                if li == base { return .group(g.window, totals?[g.window] ?? g.count) }
                if li <= base + g.count { return .item(g.start + li - base - 1) }
                base += g.count + 1
            }
            return .item(items.count - 1)
        }

        /// The line of item `k`.
        func lineOf(item k: Int) -> Int {
            for (gi, g) in groups.enumerated() where k >= g.start && k < g.start + g.count { return k + gi + 1 }
            return 0
        }
    }

    /// The list's and the preview's places in `main`: the preview of the selected item sits
    /// under the list when there is room (shared by the render and the cursor clamp).
    static func frame(main: Rect, layout: Layout, selected: Int) -> (list: Rect, preview: [StyledLine]) {
        var preview: [StyledLine] = []
        if main.height >= 12, !layout.items.isEmpty {
            let i = min(max(0, selected), layout.items.count - 1)
            preview = previewLines(layout.items[i], width: main.width - 1, maxLines: main.height >= 20 ? 4 : 2)
        }
        let listHeight = preview.isEmpty ? main.height : main.height - preview.count - 1
        return (Rect(x: main.x, y: main.y, width: main.width, height: listHeight), preview)
    }

    /// Keeps the selected item inside the agenda and visible, with its group header when it fits
    /// (the offset counts lines: headers and items).
    static func clamp(_ cursor: inout ListCursor, layout: Layout, main: Rect) {
        guard !layout.items.isEmpty else { cursor = ListCursor(); return }
        cursor.selected = min(max(0, cursor.selected), layout.items.count - 1)
        let rows = frame(main: main, layout: layout, selected: cursor.selected).list.height - 1
        guard rows > 0 else { return }
        let selectedLine = layout.lineOf(item: cursor.selected)
        var offset = cursor.offset
        if selectedLine < offset { offset = selectedLine > 0 && isGroup(layout.line(selectedLine - 1)) ? selectedLine - 1 : selectedLine }
        if selectedLine >= offset + rows { offset = selectedLine - rows + 1 }
        cursor.offset = max(0, min(offset, max(0, layout.lineCount - rows)))
    }

    /// The agenda list and, when there is room, the preview of the selected row under it.
    static func draw(_ buffer: inout ScreenBuffer, main: Rect, layout: Layout, cursor: ListCursor, filter: String) {
        let (listRect, preview) = frame(main: main, layout: layout, selected: cursor.selected)
        drawList(&buffer, rect: listRect, layout: layout, cursor: cursor, filter: filter)
        if !preview.isEmpty {
            drawPreview(&buffer, rect: Rect(x: main.x, y: main.y + listRect.height, width: main.width, height: preview.count + 1),
                        lines: preview)
        }
    }

    static func drawList(_ buffer: inout ScreenBuffer, rect: Rect, layout: Layout, cursor: ListCursor, filter: String) {
        let items = layout.items
        guard rect.height > 1 else { return }
        if items.isEmpty {
            ListDrawing.message(&buffer, rect: rect, lines: filter.isEmpty
                ? ["Nothing due in the next 90 days.", "Deadlines appear here when notices, terminations and events are recorded."]
                : ["No deadline matches \"\(filter)\".", "Esc clears the filter."])
            return
        }
        // Narrow terminals give the clause column's width to the agreement and what is due
        // (the preview under the list shows the clause).
        let showClause = rect.width >= wideWidth
        let fixed = showClause ? [10, 7, 9] : [10, 7]
        let flex = ListDrawing.flex(total: rect.width - 2, fixed: fixed, weights: showClause ? [2, 3] : [1, 1])
        func cells(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, left: CellStyle? = nil) -> [ListCell] {
            let base: [ListCell] = [(a, 10, false, nil), (b, 7, true, left), (c, flex[0], false, nil), (d, flex[1], false, nil)]
            return showClause ? base + [(e, 9, false, nil)] : base
        }
        let selected = min(max(0, cursor.selected), items.count - 1)
        ListView.draw(&buffer, rect: rect, header: cells("Act by", "Left", "Agreement", "What is due", "Clause"),
                      lineCount: layout.lineCount, offset: cursor.offset) { li in
            switch layout.line(li) {
            case .group(let w, let n):
                return .group("\(w.title) (\(n))", CellStyle(Format.role(w), bold: true))
            case .item(let i):
                let it = items[i]
                let isSelected = i == selected
                let d = it.deadline
                return .row(cells(d.actByDate.iso, Format.daysLeft(it.daysLeft), it.agreementTitle,
                                  (it.isSnoozed ? "(snoozed to \(d.snoozedUntil?.iso ?? "?")) " : "")
                                    + (d.flag == nil ? "" : "⚠ outside EEA: ") + d.what + (d.assumed ? " (assumed period)" : ""), d.clauseRef ?? "—",
                                  left: isSelected ? nil : CellStyle(Format.role(it.window), bold: true)),
                            style: isSelected ? .role(.selection) : .normal, selected: isSelected)
            }
        }
    }

    private static func isGroup(_ l: Line) -> Bool { if case .group = l { return true }; return false }
}
