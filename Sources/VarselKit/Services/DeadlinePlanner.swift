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
                        assumed: rule.isVague, writtenForm: rule.writtenForm, groundsRequired: rule.groundsRequired)
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
    public func deadlines(for notice: ChangeNotice, rules: [NoticeRule], calendar: CalendarID,
                          agreementEnd: CivilDate? = nil) -> [Deadline] {
        rules.filter { $0.actor != .them && $0.applies(to: notice.kind) }.compactMap { rule in
            switch rule.trigger {
            case .changeNoticeReceived:
                return deadline(rule: rule, calendar: calendar, sourceKind: .changeNotice, sourceId: notice.id,
                                anchor: notice.receivedDate, anchorLabel: "notice received",
                                capDate: capDate(rule, effectiveDate: notice.effectiveDate, agreementEnd: agreementEnd))
            case .changeTakesEffect:
                guard let effective = notice.effectiveDate else { return nil }
                return deadline(rule: rule, calendar: calendar, sourceKind: .changeNotice, sourceId: notice.id,
                                anchor: effective, anchorLabel: "change applies")
            default:
                return nil
            }
        }
    }

    /// Checks the counterparty's duty to notify in time ("at least 14 days before the change applies").
    /// Returns one warning per rule the notice breaks.
    public func lateNoticeWarnings(for notice: ChangeNotice, rules: [NoticeRule], calendar: CalendarID) -> [String] {
        guard let effective = notice.effectiveDate else { return [] }
        return rules.filter { $0.actor == .them && $0.trigger == .changeTakesEffect && $0.applies(to: notice.kind) }
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

    /// The termination rule that governs a notice given by `by`, if the agreement has one.
    public func terminationRule(in rules: [NoticeRule], by: Actor) -> NoticeRule? {
        let candidates = rules.filter { $0.trigger == .terminationNotice }
        return candidates.first { $0.terminationBy == by } ?? candidates.first { $0.terminationBy == .either || $0.terminationBy == nil }
    }

    /// Deadlines that follow from the agreement ending on `endDate` (data return, delete-or-return decisions).
    public func deadlines(forEnd endDate: CivilDate, terminationId: String, rules: [NoticeRule], calendar: CalendarID) -> [Deadline] {
        rules.filter { $0.trigger == .agreementEnds && $0.actor != .them }.map { rule in
            deadline(rule: rule, calendar: calendar, sourceKind: .termination, sourceId: terminationId,
                     anchor: endDate, anchorLabel: "agreement ends")
        }
    }

    /// Deadlines a recorded event starts (incident report, audit notice, SLA claim, …).
    public func deadlines(for event: AgreementEvent, rules: [NoticeRule], calendar: CalendarID,
                          agreementEnd: CivilDate? = nil) -> [Deadline] {
        rules.filter { $0.trigger == .event && $0.eventKind == event.kind && $0.actor != .them }.map { rule in
            deadline(rule: rule, calendar: calendar, sourceKind: .event, sourceId: event.id, anchor: event.date,
                     anchorMinutes: event.minutes, anchorLabel: event.kind.label.lowercased(),
                     capDate: capDate(rule, effectiveDate: nil, agreementEnd: agreementEnd))
        }
    }
}
