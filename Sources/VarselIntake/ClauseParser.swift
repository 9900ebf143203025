import Foundation

/// A line of the extracted text with its UTF-16 range.
struct Line {
    var start: Int
    var end: Int
    var text: String
}

/// Clause structure (docs/intake.md, rule `clause-heading`): numbered headings "1", "1.1", "8.6.3",
/// "A.5", "§ 4", "Punkt 9.2", appendix headings "Bilag 1", "Bilaga 3", "Underbilaga 1", "Vedlegg C".
/// A numbering that starts again at 1 after the main text opens an appendix ("Bilag 1, 2.4").
enum ClauseParser {
    static let numbered = NSRegularExpression.ci(#"^(?:§\s*)?([0-9]{1,2}(?:\.[0-9]{1,2}){0,3}|[A-H]\.[0-9]{1,2}(?:\.[0-9]{1,2})?)\.?[ \t]+(\S.*)$"#)
    static let paragraph = NSRegularExpression.ci(#"^(§\s*[0-9]{1,3}|Punkt\s+[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?(?:[ \t]+(\S.*))?$"#)
    static let appendix = NSRegularExpression.ci(#"^((?:Under)?bilag[a]?|Vedlegg|Appendix|Annex|Schedule)\s+([0-9A-Z]{1,3})\b[:.]?\s*(.{0,120})$"#)
    static let tocLine = NSRegularExpression.ci(#"\s[0-9]{1,3}$"#)

    static func lines(_ t: Text) -> [Line] {
        var out: [Line] = []
        var start = 0
        let nl = UInt16(UInt8(ascii: "\n"))
        var i = 0   // UTF-16 offset, counted along one walk of the text
        for unit in t.string.utf16 {
            if unit == nl {
                out.append(Line(start: start, end: i, text: t.sub(start, i)))
                start = i + 1
            }
            i += 1
        }
        out.append(Line(start: start, end: i, text: t.sub(start, i)))
        return out
    }

    static func appendixWord(_ language: String) -> String {
        switch language { case "sv": "Bilaga"; case "da": "Bilag"; case "nb", "nn": "Vedlegg"; default: "Appendix" }
    }

    /// The clauses in order; each runs to the next heading.
    static func parse(_ t: Text, lines: [Line], language: String) -> [ProposedClause] {
        var heads: [(ref: String, heading: String, start: Int)] = []
        var lastTop = 0
        var topSeen = 0
        var prefix: String? = nil
        var explicitAppendixPending = false
        var autoAppendix = 0
        for (i, line) in lines.enumerated() {
            let s = line.text.trimmingCharacters(in: .whitespaces)
            guard !s.isEmpty else { continue }
            if s.utf16.count < 160, let m = appendix.first(s), i > 0 || !heads.isEmpty {
                let ns = s as NSString
                let ref = "\(m.group(1, in: ns)!.capitalized) \(m.group(2, in: ns)!)"
                prefix = ref; explicitAppendixPending = true; lastTop = 0
                heads.append((ref, m.group(3, in: ns) ?? "", line.start))
                continue
            }
            if let m = paragraph.first(s) {
                let ns = s as NSString
                let ref = m.group(1, in: ns)!.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
                heads.append((ref, String((m.group(2, in: ns) ?? "").prefix(80)), line.start))
                continue
            }
            guard let m = numbered.first(s) else { continue }
            let ns = s as NSString
            let ref = m.group(1, in: ns)!
            let rest = m.group(2, in: ns)!
            let parts = ref.split(separator: ".")
            if let top = Int(parts[0]) {
                if parts.count == 1 {
                    // A heading line: short, not a sentence, not a table-of-contents line.
                    guard rest.utf16.count < 70, !rest.hasSuffix("."), !rest.hasSuffix(","),
                          !tocLine.test(rest), rest.first.map({ !$0.isLowercase }) ?? false else { continue }
                    if top == 1 && topSeen >= 2 && !explicitAppendixPending {
                        autoAppendix += 1; prefix = "\(appendixWord(language)) \(autoAppendix)"; lastTop = 0
                    }
                    guard top == 1 || topSeen == 0 || (top > lastTop && top <= lastTop + 2) else { continue }
                    lastTop = top; topSeen = max(topSeen, top); explicitAppendixPending = false
                } else {
                    guard top == lastTop || topSeen == 0 || (top > lastTop && top <= lastTop + 2 && lastTop > 0) else { continue }
                    if top != lastTop { lastTop = top; topSeen = max(topSeen, top) }
                    explicitAppendixPending = false
                }
                let full = prefix.map { "\($0), \(ref)" } ?? ref
                heads.append((full, headingText(rest), line.start))
            } else {
                heads.append((ref, headingText(rest), line.start))
            }
        }
        var out: [ProposedClause] = []
        for (k, h) in heads.enumerated() {
            var end = k + 1 < heads.count ? heads[k + 1].start : t.length
            while end > h.start, t.sub(end - 1, end).first?.isWhitespace == true { end -= 1 }
            out.append(ProposedClause(ref: h.ref, heading: h.heading, text: t.sub(h.start, end), start: h.start, end: end))
        }
        return out
    }

    static func headingText(_ rest: String) -> String {
        if rest.count <= 80 { return rest.trimmingCharacters(in: .whitespaces) }
        if let dot = rest.range(of: ". ") , rest.distance(from: rest.startIndex, to: dot.lowerBound) <= 80 {
            return String(rest[..<dot.lowerBound])
        }
        return String(rest.prefix(80)) + "…"
    }
}

/// Sentences: lines joined where a line wraps (long, no closing punctuation, the next line not a
/// heading or bullet), then split after . ! ? ; before a capital letter.
enum SentenceSplitter {
    static let bullet = NSRegularExpression.ci(#"^\s*([•●▪◦*\-–—]|[a-z]\)|[a-z]\.\s|\(?[ivx]+\))"#)
    static let boundary = try! NSRegularExpression(pattern: #"(?<=[.!?;])\s+(?=[A-ZÅÄÖÆØ«"(])"#)

    static func sentences(_ t: Text, lines: [Line]) -> [NSRange] {
        var blocks: [NSRange] = []
        var cur: NSRange? = nil
        var prevJoinable = false
        for line in lines {
            let s = line.text.trimmingCharacters(in: .whitespaces)
            if s.isEmpty { if let c = cur { blocks.append(c) }; cur = nil; prevJoinable = false; continue }
            let isHead = ClauseParser.numbered.test(s) || ClauseParser.appendix.test(s) || bullet.test(s)
            if var c = cur, prevJoinable, !isHead {
                c.length = line.end - c.location; cur = c
            } else {
                if let c = cur { blocks.append(c) }
                cur = NSRange(location: line.start, length: line.end - line.start)
            }
            let last = s.last!
            prevJoinable = s.utf16.count >= 40 && !".:;!?".contains(last)
        }
        if let c = cur { blocks.append(c) }
        var out: [NSRange] = []
        for b in blocks {
            var start = b.location
            // The block's own text, not the whole document per block: the match bounds are opaque, so
            // the look-around sees the same characters either way.
            for m in boundary.matches(t.sub(b)) {
                let at = b.location + m.range.location
                out.append(NSRange(location: start, length: at - start))
                start = at + m.range.length
            }
            out.append(NSRange(location: start, length: b.location + b.length - start))
        }
        return out.map { trim($0, t) }.filter { $0.length > 0 }
    }

    static func trim(_ r: NSRange, _ t: Text) -> NSRange {
        var a = r.location, b = r.location + r.length
        while a < b, t.sub(a, a + 1).first?.isWhitespace == true { a += 1 }
        while b > a, t.sub(b - 1, b).first?.isWhitespace == true { b -= 1 }
        return NSRange(location: a, length: b - a)
    }
}
