
extension Portfolio {
    /// Marks a deadline handled (e.g. the audit notice was sent).
    @discardableResult
    public func handleDeadline(id: String, note: String? = nil, loaded: RecordVersion? = nil) throws -> Deadline {
        try handleDeadlineOpeningNext(id: id, note: note, loaded: loaded).handled
    }

    /// Marks a deadline handled; for an occurrence of a recurring duty, opens the next occurrence in
    /// the same transaction (one audit row names both). Returns the handled deadline and the one opened.
    /// With `loaded` (what a form showed), a deadline changed since is refused (`requireUnchanged`).
    @discardableResult
    public func handleDeadlineOpeningNext(id: String, note: String? = nil, loaded: RecordVersion? = nil) throws -> (handled: Deadline, next: Deadline?) {
        try write { tx in
            guard var d = try tx.record(Deadline.self, id: id) ?? renewalDeadline(tx, id: id) else {
                throw VarselError(.notFound, "No deadline with id \"\(id)\"", at: "deadline",
                                  fix: "List open deadlines with `varsel deadlines`")
            }
            try requireUnchanged(d, since: loaded, entityType: "deadline", tx)
            guard d.state == .open, try tx.record(Deadline.self, id: id)?.state != .handled else {
                throw VarselError(.conflict, "Deadline \(id) was already handled on \(d.handledDate?.iso ?? "?")", at: "deadline")
            }
            let before = d
            d.state = .handled
            d.handledDate = clock.today
            d.handledNote = note
            try tx.save(d)
            let next = try nextOccurrence(tx, after: d)
            var summary = "Handled: \(d.what) (act by \(d.actByDate.iso))" + (note.map { "; \($0)" } ?? "")
            if let next, let k = Recurrence.parse(sourceId: next.sourceId)?.occurrence {
                summary += "; next occurrence \(k) opened, act by \(next.actByDate.iso) [\(next.id)]"
            }
            return ((d, next), AuditNote(action: "handle_deadline", entityType: "deadline", entityId: id,
                                         summary: summary, before: before, after: d))
        }
    }

    /// Opens occurrence k+1 when `handled` is occurrence k of a recurring rule that still exists.
    func nextOccurrence(_ tx: any PortfolioTransaction, after handled: Deadline) throws -> Deadline? {
        guard handled.sourceKind == .recurrence, let ruleId = handled.ruleId,
              let (_, k) = Recurrence.parse(sourceId: handled.sourceId),
              let rule = try tx.record(NoticeRule.self, id: ruleId), Recurrence.isOpenable(rule),
              let agreement = try tx.record(Agreement.self, id: handled.agreementId) else { return nil }
        return try Recurrence.openOccurrence(tx, k + 1, of: rule, agreement: agreement, planner: planner)
    }

    /// Records an event that starts a clock (incident discovered, audit planned, downtime, …), with
    /// the deadlines of the agreement's rules and the statutory ones (GDPR Art. 33 for a controller).
    @discardableResult
    /// A written demand to cure a breach needs `madeBy` (`.us` or `.them`): it decides who must cure.
    public func recordEvent(agreementId: String, kind: EventKind, date: CivilDate, minutes: Int? = nil,
                            description: String, madeBy: Actor? = nil) throws -> (AgreementEvent, [Deadline]) {
        try write { tx in
            let agreement = try tx.agreement(agreementId)
            if kind == .breachDemand && madeBy != .us && madeBy != .them {
                throw VarselError(.invalidInput, "A written demand to cure a breach must say who made it", at: "by",
                                  fix: "Give --by us (we demand, they must cure) or --by them (they demand, we must cure)")
            }
            if let minutes, !(0..<1440).contains(minutes) {
                throw VarselError(.invalidInput, "Time of day out of range", at: "time", fix: "Use HH:MM between 00:00 and 23:59")
            }
            let event = AgreementEvent(id: ids.make("ev"), agreementId: agreementId, kind: kind, date: date,
                                       minutes: minutes, description: description, madeBy: madeBy)
            try tx.insert(event)
            let deadlines = planner.deadlines(for: event, rules: try tx.rules(agreementId: agreementId), calendar: agreement.calendar,
                                              agreementEnd: agreement.ownEnd)
                + planner.statutoryDeadlines(for: event, agreement: agreement)
            for d in deadlines { try tx.insert(d) }
            return ((event, deadlines), AuditNote(action: "record_event", entityType: "event", entityId: event.id,
                                                 summary: "\(kind.label)\(madeBy.map { " by \($0.rawValue)" } ?? "") on \(agreement.title) \(date.iso): \(description); \(deadlines.count) deadline(s)",
                                                 after: event))
        }
    }
}

extension Portfolio {
    /// A renewal notice deadline is computed, not stored; handling it stores it as handled.
    func renewalDeadline(_ tx: any PortfolioRecords, id: String) throws -> Deadline? {
        guard id.hasPrefix("dl-term-") else { return nil }
        for agreement in try tx.autoRenewingAgreements() {
            if let d = queries.renewalDeadline(agreement), d.id == id { return d }
        }
        return nil
    }
}
