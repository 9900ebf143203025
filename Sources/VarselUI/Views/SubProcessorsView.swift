import VarselKit

/// View 3: the sub-processor register across agreements (paged from SQLite, one row per
/// sub-processor name); the selected entry's uses below, read on demand.
@MainActor enum SubProcessorsView {
    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, pager: VendorPager, cursor: inout ListCursor, filter: String,
                     uses usesOf: (SubProcessorVendor) -> [SubProcessorRegisterEntry.Use]) {
        guard rect.height > 3 else { return }
        if pager.total == 0 {
            ListDrawing.message(&buffer, rect: rect, lines: filter.isEmpty
                ? ["No sub-processors recorded."] : ["No sub-processor matches \"\(filter)\".", "Esc clears the filter."])
            return
        }
        cursor.selected = min(max(0, cursor.selected), pager.total - 1)
        let selectedVendor = pager.row(at: cursor.selected)
        let uses = selectedVendor.map(usesOf) ?? []
        let useCount = selectedVendor?.uses ?? 0
        let usesHeight = min(useCount + 2, rect.height / 2)
        let listRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - usesHeight)
        let flex = ListDrawing.flex(total: listRect.width - 2, fixed: [14, 10, 14, 10], weights: [1])
        func cells(_ a: String, _ b: String, _ c: String, _ s: String, _ d: String, status: CellStyle? = nil) -> [(String, Int, Bool, CellStyle?)] {
            [(a, flex[0], false, nil), (b, 14, false, nil), (c, 10, false, nil), (s, 14, false, status), (d, 10, true, nil)]
        }
        ListDrawing.row(&buffer, x: listRect.x + 1, y: listRect.y, width: listRect.width - 1,
                        cells: cells("Sub-processor (\(pager.totalText))", "Org number", "Countries", "Status", "Agreements"),
                        style: CellStyle(.title, bold: true))
        let rows = listRect.height - 1
        cursor.clamp(count: pager.total, visible: rows)
        for r in 0..<rows {
            let i = cursor.offset + r
            guard i < pager.total else { break }
            let selected = i == cursor.selected
            let style: CellStyle = selected ? .role(.selection) : .normal
            let y = listRect.y + 1 + r
            guard let e = pager.row(at: i) else {
                ListDrawing.row(&buffer, x: listRect.x + 1, y: y, width: listRect.width - 1, cells: [("…", 1, false, nil)], style: style)
                continue
            }
            ListDrawing.row(&buffer, x: listRect.x + 1, y: y, width: listRect.width - 1,
                            cells: cells(e.name, e.orgNumber ?? "—", e.countries.joined(separator: ", "), e.statusText, "\(e.agreements)",
                                         status: selected || e.statuses == [.approved] ? nil : CellStyle(.due30, bold: true)), style: style)
            buffer.put(selected ? "▸" : " ", x: listRect.x, y: y, style: style)
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
