
/// How each termination right yields its end date.
extension Portfolio {
    /// Ordinary notice: the termination rule's period after the notice, else the renewal term
    /// or the term's notice period; nil end when nothing recorded gives one (the caller falls back
    /// to the notice date with a warning, or uses the end entered by hand).
    func ordinaryEnd(_ agreement: Agreement, rules: [NoticeRule], by: Actor, date: CivilDate) throws -> (NoticeRule?, CivilDate?, String) {
        if var rule = planner.terminationRule(in: rules, by: by, right: .ordinary) {
            // The agreement ends when the notice period runs out, even on a Sunday: R5 moves the last day to
            // *act*, not the end of a period. Rolling the end would also push every follow-on deadline later.
            rule.roll = .noRoll
            let c = planner.compute(rule: rule, calendar: agreement.calendar, anchor: date, anchorLabel: "notice given")
            return (rule, c.dueDate, c.explanation)
        }
        if let schedule = RenewalSchedule(agreement: agreement) {
            // Auto-renewal: notice stops the next renewal; the agreement runs to the end of the first
            // term whose latest notice day (term end − notice period, R6) is not before the notice date.
            var k = 0
            while schedule.noticeDeadline(k).rawDate < date && k < 10_000 { k += 1 }
            let c = schedule.noticeDeadline(k)
            let end = schedule.termEnd(k)
            return (nil, end, "Notice given \(date.humanText) stops the renewal after term \(k + 1), which ends \(end.humanText) "
                + "(\(schedule.notice) notice before a term ends: latest \(c.rawDate.humanText))")
        }
        if let notice = agreement.term.noticePeriod {
            let c = DeadlineEngine().compute(DeadlineInput(anchor: date, period: notice, direction: .after,
                                                           calendar: agreement.calendar, roll: .noRoll,
                                                           anchorLabel: "notice given"))
            return (nil, c.dueDate, c.explanation + " (the agreement's term notice period)")
        }
        return (nil, nil, "No termination period recorded")
    }

    /// The rule giving a non-ordinary right to the party giving notice, or a precise refusal.
    func specialRule(_ agreement: Agreement, rules: [NoticeRule], request: TerminationRequest) throws -> NoticeRule {
        let given = rules.filter { $0.trigger == .terminationNotice && $0.right == request.right }
        let available = TerminationRight.allCases.filter { r in r == .ordinary || rules.contains { $0.trigger == .terminationNotice && $0.right == r } }
        guard !given.isEmpty else {
            throw VarselError(.invalidInput, "\(agreement.title) gives no right to terminate \(request.right.label)", at: "right",
                              fix: "Use one of its rights: \(available.map(\.rawValue).joined(separator: ", "))")
        }
        guard let rule = planner.terminationRule(in: rules, by: request.by, right: request.right) else {
            let holder = given.first?.terminationBy == .us ? "us" : "the counterparty"
            let refs = given.compactMap(\.clauseRef).joined(separator: ", ")
            throw VarselError(.invalidInput, "Clause \(refs.isEmpty ? "?" : refs) gives the right to terminate \(request.right.label) to \(holder) only",
                              at: "by", fix: "Record it as given by \(holder == "us" ? "us" : "them"), or use another right: \(available.map(\.rawValue).joined(separator: ", "))")
        }
        return rule
    }

