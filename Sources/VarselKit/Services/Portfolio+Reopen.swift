import GRDB

extension Portfolio {
    /// Reopens a deadline marked handled by mistake: it is open again (in the agenda, `check` and
    /// the calendar) with its act-by day unchanged; the handled day and note are cleared. Audited,
    /// with the handled state in `before`.
    ///
    /// Refused for a deadline that a decision closed (a change notice that is no longer open:
    /// objected, accepted or withdrawn), for renewal notice days, which are not stored open, and for
    /// occurrences of a recurring duty (handling one opened the next).
    @discardableResult
    public func reopenDeadline(id: String) throws -> Deadline {
        try write { db in
            guard var d = try Deadline.fetchOne(db, key: id) else {
                throw VarselError(.notFound, "No handled deadline with id \"\(id)\"", at: "deadline",
                                  fix: "See the handled deadlines with `varsel show AGREEMENT`")
            }
            guard d.state == .handled else {
                throw VarselError(.conflict, "Deadline \(id) is open; only a handled deadline can be reopened", at: "deadline")
            }
            guard d.sourceKind != .term else {
                throw VarselError(.conflict, "Deadline \(id) is a renewal notice day; it cannot be reopened", at: "deadline",
                                  fix: "The next renewal notice day appears by itself when its term comes")
            }
            guard d.sourceKind != .recurrence else {
                throw VarselError(.conflict, "Deadline \(id) is an occurrence of a recurring duty; handling it opened the next one",
                                  at: "deadline", fix: "Reopening it would leave two occurrences open; note the correction on the next one")
            }
            if d.sourceKind == .changeNotice, let n = try ChangeNotice.fetchOne(db, key: d.sourceId), n.status != .open {
                throw VarselError(.conflict, "Deadline \(id) was closed when change notice \(n.id) was \(n.status.rawValue)",
                                  at: "deadline", fix: "Reopening it alone would contradict the notice's status")
            }
            let before = d
            d.state = .open
            d.handledDate = nil
            d.handledNote = nil
            try d.save(db)
            return (d, AuditNote(action: "reopen_deadline", entityType: "deadline", entityId: id,
                                 summary: "Reopened: \(d.what) (act by \(d.actByDate.iso)); was handled \(before.handledDate?.iso ?? "?")"
                                    + (before.handledNote.map { "; note was: \($0)" } ?? ""),
                                 before: before, after: d))
        }
    }
}
