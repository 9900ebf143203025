import Foundation

/// The kind of file a contract document was read from.
public enum DocumentMediaType: String, Codable, Sendable, CaseIterable {
    case txt, pdf, docx
}

/// A contract's extracted text, kept with its agreement (issue 11): the file it came from, its
/// SHA-256, and the exact text the intake proposal's offsets point into. Immutable once saved; an
/// amendment or an annex is another row of the same agreement.
public struct AgreementDocument: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    /// The source file's name (no folder), as the audit row names it.
    public var fileName: String
    public var mediaType: DocumentMediaType
    /// Lowercase hex SHA-256 of the source file's bytes.
    public var sha256: String
    /// The extracted text, line breaks normalised to "\n"; proposal offsets (UTF-16) point into it.
    public var text: String
    /// The extractor that read it ("varsel-intake 1").
    public var extractorVersion: String
    /// The contract's language as detected or given (sv, da, nb, nn, en).
    public var language: String
    /// When it was imported: ISO 8601 UTC, as audit rows ("2026-11-23T09:00:00Z").
    public var importedAt: String
    /// Who imported it (the audit row's user).
    public var importedBy: String

    public init(id: String, agreementId: String, fileName: String, mediaType: DocumentMediaType, sha256: String,
                text: String, extractorVersion: String, language: String, importedAt: String, importedBy: String) {
        self.id = id; self.agreementId = agreementId; self.fileName = fileName; self.mediaType = mediaType
        self.sha256 = sha256; self.text = text; self.extractorVersion = extractorVersion; self.language = language
        self.importedAt = importedAt; self.importedBy = importedBy
    }

    /// The UTF-16 offsets `start..<end` of `text` (a proposal's span), or nil when outside it.
    public func span(start: Int, end: Int) -> Substring? {
        let u = text.utf16
        guard start >= 0, start <= end, end <= u.count,
              let s = u.index(u.startIndex, offsetBy: start, limitedBy: u.endIndex),
              let e = u.index(u.startIndex, offsetBy: end, limitedBy: u.endIndex),
              let ls = s.samePosition(in: text), let le = e.samePosition(in: text) else { return nil }
        return text[ls..<le]
    }

    /// Where `clause` starts in the text, as a UTF-16 offset: the first line that begins with its
    /// reference (after spaces or "§", not "11.10" for "11.1") and holds its heading; else where its
    /// quoted text's first line occurs. Nil when neither is found.
    public func offset(of clause: Clause) -> Int? {
        var lineStart = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "§" }
            if !clause.reference.isEmpty, trimmed.hasPrefix(clause.reference) {
                let rest = trimmed.dropFirst(clause.reference.count)
                let continues = rest.first.map { $0.isNumber } == true
                    || (rest.first == "." && rest.dropFirst().first.map { $0.isNumber } == true)
                if !continues, clause.heading.isEmpty || rest.contains(clause.heading) { return lineStart }
            }
            lineStart += line.utf16.count + 1
        }
        let probe = clause.text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        guard !probe.isEmpty, let r = text.range(of: probe) else { return nil }
        return text.utf16.distance(from: text.utf16.startIndex, to: r.lowerBound.samePosition(in: text.utf16)!)
    }

    /// Where `clause` stands in the text, as UTF-16 offsets: its quoted text where it occurs verbatim
    /// (what intake keeps), else from its heading line (`offset(of:)`) to the next of `clauses`
    /// that starts after it, or the end. Nil when the clause is not found.
    public func span(of clause: Clause, among clauses: [Clause]) -> Range<Int>? {
        if let s = verbatim(clause) { return s..<(s + clause.text.utf16.count) }
        guard let start = offset(of: clause) else { return nil }
        let next = clauses.filter { $0.id != clause.id }.compactMap { offset(of: $0) }.filter { $0 > start }.min()
        var end = next ?? text.utf16.count
        // Trailing blank lines belong to no clause.
        while end > start, let c = span(start: end - 1, end: end), c.allSatisfy(\.isWhitespace) { end -= 1 }
        return start..<end
    }

    /// Where `clause` starts: its quoted text where verbatim, else its heading line (`offset(of:)`).
    public func start(of clause: Clause) -> Int? { verbatim(clause) ?? offset(of: clause) }

    /// The UTF-16 offset of the clause's quoted text where it occurs verbatim (8 characters or more).
    func verbatim(_ clause: Clause) -> Int? {
        guard clause.text.utf16.count >= 8, let r = text.range(of: clause.text) else { return nil }
        return text.utf16.distance(from: text.utf16.startIndex, to: r.lowerBound.samePosition(in: text.utf16)!)
    }

    /// The line (0-based, lines split at "\n") holding UTF-16 offset `offset`.
    public func line(at offset: Int) -> Int {
        var n = 0, i = 0
        for u in text.utf16 {
            if i >= offset { break }
            if u == 0x0A { n += 1 }
            i += 1
        }
        return n
    }
}