    /// After an objection: the agreement ends the day the objected change would apply.
    /// nil end when the change notice has no effective date and the end is entered by hand.
    func afterObjectionEnd(_ tx: any PortfolioRecords, _ agreement: Agreement, rule: NoticeRule, request: TerminationRequest,
                           warnings: inout [String]) throws -> (CivilDate?, String) {
        let ref = rule.clauseRef.map { " (\($0))" } ?? ""
        guard let noticeId = request.changeNoticeId else {
            throw VarselError(.invalidInput, "Terminating after an objection\(ref) needs the change notice objected to", at: "change",
                              fix: "Name it with --change (see `varsel notices`)")
        }
        guard let notice = try tx.record(ChangeNotice.self, id: noticeId), notice.agreementId == agreement.id else {
            throw VarselError(.notFound, "No change notice \"\(noticeId)\" on \(agreement.title)", at: "change",
                              fix: "List its change notices with `varsel notices`")
        }
        guard try !tx.activeObjections(changeNoticeId: notice.id).isEmpty else {
            throw VarselError(.conflict, "There is no objection to change notice \(notice.id); \(rule.clauseRef ?? "the clause") allows this termination only after an objection",
                              at: "change", fix: "Record the objection first (`varsel object \(notice.id) …`), or use ordinary notice")
        }
        guard let applies = notice.effectiveDate else {
            if request.end != nil { return (nil, "Change notice \(notice.id) has no date on which the change applies") }
            throw VarselError(.invalidInput, "Change notice \(notice.id) has no date on which the change applies, so the termination has no end date",
                              at: "change", fix: "Record the change's effective date on the notice, enter the end date by hand (--end with --end-reason; "
                                  + "in the form: Set end date, Reason for end), or use ordinary notice")
        }
        if request.date > applies {
            warnings.append("The change applied on \(applies.iso), before this notice: the termination takes effect at once")
            return (request.date, "Terminated after the objection to \(notice.id)\(ref); the change already applied \(applies.humanText), so it ends on the notice date \(request.date.humanText)")
        }
        return (applies, "Terminated after the objection to \(notice.id)\(ref): ends the day the change applies, \(applies.humanText)")
    }

    /// For cause, immediate effect; where the rule needs an uncured breach (PUB-avtal 9.1), a
    /// written demand by the same party whose cure period ended before the notice date.
    func forCauseEnd(_ tx: any PortfolioRecords, _ agreement: Agreement, rule: NoticeRule, rules: [NoticeRule],
                     request: TerminationRequest) throws -> (String, String?) {
        let ref = rule.clauseRef.map { " (\($0))" } ?? ""
        guard rule.eventKind == .breachDemand else {
            return ("Terminated for cause with immediate effect\(ref): ends on the notice date \(request.date.humanText)", nil)
        }
        let demands = try tx.events(agreementId: agreement.id, kind: .breachDemand, madeBy: request.by)
        let cure = planner.cureRules(rules, demandBy: request.by).first.map { planner.cureRule($0, demandBy: request.by) }
        var running: CivilDate?
        for demand in demands {
            let cureEnd = cure.map { planner.compute(rule: $0, calendar: agreement.calendar, anchor: demand.date, anchorLabel: "written demand to cure").dueDate } ?? demand.date
            if cureEnd < request.date {
                return ("Terminated for breach with immediate effect\(ref): the written demand of \(demand.date.humanText) was not cured by \(cureEnd.humanText); ends on the notice date \(request.date.humanText)", demand.id)
            }
            running = max(running ?? cureEnd, cureEnd)
        }
        let who = request.by == .us ? "us" : "them"
        if let running {
            throw VarselError(.conflict, "The cure period\(ref) runs until \(running.iso): termination for breach is possible from \(running.adding(days: 1).iso)",
                              at: "date", fix: "Wait until the cure period has run out without cure, or use ordinary notice")
        }
        throw VarselError(.conflict, "Termination for breach\(ref) needs a written demand to cure made by \(who), not cured within the cure period",
                          at: "right", fix: "Record the demand first (`varsel event \(agreement.id) --kind breach_demand --by \(who) …`), or use ordinary notice")
    }
}

extension Portfolio {
    /// The agreement's change notices we objected to, newest first (for the after-objection right).
    public func objectedChangeNotices(agreementId: String) throws -> [ChangeNotice] {
        try read { tx in
            try tx.changeNotices(agreementId: agreementId, status: .objected)
        }
    }
}
