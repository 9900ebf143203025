import VarselKit

/// The intake text wrapped to a width by display width, as rows that remember where they are in
/// the text: their `String.Index` range (to draw) and their UTF-16 offset (the proposals'
/// offsets count UTF-16 code units, as NSString does). Built once per text and width; the view
/// draws only the visible rows.
public struct IntakeTextLayout: Sendable {
    public struct Row: Sendable {
        public var range: Range<String.Index>
        /// UTF-16 offset of the row's first character.
        public var utf16Start: Int
    }
    public let width: Int
    public private(set) var rows: [Row] = []

    /// Wraps `text` at spaces to `width` columns (a word wider than the line is broken between
    /// characters); "\n" ends a row. Widths are those of the sanitised characters, as drawn.
    public init(text: String, width: Int) {
        self.width = width
        guard width > 0 else { return }
        var rowStart = text.startIndex, rowU16 = 0, rowWidth = 0
        // The last place the row may break: after a space (index, UTF-16 offset, width up to it).
        var breakAt: (index: String.Index, u16: Int, width: Int)?
        var i = text.startIndex, u16 = 0
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            let n16 = c.utf16.count
            if c == "\n" {
                rows.append(Row(range: rowStart..<i, utf16Start: rowU16))
                rowStart = next; rowU16 = u16 + n16; rowWidth = 0; breakAt = nil
                i = next; u16 += n16
                continue
            }
            let w = Self.columns(c)
            if rowWidth + w > width {
                if c == " " {
                    // A space at the edge ends the row and is not drawn.
                    rows.append(Row(range: rowStart..<i, utf16Start: rowU16))
                    rowStart = next; rowU16 = u16 + n16; rowWidth = 0; breakAt = nil
                    i = next; u16 += n16
                    continue
                }
                if let b = breakAt, b.index > rowStart {
                    rows.append(Row(range: rowStart..<b.index, utf16Start: rowU16))
                    rowStart = b.index; rowU16 = b.u16; rowWidth -= b.width
                }
                if rowWidth + w > width, i > rowStart {
                    rows.append(Row(range: rowStart..<i, utf16Start: rowU16))
                    rowStart = i; rowU16 = u16; rowWidth = 0
                }
                breakAt = nil
            }
            rowWidth += w
            if c == " " { breakAt = (next, u16 + n16, rowWidth) }
            i = next; u16 += n16
        }
        rows.append(Row(range: rowStart..<text.endIndex, utf16Start: rowU16))
    }

    /// The columns a character takes once sanitised (tabs and controls as drawn).
    static func columns(_ c: Character) -> Int {
        if let a = c.asciiValue, a >= 0x20, a < 0x7F { return 1 }
        return DisplayWidth.of(TerminalText.sanitize(String(c)))
    }

    /// The row holding UTF-16 offset `offset` (the last row for offsets past the end).
    public func row(containing offset: Int) -> Int {
        var lo = 0, hi = rows.count - 1
        guard hi >= 0 else { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rows[mid].utf16Start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
