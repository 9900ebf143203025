/// RFC 4180 CSV, safe to open in a spreadsheet.
///
/// Every field is quoted when it holds a comma, quote, CR or LF; a cell that begins with
/// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so spreadsheets show it as
/// text instead of running it as a formula (OWASP "CSV injection"). Control characters other than
/// tab, CR and LF (ESC, BEL, DEL, C1 such as U+009B) and bidi controls (U+202E) are dropped, so a
/// file shown with `cat` runs no escape sequence and a spreadsheet shows no reordered text.
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
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            v = "'" + v
        }
        // Scanning UTF-8 bytes: these delimiters are ASCII, and grapheme iteration is slow.
        if v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
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
