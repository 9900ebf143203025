import GRDB

/// What recording a termination notice would do.
public struct TerminationPreview: Sendable {
    public var rule: NoticeRule?
    /// The day the agreement ends.
    public var endDate: CivilDate
    public var explanation: String
    /// Deadlines that follow from the end (data return, delete-or-return decisions).
    public var followOn: [Deadline]
    public var warnings: [String]
}

extension Portfolio {
    /// Computes the end date and follow-on deadlines of a termination notice, without writing.
    public func previewTermination(agreementId: String, by: Actor, date: CivilDate) throws -> TerminationPreview {
        try store.writer.read { db in try terminationPreview(db, agreementId: agreementId, by: by, date: date, terminationId: "preview") }
    }

    /// Records a termination notice given by us or received from them: the agreement gets its end
    /// date and status `terminating`, and the follow-on deadlines open.
    @discardableResult
    public func recordTermination(agreementId: String, by: Actor, date: CivilDate, channel: Channel = .letter,
                                  note: String? = nil) throws -> (TerminationNotice, TerminationPreview) {
        try write { db in
            let id = ids.make("tn")
            let p = try terminationPreview(db, agreementId: agreementId, by: by, date: date, terminationId: id)
            var agreement = try agreement(db, agreementId)
            let notice = TerminationNotice(id: id, agreementId: agreementId, givenBy: by, noticeDate: date, channel: channel,
                                           ruleId: p.rule?.id, endDate: p.endDate, explanation: p.explanation, note: note)
            try notice.insert(db)
            let before = agreement
            agreement.endDate = p.endDate
            agreement.status = .terminating
            try agreement.update(db)
            for d in p.followOn { try d.insert(db) }
            let who = by == .us ? "given by us" : "received from the counterparty"
            return ((notice, p), AuditNote(action: "record_termination", entityType: "termination", entityId: id,
                                           summary: "Termination of \(agreement.title) \(who) on \(date.iso); ends \(p.endDate.iso); \(p.followOn.count) follow-on deadline(s)",
                                           before: before, after: TerminationSnapshot(termination: notice, agreement: agreement, deadlines: p.followOn)))
        }
    }

    private func terminationPreview(_ db: Database, agreementId: String, by: Actor, date: CivilDate,
                                    terminationId: String) throws -> TerminationPreview {
        let agreement = try agreement(db, agreementId)
        guard by == .us || by == .them else {
            throw VarselError(.invalidInput, "A termination notice is given by \"us\" or \"them\"", at: "by")
        }
        if agreement.status == .ended || agreement.status == .terminating {
            throw VarselError(.conflict, "\(agreement.title) is already \(agreement.status.rawValue) (ends \(agreement.endDate?.iso ?? "?"))",
                              at: "agreement", fix: "A termination notice is recorded once per agreement")
        }
        if date > clock.today {
            throw VarselError(.invalidInput, "Notice date \(date.iso) is after today (\(clock.today.iso))", at: "date",
                              fix: "Record the notice when it is given or received; use `varsel calc` to plan")
        }
        let rules = try rules(db, agreementId: agreementId)
        var warnings: [String] = []
        let rule = planner.terminationRule(in: rules, by: by)
        let endDate: CivilDate
        let explanation: String
        if var rule {
            // The agreement ends when the notice period runs out, even on a Sunday: R5 moves the last day to
            // *act*, not the end of a period. Rolling the end would also push every follow-on deadline later.
            rule.roll = .noRoll
            let c = planner.compute(rule: rule, calendar: agreement.calendar, anchor: date, anchorLabel: "notice given")
            endDate = c.dueDate
            explanation = c.explanation
            if rule.writtenForm { warnings.append("Clause \(rule.clauseRef ?? "?") requires the notice in writing") }
        } else if let schedule = RenewalSchedule(agreement: agreement) {
            // Auto-renewal: notice stops the next renewal; the agreement runs to the end of the first
            // term whose latest notice day (term end − notice period, R6) is not before the notice date.
            var k = 0
            while schedule.noticeDeadline(k).rawDate < date && k < 10_000 { k += 1 }
            let c = schedule.noticeDeadline(k)
            endDate = schedule.termEnd(k)
            explanation = "Notice given \(date.humanText) stops the renewal after term \(k + 1), which ends \(endDate.humanText) "
                + "(\(schedule.notice) notice before a term ends: latest \(c.rawDate.humanText))"
        } else if let notice = agreement.term.noticePeriod {
            let c = DeadlineEngine().compute(DeadlineInput(anchor: date, period: notice, direction: .after,
                                                           calendar: agreement.calendar, roll: .noRoll,
                                                           anchorLabel: "notice given"))
            endDate = c.dueDate
            explanation = c.explanation + " (the agreement's term notice period)"
        } else {
            endDate = date
            explanation = "No termination period recorded: the agreement ends on the notice date \(date.humanText)"
            warnings.append("The agreement has no termination notice rule; check the end date by hand")
        }
        var finalEnd = endDate
        var finalExplanation = explanation
        if let fixedEnd = agreement.endDate, fixedEnd < endDate {
            // Notice can end an agreement earlier, never later than it already ends.
            warnings.append("The agreement already ends \(fixedEnd.iso), before the notice period runs out; it still ends \(fixedEnd.iso)")
            finalEnd = fixedEnd
            finalExplanation = "Ends on its fixed end date \(fixedEnd.humanText), before the notice period runs out (\(explanation))"
        }
        let followOn = planner.deadlines(forEnd: finalEnd, terminationId: terminationId, rules: rules, calendar: agreement.calendar)
        return TerminationPreview(rule: rule, endDate: finalEnd, explanation: finalExplanation, followOn: followOn, warnings: warnings)
    }
}

struct TerminationSnapshot: Encodable {
    var termination: TerminationNotice
    var agreement: Agreement
    var deadlines: [Deadline]
}
