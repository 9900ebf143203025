
extension Portfolio {
    /// Reopens a handled deadline: it is open again and on the agenda; its handled date and note
    /// stay in the audit row (`before`). Refused where reopening would contradict a recorded
    /// decision: a window deemed accepted, a change notice's decision closed by an objection
    /// (withdraw the objection instead) or by an acceptance, or a follow-on of a withdrawn termination.
    @discardableResult
    public func reopenDeadline(id: String, note: String? = nil) throws -> Deadline {
        try write { tx in
            let d = try storedDeadline(tx, id)
            guard d.state == .handled else {
                throw VarselError(.conflict, "Deadline \(id) is open, not handled", at: "deadline",
                                  fix: "Only a handled deadline can be reopened")
            }
            try refuseReopeningDecision(tx, d)
            var reopened = d
            reopened.state = .open
            reopened.handledDate = nil
            reopened.handledNote = nil
            reopened.snoozedUntil = nil // a snooze from before it was handled no longer applies
            let was = "handled \(d.handledDate?.iso ?? "?")" + (d.handledNote.map { " (\($0))" } ?? "")
            if d.sourceKind == .term {
                // A renewal notice is computed; the stored (handled) copy only stood in for it.
                try tx.delete(d)
            } else {
                try tx.update(reopened)
            }
            let summary = "Reopened: \(d.what) (act by \(d.actByDate.iso)); was \(was)" + (note.map { "; \($0)" } ?? "")
            return (reopened, AuditNote(action: "reopen_deadline", entityType: "deadline", entityId: id,
                                        summary: summary, before: d, after: reopened))
        }
    }

    /// Remind me later: leaves an open deadline out of what is due until `until` (nil clears it).
    /// The act-by day never moves, and a snooze cannot reach past it: an overdue deadline always counts.
    @discardableResult
    public func snoozeDeadline(id: String, until: CivilDate?, loaded: RecordVersion? = nil) throws -> Deadline {
        try write { tx in
            guard var d = try tx.record(Deadline.self, id: id) ?? renewalDeadline(tx, id: id) else { throw Self.noDeadline(id) }
            try requireUnchanged(d, since: loaded, entityType: "deadline", tx)
            guard d.state == .open else {
                throw VarselError(.conflict, "Deadline \(id) was handled on \(d.handledDate?.iso ?? "?"); only an open deadline can be snoozed",
                                  at: "deadline", fix: "Reopen it first (`varsel reopen \(id)`) if it is not done")
            }
            if let until {
                guard until > clock.today else {
                    throw VarselError(.invalidInput, "Snooze day \(until.iso) is not after today (\(clock.today.iso))", at: "until",
                                      fix: "Give a later day, or --clear to remove the snooze")
                }
                guard until <= d.actByDate else {
                    throw VarselError(.invalidInput, "Snooze day \(until.iso) is after the act-by day \(d.actByDate.iso)", at: "until",
                                      fix: "Snooze until \(d.actByDate.iso) at the latest: the act-by day does not move")
                }
            }
            let before = d
            d.snoozedUntil = until
            try tx.save(d)
            let summary = until.map { "Snoozed until \($0.iso): \(d.what) (act by \(d.actByDate.iso), unchanged)" }
                ?? "Snooze cleared: \(d.what) (act by \(d.actByDate.iso))"
            return (d, AuditNote(action: "snooze_deadline", entityType: "deadline", entityId: id,
                                 summary: summary, before: before, after: d))
        }
    }

    /// Sets the deadline's own note (nil or blank clears it); open or handled.
    @discardableResult
    public func noteDeadline(id: String, note: String?, loaded: RecordVersion? = nil) throws -> Deadline {
        try write { tx in
            guard var d = try tx.record(Deadline.self, id: id) ?? renewalDeadline(tx, id: id) else { throw Self.noDeadline(id) }
            try requireUnchanged(d, since: loaded, entityType: "deadline", tx)
            let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            let before = d
            d.note = (text?.isEmpty ?? true) ? nil : text
            try tx.save(d)
            return (d, AuditNote(action: "note_deadline", entityType: "deadline", entityId: id,
                                 summary: d.note.map { "Note on \(d.what): \($0)" } ?? "Note removed: \(d.what)",
                                 before: before, after: d))
        }
    }

    static func noDeadline(_ id: String) -> VarselError {
        VarselError(.notFound, "No deadline with id \"\(id)\"", at: "deadline", fix: "List open deadlines with `varsel deadlines`")
    }

    private func storedDeadline(_ tx: any PortfolioRecords, _ id: String) throws -> Deadline {
        guard let d = try tx.record(Deadline.self, id: id) else { throw Self.noDeadline(id) }
        return d
    }

    /// Throws when reopening `d` would contradict a decision recorded elsewhere.
    private func refuseReopeningDecision(_ tx: any PortfolioRecords, _ d: Deadline) throws {
        if d.resolution == .deemedAccepted {
            throw VarselError(.conflict, "Deadline \(d.id) was deemed accepted on \(d.handledDate?.iso ?? "?")"
                              + (d.clauseRef.map { " (\($0): silence is approval)" } ?? "") + "; reopening it would contradict that",
                              at: "deadline",
                              fix: "If an objection was sent by \(d.actByDate.iso), record it with `varsel object \(d.sourceId) --date …`: that undoes the acceptance")
        }
        if d.sourceKind == .termination, let t = try tx.record(TerminationNotice.self, id: d.sourceId), let w = t.withdrawnDate {
            throw VarselError(.conflict, "Deadline \(d.id) follows termination \(t.id), which was withdrawn on \(w.iso)", at: "deadline",
                              fix: "The agreement no longer ends on \(t.endDate.iso); nothing is due from that end")
        }
        guard d.sourceKind == .changeNotice, let notice = try tx.record(ChangeNotice.self, id: d.sourceId) else { return }
        switch notice.status {
        case .open:
            return
        case .objected:
            let obj = try tx.activeObjections(changeNoticeId: notice.id).first
            throw VarselError(.conflict, "Deadline \(d.id) was closed by the objection to \(notice.id)\(obj.map { " (\($0.id), \($0.date.iso))" } ?? "")",
                              at: "deadline",
                              fix: "Withdraw the objection instead (`varsel objection withdraw \(obj?.id ?? "ID")`): that reopens the decision")
        case .accepted:
            throw VarselError(.conflict, "Deadline \(d.id) was closed when change notice \(notice.id) was \(notice.statusText)",
                              at: "deadline", fix: "An acceptance given stands; record a new change notice if the change comes back")
        case .withdrawn:
            throw VarselError(.conflict, "Deadline \(d.id) was closed when the counterparty withdrew change notice \(notice.id)",
                              at: "deadline", fix: "Nothing is left to decide; record a new change notice if the change comes back")
        }
    }
}
