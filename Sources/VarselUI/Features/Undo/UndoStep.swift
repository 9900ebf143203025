import VarselKit

/// The compensating change for one write made in this workbench session (`u`). Each runs
/// through the services, so it is validated, audited and shown in History like any write. A
/// record changed since (by another write) is left alone: the undo is refused, saying so.
public enum UndoStep: Hashable, Sendable {
    /// An agreement added (`before` nil: undone by archiving it) or changed (edited back).
    case agreement(before: Agreement?, after: Agreement)
    /// An agreement added, with the counterparty created for it (nil: an existing one): taken back
    /// while nothing belongs to it yet (the party too, when nothing else uses it), else archived.
    case agreementAdded(Agreement, party: Party?)
    case party(before: Party, after: Party)
    /// A clause added (`before` nil: removed) or changed.
    case clause(before: Clause?, after: Clause)
    /// A clause removed: put back as it was.
    case clauseRemoved(Clause)
    /// A notice rule added (`before` nil: removed, its open deadlines withdrawn) or changed.
    case rule(before: NoticeRule?, after: NoticeRule)
    /// A notice rule removed: put back with the open deadlines it had (handled ones never reopen).
    case ruleRemoved(NoticeRule, deadlines: [Deadline])
    /// A version entry added (`before` nil), changed, or removed (`after` nil); `label` is the
    /// agreement's version label before the change (put back when an added entry is removed).
    case version(before: AgreementVersion?, after: AgreementVersion?, label: String?)
    /// A sub-processor added (`before` nil: removed from use) or changed.
    case subProcessor(before: SubProcessor?, after: SubProcessor)
    /// A deadline marked handled: reopened.
    case handled(deadlineId: String, what: String)
    /// A snooze set or cleared: the previous day is put back.
    case snooze(deadlineId: String, what: String, before: CivilDate?, after: CivilDate?)
    /// A note set or removed: the previous note is put back.
    case note(deadlineId: String, what: String, before: String?, after: String?)
    /// An objection recorded: withdrawn.
    case objection(id: String)
    /// A termination notice recorded: withdrawn.
    case termination(id: String)
    /// An `E` ($EDITOR) session on an agreement: every record it changed gets its before state back.
    case editSession(agreementId: String, title: String, before: PortfolioDocument, after: PortfolioDocument)
    /// A change notice recorded: taken back with the deadlines it opened and the sub-processor it proposed.
    case changeNotice(ChangeNotice, deadlines: [Deadline], subProcessor: SubProcessor?)

    /// What is undone, for the status line: "the change to notice rule Object to …".
    public var label: String {
        switch self {
        case .agreement(let b, let a): b == nil ? "adding agreement \(a.title)" : "the change to agreement \(a.title)"
        case .agreementAdded(let a, _): "adding agreement \(a.title)"
        case .party(_, let a): "the change to party \(a.name)"
        case .clause(let b, let a): b == nil ? "adding clause \(a.reference)" : "the change to clause \(a.reference)"
        case .clauseRemoved(let c): "removing clause \(c.reference)"
        case .rule(let b, let a): b == nil ? "adding notice rule \(a.title)" : "the change to notice rule \(a.title)"
        case .ruleRemoved(let r, _): "removing notice rule \(r.title)"
        case .version(nil, let a, _): "adding version \(a?.version ?? "?")"
        case .version(let b?, nil, _): "removing version entry \(b.version)"
        case .version(_, let a, _): "the change to version entry \(a?.version ?? "?")"
        case .subProcessor(let b, let a): b == nil ? "adding sub-processor \(a.name)" : "the change to sub-processor \(a.name)"
        case .handled(_, let what): "marking \(what) handled"
        case .snooze(_, let what, _, _): "the snooze of \(what)"
        case .note(_, let what, _, _): "the note on \(what)"
        case .objection(let id): "recording objection \(id)"
        case .termination(let id): "recording termination \(id)"
        case .changeNotice(let n, _, _): "recording change notice \(n.id)"
        case .editSession(_, let title, _, _): "the $EDITOR edit of \(title)"
        }
    }

    /// The error when the record is no longer what this session wrote.
    static func changedSince(_ what: String) -> VarselError {
        VarselError(.conflict, "\(what) was changed since (by another write); undo leaves it as it is", at: "undo",
                    fix: "See its History tab, and change it with e if needed")
    }

