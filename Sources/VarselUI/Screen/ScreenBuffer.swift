import VarselKit

/// A grid of cells that views draw into; the terminal backend copies it to the screen.
/// Pure Swift, no curses: views are tested by comparing `text` dumps.
///
/// Invariants: every wide character occupies a lead cell (width 2) followed by a continuation
/// cell (width 0, text ""); writes that would leave half a wide character behind replace the
/// other half with a space. All text is sanitised (`TerminalText.sanitize`) on the way in.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// Stored form of `cursor` (tuples are not Equatable).
    public var cursorPosition: ScreenPoint?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
        self.cursorPosition = nil
    }

    /// Where to show the hardware cursor (forms); nil = hidden.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { (x: $0.x, y: $0.y) } }
        set { cursorPosition = newValue.map { ScreenPoint(x: $0.x, y: $0.y) } }
    }

    /// The cell at (x, y); a blank cell outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    // MARK: - Low-level cell writes keeping the wide-character invariant

    /// Sets one cell of width 1 (or 2, which also writes the continuation cell).
    /// Repairs wide characters that get cut in half.
    private mutating func setCell(_ x: Int, _ y: Int, text: String, width w: Int, style: CellStyle) {
        guard contains(x: x, y: y), w == 1 || (w == 2 && x + 1 < width) else { return }
        let row = y * width
        // Overwriting the continuation of a wide char at x-1: blank its lead.
        if cells[row + x].width == 0, x > 0 {
            cells[row + x - 1] = .blank(cells[row + x - 1].style)
        }
        let last = x + w - 1
        // Overwriting the lead of a wide char whose continuation is outside our span: blank it.
        if cells[row + last].width == 2, last + 1 < width {
            cells[row + last + 1] = .blank(cells[row + last + 1].style)
        }
        cells[row + x] = Cell(text: text, width: w, style: style)
        if w == 2 {
            cells[row + x + 1] = Cell(text: "", width: 0, style: style)
        }
    }

    // MARK: - Drawing

    /// Writes sanitised text at (x, y), clipped to `maxWidth` columns (default: to the right
    /// edge), never splitting a wide character (a wide character that does not fit becomes a
    /// space). Returns the number of columns used (including such a space).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        guard x < limit else { return 0 }
        var col = x
        if DisplayWidth.simpleWidth(text) != nil {
            // One scalar, one cell (see `DisplayWidth.simpleWidth`): no sanitising, no clusters.
            for u in text.unicodeScalars {
                if col + 1 > limit { break }
                if col >= 0 { setCell(col, y, text: String(u), width: 1, style: style) }
                col += 1
            }
            return max(0, col - max(x, 0))
        }
        return putClusters(text, x: x, y: y, style: style, limit: limit)
    }

    /// The careful path of `put`: sanitised text, cluster by cluster, by display width.
    mutating func putClusters(_ text: String, x: Int, y: Int, style: CellStyle, limit: Int) -> Int {
        var col = x
        var lastLead: Int? = nil
        for ch in TerminalText.sanitize(text) {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A zero-width cluster (rare after sanitising): attach to the previous cell.
                if let lead = lastLead {
                    cells[y * width + lead].text.append(contentsOf: String(ch))
                }
                continue
            }
            if col + w > limit {
                if col < limit, col >= 0 { setCell(col, y, text: " ", width: 1, style: style); col += 1 }
                break
            }
            if col >= 0 {
                setCell(col, y, text: String(ch), width: w, style: style)
                lastLead = col
            } else if col + w > 0 {
                // A wide character straddling the left edge: show its visible half as a space.
                setCell(0, y, text: " ", width: 1, style: style)
            }
            col += w
        }
        return max(0, col - max(x, 0))
    }

    /// Writes `text` truncated with "…" and padded to exactly `width` columns.
    @discardableResult
    public mutating func putPadded(_ text: String, x: Int, y: Int, width w: Int, style: CellStyle = .normal, alignRight: Bool = false) -> Int {
        put(DisplayWidth.pad(text, to: w, alignRight: alignRight), x: x, y: y, style: style, maxWidth: w)
    }

    /// Fills a rectangle with spaces in `style` (e.g. a selection bar or a dialog background).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            for xx in x0..<x1 { setCell(xx, yy, text: " ", width: 1, style: style) }
        }
    }

    /// Changes the style of existing cells (text kept), e.g. to highlight a selected row.
    public mutating func applyStyle(x: Int, y: Int, width w: Int, height h: Int = 1, style: CellStyle) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            for xx in x0..<x1 { cells[yy * width + xx].style = style }
        }
    }

    /// A horizontal line of "─".
    public mutating func hline(x: Int, y: Int, width w: Int, style: CellStyle) {
        guard w > 0 else { return }
        for xx in max(0, x)..<max(max(0, x), min(width, x + w)) { setCell(xx, y, text: "─", width: 1, style: style) }
    }

    /// A vertical line of "│".
    public mutating func vline(x: Int, y: Int, height h: Int, style: CellStyle) {
        guard h > 0 else { return }
        for yy in max(0, y)..<max(max(0, y), min(height, y + h)) { setCell(x, yy, text: "│", width: 1, style: style) }
    }

    /// A box ┌─┐│└┘ with an optional title in the top edge ("┌ Title ───┐"). The inside is
    /// not cleared (use `fill` first for dialogs).
    public mutating func box(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle, title: String? = nil) {
        guard w >= 2, h >= 2 else { return }
        hline(x: x + 1, y: y, width: w - 2, style: style)
        hline(x: x + 1, y: y + h - 1, width: w - 2, style: style)
        vline(x: x, y: y + 1, height: h - 2, style: style)
        vline(x: x + w - 1, y: y + 1, height: h - 2, style: style)
        setCell(x, y, text: "┌", width: 1, style: style)
        setCell(x + w - 1, y, text: "┐", width: 1, style: style)
        setCell(x, y + h - 1, text: "└", width: 1, style: style)
        setCell(x + w - 1, y + h - 1, text: "┘", width: 1, style: style)
        if let title, !title.isEmpty, w >= 5 {
            let t = DisplayWidth.truncate(title, to: w - 4)
            put(" " + t + " ", x: x + 1, y: y, style: style, maxWidth: w - 2)
        }
    }

    /// Copies another buffer onto this one at (x, y) (overlays, sub-views). The other
    /// buffer's cursor, if any, becomes this buffer's cursor.
    public mutating func draw(_ other: ScreenBuffer, x: Int, y: Int) {
        for oy in 0..<other.height {
            var ox = 0
            while ox < other.width {
                let c = other[ox, oy]
                if c.width == 0 { setCell(x + ox, y + oy, text: " ", width: 1, style: c.style); ox += 1; continue }
                if c.width == 2, !contains(x: x + ox + 1, y: y + oy) || !contains(x: x + ox, y: y + oy) {
                    setCell(x + ox, y + oy, text: " ", width: 1, style: c.style)
                } else {
                    setCell(x + ox, y + oy, text: c.text, width: c.width, style: c.style)
                }
                ox += max(1, c.width)
            }
        }
        if let p = other.cursorPosition { cursorPosition = ScreenPoint(x: p.x + x, y: p.y + y) }
    }

    // MARK: - Dumps

    /// The row's text, each wide character once, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for x in 0..<width { s += cells[y * width + x].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// All lines joined by "\n" (a "screen dump" for tests).
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// The styles of a row, one per column (for tests).
    public func styles(_ y: Int) -> [CellStyle] {
        (0..<width).map { self[$0, y].style }
    }
}
