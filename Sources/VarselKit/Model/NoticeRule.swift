/// The event a notice rule counts from.
public enum RuleTrigger: String, Codable, Sendable, CaseIterable {
    /// A change notice was received (objection windows). Anchor: received date.
    case changeNoticeReceived = "change_notice_received"
    /// A notified change takes effect. Anchor: the notice's effective date.
    case changeTakesEffect = "change_takes_effect"
    /// A termination notice was given; the period yields the date the agreement ends. Anchor: notice date.
    case terminationNotice = "termination_notice"
    /// The agreement ends (after termination or at the end of a fixed term). Anchor: end date.
    case agreementEnds = "agreement_ends"
    /// A recorded event of `eventKind` (incident discovered, audit planned, downtime, …). Anchor: event date.
    case event
}

/// Who must act on a rule.
public enum Actor: String, Codable, Sendable, CaseIterable {
    case us, them, either
}

/// A notice rule of an agreement: "the controller may object within four weeks of the notice (8.6.3)".
///
/// A rule has a period (value + unit) or is vague ("promptly", "skyndsamt"): vague rules get an
/// assumed period (the house default) so they still reach the agenda, flagged as assumed.
public struct NoticeRule: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    /// The clause the rule comes from, by its reference ("8.6.3").
    public var clauseRef: String?
    /// What is due, in the contract manager's words: "Object to the new sub-processor".
    public var title: String
    public var trigger: RuleTrigger
    /// For change triggers: the change kinds the rule applies to (empty = all kinds).
    public var changeKinds: [ChangeKind]
    /// For the `event` trigger: the event kind it counts from.
    public var eventKind: EventKind?
    /// For `terminationNotice`: whose notice the rule governs (`either` = mutual).
    public var terminationBy: Actor?
    /// nil when the wording is vague.
    public var period: Period?
    /// The vague wording as written ("skyndsamt", "promptly").
    public var vagueText: String?
    public var direction: DeadlineDirection
    public var actor: Actor
    public var writtenForm: Bool
    /// The agreement demands grounds for an objection ("sakliga skäl", "konkret saglig begrundelse").
    public var groundsRequired: Bool
    /// What the grounds must be, as the agreement words it.
    public var groundsText: String?
    /// R5 roll-forward for after-periods (on by default).
    public var rollForward: Bool
    /// R8 "till utgången av en månad".
    public var toEndOfMonth: Bool
    /// Our internal lead time: remind this long before the act-by date.
    public var leadTime: Period?
    /// Silence counts as approval (e.g. PUB-avtal 5.2).
    public var silenceIsApproval: Bool
    public var note: String?

    public init(id: String, agreementId: String, clauseRef: String?, title: String, trigger: RuleTrigger,
                changeKinds: [ChangeKind] = [], eventKind: EventKind? = nil, terminationBy: Actor? = nil,
                period: Period?, vagueText: String? = nil, direction: DeadlineDirection, actor: Actor,
                writtenForm: Bool = false, groundsRequired: Bool = false, groundsText: String? = nil,
                rollForward: Bool = true, toEndOfMonth: Bool = false, leadTime: Period? = nil,
                silenceIsApproval: Bool = false, note: String? = nil) {
        self.id = id; self.agreementId = agreementId; self.clauseRef = clauseRef; self.title = title
        self.trigger = trigger; self.changeKinds = changeKinds; self.eventKind = eventKind; self.terminationBy = terminationBy
        self.period = period; self.vagueText = vagueText; self.direction = direction; self.actor = actor
        self.writtenForm = writtenForm; self.groundsRequired = groundsRequired; self.groundsText = groundsText
        self.rollForward = rollForward; self.toEndOfMonth = toEndOfMonth; self.leadTime = leadTime
        self.silenceIsApproval = silenceIsApproval; self.note = note
    }

    /// True when the rule has no period of its own.
    public var isVague: Bool { period == nil }

    /// Whether this rule applies to a change notice of `kind`.
    public func applies(to kind: ChangeKind) -> Bool { changeKinds.isEmpty || changeKinds.contains(kind) }

    /// "4 weeks after", "at least 30 days before", "promptly (assumed 10 working days)".
    public func periodText(assumed: Period) -> String {
        guard let period else { return "\(vagueText ?? "vague") (assumed \(assumed))" }
        return direction == .after ? "\(period) after" : "at least \(period) before"
    }
}
