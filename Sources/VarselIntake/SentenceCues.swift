/// A cheap look at one sentence before the rule patterns run: its letter runs (lower case) and
/// whether it has a digit. Each check is necessary for its pattern to match, never sufficient,
/// so skipping a pattern when its check fails changes no proposal; the patterns still decide.
struct SentenceCues {
    /// The sentence in lower case ("ſ" as "s", as the patterns' case folding reads it).
    let lower: String
    /// Maximal runs of letters (\p{L}) of `lower`.
    let tokens: Set<Substring>
    /// A decimal digit (\d) anywhere.
    let hasDigit: Bool
    /// `lower` as UTF-8 bytes.
    let bytes: [UInt8]

    init(_ s: String) {
        var l = s.lowercased()
        if l.unicodeScalars.contains("ſ") { l = l.replacingOccurrences(of: "ſ", with: "s") }
        lower = l
        bytes = Array(l.utf8)
        var tokens = Set<Substring>()
        var digit = false
        var start: String.Index? = nil
        let scalars = l.unicodeScalars
        var i = scalars.startIndex
        while i != scalars.endIndex {
            let p = scalars[i].properties
            if Self.isLetter(p) {
                if start == nil { start = i }
            } else {
                if let a = start { tokens.insert(Substring(scalars[a..<i])); start = nil }
                if p.generalCategory == .decimalNumber { digit = true }
            }
            i = scalars.index(after: i)
        }
        if let a = start { tokens.insert(Substring(scalars[a..<scalars.endIndex])) }
        self.tokens = tokens
        hasDigit = digit
    }

    static func isLetter(_ p: Unicode.Scalar.Properties) -> Bool {
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// Any of `words` is a whole letter run of the sentence.
    func hasToken(_ words: Set<Substring>) -> Bool { !tokens.isDisjoint(with: words) }

    /// Any of `words` occurs in the lower-case sentence, compared code point by code point.
    func contains(anyOf words: [[UInt8]]) -> Bool {
        words.contains { w in Self.find(w, in: bytes) }
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard hay.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The letter runs of phrases: every one of them must be a whole token where a phrase matches.
    static func words(_ phrases: [String]) -> Set<Substring> {
        var out = Set<Substring>()
        for p in phrases {
            let c = SentenceCues(p)
            out.formUnion(c.tokens)
        }
        return out
    }

    /// The longest word of each phrase, as UTF-8 bytes: it occurs wherever the phrase matches.
    static func longestWords(_ phrases: [String]) -> [[UInt8]] {
        phrases.map { p in
            let w = p.lowercased().split(whereSeparator: { $0 == " " }).max { $0.utf8.count < $1.utf8.count } ?? Substring(p)
            return Array(w.utf8)
        }
    }
}
