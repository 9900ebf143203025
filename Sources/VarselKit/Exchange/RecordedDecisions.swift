/// What an import may not do to decisions recorded in the database: objections, acceptances,
/// terminations and handled deadlines are evidence, so a file never rewrites them (a stale or
/// crafted export would otherwise change an objection's grounds and date, or move a notice from
/// objected to accepted and leave an objection on an accepted notice).
enum RecordedDecisions {
    /// How merging `file` over `before` (same id, different content) would rewrite a decision:
    /// one line per conflicting field, empty when the change is allowed.
    static func conflicts<R>(before: R, file: R) -> [String] {
        var out: [String] = []
        func differs<V: Equatable>(_ field: String, _ b: V, _ f: V, _ text: (V) -> String) {
            if b != f { out.append("\(field) \(text(b)) in the database, \(text(f)) in the file") }
        }
        func quoted(_ s: String?) -> String { s.map { "\"\(TerminalText.sanitize(String($0.prefix(60))))\"" } ?? "none" }
        if let b = before as? Objection, let f = file as? Objection {
            differs("changeNoticeId", b.changeNoticeId, f.changeNoticeId, quoted)
            differs("date", b.date, f.date, \.iso)
            differs("grounds", b.grounds, f.grounds, quoted)
            differs("channel", b.channel, f.channel, \.rawValue)
            if b.note != nil { differs("note", b.note, f.note, quoted) }
            // The outcome is recorded later: it may leave "pending", never change once known.
            if b.outcome != .pending { differs("outcome", b.outcome, f.outcome, \.rawValue) }
        }
        // A kept contract text never changes once saved (a new import adds a new document).
        if let b = before as? AgreementDocument, let f = file as? AgreementDocument {
            differs("agreementId", b.agreementId, f.agreementId, quoted)
            differs("fileName", b.fileName, f.fileName, quoted)
            differs("mediaType", b.mediaType, f.mediaType, \.rawValue)
            differs("sha256", b.sha256, f.sha256, quoted)
            if b.text != f.text { out.append("text (\(b.text.count) characters in the database) differs in the file: a kept text is immutable") }
            differs("extractorVersion", b.extractorVersion, f.extractorVersion, quoted)
            differs("language", b.language, f.language, quoted)
            differs("importedAt", b.importedAt, f.importedAt, quoted)
            differs("importedBy", b.importedBy, f.importedBy, quoted)
        }
        if let b = before as? TerminationNotice, let f = file as? TerminationNotice {
            differs("agreementId", b.agreementId, f.agreementId, quoted)
            differs("givenBy", b.givenBy, f.givenBy, \.rawValue)
            differs("noticeDate", b.noticeDate, f.noticeDate, \.iso)
            differs("channel", b.channel, f.channel, \.rawValue)
            differs("terminationRight", b.terminationRight, f.terminationRight, \.rawValue)
            differs("changeNoticeId", b.changeNoticeId, f.changeNoticeId, quoted)
            differs("breachEventId", b.breachEventId, f.breachEventId, quoted)
            differs("endDate", b.endDate, f.endDate, \.iso)
            differs("endEnteredReason", b.endEnteredReason, f.endEnteredReason, quoted)
            if b.note != nil { differs("note", b.note, f.note, quoted) }
        }
        if let b = before as? ChangeNotice, let f = file as? ChangeNotice, b.status != .open {
            differs("status", b.status, f.status, \.rawValue)
            differs("decisionBasis", b.decisionBasis, f.decisionBasis) { $0?.rawValue ?? "none" }
            differs("decisionDate", b.decisionDate, f.decisionDate) { $0?.iso ?? "none" }
            differs("decisionChannel", b.decisionChannel, f.decisionChannel) { $0?.rawValue ?? "none" }
            differs("decisionClause", b.decisionClause, f.decisionClause, quoted)
        }
        if let b = before as? Deadline, let f = file as? Deadline, b.state == .handled {
            if f.state != .handled {
                out.append("handled on \(b.handledDate?.iso ?? "?") in the database but open in the file")
            } else {
                differs("handledDate", b.handledDate, f.handledDate) { $0?.iso ?? "none" }
                differs("handledNote", b.handledNote, f.handledNote, quoted)
                differs("resolution", b.resolution, f.resolution) { $0?.rawValue ?? "none" }
            }
        }
        return out
    }

    /// Objections and change notice statuses after the import must agree: every objection is on an
    /// objected notice, and a notice the file leaves other than objected keeps no objection. One
    /// line per conflict, each naming the file's record.
    static func crossConflicts(_ doc: PortfolioDocument, records: any PortfolioRecords) throws -> [String] {
        var out: [String] = []
        let fileNotices = Dictionary(doc.changeNotices.enumerated().map { ($1.id, ($0, $1)) }, uniquingKeysWith: { a, _ in a })
        func status(_ noticeId: String) throws -> ChangeNoticeStatus? {
            if let (_, n) = fileNotices[noticeId] { return n.status }
            return try records.record(ChangeNotice.self, id: noticeId)?.status
        }
        for (i, o) in doc.objections.enumerated() {
            if let s = try status(o.changeNoticeId), s != .objected {
                out.append("objections[\(i)] \"\(TerminalText.sanitize(o.id))\": objects to change notice \"\(TerminalText.sanitize(o.changeNoticeId))\", which would be \(s.rawValue)")
            }
        }
        let fileObjections = Set(doc.objections.map(\.changeNoticeId))
        for n in doc.changeNotices where n.status != .objected && !fileObjections.contains(n.id) {
            let recorded = try records.objections(changeNoticeId: n.id).map(\.id)
            if let first = recorded.first, let (i, _) = fileNotices[n.id] {
                out.append("changeNotices[\(i)] \"\(TerminalText.sanitize(n.id))\": \(n.status.rawValue) in the file, but objection \"\(TerminalText.sanitize(first))\" to it is recorded in the database")
            }
        }
        return out
    }
}
