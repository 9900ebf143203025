import Foundation

/// Compensating changes for records created in a workbench session (`u`): the records go again,
/// one transaction and one audit row (with what went as its before-image). Refused, changing
/// nothing, when anything they made was changed since or anything has come to depend on them.
extension Portfolio {
    /// Takes back a change notice recorded by mistake: the notice, the deadlines it opened and
    /// the sub-processor it proposed go. `recorded` is what recording it wrote; refused when the
    /// notice or one of those deadlines (handled, snoozed, moved) or the sub-processor changed
    /// since, or an objection has been recorded to it.
    public func unrecordChangeNotice(_ recorded: ChangeNotice, deadlines: [Deadline], subProcessor: SubProcessor?) throws {
        try write { tx in
            func changed(_ what: String) -> VarselError {
                VarselError(.conflict, "\(what) was changed since the notice was recorded; undo leaves it as it is", at: "undo",
                            fix: "See the agreement's Notices tab and History")
            }
            if let o = try tx.objections(changeNoticeId: recorded.id).first {
                throw VarselError(.conflict, "Objection \(o.id) was recorded to change notice \(recorded.id); undo leaves the notice as it is",
                                  at: "undo", fix: "Withdraw the objection first (W), or keep the notice")
            }
            guard try tx.record(ChangeNotice.self, id: recorded.id) == recorded else { throw changed("Change notice \(recorded.id)") }
            let now = try tx.deadlines(DeadlineFilter(agreementIds: [recorded.agreementId], sourceId: recorded.id))
            let mine = Set(deadlines.map(\.id))
            for d in now {
                guard mine.contains(d.id), deadlines.contains(d) else { throw changed("Deadline \(d.what)") }
            }
            if let s = subProcessor, try tx.record(SubProcessor.self, id: s.id) != s { throw changed("Sub-processor \(s.name)") }
            for d in now { try tx.delete(d) }
            try tx.delete(recorded)
            if let s = subProcessor { try tx.delete(s) }
            let a = try tx.agreement(recorded.agreementId)
            return ((), AuditNote(action: "unrecord_change_notice", entityType: "change_notice", entityId: recorded.id,
                                  summary: "Took back \(recorded.kind.label) on \(a.title) (recorded by mistake)"
                                      + (now.isEmpty ? "" : "; \(now.count) deadline(s) withdrawn"),
                                  before: ChangeNoticeSnapshot(notice: recorded, subProcessor: subProcessor, deadlines: now)))
        }
    }

    /// Takes back an agreement created by mistake, while it is still exactly `created` and nothing
    /// belongs to it yet (no clause, rule, sub-processor, version, notice, termination, event, handled
    /// deadline or agreement under it): it and its open deadlines go, and `party` (the counterparty
    /// created with it) goes too when it is unchanged and no other agreement uses it. Anything
    /// belonging to it throws a `.conflict` at "records" (archive it instead).
    @discardableResult
    public func unrecordAgreement(_ created: Agreement, party: Party?) throws -> Bool {
        try write { tx in
            guard try tx.record(Agreement.self, id: created.id) == created else {
                throw VarselError(.conflict, "Agreement \(created.title) was changed since; undo leaves it as it is", at: "undo",
                                  fix: "See its History tab, and change it with e if needed")
            }
            let id = created.id
            func belongs(_ what: String) -> VarselError {
                VarselError(.conflict, "\(created.title) has \(what) now", at: "records", fix: "Archive it instead (x)")
            }
            if !(try tx.clauses(agreementId: id)).isEmpty { throw belongs("clauses") }
            if !(try tx.rules(agreementId: id)).isEmpty { throw belongs("notice rules") }
            if !(try tx.subProcessors(agreementId: id)).isEmpty { throw belongs("sub-processors") }
            if !(try tx.versions(agreementId: id)).isEmpty { throw belongs("version entries") }
            for s in ChangeNoticeStatus.allCases {
                if !(try tx.changeNotices(agreementId: id, status: s)).isEmpty { throw belongs("change notices") }
            }
            for k in EventKind.allCases {
                for who in Actor.allCases {
                    if !(try tx.events(agreementId: id, kind: k, madeBy: who)).isEmpty { throw belongs("events") }
                }
            }
            if !(try tx.agreementsEnding(withParent: id)).isEmpty { throw belongs("agreements under it") }
            let existing = try tx.existingIDs()
            if existing.agreements.values.contains(where: { $0 == id }) { throw belongs("agreements under it") }
            if try tx.records(TerminationNotice.self, ids: Array(existing.terminations)).contains(where: { $0.agreementId == id }) {
                throw belongs("termination notices")
            }
            let own = try tx.deadlines(DeadlineFilter(agreementIds: [id]))
            if own.contains(where: { $0.state != .open }) { throw belongs("handled deadlines") }
            for d in own { try tx.delete(d) }
            try tx.delete(created)
            var partyGone = false
            if let party, party.id == created.counterpartyId, try tx.record(Party.self, id: party.id) == party {
                let others = try tx.records(Agreement.self, ids: Array(existing.agreements.keys).filter { $0 != id })
                if !others.contains(where: { $0.counterpartyId == party.id || $0.ourPartyId == party.id }) {
                    try tx.delete(party)
                    partyGone = true
                }
            }
            return (partyGone, AuditNote(action: "unrecord_agreement", entityType: "agreement", entityId: id,
                                         summary: "Took back agreement \(created.title) (added by mistake)"
                                             + (partyGone ? "; party \(party?.name ?? "") went with it" : ""),
                                         before: AgreementTakenBack(agreement: created, party: partyGone ? party : nil, deadlines: own)))
        }
    }
}

/// The before-image of `unrecordAgreement`'s audit row.
struct AgreementTakenBack: Encodable {
    var agreement: Agreement
    var party: Party?
    var deadlines: [Deadline]
}
