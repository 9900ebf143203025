import VarselKit

/// Terminal display width of text, in columns.
///
/// Why our own table: there is no well-kept Swift package for this, and glibc `wcwidth`
/// depends on the process locale (and on the glibc version), so results would change with
/// `LANG` and between machines. This table is deterministic and independent of the C locale:
/// East Asian Wide/Fullwidth ranges (UAX #11, Unicode 15.1) are 2, scalars with
/// Emoji_Presentation are 2, combining marks and format characters (general category
/// Mn/Me/Cf) and Hangul medial/final jamo are 0, everything else (including ambiguous-width
/// characters, which Nordic/Latin terminals show narrow) is 1.
///
/// A grapheme cluster is 2 if any of its scalars has emoji presentation or is VS16
/// (U+FE0F, "show as emoji"); otherwise it is as wide as its first non-zero-width scalar.
public enum DisplayWidth {
    /// Width of a string: the sum of its grapheme clusters' widths.
    public static func of(_ s: String) -> Int {
        if let n = simpleWidth(s) { return n }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// The width of `s` when every scalar is plain (`TerminalText.isPlain`: printable, one column
    /// wide, a grapheme cluster of its own, unchanged by sanitising), else nil. Nordic and
    /// English text almost always is; it then needs no sanitising and no grapheme breaking
    /// (the slow part of drawing a frame).
    @inline(__always)
    public static func simpleWidth(_ s: String) -> Int? {
        var n = 0
        for u in s.unicodeScalars {
            guard TerminalText.isPlain(u.value) else { return nil }
            n += 1
        }
        return n
    }

    /// 0 for combining/zero-width clusters, 2 for East Asian Wide/Fullwidth and emoji
    /// presentation (incl. VS16, ZWJ sequences and flags), 1 otherwise.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        // Fast path: ASCII.
        if scalars.count == 1, let only = scalars.first, only.value < 0x7F {
            return only.value >= 0x20 ? 1 : 0
        }
        var base = 0
        var haveBase = false
        for s in scalars {
            if s.value == 0xFE0F || s.properties.isEmojiPresentation { return 2 }
            if !haveBase {
                let w = width(of: s)
                if w > 0 { base = w; haveBase = true }
            }
        }
        return base
    }

    /// Width of a single scalar, without emoji-sequence context. Controls are 0 here
    /// (they never reach the screen: `TerminalText.sanitize` makes them visible first).
    public static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 } // DEL and C1 controls
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        case .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 } // Hangul medial/final jamo
        if s.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        // Binary search in the sorted, non-overlapping range table.
        var lo = 0
        var hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return true }
        }
        return false
    }

    static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC),
        (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615),
        (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE),
        (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
        (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x303E),
        (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F), (0x3131, 0x318E),
        (0x3190, 0x31E5), (0x31EF, 0x321E), (0x3220, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA48C),
        (0xA490, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
        (0xFE10, 0xFE19), (0xFE30, 0xFE52), (0xFE54, 0xFE66), (0xFE68, 0xFE6B),
        (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5),
        (0x18D00, 0x18D08), (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE),
        (0x1B000, 0x1B122), (0x1B132, 0x1B132), (0x1B150, 0x1B152), (0x1B155, 0x1B155),
        (0x1B164, 0x1B167), (0x1B170, 0x1B2FB),
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A),
        (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248), (0x1F250, 0x1F251),
        (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C),
        (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0),
        (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC),
        (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A),
        (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5),
        (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF),
        (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0),
        (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FA7C),
        (0x1FA80, 0x1FA88), (0x1FA90, 0x1FABD), (0x1FABF, 0x1FAC5), (0x1FACE, 0x1FADB),
        (0x1FAE0, 0x1FAE8), (0x1FAF0, 0x1FAF8),
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]

    /// Truncates `s` to at most `width` columns, ending with `ellipsis` when something was cut.
    /// Never splits a grapheme cluster or a wide character; the result may be one column
    /// narrower than `width` when a wide character would not fit. Text is sanitised first.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if let n = simpleWidth(s), n <= width { return s }
        let text = TerminalText.sanitize(s)
        let ell = TerminalText.sanitize(ellipsis)
        let ellWidth = of(ell)
        let mark = ellWidth <= width ? ell : ""
        let budget = width - (ellWidth <= width ? ellWidth : 0)
        // One walk that stops as soon as the text is known not to fit (a 10,000-character title
        // costs no more than a short one).
        var used = 0
        var cut: String.Index? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let w = of(text[i])
            if cut == nil, used + w > budget { cut = i }
            if used + w > width { return String(text[..<(cut ?? i)]) + mark }
            used += w
            i = text.index(after: i)
        }
        return text
    }

    /// Truncates (with "…") and pads with spaces to exactly `width` columns.
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let t = truncate(s, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(t)))
        return alignRight ? fill + t : t + fill
    }

    /// Centres `s` in exactly `width` columns (truncating with "…" if needed).
    public static func center(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let t = truncate(s, to: width)
        let free = max(0, width - of(t))
        let left = free / 2
        return String(repeating: " ", count: left) + t + String(repeating: " ", count: free - left)
    }
}
