import Foundation

/// What withdrawing a termination did.
public struct TerminationWithdrawal: Sendable {
    public var termination: TerminationNotice
    /// The agreement as it is again (previous status and end date).
    public var agreement: Agreement
    /// Agreements that had ended with it and run on again.
    public var endsAlso: [Agreement]
    /// Open follow-on deadlines removed.
    public var removed: [Deadline]
    /// Handled follow-on deadlines kept as history.
    public var keptHandled: [Deadline]
    /// Planned end follow-ons (fixed end, end with parent) and recurring occurrences opened again.
    public var replanned: [Deadline]
}

extension Portfolio {
    /// Withdraws a termination notice (the row stays, dated): the agreement gets back the status and
    /// end date it had before (from the termination's audit row), agreements that ended with it run
    /// on, its open follow-on deadlines are removed (handled ones are kept and named), the planned
    /// end follow-ons are re-planned and recurring occurrences opened again. Refused once the
    /// agreement has ended.
    @discardableResult
    public func withdrawTermination(id: String, note: String? = nil) throws -> TerminationWithdrawal {
        try write { tx in
            guard var t = try tx.record(TerminationNotice.self, id: id) else {
                throw VarselError(.notFound, "No termination with id \"\(id)\"", at: "termination",
                                  fix: "See the agreement's terminations with `varsel show AGREEMENT`")
            }
            if let w = t.withdrawnDate {
                throw VarselError(.conflict, "Termination \(id) was already withdrawn on \(w.iso)", at: "termination")
            }
            var agreement = try tx.agreement(t.agreementId)
            if t.endDate < clock.today {
                throw VarselError(.conflict, "\(agreement.title) ended on \(t.endDate.iso) under termination \(id); an ended agreement cannot be revived by withdrawing it",
                                  at: "termination", fix: "Record a new agreement if the parties continue")
            }
            let before = agreement
            guard let previous = try previousAgreement(tx, terminationId: id) else {
                // Without it the end date the agreement had (a fixed end) would be guessed: refuse.
                throw VarselError(.conflict, "The audit trail has no record of \(agreement.title) before termination \(id), so its previous status and end date are unknown",
                                  at: "termination", fix: "Restore the agreement's status and end date in an exported document and import it")
            }
            agreement.status = previous.status
            agreement.endDate = previous.endDate
            try tx.update(agreement)
            var endsAlso: [Agreement] = []
            for var child in try AgreementEndings.dependants(tx, of: agreement.id) where child.status == .terminating {
                child.status = agreement.status
                child.endDate = nil // re-derived from the main agreement by AgreementEndings.sync
                try tx.update(child)
                endsAlso.append(child)
            }
            t.withdrawnDate = clock.today
            if let note, !note.isEmpty { t.note = [t.note, "Withdrawn: \(note)"].compactMap { $0 }.joined(separator: "\n") }
            try tx.update(t)
            let followOn = try tx.deadlines(.source(.termination, id, order: .actByThenId))
            let removed = followOn.filter { $0.state == .open }
            for d in removed { try tx.delete(d) }
            let kept = followOn.filter { $0.state == .handled }
            if t.terminationRight == .afterObjection, let noticeId = t.changeNoticeId {
                try setObjectionOutcomes(tx, changeNoticeId: noticeId, from: .agreementTerminated, to: .pending)
            }
            let ids = [agreement.id] + endsAlso.map(\.id)
            var replanned = try AgreementEndings.sync(tx, agreementIds: ids, planner: planner)
            let rules = try tx.rules(agreementIds: ids)
            replanned += try Recurrence.openMissing(tx, rules: rules, today: clock.today, planner: planner)
            let after = try tx.agreement(agreement.id)
            let endsAlsoNow = try endsAlso.map { try tx.agreement($0.id) }
            var summary = "Termination \(id) of \(agreement.title) withdrawn \(clock.today.iso)" + (note.map { " (\($0))" } ?? "")
                + "; back to \(after.status.rawValue)" + (after.endDate.map { ", ends \($0.iso)" } ?? ", no end date")
            if !endsAlso.isEmpty { summary += "; runs on with it: " + endsAlso.map(\.title).joined(separator: ", ") }
            summary += "; \(removed.count) open follow-on deadline(s) removed"
            if !kept.isEmpty { summary += "; \(kept.count) handled follow-on deadline(s) kept: " + kept.map(\.id).joined(separator: ", ") }
            if !replanned.isEmpty { summary += "; \(replanned.count) deadline(s) planned again" }
            let result = TerminationWithdrawal(termination: t, agreement: after, endsAlso: endsAlsoNow, removed: removed,
                                               keptHandled: kept, replanned: replanned)
            return (result, AuditNote(action: "withdraw_termination", entityType: "termination", entityId: id, summary: summary,
                                      before: WithdrawalSnapshot(agreement: before, deadlines: removed),
                                      after: WithdrawalSnapshot(agreement: after, deadlines: replanned)))
        }
    }

    /// The agreement as it was just before termination `id` was recorded (the audit row's `before`).
    private func previousAgreement(_ tx: any PortfolioRecords, terminationId id: String) throws -> Agreement? {
        let json = try tx.lastAudit(action: "record_termination", entityType: "termination", entityId: id)?.before
        return json.flatMap { try? JSONDecoder().decode(Agreement.self, from: Data($0.utf8)) }
    }
}

struct WithdrawalSnapshot: Encodable {
    var agreement: Agreement
    var deadlines: [Deadline]
}
