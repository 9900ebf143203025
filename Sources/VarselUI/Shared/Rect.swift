/// A rectangle of the screen, in columns and rows.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxY: Int { y + height }
    public var maxX: Int { x + width }
}

/// A line of text with one style, for views that build lines first and draw the visible ones.
public struct StyledLine: Hashable, Sendable {
    public var text: String
    public var style: CellStyle
    /// Continuation lines of a wrapped paragraph start this many columns in.
    public var indent: Int

    public init(_ text: String, _ style: CellStyle = .normal, indent: Int = 0) {
        self.text = text; self.style = style; self.indent = indent
    }

    /// Wraps every line to `width` columns (continuations indented), ready to draw one per row.
    public static func wrap(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        lines.flatMap { line -> [StyledLine] in
            let lead = String(line.text.prefix(while: { $0 == " " }))
            let body = String(line.text.dropFirst(lead.count))
            let first = max(1, width - lead.count)
            let rest = max(1, width - max(lead.count, line.indent))
            let parts = TextWrap.wrap(body, width: first, continuationWidth: rest)
            return parts.enumerated().map { i, part in
                StyledLine((i == 0 ? lead : String(repeating: " ", count: max(lead.count, line.indent))) + part, line.style)
            }
        }
    }
}
