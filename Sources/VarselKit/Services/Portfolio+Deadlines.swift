import GRDB

extension Portfolio {
    /// Marks a deadline handled (e.g. the audit notice was sent).
    @discardableResult
    public func handleDeadline(id: String, note: String? = nil) throws -> Deadline {
        try write { db in
            guard var d = try Deadline.fetchOne(db, key: id) ?? renewalDeadline(db, id: id) else {
                throw VarselError(.notFound, "No deadline with id \"\(id)\"", at: "deadline",
                                  fix: "List open deadlines with `varsel deadlines`")
            }
            guard d.state == .open, try Deadline.fetchOne(db, key: id)?.state != .handled else {
                throw VarselError(.conflict, "Deadline \(id) was already handled on \(d.handledDate?.iso ?? "?")", at: "deadline")
            }
            let before = d
            d.state = .handled
            d.handledDate = clock.today
            d.handledNote = note
            try d.save(db)
            return (d, AuditNote(action: "handle_deadline", entityType: "deadline", entityId: id,
                                 summary: "Handled: \(d.what) (act by \(d.actByDate.iso))" + (note.map { "; \($0)" } ?? ""),
                                 before: before, after: d))
        }
    }

    /// Records an event that starts a clock (incident discovered, audit planned, downtime, …).
    @discardableResult
    public func recordEvent(agreementId: String, kind: EventKind, date: CivilDate, minutes: Int? = nil,
                            description: String) throws -> (AgreementEvent, [Deadline]) {
        try write { db in
            let agreement = try agreement(db, agreementId)
            if let minutes, !(0..<1440).contains(minutes) {
                throw VarselError(.invalidInput, "Time of day out of range", at: "time", fix: "Use HH:MM between 00:00 and 23:59")
            }
            let event = AgreementEvent(id: ids.make("ev"), agreementId: agreementId, kind: kind, date: date,
                                       minutes: minutes, description: description)
            try event.insert(db)
            let deadlines = planner.deadlines(for: event, rules: try rules(db, agreementId: agreementId), calendar: agreement.calendar,
                                              agreementEnd: agreement.endDate)
            for d in deadlines { try d.insert(db) }
            return ((event, deadlines), AuditNote(action: "record_event", entityType: "event", entityId: event.id,
                                                 summary: "\(kind.label) on \(agreement.title) \(date.iso): \(description); \(deadlines.count) deadline(s)",
                                                 after: event))
        }
    }
}

extension Portfolio {
    /// A renewal notice deadline is computed, not stored; handling it stores it as handled.
    func renewalDeadline(_ db: Database, id: String) throws -> Deadline? {
        guard id.hasPrefix("dl-term-") else { return nil }
        for agreement in try Agreement.fetchAll(db, sql: "SELECT * FROM agreements WHERE json_extract(term, '$.kind') = 'auto_renewal'") {
            if let d = queries.renewalDeadline(agreement), d.id == id { return d }
        }
        return nil
    }
}
