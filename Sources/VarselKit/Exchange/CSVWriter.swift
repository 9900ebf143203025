/// RFC 4180 CSV, safe to open in a spreadsheet.
///
/// Every field is quoted when it holds a comma, quote, CR or LF; a text cell that begins with
/// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so spreadsheets show it as
/// text instead of running it as a formula (OWASP "CSV injection"). A plain number such as
/// `-12` is left alone: it is a value, not a formula. Control characters other than tab, CR and
/// LF (ESC, BEL, DEL, C1 such as U+009B) and bidi controls (U+202E) are dropped, so a file shown
/// with `cat` runs no escape sequence and a spreadsheet shows no reordered text.
public struct CSVWriter: Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The document with CRLF line ends; `bom` prepends U+FEFF for Excel.
    public func render(bom: Bool = false) -> String {
        var s = bom ? "\u{FEFF}" : ""
        for row in [header] + rows {
            s += row.map(Self.field).joined(separator: ",") + "\r\n"
        }
        return s
    }

    /// One field: neutralised against formulas, then quoted if needed.
    public static func field(_ value: String) -> String {
        var v = clean(value)
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), !isPlainNumber(v) {
            v = "'" + v
        }
        // Scanning UTF-8 bytes: these delimiters are ASCII, and grapheme iteration is slow.
        if v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// "-12", "+3", "-0.5": a sign, digits and at most one decimal point, nothing else.
    static func isPlainNumber(_ v: String) -> Bool {
        let body = v.utf8.dropFirst()
        guard let f = v.utf8.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+"), !body.isEmpty else { return false }
        var dots = 0, digits = 0
        for b in body {
            if b == UInt8(ascii: ".") { dots += 1 } else if b >= 0x30 && b <= 0x39 { digits += 1 } else { return false }
        }
        return dots <= 1 && digits > 0 && body.first != UInt8(ascii: ".") && body.last != UInt8(ascii: ".")
    }

    /// `value` without control characters (except tab, CR, LF) and bidi controls.
    public static func clean(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if v == 0x09 || v == 0x0A || v == 0x0D { out.append(scalar); continue }
            if ControlCharacters.isControl(v) || ControlCharacters.isBidiControl(v) { continue }
            out.append(scalar)
        }
        return String(out)
    }
}
