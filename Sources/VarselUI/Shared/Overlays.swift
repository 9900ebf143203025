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
            "Or type one in:           2, then a (a new agreement form)",
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
