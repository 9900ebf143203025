/// Turns notice rules and recorded events into concrete deadlines.
///
/// Pure: no database, no clock. The portfolio service stores what it returns.
public struct DeadlinePlanner: Sendable {
    /// The period assumed for vague wording ("promptly"), e.g. 10 working days.
    public var vagueDefault: Period
    let engine = DeadlineEngine()

    public init(vagueDefault: Period = Period(10, .workingDays)) {
        self.vagueDefault = vagueDefault
    }

    /// Computes the dates a rule gives for an anchor day. `capDate` is the day of the event the rule's
    /// window must close before (`capBefore`), when known.
    public func compute(rule: NoticeRule, calendar: CalendarID, anchor: CivilDate, anchorMinutes: Int? = nil,
                        anchorLabel: String, capDate: CivilDate? = nil) -> DeadlineComputation {
        let input = DeadlineInput(anchor: anchor, anchorMinutes: anchorMinutes, period: rule.period ?? vagueDefault,
                                  direction: rule.direction, calendar: calendar, roll: rule.roll,
                                  toEndOfMonth: rule.toEndOfMonth, workingDayOptions: rule.workingDays,
                                  anchorLabel: anchorLabel, clause: rule.clauseRef,
                                  capBefore: rule.capBefore == nil ? nil : capDate,
                                  capLabel: rule.capBefore?.label ?? "the event")
        return engine.compute(input)
    }

    /// A deadline for us from a rule and its anchor, with a stable id derived from rule and source,
    /// so that recomputing never duplicates.
    public func deadline(rule: NoticeRule, calendar: CalendarID, sourceKind: DeadlineSourceKind, sourceId: String,
                         anchor: CivilDate, anchorMinutes: Int? = nil, anchorLabel: String,
                         capDate: CivilDate? = nil) -> Deadline {
        let c = compute(rule: rule, calendar: calendar, anchor: anchor, anchorMinutes: anchorMinutes,
                        anchorLabel: anchorLabel, capDate: capDate)
        var explanation = c.explanation
        if rule.isVague {
            explanation = "\"\(rule.vagueText ?? "vague")\" has no date of its own; assumed \(vagueDefault): " + explanation
        }
        let remind = rule.leadTime.map { lead in
            engine.compute(DeadlineInput(anchor: c.actByDate, period: lead, direction: .before, calendar: calendar)).actByDate
        }
        return Deadline(id: "dl-\(sourceId)-\(rule.id)", agreementId: rule.agreementId, ruleId: rule.id,
                        sourceKind: sourceKind, sourceId: sourceId, what: rule.title, actor: rule.actor,
                        clauseRef: rule.clauseRef, anchorDate: anchor, rawDate: c.rawDate, dueDate: c.dueDate,
                        actByDate: c.actByDate, dueMinutes: c.dueMinutes, remindDate: remind, explanation: explanation,
                        assumed: rule.isVague, writtenForm: rule.writtenForm, groundsRequired: rule.groundsRequired,
                        silenceIsApproval: rule.silenceIsApproval)
    }

    /// The rules that open deadlines for us (or both) from a change notice of this kind given by this party.
    public func ownRules(for notice: ChangeNotice, in rules: [NoticeRule]) -> [NoticeRule] {
        rules.filter { $0.actor != .them && $0.applies(to: notice.kind, givenBy: notice.givenBy)
            && ($0.trigger == .changeNoticeReceived || $0.trigger == .changeTakesEffect) }
    }

    /// The rules of `rules` that count back from the day the change applies and so cannot open a
    /// deadline for `notice` without its effective date (Mobilize Me 2.2: approval before use).
    public func rulesNeedingEffectiveDate(for notice: ChangeNotice, in rules: [NoticeRule]) -> [NoticeRule] {
        guard notice.effectiveDate == nil else { return [] }
        return ownRules(for: notice, in: rules).filter { $0.trigger == .changeTakesEffect }
    }

    /// The day of the event `rule` must close before, from what is known: the change notice's effective
    /// date, the agreement's end date.
    func capDate(_ rule: NoticeRule, effectiveDate: CivilDate?, agreementEnd: CivilDate?) -> CivilDate? {
        switch rule.capBefore {
        case .changeTakesEffect: effectiveDate
        case .agreementEnds: agreementEnd
        case nil: nil
        }
    }

    /// Deadlines a change notice opens for us: objection windows counted from its receipt and
    /// decisions counted back from the day the change applies.
    /// Only rules governing notices given by the notice's giver fire (`NoticeRule.noticeBy`).
    public func deadlines(for notice: ChangeNotice, rules: [NoticeRule], calendar: CalendarID,
                          agreementEnd: CivilDate? = nil) -> [Deadline] {
        ownRules(for: notice, in: rules).compactMap { rule in
            var d: Deadline
            switch rule.trigger {
            case .changeNoticeReceived:
                d = deadline(rule: rule, calendar: calendar, sourceKind: .changeNotice, sourceId: notice.id,
                             anchor: notice.receivedDate, anchorLabel: rule.anchorText ?? "notice received",
                             capDate: capDate(rule, effectiveDate: notice.effectiveDate, agreementEnd: agreementEnd))
            case .changeTakesEffect:
                guard let effective = notice.effectiveDate else { return nil }
                d = deadline(rule: rule, calendar: calendar, sourceKind: .changeNotice, sourceId: notice.id,
                             anchor: effective, anchorLabel: rule.anchorText ?? "change applies")
            default:
                return nil
            }
            d.flag = notice.transferFlag
            return d
        }
    }

