import Foundation

/// What an authoring write did (or, for a dry run, would do): the record as saved, the record
/// before, and the open deadlines the change opened, moved or withdrew.
public struct Authored<R: StoredRecord>: Sendable, Encodable {
    public var record: R
    public var before: R?
    /// Open deadlines opened or moved by the change (new values).
    public var deadlines: [Deadline]
    /// Ids of open deadlines the change withdrew.
    public var withdrawn: [String]
    public var dryRun: Bool

    enum CodingKeys: String, CodingKey { case record, version, before, deadlines, withdrawn, dryRun }

    /// The fields, and `version`: the record's version as written (as it is, after a dry run that
    /// changes nothing), for the next change's `--if-version`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record, forKey: .record)
        try c.encode(RecordVersion(record).digest, forKey: .version)
        try c.encodeIfPresent(before, forKey: .before)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(withdrawn, forKey: .withdrawn)
        try c.encode(dryRun, forKey: .dryRun)
    }
}

/// A dry run's result, thrown out of the write body so the transaction rolls back.
private final class DryRunRollback: Error, @unchecked Sendable {
    let value: Any
    init(_ value: Any) { self.value = value }
}

extension Portfolio {
    /// One audited write, or with `dryRun` the same body in a transaction that is rolled back
    /// (validation, recomputation and the result are those of the real write; nothing is kept).
    func authoring<R>(dryRun: Bool, _ body: (any PortfolioTransaction) throws -> (Authored<R>, AuditNote)) throws -> Authored<R> {
        guard dryRun else { return try write(body) }
        do {
            _ = try write { tx -> (Authored<R>, AuditNote) in
                var (result, _) = try body(tx)
                result.dryRun = true
                throw DryRunRollback(result)
            }
        } catch let rollback as DryRunRollback {
            return rollback.value as! Authored<R>
        }
        preconditionFailure("a dry run always rolls back")
    }

    /// Recomputes the open deadlines of `agreementId` after its rules or dates changed (handled
    /// ones are never touched) and opens missing recurrences; returns the deadlines changed.
    func replan(_ tx: any PortfolioTransaction, agreementId: String) throws -> [Deadline] {
        let ids = try DeadlineRecompute.refresh(tx, agreementIds: [agreementId], planner: planner)
        var changed = try tx.records(Deadline.self, ids: Array(Set(ids))).filter { $0.state == .open }
        changed += try Recurrence.openMissing(tx, rules: tx.rules(agreementId: agreementId), today: clock.today, planner: planner)
        return changed.sorted { ($0.actByDate, $0.id) < ($1.actByDate, $1.id) }
    }

    // MARK: Agreements

    /// Creates an agreement (id made when empty): validated, the counterparty and parent checked,
    /// its end-date follow-ons planned.
    @discardableResult
    public func addAgreement(_ draft: Agreement, dryRun: Bool = false) throws -> Authored<Agreement> {
        try authoring(dryRun: dryRun) { tx in
            var a = draft
            if a.id.trimmingCharacters(in: .whitespaces).isEmpty { a.id = ids.make("ag") }
            if try tx.record(Agreement.self, id: a.id) != nil {
                throw VarselError(.conflict, "An agreement with id \"\(a.id)\" exists", at: "id", fix: "Give another --id, or leave it out")
            }
            try checkAgreement(tx, a)
            try tx.insert(a)
            let planned = try replan(tx, agreementId: a.id)
            return (Authored(record: a, before: nil, deadlines: planned, withdrawn: [], dryRun: false),
                    AuditNote(action: "add_agreement", entityType: "agreement", entityId: a.id,
                              summary: "Added agreement \(a.title)", after: a))
        }
    }

    /// Edits an agreement: `change` applies the new values; a changed date, term or calendar
    /// recomputes its open deadlines in the same transaction.
    @discardableResult
    public func editAgreement(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil,
                              _ change: (inout Agreement) throws -> Void) throws -> Authored<Agreement> {
        try authoring(dryRun: dryRun) { tx in
            let before = try tx.agreement(id)
            try requireUnchanged(before, since: loaded, entityType: "agreement", tx)
            var a = before
            try change(&a)
            a.id = before.id
            guard a != before else {
                throw VarselError(.invalidInput, "Nothing to change on \(before.title)", fix: "Give at least one option with a new value")
            }
            try checkAgreement(tx, a)
            try tx.update(a)
            let moved = try replan(tx, agreementId: a.id)
            return (Authored(record: a, before: before, deadlines: moved, withdrawn: [], dryRun: false),
                    AuditNote(action: "edit_agreement", entityType: "agreement", entityId: a.id,
                              summary: "Edited agreement \(a.title)" + (moved.isEmpty ? "" : "; \(moved.count) open deadline(s) recomputed"),
                              before: before, after: a))
        }
    }

