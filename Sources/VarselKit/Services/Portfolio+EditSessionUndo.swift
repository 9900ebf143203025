import Foundation

extension AgreementEditDocument {
    /// Agreement `id` with what belongs to it, as the edit document holds it (before and after an
    /// `E` session: what `Portfolio.undoAgreementEdit` puts back).
    public static func document(store: any PortfolioStorage, agreementId id: String) throws -> PortfolioDocument {
        try store.read { tx in try document(tx, agreementId: id) }
    }

    static func document(_ tx: any PortfolioRecords, agreementId id: String) throws -> PortfolioDocument {
        var doc = PortfolioDocument()
        for kind in RecordRegistry.kinds { try kind.load(agreementId: id, from: tx, into: &doc) }
        return doc
    }
}

extension Portfolio {
    /// Undoes one `$EDITOR` session on agreement `id`: every record the session changed gets its
    /// `before` state back and every record it added goes (an added rule with its open deadlines;
    /// an added party when nothing else uses it), then the open deadlines are recomputed — one
    /// transaction, one audit row. Refused, changing nothing, when the agreement or anything of it
    /// is no longer exactly `after` (changed since), or an added rule has a handled deadline.
    @discardableResult
    public func undoAgreementEdit(agreementId id: String, before: PortfolioDocument, after: PortfolioDocument) throws -> Int {
        try write { tx in
            guard try AgreementEditDocument.document(tx, agreementId: id) == after else {
                throw VarselError(.conflict, "Agreement \(id) or a record of it was changed since the edit in $EDITOR; undo leaves it as it is",
                                  at: "undo", fix: "See its History tab; E edits it again")
            }
            var changed = 0
            func putBack<R: StoredRecord>(_ was: [R], _ now: [R]) throws {
                for r in was {
                    let current = try tx.record(R.self, id: r.id)
                    if current == r { continue }
                    if current == nil { try tx.insert(r) } else { try tx.update(r) }
                    changed += 1
                }
            }
            func added<R: StoredRecord>(_ was: [R], _ now: [R]) -> [R] {
                let old = Set(was.map(\.id))
                return now.filter { !old.contains($0.id) }
            }
            try putBack(before.parties, after.parties)
            try putBack(before.agreements, after.agreements)
            try putBack(before.versions, after.versions)
            try putBack(before.clauses, after.clauses)
            try putBack(before.noticeRules, after.noticeRules)
            try putBack(before.subProcessors, after.subProcessors)
            for s in added(before.subProcessors, after.subProcessors) { try tx.delete(s); changed += 1 }
            for r in added(before.noticeRules, after.noticeRules) {
                let own = try tx.deadlines(DeadlineFilter(agreementIds: [id], ruleId: r.id))
                if let h = own.first(where: { $0.state != .open }) {
                    throw VarselError(.conflict, "Notice rule \(r.title), added in the edit, has history since: deadline \(h.id) was handled",
                                      at: "undo", fix: "Keep the rule; change it with e or E")
                }
                for d in own { try tx.delete(d) }
                try tx.delete(r); changed += 1
            }
            for v in added(before.versions, after.versions) { try tx.delete(v); changed += 1 }
            for c in added(before.clauses, after.clauses) { try tx.delete(c); changed += 1 }
            let newParties = added(before.parties, after.parties)
            if !newParties.isEmpty {
                let all = try tx.records(Agreement.self, ids: Array(try tx.existingIDs().agreements.keys))
                for p in newParties where !all.contains(where: { $0.counterpartyId == p.id || $0.ourPartyId == p.id }) {
                    try tx.delete(p); changed += 1
                }
            }
            _ = try replan(tx, agreementId: id)
            let title = before.agreements.first?.title ?? id
            return (changed, AuditNote(action: "undo_edit", entityType: "agreement", entityId: id,
                                       summary: "Undid the $EDITOR edit of \(title) (\(changed) record(s) put back)",
                                       before: after, after: before))
        }
    }
}
