import VarselKit

/// Word wrapping by terminal display width (clause text, grounds, audit summaries).
public enum TextWrap {
    /// Wraps `text` into lines of at most `width` columns (the first line) and
    /// `continuationWidth` columns (the rest). Paragraph breaks ("\n") are kept, text is
    /// sanitised, runs of spaces collapse, and a word wider than a line is broken between
    /// characters (never inside a grapheme cluster). Always returns at least one line.
    public static func wrap(_ text: String, width: Int, continuationWidth: Int? = nil) -> [String] {
        let firstWidth = max(1, width)
        let restWidth = max(1, continuationWidth ?? width)
        var lines: [String] = []
        func limit() -> Int { lines.isEmpty ? firstWidth : restWidth }
        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for paragraph in paragraphs {
            let words = TerminalText.sanitize(String(paragraph)).split(separator: " ", omittingEmptySubsequences: true)
            var current = ""
            var used = 0
            if words.isEmpty { lines.append(""); continue }
            for wordSub in words {
                var word = String(wordSub)
                var w = DisplayWidth.of(word)
                if used > 0 && used + 1 + w <= limit() {
                    current += " " + word; used += 1 + w; continue
                }
                if used > 0 { lines.append(current); current = ""; used = 0 }
                // Break words wider than a whole line.
                while w > limit() {
                    var piece = "", pw = 0
                    var rest = Substring(word)
                    while let c = rest.first, pw + DisplayWidth.of(c) <= limit() {
                        piece.append(c); pw += DisplayWidth.of(c); rest = rest.dropFirst()
                    }
                    if piece.isEmpty, let c = rest.first { piece = String(c); rest = rest.dropFirst() } // a wide char in a 1-column line
                    lines.append(piece)
                    word = String(rest); w = DisplayWidth.of(word)
                }
                current = word; used = w
            }
            lines.append(current)
        }
        return lines.isEmpty ? [""] : lines
    }
}
