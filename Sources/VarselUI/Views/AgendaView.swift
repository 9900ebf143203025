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
        ], width: max(1, width))
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

    /// Group headers and rows, in agenda order (items are already sorted by act-by day).
    static func lines(_ items: [AgendaItem]) -> [Line] {
        var out: [Line] = []
        for w in windows {
            let idx = items.indices.filter { items[$0].window == w }
            guard !idx.isEmpty else { continue }
            out.append(.group(w, idx.count))
            out += idx.map { .item($0) }
        }
        return out
    }

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
    struct Layout {
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

    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, items: [AgendaItem], cursor: inout ListCursor, filter: String) {
        draw(&buffer, rect: rect, layout: Layout(ordered: ordered(items)), cursor: &cursor, filter: filter)
    }

    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, layout: Layout, cursor: inout ListCursor, filter: String) {
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
        func cells(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, left: CellStyle? = nil) -> [(String, Int, Bool, CellStyle?)] {
            let base: [(String, Int, Bool, CellStyle?)] = [(a, 10, false, nil), (b, 7, true, left), (c, flex[0], false, nil), (d, flex[1], false, nil)]
            return showClause ? base + [(e, 9, false, nil)] : base
        }
        ListDrawing.row(&buffer, x: rect.x + 1, y: rect.y, width: rect.width - 1,
                        cells: cells("Act by", "Left", "Agreement", "What is due", "Clause").map { ($0.0, $0.1, $0.2, $0.3) },
                        style: CellStyle(.title, bold: true))

        cursor.selected = min(max(0, cursor.selected), items.count - 1)
        let selectedLine = layout.lineOf(item: cursor.selected)
        let lineCount = layout.lineCount
        let rows = rect.height - 1
        // The offset counts lines; keep the selected row visible, with its group header when it fits.
        var offset = cursor.offset
        if selectedLine < offset { offset = selectedLine > 0 && isGroup(layout.line(selectedLine - 1)) ? selectedLine - 1 : selectedLine }
        if selectedLine >= offset + rows { offset = selectedLine - rows + 1 }
        offset = max(0, min(offset, max(0, lineCount - rows)))
        cursor.offset = offset

        for row in 0..<rows {
            let li = offset + row
            guard li < lineCount else { break }
            let y = rect.y + 1 + row
            switch layout.line(li) {
            case .group(let w, let n):
                let title = "\(w.title) (\(n))"
                buffer.fill(x: rect.x, y: y, width: rect.width, height: 1, style: .normal)
                buffer.put(title, x: rect.x + 1, y: y, style: CellStyle(Format.role(w), bold: true), maxWidth: rect.width - 1)
            case .item(let i):
                let it = items[i]
                let selected = i == cursor.selected
                let style: CellStyle = selected ? .role(.selection) : .normal
                let d = it.deadline
                ListDrawing.row(&buffer, x: rect.x + 1, y: y, width: rect.width - 1,
                                cells: cells(d.actByDate.iso, Format.daysLeft(it.daysLeft), it.agreementTitle,
                                             (d.flag == nil ? "" : "⚠ outside EEA: ") + d.what + (d.assumed ? " (assumed period)" : ""), d.clauseRef ?? "—",
                                             left: selected ? nil : CellStyle(Format.role(it.window), bold: true)),
                                style: style)
                buffer.put(selected ? "▸" : " ", x: rect.x, y: y, style: style)
            }
        }
    }

    private static func isGroup(_ l: Line) -> Bool { if case .group = l { return true }; return false }
}
