/// Code points that must never reach a reader's terminal or spreadsheet as they are: they run
/// escape sequences (ESC, C1 CSI U+009B) or reorder what is displayed (bidi controls, "Trojan
/// Source"). Shared by the terminal, CSV, JSON and iCalendar writers.
public enum ControlCharacters {
    /// C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F).
    @inline(__always)
    public static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

    /// Bidi embedding, override, isolate and mark characters (U+202A–U+202E, U+2066–U+2069,
    /// U+200E, U+200F, U+061C).
    @inline(__always)
    public static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Escaped as `\uXXXX` in every JSON the program writes: C1 controls, bidi controls and the
    /// line/paragraph separators U+2028/U+2029 (JSONEncoder already escapes C0 controls).
    @inline(__always)
    public static func isJSONEscaped(_ v: UInt32) -> Bool {
        (0x80...0x9F).contains(v) || isBidiControl(v) || v == 0x2028 || v == 0x2029
    }
}