    /// Runs the compensating change and says what was undone.
    @MainActor func undo(_ p: Portfolio) throws -> String {
        let today = p.clock.today
        switch self {
        case .agreement(nil, let after):
            return try Self.takeBack(after, party: nil, p)
        case .agreementAdded(let after, let party):
            return try Self.takeBack(after, party: party, p)
        case .agreement(let before?, let after):
            try p.editAgreement(id: after.id) { a in
                guard a == after else { throw Self.changedSince("Agreement \(after.title)") }
                a = before
            }
            return "Undone: \(label); it is as before again"
        case .party(let before, let after):
            try p.editParty(id: after.id) { x in
                guard x == after else { throw Self.changedSince("Party \(after.name)") }
                x = before
            }
            return "Undone: \(label)"
        case .clause(nil, let after):
            let now = try p.store.read { try $0.record(Clause.self, id: after.id) }
            guard now == after else { throw Self.changedSince("Clause \(after.reference)") }
            try p.removeClause(id: after.id)
            return "Undone: clause \(after.reference) added (removed)"
        case .clause(let before?, let after):
            try p.editClause(id: after.id) { c in
                guard c == after else { throw Self.changedSince("Clause \(after.reference)") }
                c = before
            }
            return "Undone: \(label)"
        case .clauseRemoved(let c):
            try p.restoreClause(c)
            return "Undone: \(label) (it is back)"
        case .ruleRemoved(let r, let deadlines):
            try p.restoreRule(r, deadlines: deadlines)
            let n = deadlines.count
            return "Undone: \(label); it is back" + (n == 0 ? "" : " with its \(n) open deadline\(n == 1 ? "" : "s")")
        case .version(nil, let after?, let l):
            let now = try p.store.read { try $0.record(AgreementVersion.self, id: after.id) }
            guard now == after else { throw Self.changedSince("Version entry \(after.version)") }
            try p.removeVersion(id: after.id, label: .exactly(l))
            return "Undone: \(label) (entry removed; the agreement is version \(l ?? "—") again)"
        case .version(let before?, let after?, _):
            try p.editVersion(id: after.id) { v in
                guard v == after else { throw Self.changedSince("Version entry \(after.version)") }
                v = before
            }
            return "Undone: \(label)"
        case .version(let before?, nil, let l):
            try p.restoreVersion(before, label: l)
            return "Undone: \(label) (it is back)"
        case .version(nil, nil, _):
            return "Nothing to undo"
        case .rule(nil, let after):
            let now = try p.store.read { try $0.record(NoticeRule.self, id: after.id) }
            guard now == after else { throw Self.changedSince("Notice rule \(after.title)") }
            let r = try p.removeRule(id: after.id)
            return "Undone: notice rule \(after.title) added (removed"
                + (r.withdrawn.isEmpty ? ")" : "; \(r.withdrawn.count) open deadline\(r.withdrawn.count == 1 ? "" : "s") withdrawn)")
        case .rule(let before?, let after):
            let r = try p.editRule(id: after.id) { x in
                guard x == after else { throw Self.changedSince("Notice rule \(after.title)") }
                x = before
            }
            return "Undone: \(label)" + (r.deadlines.isEmpty ? "" : "; \(r.deadlines.count) open deadline\(r.deadlines.count == 1 ? "" : "s") moved back")
        case .subProcessor(nil, let after):
            let now = try p.store.read { try $0.record(SubProcessor.self, id: after.id) }
            guard now == after else { throw Self.changedSince("Sub-processor \(after.name)") }
            try p.removeSubProcessor(id: after.id, date: max(today, after.since ?? today))
            return "Undone: sub-processor \(after.name) added (marked removed; the record stays as history)"
        case .subProcessor(let before?, let after):
            try p.editSubProcessor(id: after.id) { s in
                guard s == after else { throw Self.changedSince("Sub-processor \(after.name)") }
                s = before
            }
            return "Undone: \(label)"
        case .handled(let id, let what):
            let d = try p.reopenDeadline(id: id, note: "undone in the workbench")
            return "Undone: \(what) is open again (act by \(d.actByDate.iso))"
        case .snooze(let id, let what, let before, let after):
            let now = try p.store.read { try $0.record(Deadline.self, id: id) }
            guard let now, now.snoozedUntil == after else { throw Self.changedSince("The snooze of \(what)") }
            try p.snoozeDeadline(id: id, until: before)
            return "Undone: \(label)" + (before.map { "; snoozed until \($0.iso) again" } ?? "; not snoozed")
        case .note(let id, let what, let before, let after):
            let now = try p.store.read { try $0.record(Deadline.self, id: id) }
            guard let now, now.note == after else { throw Self.changedSince("The note on \(what)") }
            try p.noteDeadline(id: id, note: before)
            return "Undone: \(label)"
        case .objection(let id):
            try p.withdrawObjection(id: id, note: "undone in the workbench")
            return "Undone: objection \(id) withdrawn; its notice's deadlines are open again"
        case .termination(let id):
            let w = try p.withdrawTermination(id: id, note: "undone in the workbench")
            return "Undone: termination \(id) withdrawn; \(w.agreement.title) is \(w.agreement.status.rawValue) again"
        case .editSession(let id, _, let before, let after):
            let n = try p.undoAgreementEdit(agreementId: id, before: before, after: after)
            return "Undone: \(label) (\(n) record\(n == 1 ? "" : "s") put back)"
        case .changeNotice(let n, let deadlines, let sub):
            try p.unrecordChangeNotice(n, deadlines: deadlines, subProcessor: sub)
            return "Undone: \(label) (taken back" + (deadlines.isEmpty ? ")" : " with its \(deadlines.count) deadline\(deadlines.count == 1 ? "" : "s"))")
        }
    }

    /// An agreement added in this session goes again while nothing belongs to it (the party
    /// created with it too, when unused); otherwise it is archived (nothing with history is deleted).
    @MainActor static func takeBack(_ after: Agreement, party: Party?, _ p: Portfolio) throws -> String {
        let now = try p.store.read { try $0.record(Agreement.self, id: after.id) }
        guard now == after else { throw changedSince("Agreement \(after.title)") }
        do {
            let partyGone = try p.unrecordAgreement(after, party: party)
            return "Undone: agreement \(after.title) added (taken back" + (partyGone ? "; party \(party?.name ?? "") too)" : ")")
        } catch let e as VarselError where e.location == "records" {
            let start = [after.effectiveDate, after.signedDate].compactMap { $0 }.first ?? p.clock.today
            try p.archiveAgreement(id: after.id, date: max(p.clock.today, start))
            return "Undone: agreement \(after.title) added (archived: it \(e.what.replacingOccurrences(of: after.title + " ", with: "")), and nothing with history is deleted)"
        }
    }
}
