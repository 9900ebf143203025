/// Semantic colour roles. Views choose a role; the terminal backend decides how it looks
/// (a colour pair, or a monochrome attribute combination when colours are off).
public enum ColorRole: String, Sendable, CaseIterable {
    case normal, header, title, muted, accent, selection
    case overdue, due14, due30, due90, handled
    case error, success, border, hint
}

/// The style of one cell: a role plus explicit attributes, which are added to whatever the
/// role implies in the backend.
public struct CellStyle: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let normal = CellStyle()

    /// Convenience constructors, e.g. `.role(.overdue)` or `CellStyle.bold(.title)`.
    public static func role(_ role: ColorRole) -> CellStyle { CellStyle(role) }
    public static func bold(_ role: ColorRole = .normal) -> CellStyle { CellStyle(role, bold: true) }
}

/// One terminal column.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster; `""` for the right half (continuation) of a wide character.
    public var text: String
    /// 0 (continuation of a wide character), 1 or 2.
    public var width: Int
    public var style: CellStyle

    public init(text: String, width: Int, style: CellStyle = .normal) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .normal)
    public static func blank(_ style: CellStyle) -> Cell { Cell(text: " ", width: 1, style: style) }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// A screen position (used for the hardware cursor).
public struct ScreenPoint: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}
