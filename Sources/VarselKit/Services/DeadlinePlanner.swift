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

    /// Computes the dates a rule gives for an anchor day.
    public func compute(rule: NoticeRule, calendar: CalendarID, anchor: CivilDate, anchorMinutes: Int? = nil,
                        anchorLabel: String) -> DeadlineComputation {
        let input = DeadlineInput(anchor: anchor, anchorMinutes: anchorMinutes, period: rule.period ?? vagueDefault,
                                  direction: rule.direction, calendar: calendar, rollForward: rule.rollForward,
                                  toEndOfMonth: rule.toEndOfMonth, anchorLabel: anchorLabel, clause: rule.clauseRef)
        return engine.compute(input)
    }

    /// A deadline for us from a rule and its anchor, with a stable id derived from rule and source,
    /// so that recomputing never duplicates.
    public func deadline(rule: NoticeRule, calendar: CalendarID, sourceKind: DeadlineSourceKind, sourceId: String,
                         anchor: CivilDate, anchorMinutes: Int? = nil, anchorLabel: String) -> Deadline {
        let c = compute(rule: rule, calendar: calendar, anchor: anchor, anchorMinutes: anchorMinutes, anchorLabel: anchorLabel)
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

    /// Deadlines a change notice opens for us: objection windows counted from its receipt and
    /// decisions counted back from the day the change applies.
    public func deadlines(for notice: ChangeNotice, rules: [NoticeRule], calendar: CalendarID) -> [Deadline] {
        rules.filter { $0.actor != .them && $0.applies(to: notice.kind) }.compactMap { rule in
            switch rule.trigger {
            case .changeNoticeReceived:
                return deadline(rule: rule, calendar: calendar, sourceKind: .changeNotice, sourceId: notice.id,
                                anchor: notice.receivedDate, anchorLabel: "notice received")
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
    public func deadlines(for event: AgreementEvent, rules: [NoticeRule], calendar: CalendarID) -> [Deadline] {
        rules.filter { $0.trigger == .event && $0.eventKind == event.kind && $0.actor != .them }.map { rule in
            deadline(rule: rule, calendar: calendar, sourceKind: .event, sourceId: event.id, anchor: event.date,
                     anchorMinutes: event.minutes, anchorLabel: event.kind.label.lowercased())
        }
    }
}
