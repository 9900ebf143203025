import VarselKit

/// The forms of the other features whose writes have a reversal service: saving them leaves
/// the `UndoStep` that `u` runs (reopen, restore the snooze or note, withdraw).
extension HandleForm {
    @MainActor func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let message = try submit(form, portfolio: portfolio)
        let d = try? portfolio.store.read { try $0.record(Deadline.self, id: deadlineId) }
        return FormSaved(message, undo: .handled(deadlineId: deadlineId, what: d?.what ?? deadlineId))
    }
}

extension SnoozeForm {
    @MainActor func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let before = try? portfolio.store.read { try $0.record(Deadline.self, id: deadlineId) }
        let message = try submit(form, portfolio: portfolio)
        guard let after = try? portfolio.store.read({ try $0.record(Deadline.self, id: deadlineId) }) else { return FormSaved(message) }
        return FormSaved(message, undo: .snooze(deadlineId: deadlineId, what: after.what, before: before?.snoozedUntil, after: after.snoozedUntil))
    }
}

extension DeadlineNoteForm {
    @MainActor func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let before = try? portfolio.store.read { try $0.record(Deadline.self, id: deadlineId) }
        let message = try submit(form, portfolio: portfolio)
        guard let after = try? portfolio.store.read({ try $0.record(Deadline.self, id: deadlineId) }) else { return FormSaved(message) }
        return FormSaved(message, undo: .note(deadlineId: deadlineId, what: after.what, before: before?.note, after: after.note))
    }
}

extension ObjectionForm {
    @MainActor func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let message = try submit(form, portfolio: portfolio)
        guard let n = notice(form), let d = try? portfolio.queries.detail(agreementId: n.agreementId),
              let o = d.objections.last(where: { $0.changeNoticeId == n.id && $0.withdrawnDate == nil }) else { return FormSaved(message) }
        return FormSaved(message, undo: .objection(id: o.id))
    }
}

extension TerminationForm {
    @MainActor func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let known = Set(((try? portfolio.queries.detail(agreementId: agreementId))?.terminations ?? []).map(\.id))
        let message = try submit(form, portfolio: portfolio)
        let added = ((try? portfolio.queries.detail(agreementId: agreementId))?.terminations ?? []).filter { !known.contains($0.id) }
        guard let t = added.first else { return FormSaved(message) }
        return FormSaved(message, undo: .termination(id: t.id))
    }
}

extension ChangeNoticeForm {
    /// Records the notice; `u` takes it back with what recording it opened (and the sub-processor
    /// it proposed, when recording it created that record).
    @MainActor func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let d = try draft(form)
        let known = Set(((try? portfolio.store.read { try $0.subProcessors(agreementId: d.agreementId) }) ?? []).map(\.id))
        let (notice, preview) = try portfolio.recordChangeNotice(d)
        let n = preview.deadlines.count
        let proposed = notice.subProcessorId.flatMap { id in known.contains(id) ? nil : try? portfolio.store.read { try $0.record(SubProcessor.self, id: id) } }
        return FormSaved("Change notice \(notice.id) recorded; \(n) deadline\(n == 1 ? "" : "s") opened",
                         undo: .changeNotice(notice, deadlines: preview.deadlines, subProcessor: proposed))
    }
}
