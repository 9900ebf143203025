import VarselKit

/// View 3: the sub-processor register across agreements; the selected entry's uses below.
enum SubProcessorsView {
    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, entries: [SubProcessorRegisterEntry], cursor: inout ListCursor, filter: String) {
        guard rect.height > 3 else { return }
        if entries.isEmpty {
            ListDrawing.message(&buffer, rect: rect, lines: filter.isEmpty
                ? ["No sub-processors recorded."] : ["No sub-processor matches \"\(filter)\".", "Esc clears the filter."])
            return
        }
        cursor.selected = min(max(0, cursor.selected), entries.count - 1)
        let uses = entries[cursor.selected].uses
        let usesHeight = min(uses.count + 2, rect.height / 2)
        let listRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - usesHeight)
        let flex = ListDrawing.flex(total: listRect.width - 2, fixed: [16, 14, 10], weights: [1])
        func cells(_ a: String, _ b: String, _ c: String, _ d: String) -> [(String, Int, Bool, CellStyle?)] {
            [(a, flex[0], false, nil), (b, 16, false, nil), (c, 14, false, nil), (d, 10, true, nil)]
        }
        ListDrawing.row(&buffer, x: listRect.x + 1, y: listRect.y, width: listRect.width - 1,
                        cells: cells("Sub-processor (\(entries.count))", "Org number", "Countries", "Agreements"),
                        style: CellStyle(.title, bold: true))
        let rows = listRect.height - 1
        cursor.clamp(count: entries.count, visible: rows)
        for r in 0..<rows {
            let i = cursor.offset + r
            guard i < entries.count else { break }
            let e = entries[i]
            let selected = i == cursor.selected
            let style: CellStyle = selected ? .role(.selection) : .normal
            let agreements = Set(e.uses.map(\.agreementId)).count
            ListDrawing.row(&buffer, x: listRect.x + 1, y: listRect.y + 1 + r, width: listRect.width - 1,
                            cells: cells(e.name, e.orgNumber ?? "—", e.countries.joined(separator: ", "), "\(agreements)"), style: style)
            buffer.put(selected ? "▸" : " ", x: listRect.x, y: listRect.y + 1 + r, style: style)
        }
        let uy = listRect.maxY
        buffer.hline(x: rect.x, y: uy, width: rect.width, style: .role(.border))
        buffer.put(" \(entries[cursor.selected].name): used in \(uses.count) place(s) ", x: rect.x + 2, y: uy, style: CellStyle(.title, bold: true), maxWidth: rect.width - 4)
        let uflex = ListDrawing.flex(total: rect.width - 2, fixed: [8, 10], weights: [3, 3])
        for (k, u) in uses.enumerated() where uy + 1 + k < rect.maxY {
            let style: CellStyle = u.status == .approved ? .normal : CellStyle(.due30, bold: true)
            ListDrawing.row(&buffer, x: rect.x + 1, y: uy + 1 + k, width: rect.width - 1,
                            cells: [(u.agreementTitle, uflex[0], false, nil), (u.country, 8, false, nil),
                                    (u.purpose, uflex[1], false, nil), (u.status.rawValue, 10, false, nil)], style: style)
        }
    }
}
