/// Makes untrusted text (from files, the database, the command line) safe to draw.
public enum TerminalText {
    /// Makes text safe to draw in a terminal cell grid. Idempotent.
    ///
    /// - C0 controls become visible Control Pictures: U+2400 + code (NUL → "␀", BEL → "␇",
    ///   ESC → "␛"); DEL → "␡".
    /// - Line breaks (LF, CR, CR LF, NEL, U+2028, U+2029), tab, VT and FF become one space each
    ///   (CR LF counts as one line break): cells are single-line, so a multi-line note reads as
    ///   one line. Views that want lines should split before drawing.
    /// - Other C1 controls (U+0080–U+009F) → "�".
    /// - Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are removed
    ///   (they could reorder what is displayed: "Trojan Source").
    /// - Other format characters (general category Cf: zero-width space, word joiner, BOM,
    ///   soft hyphen, invisible operators, interlinear annotations, …) are removed, except
    ///   ZWJ/ZWNJ (needed by emoji sequences and several scripts) and tag characters that
    ///   continue an emoji tag sequence (subdivision flags).
    /// - Noncharacters, unassigned and surrogate code points → "�".
    /// - A combining mark left without a base (at the start, or after a replaced control)
    ///   gets a dotted circle "◌" as base so it cannot combine with a neighbouring cell.
    public static func sanitize(_ s: String) -> String {
        // Fast path: nothing to change (printable ASCII first, then the common plain scalars).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        if s.unicodeScalars.allSatisfy({ isPlain($0.value) }) { return s }

        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil   // last scalar written, nil at start
        var lastWasCR = false

        func emit(_ scalar: Unicode.Scalar) {
            out.append(scalar)
            previous = scalar
        }

        for scalar in s.unicodeScalars {
            let v = scalar.value
            defer { lastWasCR = (v == 0x0D) }
            switch v {
            case 0x0A:
                if lastWasCR { continue } // CR LF → one space
                emit(" ")
            case 0x0D, 0x09, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                emit(" ")
            case 0x00..<0x20:
                emit(Unicode.Scalar(0x2400 + v)!)
            case 0x7F:
                emit("\u{2421}")
            case 0x80...0x9F:
                emit("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                continue
            case 0x200C, 0x200D:
                emit(scalar)
            case 0xE0020...0xE007F:
                // Keep tag characters only inside an emoji tag sequence (🏴 + tags + cancel tag).
                if let p = previous, p.value == 0x1F3F4 || (0xE0020...0xE007E).contains(p.value) {
                    emit(scalar)
                }
            default:
                let props = scalar.properties
                switch props.generalCategory {
                case .format:
                    continue
                case .surrogate, .unassigned:
                    emit("\u{FFFD}")
                case .nonspacingMark, .enclosingMark, .spacingMark:
                    if previous.map(isControlPicture) ?? true {
                        emit("\u{25CC}")
                    }
                    emit(scalar)
                default:
                    if props.isNoncharacterCodePoint {
                        emit("\u{FFFD}")
                    } else {
                        emit(scalar)
                    }
                }
            }
        }
        return String(out)
    }

    /// A scalar that `sanitize` keeps as it is, that is one terminal column wide and always a
    /// grapheme cluster of its own: printable ASCII, U+00A0–U+02FF except the soft hyphen
    /// (Latin-1, Latin Extended A/B, IPA, spacing modifiers), dashes, quotes, bullets and the
    /// ellipsis (U+2010–U+2027, U+2030–U+205E), arrows (U+2190–U+21FF), box drawing, blocks
    /// and geometric shapes (U+2500–U+25FC). Everything else takes the careful path.
    @inline(__always)
    public static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x7F { return v >= 0x20 }
        if v < 0x300 { return v >= 0xA0 && v != 0xAD }
        return (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
            || (0x2190...0x21FF).contains(v) || (0x2500...0x25FC).contains(v)
    }

    private static func isControlPicture(_ s: Unicode.Scalar) -> Bool {
        (0x2400...0x2421).contains(s.value) || s.value == 0xFFFD
    }
}