    /// Checks the counterparty's duty to notify in time ("at least 14 days before the change applies").
    /// Returns one warning per rule the notice breaks.
    public func lateNoticeWarnings(for notice: ChangeNotice, rules: [NoticeRule], calendar: CalendarID) -> [String] {
        guard let effective = notice.effectiveDate, notice.givenBy == .them else { return [] }
        return rules.filter { $0.actor == .them && $0.trigger == .changeTakesEffect && $0.applies(to: notice.kind, givenBy: .them) }
            .compactMap { rule in
                let c = compute(rule: rule, calendar: calendar, anchor: effective, anchorLabel: "change applies")
                guard notice.receivedDate > c.rawDate else { return nil }
                let ref = rule.clauseRef.map { " (\($0))" } ?? ""
                return "Notice came late: received \(notice.receivedDate.humanText), but \(c.explanation)\(ref)"
            }
    }

    /// One warning per deadline whose act-by day has already passed when it is created (a late notice, a
    /// window capped before the notice arrived): it counts as missed at once.
    public func missedAtOnceWarnings(_ deadlines: [Deadline], today: CivilDate) -> [String] {
        deadlines.filter { $0.actByDate < today }.map { d in
            let ref = d.clauseRef.map { " (\($0))" } ?? ""
            return "Already missed: \"\(d.what)\"\(ref) had to be done by \(d.actByDate.humanText), before today (\(today.humanText))"
        }
    }

    /// The termination rule that governs a notice given by `by` using `right`, if the agreement has one.
    public func terminationRule(in rules: [NoticeRule], by: Actor, right: TerminationRight = .ordinary) -> NoticeRule? {
        let candidates = rules.filter { $0.trigger == .terminationNotice && $0.right == right }
        return candidates.first { $0.terminationBy == by } ?? candidates.first { $0.terminationBy == .either || $0.terminationBy == nil }
    }

    /// Deadlines that follow from the agreement ending on `endDate` (data return, delete-or-return decisions).
    /// `sourceKind` is `.termination` (source: the termination notice, also for agreements that end
    /// with the terminated parent) or `.agreementEnd` (source: the agreement; a known end without a termination).
    public func deadlines(forEnd endDate: CivilDate, terminationId: String, rules: [NoticeRule], calendar: CalendarID,
                          sourceKind: DeadlineSourceKind = .termination) -> [Deadline] {
        rules.filter { $0.trigger == .agreementEnds && $0.actor != .them }.map { rule in
            var d = deadline(rule: rule, calendar: calendar, sourceKind: sourceKind, sourceId: terminationId,
                             anchor: endDate, anchorLabel: "agreement ends")
            if sourceKind == .agreementEnd { d.id = "dl-end-\(terminationId)-\(rule.id)" }
            return d
        }
    }

    /// Deadlines a recorded event starts (incident report, audit notice, SLA claim, …).
    ///
    /// A written demand to cure a breach (`breachDemand`) opens the cure period of the party that
    /// must cure — the other party than the one who made the demand; the rule's actor names who
    /// must cure (`either` for a mutual clause such as PUB-avtal 9.1). If we must cure, it is our
    /// deadline; if they must, it tells us from which day we may terminate for breach.
    public func deadlines(for event: AgreementEvent, rules: [NoticeRule], calendar: CalendarID,
                          agreementEnd: CivilDate? = nil) -> [Deadline] {
        if event.kind == .breachDemand { return cureDeadlines(for: event, rules: rules, calendar: calendar) }
        return rules.filter { $0.trigger == .event && $0.eventKind == event.kind && $0.actor != .them }.map { rule in
            deadline(rule: rule, calendar: calendar, sourceKind: .event, sourceId: event.id, anchor: event.date,
                     anchorMinutes: event.minutes, anchorLabel: rule.anchorText ?? event.kind.label.lowercased(),
                     capDate: capDate(rule, effectiveDate: nil, agreementEnd: agreementEnd))
        }
    }

    /// The cure rules for a breach demand made by `madeBy` (the other party must cure).
    public func cureRules(_ rules: [NoticeRule], demandBy madeBy: Actor?) -> [NoticeRule] {
        guard let madeBy, madeBy != .either else { return [] }
        let cureBy: Actor = madeBy == .us ? .them : .us
        return rules.filter { $0.trigger == .event && $0.eventKind == .breachDemand && ($0.actor == .either || $0.actor == cureBy) }
    }

    /// A cure rule as it counts for a demand made by `madeBy`: unless the rule says "none", the last
    /// day of the cure period rolls to the safe side — forward when they must cure (we may terminate
    /// only after it), earlier when we must cure (R9).
    public func cureRule(_ rule: NoticeRule, demandBy madeBy: Actor) -> NoticeRule {
        var r = rule
        if r.roll != .noRoll { r.roll = madeBy == .us ? .forward : .backward }
        return r
    }

    func cureDeadlines(for event: AgreementEvent, rules: [NoticeRule], calendar: CalendarID) -> [Deadline] {
        cureRules(rules, demandBy: event.madeBy).map { cureRule($0, demandBy: event.madeBy ?? .us) }.map { rule in
            var d = deadline(rule: rule, calendar: calendar, sourceKind: .event, sourceId: event.id, anchor: event.date,
                             anchorLabel: "written demand to cure")
            let ref = rule.clauseRef.map { " (\($0))" } ?? ""
            d.actor = .us
            if event.madeBy == .us {
                // They must cure: the cure period's last day, rolled forward; we may terminate after it.
                d.what = "Cure period ends\(ref): they must cure by \(d.dueDate.iso); from \(d.dueDate.adding(days: 1).iso) we may terminate for breach"
            } else {
                // We must cure: by the act-by day (rolled earlier); they may terminate after the period's own last day.
                d.what = "Cure the breach\(ref) by \(d.actByDate.iso): from \(d.rawDate.adding(days: 1).iso) they may terminate for breach"
            }
            return d
        }
    }
}
