import Foundation
import VarselKit

/// The agreement detail's Text tab: the contract texts kept with the agreement (oldest import
/// first), each under a header line, laid out by display width (`IntakeTextLayout`) for one
/// width. Built by `WorkbenchData` once per agreement, width and data change; the view draws only
/// the visible rows; the reducer finds search matches and clause headings in it.
public struct AgreementTextPane: Sendable {
    public let agreementId: String
    public let documents: [AgreementDocument]
    /// The headers and texts as drawn ("\n"-separated); offsets below are UTF-16 offsets into it.
    public let text: String
    public let layout: IntakeTextLayout
    /// Where each document's header line starts.
    public let headerStarts: Set<Int>
    /// Where each clause of the agreement starts, by reference (lowercased); first document wins.
    public let clauseStarts: [String: Int]
    /// The rows that start a clause (drawn as headings).
    public let headingRows: Set<Int>

    public init(agreementId: String, documents: [AgreementDocument], clauses: [Clause], width: Int) {
        self.agreementId = agreementId; self.documents = documents
        var text = "", headers: Set<Int> = [], starts: [String: Int] = [:]
        var base = 0
        for (i, d) in documents.enumerated() {
            let header = Self.header(d, number: i + 1, of: documents.count)
            headers.insert(base)
            text += header + "\n" + d.text
            let textBase = base + header.utf16.count + 1
            for c in clauses where starts[c.reference.lowercased()] == nil {
                if let s = d.start(of: c) { starts[c.reference.lowercased()] = textBase + s }
            }
            base = textBase + d.text.utf16.count
            if i < documents.count - 1 { text += "\n\n"; base += 2 }
        }
        self.text = text; headerStarts = headers; clauseStarts = starts
        layout = IntakeTextLayout(text: text, width: width)
        var rows: Set<Int> = []
        for offset in starts.values { rows.insert(layout.row(containing: offset)) }
        headingRows = rows
    }

    /// "── 1/2 avtal.pdf · pdf · sv · imported 2026-11-23T09:00:00Z by anna · SHA-256 3f2a…  ──"
    static func header(_ d: AgreementDocument, number: Int, of count: Int) -> String {
        "── \(number)/\(count) \(d.fileName) · \(d.mediaType.rawValue) · \(d.language) · imported \(d.importedAt) by \(d.importedBy)"
            + " · SHA-256 \(d.sha256.prefix(12))… · \(d.extractorVersion) ──"
    }

    /// The rows holding a match of `query` (case ignored; å, ä, ö, æ, ø stay letters of their own, as in the filters), in text order.
    public func matchRows(_ query: String) -> [Int] {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        var rows: [Int] = []
        var from = text.startIndex
        while let r = text.range(of: q, options: [.caseInsensitive], range: from..<text.endIndex) {
            let offset = text.utf16.distance(from: text.utf16.startIndex, to: r.lowerBound.samePosition(in: text.utf16) ?? text.utf16.startIndex)
            let row = layout.row(containing: offset)
            if rows.last != row { rows.append(row) }
            from = r.upperBound
        }
        return rows
    }

    /// The row where clause `reference` starts, if it was found in a kept text.
    public func row(ofClause reference: String) -> Int? {
        clauseStarts[reference.lowercased()].map { layout.row(containing: $0) }
    }

    /// Row `i`'s text (unsanitised: the screen buffer sanitises what it draws).
    public func rowText(_ i: Int) -> Substring { text[layout.rows[i].range] }
}
