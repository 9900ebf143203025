/// The `?` overlay: every binding of the current context, generated from the binding table.
enum HelpOverlay {
    static func lines(for context: BindingContext, width: Int = 72) -> [StyledLine] {
        var out: [StyledLine] = [StyledLine("Keys in \(context.title)", CellStyle(.title, bold: true))]
        var inViews = false
        for b in Bindings.bindings(for: context) {
            if context.isView, !inViews, b.contexts.contains(.views), !b.contexts.contains(context) {
                inViews = true
                out.append(StyledLine(""))
                out.append(StyledLine("In every view", CellStyle(.title, bold: true)))
            }
            // Key column padded to 16; the description wraps beside it.
            for (i, part) in TextWrap.wrap(b.description, width: max(10, width - 17)).enumerated() {
                out.append(StyledLine((i == 0 ? DisplayWidth.pad(b.label, to: 16) : String(repeating: " ", count: 16)) + " " + part))
            }
        }
        return out
    }

    static func draw(_ buffer: inout ScreenBuffer, width: Int, height: Int, context: BindingContext, scroll: inout Int) {
        let w = min(width - 4, 76), h = min(height - 2, 40)
        guard w > 20, h > 4 else { return }
        let x = (width - w) / 2, y = (height - h) / 2
        buffer.fill(x: x, y: y, width: w, height: h, style: .normal)
        buffer.box(x: x, y: y, width: w, height: h, style: .role(.border), title: "Help — \(context.title)")
        let lines = lines(for: context, width: w - 4)
        let rows = h - 3
        scroll = max(0, min(scroll, max(0, lines.count - rows)))
        for r in 0..<rows where scroll + r < lines.count {
            buffer.put(lines[scroll + r].text, x: x + 2, y: y + 1 + r, style: lines[scroll + r].style, maxWidth: w - 4)
        }
        let foot = lines.count > rows ? "j/k scroll · Esc/q/? close" : "Esc/q/? close"
        buffer.put(foot, x: x + 2, y: y + h - 2, style: .role(.hint), maxWidth: w - 4)
    }
}

/// A small centred question box ("Mark … handled? y/n").
enum ConfirmOverlay {
    static func draw(_ buffer: inout ScreenBuffer, width: Int, height: Int, question: String) {
        let w = min(width - 4, 70)
        let lines = TextWrap.wrap(question, width: w - 4)
        let h = min(height - 2, lines.count + 4)
        let x = (width - w) / 2, y = (height - h) / 2
        buffer.fill(x: x, y: y, width: w, height: h, style: .normal)
        buffer.box(x: x, y: y, width: w, height: h, style: .role(.border), title: "Confirm")
        for (i, l) in lines.enumerated() where 1 + i < h - 2 { buffer.put(l, x: x + 2, y: y + 1 + i, style: .bold(), maxWidth: w - 4) }
        buffer.put("y/Enter yes · n/Esc no", x: x + 2, y: y + h - 2, style: .role(.hint), maxWidth: w - 4)
    }
}

/// What an empty database shows instead of empty lists.
enum EmptyPortfolioView {
    /// The commands name this database (`--db PATH`): without it they would write the default one.
    static func lines(databasePath: String) -> [String] {
        let db = databasePath.contains(" ") || databasePath.contains("'") ? "\"\(databasePath)\"" : databasePath
        return [
            "This database holds no agreements yet.",
            "",
            "Try the demo portfolio:   varsel --demo     (a scratch copy, nothing is kept)",
            "Load the demo here:       varsel demo --db \(db)",
            "Import your own:          varsel import FILE --db \(db)",
            "",
            "Then press r to reload, or q to quit.",
        ]
    }

    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, databasePath: String) {
        let lines = lines(databasePath: databasePath)
        let w = min(rect.width, lines.map(DisplayWidth.of).max() ?? 0)
        let x = rect.x + max(0, (rect.width - w) / 2)
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, l) in lines.enumerated() where top + i < rect.maxY {
            buffer.put(l, x: x, y: top + i, style: i == 0 ? CellStyle(.title, bold: true) : .normal, maxWidth: rect.width)
        }
    }
}
