/// The answers reads compute without the backend, on one day: agenda items, renewal notice days
/// (computed, never stored until handled), and what a rule gives if its event happened today.
package struct ReadContext: Sendable {
    package let today: CivilDate
    package let planner: DeadlinePlanner

    package init(today: CivilDate, planner: DeadlinePlanner = DeadlinePlanner()) { self.today = today; self.planner = planner }

    /// Merges two sorted arrays into one sorted array.
    package static func merge<T>(_ a: [T], _ b: [T], by before: (T, T) -> Bool) -> [T] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [T] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if before(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...]); out.append(contentsOf: b[j...])
        return out
    }

    package func item(_ d: Deadline, title: String, counterparty: String) -> AgendaItem {
        let left = d.daysLeft(today: today)
        return AgendaItem(deadline: d, agreementTitle: title, counterparty: counterparty, daysLeft: left,
                          window: AgendaWindow(daysLeft: left), status: d.status(today: today))
    }

    /// The id of the renewal notice deadline for term `k` (0-based) of an agreement.
    package static func renewalDeadlineId(agreementId: String, term k: Int) -> String { "dl-term-\(agreementId)-\(k + 1)" }

    /// The notice day that stops the next renewal, as a deadline (not stored until handled).
    package func renewalDeadline(_ agreement: Agreement, term: Int? = nil) -> Deadline? {
        guard agreement.status == .active, let schedule = RenewalSchedule(agreement: agreement) else { return nil }
        return renewalDeadline(agreementId: agreement.id, schedule: schedule, term: term ?? schedule.currentTerm(today: today))
    }

    package func renewalDeadline(agreementId: String, schedule: RenewalSchedule, term k: Int) -> Deadline {
        let c = schedule.noticeDeadline(k)
        return Deadline(id: Self.renewalDeadlineId(agreementId: agreementId, term: k), agreementId: agreementId, ruleId: nil, sourceKind: .term,
                        sourceId: agreementId, what: "Give notice to stop the renewal (term \(k + 1) ends \(schedule.termEnd(k).iso))",
                        actor: .us, clauseRef: nil, anchorDate: schedule.termEnd(k), rawDate: c.rawDate, dueDate: c.dueDate,
                        actByDate: c.actByDate, explanation: c.explanation, writtenForm: false)
    }

    /// A rule with the dates it gives if its event happened today.
    package func ruleView(_ rule: NoticeRule, clauses: [Clause], calendar: CalendarID) -> RuleView {
        if rule.trigger == .recurring { return recurringRuleView(rule, clauses: clauses, calendar: calendar) }
        if rule.trigger == .terminationNotice && rule.right != .ordinary {
            // These rights take their end date from the notice day or the objected change, not a period.
            let text = rule.right == .forCause
                ? "notice given today → agreement ends today, \(today.humanText) (immediate effect)"
                    + (rule.eventKind == .breachDemand ? "; only after a written demand not cured in time" : "")
                : "notice given today → agreement ends the day the objected change applies"
            return RuleView(rule: rule, clause: clauses.first { $0.reference == rule.clauseRef },
                            periodText: rule.periodText(assumed: planner.vagueDefault), ifTodayText: text)
        }
        let label: String
        switch rule.trigger {
        case .changeNoticeReceived: label = "notice received"
        case .changeTakesEffect: label = "change applies"
        case .terminationNotice: label = "notice given"
        case .agreementEnds: label = "agreement ends"
        case .event: label = rule.eventKind?.label.lowercased() ?? "event"
        case .recurring: label = "recurrence start"
        }
        let anchor = rule.anchorText ?? label
        let c = planner.compute(rule: rule, calendar: calendar, anchor: today, anchorLabel: anchor)
        let verb: String
        switch (rule.trigger, rule.actor, rule.direction) {
        case (.terminationNotice, _, _): verb = "agreement ends"
        case (_, .them, .before): verb = "they must notify by"
        case (_, .them, .after): verb = "they must act by"
        default: verb = "act by"
        }
        return RuleView(rule: rule, clause: clauses.first { $0.reference == rule.clauseRef },
                        periodText: rule.periodText(assumed: planner.vagueDefault),
                        ifTodayText: "\(anchor) today → \(verb) \(c.actByDate.humanText)" + (c.wasRolled ? " (rolled from \(c.rawDate.humanText))" : ""))
    }

    /// A recurring rule with its next occurrence from today (ours are also on the agenda; theirs
    /// are shown here only, as other rules for the counterparty).
    func recurringRuleView(_ rule: NoticeRule, clauses: [Clause], calendar: CalendarID) -> RuleView {
        let verb = rule.actor == .them ? "they must act by" : "act by"
        let text: String
        let k = planner.firstOccurrence(of: rule, calendar: calendar, actByOnOrAfter: today)
        if let d = planner.occurrence(k, of: rule, calendar: calendar) {
            text = "Next: occurrence \(k) → \(verb) \(d.actByDate.humanText) (\(d.explanation))"
        } else {
            text = "no start day recorded (recursFrom): its occurrences have no dates"
        }
        return RuleView(rule: rule, clause: clauses.first { $0.reference == rule.clauseRef },
                        periodText: rule.periodText(assumed: planner.vagueDefault), ifTodayText: text)
    }

}
