import VarselKit

/// View 3: the sub-processor register across agreements (paged from SQLite, one row per
/// sub-processor name); the selected entry's uses below.
enum SubProcessorsView {
    /// The list's part of `rect`: the uses of the selected entry take up to half of it.
    static func listRect(_ rect: Rect, selected: SubProcessorVendor?) -> Rect {
        let usesHeight = min((selected?.uses ?? 0) + 2, rect.height / 2)
        return Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - usesHeight)
    }

    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, vendors: ListWindow<SubProcessorVendor>,
                     uses: [SubProcessorRegisterEntry.Use], cursor: ListCursor, filter: String) {
        guard rect.height > 3 else { return }
        if vendors.total == 0 {
            ListDrawing.message(&buffer, rect: rect, lines: filter.isEmpty
                ? ["No sub-processors recorded."] : ["No sub-processor matches \"\(filter)\".", "Esc clears the filter."])
            return
        }
        let sel = min(max(0, cursor.selected), vendors.total - 1)
        let selectedVendor = vendors.row(at: sel)
        let useCount = selectedVendor?.uses ?? 0
        let listRect = listRect(rect, selected: selectedVendor)
        // Narrow screens leave out the org number, then the countries, then the agreement count;
        // the name and the status (an objected vendor must not look approved) always show.
        let widths = ListDrawing.fit(total: listRect.width - 2, [
            .flexible(min: 20, weight: 1), .fixed(14, drop: 1), .fixed(10, drop: 2), .fixed(14), .fixed(10, drop: 3),
        ])
        func cells(_ a: String, _ b: String, _ c: String, _ s: String, _ d: String, status: CellStyle? = nil) -> [ListCell] {
            let all: [ListCell] = [(a, 0, false, nil), (b, 0, false, nil), (c, 0, false, nil), (s, 0, false, status), (d, 0, true, nil)]
            return zip(all, widths).compactMap { cell, w -> ListCell? in w.map { (cell.text, $0, cell.alignRight, cell.style) } }
        }
        ListView.draw(&buffer, rect: listRect, header: cells("Sub-processor (\(vendors.totalText))", "Org number", "Countries", "Status", "Agreements"),
                      lineCount: vendors.total, offset: cursor.offset) { i in
            let selected = i == sel
            let style: CellStyle = selected ? .role(.selection) : .normal
            guard let e = vendors.row(at: i) else { return .pending(style) }
            return .row(cells(e.name, e.orgNumber ?? "—", e.countries.joined(separator: ", "), e.statusText, "\(e.agreements)",
                              status: selected || e.statuses == [.approved] ? nil : CellStyle(.due30, bold: true)),
                        style: style, selected: selected)
        }
        let uy = listRect.maxY
        buffer.hline(x: rect.x, y: uy, width: rect.width, style: .role(.border))
        guard let selectedVendor else { return }
        buffer.put(" \(selectedVendor.name): used in \(useCount) place(s) ", x: rect.x + 2, y: uy, style: CellStyle(.title, bold: true), maxWidth: rect.width - 4)
        let uflex = ListDrawing.flex(total: rect.width - 2, fixed: [8, 10], weights: [3, 3])
        for (k, u) in uses.enumerated() where uy + 1 + k < rect.maxY {
            let style: CellStyle = u.status == .approved ? .normal : CellStyle(.due30, bold: true)
            ListDrawing.row(&buffer, x: rect.x + 1, y: uy + 1 + k, width: rect.width - 1,
                            cells: [(u.agreementTitle, uflex[0], false, nil), (u.country, 8, false, nil),
                                    (u.purpose, uflex[1], false, nil), (u.status.rawValue, 10, false, nil)], style: style)
        }
    }
}
