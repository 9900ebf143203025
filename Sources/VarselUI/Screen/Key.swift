/// A key press, independent of curses.
public enum Key: Hashable, Sendable {
    /// A printable character (any script: `.char("å")`, `.char("東")`).
    case char(Character)
    case enter, escape, tab, backTab
    case up, down, left, right
    case pageUp, pageDown, home, end
    case backspace, delete
    /// F1…F24 as `.function(1)`…
    case function(Int)
    /// Control + letter, lower-cased: `.ctrl("c")`. Ctrl-H, Ctrl-I and Ctrl-M/J are not
    /// reported as ctrl: they arrive as `.backspace`, `.tab` and `.enter`.
    case ctrl(Character)
    /// The terminal was resized; a new frame is drawn after the program has seen this.
    case resize
    /// Text the terminal delivered as a bracketed paste (ESC[200~ … ESC[201~): inserted as
    /// text, never read as keys. Line breaks arrive as "\n".
    case paste(String)
    /// A mouse click, double click or wheel step at a screen cell (ncurses mouse events).
    case mouse(MouseEvent)
}

/// A mouse event at a cell (x: column, y: row, from the top left).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

extension Key {
    /// Decodes one character code as delivered by the terminal in raw mode (what curses'
    /// `wget_wch` returns when it is not a KEY_* code). Returns nil for codes that carry no
    /// key meaning (NUL, C1 controls, lone surrogates).
    ///
    /// - 9 → `.tab`; 10 and 13 → `.enter`; 27 → `.escape` (Alt-x arrives as escape, then x);
    /// - 8 and 127 → `.backspace`;
    /// - other 1…26 → `.ctrl(letter)`; 28…31 → `.ctrl("\\")`, `.ctrl("]")`, `.ctrl("^")`, `.ctrl("_")`;
    /// - printable scalars → `.char`.
    public static func fromCharacterCode(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            switch scalar.properties.generalCategory {
            case .control, .surrogate, .unassigned: return nil
            default: return .char(Character(scalar))
            }
        }
    }

    /// True for Ctrl-C (the interrupt key, which arrives as a key in raw mode).
    public var isInterrupt: Bool { self == .ctrl("c") }
}
