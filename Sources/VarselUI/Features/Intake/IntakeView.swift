import VarselKit

/// The intake review screen: the contract text (wrapped by display width, only the visible rows
/// drawn) with every proposal's words highlighted — the selected one in reverse — beside the list
/// of proposals (decision, kind, summary) and the selected proposal's fields. Side by side from
/// `splitWidth` columns, else the text above the list. Draws from the state alone.
enum IntakeView {
    static let splitWidth = 100

    /// The text pane, the list pane (with the details under it) and the text's wrap width.
    static func panes(_ main: Rect) -> (text: Rect, list: Rect, textWidth: Int) {
        let body = Rect(x: main.x, y: main.y + 1, width: main.width, height: main.height - 1)
        if body.width >= splitWidth {
            let lw = min(70, body.width * 2 / 5)
            let text = Rect(x: body.x, y: body.y, width: body.width - lw - 2, height: body.height)
            return (text, Rect(x: body.maxX - lw, y: body.y, width: lw, height: body.height), text.width)
        }
        let th = max(3, body.height / 2)
        return (Rect(x: body.x, y: body.y, width: body.width, height: th),
                Rect(x: body.x, y: body.y + th + 1, width: body.width, height: body.height - th - 1), body.width)
    }

    static func textRows(_ size: TerminalSize) -> Int { max(1, panes(ScreenLayout.main(size)).text.height) }

    /// Lines under the list for the selected proposal's fields.
    static func detailRows(_ list: Rect) -> Int { list.height >= 12 ? min(8, list.height / 3) : 0 }

    /// Proposal rows that fit (the list's first row is its header).
    static func listRows(_ size: TerminalSize) -> Int {
        let list = panes(ScreenLayout.main(size)).list
        let d = detailRows(list)
        return max(1, list.height - 1 - (d > 0 ? d + 1 : 0))
    }

    static func draw(_ buffer: inout ScreenBuffer, main: Rect, review r: IntakeReview, size: TerminalSize) {
        let title = "Intake review: \(r.fileName) (\(r.format), \(r.proposal.language)) · \(r.items.count - 1) proposals: "
            + "\(r.count(.accepted)) accepted, \(r.count(.rejected)) rejected, \(r.count(.pending)) pending"
        buffer.putPadded(title, x: main.x, y: main.y, width: main.width, style: CellStyle(.title, bold: true))
        let (textRect, listRect, _) = panes(main)
        drawText(&buffer, rect: textRect, review: r)
        if listRect.x > textRect.x {
            buffer.vline(x: listRect.x - 1, y: listRect.y, height: listRect.height, style: .role(.border))
        } else {
            buffer.hline(x: listRect.x, y: listRect.y - 1, width: listRect.width, style: .role(.border))
        }
        drawList(&buffer, rect: listRect, review: r, rows: listRows(size))
    }

    /// The visible rows of the text, each character styled by the proposals whose words it is in
    /// (UTF-16 offsets: a character's offset is counted in its UTF-16 code units).
    static func drawText(_ buffer: inout ScreenBuffer, rect: Rect, review r: IntakeReview) {
        let spans = r.items.compactMap(\.span).sorted { $0.lowerBound < $1.lowerBound }
        let selected = r.selectedItem?.span
        let rows = r.layout.rows
        for y in 0..<rect.height {
            let index = r.textTop + y
            guard index < rows.count else { break }
            let row = rows[index]
            var x = rect.x, u16 = row.utf16Start
            for c in r.text[row.range] {
                let style: CellStyle
                if let s = selected, s.contains(u16) {
                    style = CellStyle(.accent, bold: true, reverse: true)
                } else if spans.contains(where: { $0.contains(u16) }) {
                    style = CellStyle(.accent, underline: true)
                } else {
                    style = .normal
                }
                x += buffer.put(String(c), x: x, y: rect.y + y, style: style, maxWidth: rect.maxX - x)
                u16 += c.utf16.count
                if x >= rect.maxX { break }
            }
        }
        if rows.count > rect.height, rect.height > 0 {
            let pct = min(100, (r.textTop + rect.height) * 100 / max(1, rows.count))
            let mark = " \(pct)% "
            buffer.put(mark, x: rect.maxX - DisplayWidth.of(mark), y: rect.maxY - 1, style: .role(.muted))
        }
    }

    static func drawList(_ buffer: inout ScreenBuffer, rect: Rect, review r: IntakeReview, rows: Int) {
        let flex = max(8, rect.width - 2 - 9 - 9 - 2)
        let listRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rows + 1)
        ListView.draw(&buffer, rect: listRect, header: [("Decision", 9, false, nil), ("Kind", 9, false, nil), ("Proposal", flex, false, nil)],
                      lineCount: r.items.count, offset: r.listTop) { i in
            let item = r.items[i]
            let selected = i == r.selected
            let decision = item.kind == .agreement ? "creates" : item.decision.rawValue + (item.edited ? "*" : "")
            let style: CellStyle
            switch (selected, item.decision) {
            case (true, _): style = CellStyle(.selection, bold: true)
            case (_, .accepted): style = .role(.success)
            case (_, .rejected): style = CellStyle(.muted, dim: true)
            case (_, .pending): style = .normal
            }
            return .row([(decision, 9, false, nil), (item.kind.label, 9, false, nil), (r.summary(item), flex, false, nil)],
                        style: style, selected: selected)
        }
        let d = detailRows(rect)
        guard d > 0, let item = r.selectedItem else { return }
        let top = listRect.maxY
        buffer.hline(x: rect.x, y: top, width: rect.width, style: .role(.border))
        let lines = StyledLine.wrap(r.details(item).map { StyledLine($0, .normal, indent: 2) }, width: rect.width - 1)
        for (k, l) in lines.prefix(d).enumerated() {
            buffer.put(l.text, x: rect.x + 1, y: top + 1 + k, style: k == 0 ? CellStyle(.title, bold: true) : l.style, maxWidth: rect.width - 1)
        }
    }
}