    /// Archives an agreement: it ends on `date` (status ended, end date set) and leaves the agenda
    /// and the default lists; nothing is deleted. Open deadlines after the end are withdrawn; the
    /// follow-ons of its end (data return, deletion) are planned as for any end.
    @discardableResult
    public func archiveAgreement(id: String, date: CivilDate? = nil, dryRun: Bool = false,
                                 loaded: RecordVersion? = nil) throws -> Authored<Agreement> {
        try authoring(dryRun: dryRun) { tx in
            let before = try tx.agreement(id)
            try requireUnchanged(before, since: loaded, entityType: "agreement", tx)
            let date = date ?? clock.today
            guard before.status != .ended else {
                throw VarselError(.conflict, "\(before.title) is already archived (ended \(before.endDate?.iso ?? "?"))", at: "agreement",
                                  fix: "See it with `varsel agreements --all`")
            }
            if let start = before.effectiveDate ?? before.signedDate, date < start {
                throw VarselError(.invalidInput, "Archive date \(date.iso) is before the agreement started (\(start.iso))", at: "date",
                                  fix: "Give --date \(start.iso) or later")
            }
            var a = before
            a.status = .ended
            a.endDate = min(before.endDate ?? date, date)
            try tx.update(a)
            // As a termination does: occurrences of recurring duties after the end are withdrawn.
            let withdrawn = try tx.deadlines(DeadlineFilter(agreementIds: [a.id], sourceKind: .recurrence, state: .open, rawDateAfter: a.endDate!))
            for d in withdrawn { try tx.delete(d) }
            let planned = try replan(tx, agreementId: a.id)
            return (Authored(record: a, before: before, deadlines: planned, withdrawn: withdrawn.map(\.id), dryRun: false),
                    AuditNote(action: "archive_agreement", entityType: "agreement", entityId: a.id,
                              summary: "Archived agreement \(a.title) (ended \(a.endDate!.iso))", before: before, after: a))
        }
    }

    func checkAgreement(_ tx: any PortfolioRecords, _ a: Agreement) throws {
        try AuthoringValidation.agreement(a)
        guard try tx.record(Party.self, id: a.counterpartyId) != nil else {
            throw VarselError(.notFound, "No party with id \"\(a.counterpartyId)\"", at: "counterparty",
                              fix: "Add it first with `varsel party add`, or give an existing party id")
        }
        if let ours = a.ourPartyId, try tx.record(Party.self, id: ours) == nil {
            throw VarselError(.notFound, "No party with id \"\(ours)\"", at: "our-party", fix: "Add it first with `varsel party add`")
        }
        try AuthoringValidation.parent(tx, of: a)
    }

    // MARK: Parties

    /// Adds a party; its organisation number is checked and normalised for its country.
    @discardableResult
    public func addParty(_ draft: Party, dryRun: Bool = false) throws -> Authored<Party> {
        try authoring(dryRun: dryRun) { tx in
            var p = try AuthoringValidation.party(draft)
            if p.id.trimmingCharacters(in: .whitespaces).isEmpty { p.id = ids.make("pt") }
            if try tx.record(Party.self, id: p.id) != nil {
                throw VarselError(.conflict, "A party with id \"\(p.id)\" exists", at: "id", fix: "Give another --id, or leave it out")
            }
            try tx.insert(p)
            return (Authored(record: p, before: nil, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "add_party", entityType: "party", entityId: p.id, summary: "Added party \(p.name)", after: p))
        }
    }

    /// Edits a party; a form passes the version it `loaded` (a colleague's change meanwhile is refused).
    @discardableResult
    public func editParty(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil,
                          _ change: (inout Party) throws -> Void) throws -> Authored<Party> {
        try authoring(dryRun: dryRun) { tx in
            guard let before = try tx.record(Party.self, id: id) else {
                throw VarselError(.notFound, "No party with id \"\(id)\"", at: "party", fix: "See the parties with `varsel show AGREEMENT`")
            }
            try requireUnchanged(before, since: loaded, entityType: "party", tx)
            var p = before
            try change(&p)
            p.id = before.id
            p = try AuthoringValidation.party(p)
            guard p != before else {
                throw VarselError(.invalidInput, "Nothing to change on \(before.name)", fix: "Give at least one option with a new value")
            }
            try tx.update(p)
            return (Authored(record: p, before: before, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "edit_party", entityType: "party", entityId: p.id, summary: "Edited party \(p.name)",
                              before: before, after: p))
        }
    }
}
