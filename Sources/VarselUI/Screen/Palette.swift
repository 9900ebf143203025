/// How each `ColorRole` looks on a terminal, with and without colour. Pure data, used by the
/// curses backend (VarselTerminal) and tested here.
public struct RoleAppearance: Hashable, Sendable {
    /// Terminal colour numbers 0…7 (black, red, green, yellow, blue, magenta, cyan, white);
    /// -1 is the terminal's default colour.
    public var foreground: Int
    public var background: Int
    /// Attributes added in colour mode.
    public var colorAttributes: TextAttributes
    /// Attributes used instead of colours in monochrome mode (NO_COLOR or no colour support).
    public var monochromeAttributes: TextAttributes

    public init(foreground: Int, background: Int, colorAttributes: TextAttributes = [], monochromeAttributes: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.colorAttributes = colorAttributes
        self.monochromeAttributes = monochromeAttributes
    }
}

/// Terminal attributes as a bit set (the values match CCurses' VC_ATTR_* flags).
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let reverse = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)

    /// The explicit attributes of a cell style.
    public init(_ style: CellStyle) {
        var a: TextAttributes = []
        if style.bold { a.insert(.bold) }
        if style.reverse { a.insert(.reverse) }
        if style.underline { a.insert(.underline) }
        if style.dim { a.insert(.dim) }
        self = a
    }
}

public enum Palette {
    public static let black = 0, red = 1, green = 2, yellow = 3, blue = 4, magenta = 5, cyan = 6, white = 7
    public static let defaultColor = -1

    /// The appearance of each role. Urgency (overdue > due14 > due30 > due90) stays visible
    /// without colour: reverse+bold, bold+underline, bold, underline.
    public static func appearance(_ role: ColorRole) -> RoleAppearance {
        switch role {
        case .normal: RoleAppearance(foreground: -1, background: -1, monochromeAttributes: [])
        case .header: RoleAppearance(foreground: white, background: blue, colorAttributes: .bold, monochromeAttributes: [.reverse, .bold])
        case .title: RoleAppearance(foreground: cyan, background: -1, colorAttributes: .bold, monochromeAttributes: .bold)
        case .muted: RoleAppearance(foreground: -1, background: -1, colorAttributes: .dim, monochromeAttributes: .dim)
        case .accent: RoleAppearance(foreground: magenta, background: -1, monochromeAttributes: .underline)
        case .selection: RoleAppearance(foreground: black, background: cyan, monochromeAttributes: .reverse)
        case .overdue: RoleAppearance(foreground: white, background: red, colorAttributes: .bold, monochromeAttributes: [.reverse, .bold])
        case .due14: RoleAppearance(foreground: red, background: -1, colorAttributes: .bold, monochromeAttributes: [.bold, .underline])
        case .due30: RoleAppearance(foreground: yellow, background: -1, monochromeAttributes: .bold)
        case .due90: RoleAppearance(foreground: cyan, background: -1, monochromeAttributes: .underline)
        case .handled: RoleAppearance(foreground: green, background: -1, monochromeAttributes: .dim)
        case .error: RoleAppearance(foreground: red, background: -1, colorAttributes: .bold, monochromeAttributes: [.bold, .reverse])
        case .success: RoleAppearance(foreground: green, background: -1, colorAttributes: .bold, monochromeAttributes: .bold)
        case .border: RoleAppearance(foreground: blue, background: -1, monochromeAttributes: [])
        case .hint: RoleAppearance(foreground: yellow, background: -1, monochromeAttributes: .dim)
        }
    }

    /// The colour pair number for a role (1-based, in `ColorRole.allCases` order; 0 = default).
    public static func pairNumber(_ role: ColorRole) -> Int16 {
        Int16(ColorRole.allCases.firstIndex(of: role)! + 1)
    }

    /// Final attributes for a cell: the role's implied attributes plus the cell's own.
    public static func attributes(for style: CellStyle, color: Bool) -> TextAttributes {
        let a = appearance(style.role)
        return (color ? a.colorAttributes : a.monochromeAttributes).union(TextAttributes(style))
    }
}

/// Whether to use colour: only if the terminal has colours and NO_COLOR is unset or empty
/// (https://no-color.org).
public enum ColorPolicy {
    public static func useColor(terminalHasColors: Bool, environment: [String: String]) -> Bool {
        guard terminalHasColors else { return false }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        return true
    }
}
