/// One cell of a list row: text, width in columns, right-aligned, own style (nil: the row's).
typealias ListCell = (text: String, width: Int, alignRight: Bool, style: CellStyle?)

/// A list column for `ListDrawing.fit`: fixed (`weight` 0, `width` columns) or flexible (`weight`
/// > 0, at least `width` columns); `drop` ranks the columns left out first on a narrow screen
/// (nil: always shown).
struct ListColumn {
    var width: Int
    var weight = 0
    var drop: Int?
    static func fixed(_ width: Int, drop: Int? = nil) -> ListColumn { ListColumn(width: width, weight: 0, drop: drop) }
    static func flexible(min width: Int, weight: Int) -> ListColumn { ListColumn(width: width, weight: weight, drop: nil) }
}

/// One line of a list as drawn.
enum ListLine {
    /// A row; the selected one is marked with ▸.
    case row([ListCell], style: CellStyle, selected: Bool)
    /// A heading across the list (the agenda's windows).
    case group(String, CellStyle)
    /// A row not loaded yet ("…").
    case pending(CellStyle)
}

/// The list drawing loop of every list view (agenda, agreements, register, notices).
enum ListView {
    /// Draws the column header on the first row of `rect`, then lines `offset…` below it while
    /// they fit and exist. `line` formats line `i` from values the view was given.
    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, header: [ListCell], lineCount: Int, offset: Int,
                     line: (Int) -> ListLine) {
        ListDrawing.row(&buffer, x: rect.x + 1, y: rect.y, width: rect.width - 1, cells: header, style: CellStyle(.title, bold: true))
        for r in 0..<max(0, rect.height - 1) {
            let i = offset + r
            guard i < lineCount else { break }
            let y = rect.y + 1 + r
            switch line(i) {
            case .row(let cells, let style, let selected):
                ListDrawing.row(&buffer, x: rect.x + 1, y: y, width: rect.width - 1, cells: cells, style: style)
                buffer.put(selected ? "▸" : " ", x: rect.x, y: y, style: style)
            case .group(let title, let style):
                buffer.fill(x: rect.x, y: y, width: rect.width, height: 1, style: .normal)
                buffer.put(title, x: rect.x + 1, y: y, style: style, maxWidth: rect.width - 1)
            case .pending(let style):
                ListDrawing.row(&buffer, x: rect.x + 1, y: y, width: rect.width - 1, cells: [("…", 1, false, nil)], style: style)
            }
        }
    }
}

/// Drawing helpers shared by the list views.
enum ListDrawing {
    /// Draws cells of a row at fixed widths separated by one space, in one style.
    static func row(_ buffer: inout ScreenBuffer, x: Int, y: Int, width: Int,
                    cells: [(text: String, width: Int, alignRight: Bool, style: CellStyle?)], style: CellStyle) {
        buffer.fill(x: x, y: y, width: width, height: 1, style: style)
        var col = x
        for cell in cells {
            guard col < x + width else { break }
            let w = min(cell.width, x + width - col)
            buffer.putPadded(cell.text, x: col, y: y, width: w, style: cell.style ?? style, alignRight: cell.alignRight)
            col += w + 1
        }
    }

    /// Splits `total` columns among flexible columns by weight after the fixed ones and separators.
    static func flex(total: Int, fixed: [Int], weights: [Int]) -> [Int] {
        let separators = fixed.count + weights.count - 1
        let free = max(weights.count, total - fixed.reduce(0, +) - separators)
        let sum = max(1, weights.reduce(0, +))
        var widths = weights.map { free * $0 / sum }
        if let last = widths.indices.last { widths[last] += free - widths.reduce(0, +) }
        return widths
    }

    /// Which columns of a list fit in `total` columns, and their widths (nil: left out). Columns
    /// with a `drop` rank are left out, lowest rank first, until the fixed columns, the separators
    /// and every flexible column's minimum fit; the flexible ones then share what is left by weight.
    static func fit(total: Int, _ columns: [ListColumn]) -> [Int?] {
        var shown = Array(repeating: true, count: columns.count)
        func need() -> Int {
            let cols = columns.indices.filter { shown[$0] }
            return cols.reduce(0) { $0 + columns[$1].width } + max(0, cols.count - 1)
        }
        while need() > total,
              let drop = columns.indices.filter({ shown[$0] && columns[$0].drop != nil }).min(by: { columns[$0].drop! < columns[$1].drop! }) {
            shown[drop] = false
        }
        let fixed = columns.indices.filter { shown[$0] && columns[$0].weight == 0 }.map { columns[$0].width }
        let flexIdx = columns.indices.filter { shown[$0] && columns[$0].weight > 0 }
        let flexWidths = flex(total: total, fixed: fixed, weights: flexIdx.map { columns[$0].weight })
        return columns.indices.map { i in
            guard shown[i] else { return nil }
            if let k = flexIdx.firstIndex(of: i) { return flexWidths[k] }
            return columns[i].width
        }
    }

    /// A centred message in a rectangle, one line per string.
    static func message(_ buffer: inout ScreenBuffer, rect: Rect, lines: [String], style: CellStyle = .role(.muted)) {
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < rect.maxY {
            buffer.put(DisplayWidth.center(line, to: rect.width), x: rect.x, y: top + i, style: style, maxWidth: rect.width)
        }
    }
}
