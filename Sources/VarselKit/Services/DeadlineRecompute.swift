
/// Recomputes the open deadlines of some agreements from their current rules and sources —
/// after an import `--merge` changed a notice rule, a change notice, an event, a termination or
/// an agreement's calendar, stored dates must not stay on the old values.
enum DeadlineRecompute {
    /// Updates open deadlines whose dates or explanation changed; returns their ids.
    static func refresh(_ tx: any PortfolioTransaction, agreementIds: Set<String>, planner: DeadlinePlanner = DeadlinePlanner()) throws -> [String] {
        var updated: [String] = []
        for agreementId in agreementIds.sorted() {
            guard let agreement = try tx.record(Agreement.self, id: agreementId) else { continue }
            let rules = Dictionary(uniqueKeysWithValues: try tx.rules(agreementId: agreementId).map { ($0.id, $0) })
            let open = try tx.deadlines(DeadlineFilter(agreementIds: [agreementId], state: .open))
            for old in open {
                // A statutory deadline (no stored rule) follows its event too.
                if old.ruleId == nil, old.sourceKind == .event, let event = try tx.record(AgreementEvent.self, id: old.sourceId),
                   var d = planner.statutoryDeadlines(for: event, agreement: agreement).first(where: { $0.id == old.id }) {
                    d.state = old.state; d.handledDate = old.handledDate; d.handledNote = old.handledNote
                    d.snoozedUntil = old.snoozedUntil; d.note = old.note
                    if d != old { try tx.update(d); updated.append(d.id) }
                    continue
                }
                guard let ruleId = old.ruleId, let rule = rules[ruleId] else { continue }
                let fresh: Deadline?
                switch old.sourceKind {
                case .changeNotice:
                    fresh = try tx.record(ChangeNotice.self, id: old.sourceId).flatMap { n in
                        planner.deadlines(for: n, rules: [rule], calendar: agreement.calendar, agreementEnd: agreement.ownEnd).first }
                case .event:
                    fresh = try tx.record(AgreementEvent.self, id: old.sourceId).flatMap { e in
                        planner.deadlines(for: e, rules: [rule], calendar: agreement.calendar, agreementEnd: agreement.ownEnd).first }
                case .termination:
                    fresh = try tx.record(TerminationNotice.self, id: old.sourceId).flatMap { t in
                        planner.deadlines(forEnd: t.endDate, terminationId: t.id, rules: [rule], calendar: agreement.calendar).first }
                case .term, .agreementEnd:
                    fresh = nil // agreement_end follow-ons are kept by AgreementEndings.sync
                case .recurrence:
                    // The same occurrence k, from the rule's current interval and start day.
                    fresh = Recurrence.parse(sourceId: old.sourceId).flatMap { planner.occurrence($0.occurrence, of: rule, calendar: agreement.calendar) }
                }
                guard var d = fresh else { continue }
                d.id = old.id
                d.state = old.state; d.handledDate = old.handledDate; d.handledNote = old.handledNote
                d.snoozedUntil = old.snoozedUntil; d.note = old.note
                if d != old {
                    try tx.update(d)
                    updated.append(d.id)
                }
            }
        }
        updated += try AgreementEndings.sync(tx, agreementIds: agreementIds.sorted(), planner: planner).map(\.id)
        return updated
    }
}
