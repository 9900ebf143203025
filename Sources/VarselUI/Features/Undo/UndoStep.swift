import VarselKit

/// The compensating change for one write made in this workbench session (`u`). Each runs
/// through the services, so it is validated, audited and shown in History like any write. A
/// record changed since (by another write) is left alone: the undo is refused, saying so.
public enum UndoStep: Hashable, Sendable {
    /// An agreement added (`before` nil: undone by archiving it) or changed (edited back).
    case agreement(before: Agreement?, after: Agreement)
    case party(before: Party, after: Party)
    /// A clause added (`before` nil: removed) or changed.
    case clause(before: Clause?, after: Clause)
    /// A notice rule added (`before` nil: removed, its open deadlines withdrawn) or changed.
    case rule(before: NoticeRule?, after: NoticeRule)
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

    /// What is undone, for the status line: "the change to notice rule Object to …".
    public var label: String {
        switch self {
        case .agreement(let b, let a): b == nil ? "adding agreement \(a.title)" : "the change to agreement \(a.title)"
        case .party(_, let a): "the change to party \(a.name)"
        case .clause(let b, let a): b == nil ? "adding clause \(a.reference)" : "the change to clause \(a.reference)"
        case .rule(let b, let a): b == nil ? "adding notice rule \(a.title)" : "the change to notice rule \(a.title)"
        case .subProcessor(let b, let a): b == nil ? "adding sub-processor \(a.name)" : "the change to sub-processor \(a.name)"
        case .handled(_, let what): "marking \(what) handled"
        case .snooze(_, let what, _, _): "the snooze of \(what)"
        case .note(_, let what, _, _): "the note on \(what)"
        case .objection(let id): "recording objection \(id)"
        case .termination(let id): "recording termination \(id)"
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
            let now = try p.store.read { try $0.record(Agreement.self, id: after.id) }
            guard now == after else { throw Self.changedSince("Agreement \(after.title)") }
            let start = [after.effectiveDate, after.signedDate].compactMap { $0 }.first ?? today
            try p.archiveAgreement(id: after.id, date: max(today, start))
            return "Undone: agreement \(after.title) added (archived: nothing with history is deleted)"
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
        }
    }
}
