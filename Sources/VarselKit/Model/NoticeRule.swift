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
    /// A duty that recurs without any event ("at least yearly"): occurrence k falls `period`·k after
    /// `recursFrom`, counted in one step from it (R3). Our occurrences are stored one at a time;
    /// handling one opens the next.
    case recurring
}

/// An event a rule's window must close before ("object before the sub-processor is engaged").
public enum RuleCap: String, Codable, Sendable, CaseIterable {
    /// The notified change applies (the sub-processor is engaged): the change notice's effective date.
    case changeTakesEffect = "change_takes_effect"
    /// The agreement ends.
    case agreementEnds = "agreement_ends"

    /// Words for explanations: "the change applies".
    public var label: String {
        switch self {
        case .changeTakesEffect: "the change applies"
        case .agreementEnds: "the agreement ends"
        }
    }
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
    /// For `terminationNotice`: the right the rule gives (nil = ordinary notice). An
    /// `afterObjection` right ends the agreement on the objected change's effective date; a
    /// `forCause` right counts its period (usually 0 days: immediate) from the notice, and when
    /// the rule's `eventKind` is `breachDemand` it needs a demand whose cure period has run out.
    public var terminationRight: TerminationRight?
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
    /// Which way a due day that is not a deadline day moves (R5 forward, R9 earlier, none). Defaults by who
    /// acts: our after-periods forward, the other party's dates earlier, before-periods earlier (R6).
    public var roll: RollDirection
    /// The contract's own working-day definition for working-day periods (R4): eves excluded for bank
    /// days (PUB-avtal 2.1), Saturdays counted (Norwegian "virkedag").
    public var workingDays: WorkingDayOptions
    /// R10: the window must close before this event, whatever the period gives (Pureservice 8.6.3).
    public var capBefore: RuleCap?
    /// R8 "till utgången av en månad".
    public var toEndOfMonth: Bool
    /// Our internal lead time: remind this long before the act-by date.
    public var leadTime: Period?
    /// Silence counts as approval (e.g. PUB-avtal 5.2): when the window passes without objection the
    /// change is deemed accepted (`Portfolio.settleDeemedAcceptances()`).
    public var silenceIsApproval: Bool
    public var note: String?
    /// For the `recurring` trigger: the day the recurrence counts from (occurrence 1 is one period later).
    public var recursFrom: CivilDate?
    /// For change triggers: whose change notice the rule governs — `them` (the default, a notice
    /// received from the counterparty), `us` (a notice we give, e.g. Mobilize Me 8.1) or `either`.
    public var noticeBy: Actor?
    /// The contract's own words for the anchor, used in the explanation: "the defect occurred",
    /// "the damage was or should have been discovered". nil = the event kind's label.
    public var anchorText: String?
    /// The clause that requires the written form, when it is not `clauseRef` (Migrationsverket 11.3).
    public var writtenFormClause: String?

    public init(id: String, agreementId: String, clauseRef: String?, title: String, trigger: RuleTrigger,
                changeKinds: [ChangeKind] = [], eventKind: EventKind? = nil, terminationBy: Actor? = nil,
                period: Period?, vagueText: String? = nil, direction: DeadlineDirection, actor: Actor,
                writtenForm: Bool = false, groundsRequired: Bool = false, groundsText: String? = nil,
                roll: RollDirection? = nil, workingDays: WorkingDayOptions = .init(), capBefore: RuleCap? = nil,
                toEndOfMonth: Bool = false, leadTime: Period? = nil,
                silenceIsApproval: Bool = false, note: String? = nil, recursFrom: CivilDate? = nil,
                terminationRight: TerminationRight? = nil, noticeBy: Actor? = nil,
                anchorText: String? = nil, writtenFormClause: String? = nil) {
        self.id = id; self.agreementId = agreementId; self.clauseRef = clauseRef; self.title = title
        self.trigger = trigger; self.changeKinds = changeKinds; self.eventKind = eventKind; self.terminationBy = terminationBy
        self.period = period; self.vagueText = vagueText; self.direction = direction; self.actor = actor
        self.writtenForm = writtenForm; self.groundsRequired = groundsRequired; self.groundsText = groundsText
        self.roll = roll ?? .safeDefault(direction: direction, actor: actor)
        self.workingDays = workingDays; self.capBefore = capBefore
        self.toEndOfMonth = toEndOfMonth; self.leadTime = leadTime
        self.silenceIsApproval = silenceIsApproval; self.note = note; self.recursFrom = recursFrom
        self.terminationRight = terminationRight
        self.noticeBy = noticeBy; self.anchorText = anchorText; self.writtenFormClause = writtenFormClause
    }

    private enum LegacyKeys: String, CodingKey { case rollForward }

    /// Decodes; missing optional keys take their defaults, and the first format's `rollForward` flag is
    /// mapped (`false` = not rolled, otherwise the safe default by who acts).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        let direction = try c.decode(DeadlineDirection.self, forKey: .direction)
        let actor = try c.decode(Actor.self, forKey: .actor)
        let roll = try c.decodeIfPresent(RollDirection.self, forKey: .roll)
            ?? RollDirection.fromLegacy(rollForward: try legacy.decodeIfPresent(Bool.self, forKey: .rollForward),
                                        direction: direction, actor: actor)
        self.init(id: try c.decode(String.self, forKey: .id), agreementId: try c.decode(String.self, forKey: .agreementId),
                  clauseRef: try c.decodeIfPresent(String.self, forKey: .clauseRef), title: try c.decode(String.self, forKey: .title),
                  trigger: try c.decode(RuleTrigger.self, forKey: .trigger),
                  changeKinds: try c.decodeIfPresent([ChangeKind].self, forKey: .changeKinds) ?? [],
                  eventKind: try c.decodeIfPresent(EventKind.self, forKey: .eventKind),
                  terminationBy: try c.decodeIfPresent(Actor.self, forKey: .terminationBy),
                  period: try c.decodeIfPresent(Period.self, forKey: .period),
                  vagueText: try c.decodeIfPresent(String.self, forKey: .vagueText),
                  direction: direction, actor: actor,
                  writtenForm: try c.decodeIfPresent(Bool.self, forKey: .writtenForm) ?? false,
                  groundsRequired: try c.decodeIfPresent(Bool.self, forKey: .groundsRequired) ?? false,
                  groundsText: try c.decodeIfPresent(String.self, forKey: .groundsText),
                  roll: roll,
                  workingDays: try c.decodeIfPresent(WorkingDayOptions.self, forKey: .workingDays) ?? .init(),
                  capBefore: try c.decodeIfPresent(RuleCap.self, forKey: .capBefore),
                  toEndOfMonth: try c.decodeIfPresent(Bool.self, forKey: .toEndOfMonth) ?? false,
                  leadTime: try c.decodeIfPresent(Period.self, forKey: .leadTime),
                  silenceIsApproval: try c.decodeIfPresent(Bool.self, forKey: .silenceIsApproval) ?? false,
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  recursFrom: try c.decodeIfPresent(CivilDate.self, forKey: .recursFrom),
                  terminationRight: try c.decodeIfPresent(TerminationRight.self, forKey: .terminationRight),
                  noticeBy: try c.decodeIfPresent(Actor.self, forKey: .noticeBy),
                  anchorText: try c.decodeIfPresent(String.self, forKey: .anchorText),
                  writtenFormClause: try c.decodeIfPresent(String.self, forKey: .writtenFormClause))
    }

    /// The right a termination rule gives (ordinary when not set).
    public var right: TerminationRight { terminationRight ?? .ordinary }

    /// True when the rule has no period of its own.
    public var isVague: Bool { period == nil }

    /// Whether this rule applies to a change notice of `kind`.
    public func applies(to kind: ChangeKind) -> Bool { changeKinds.isEmpty || changeKinds.contains(kind) }

    /// Whether an objection to `notice` must state grounds under this rule (some agreements demand
    /// objective grounds); a termination rule never asks for them.
    public func requiresGrounds(forObjectionTo notice: ChangeNotice) -> Bool {
        groundsRequired && applies(to: notice.kind) && trigger != .terminationNotice
    }

    /// Whose change notices the rule governs (`them` unless stated).
    public var governsNoticesBy: Actor { noticeBy ?? .them }

    /// Whether this rule applies to a change notice of `kind` given by `givenBy`: a rule fires only
    /// for notices given by the party it names (Mobilize Me 8.1 governs our notices, not theirs).
    public func applies(to kind: ChangeKind, givenBy: Actor) -> Bool {
        applies(to: kind) && (governsNoticesBy == .either || governsNoticesBy == givenBy)
    }

    /// The clause that requires the written form ("11.3"), falling back to the rule's own clause.
    public var writtenFormRef: String? { writtenFormClause ?? clauseRef }

    /// "4 weeks after", "at least 30 days before", "promptly (assumed 10 working days)".
    public func periodText(assumed: Period) -> String {
        if trigger == .terminationNotice && right != .ordinary && period == nil {
            return right == .forCause ? "immediate effect" : "ends the day the objected change applies"
        }
        guard let period else { return "\(vagueText ?? "vague") (assumed \(assumed))" }
        if trigger == .recurring { return "every \(period)" + (recursFrom.map { " from \($0.humanText)" } ?? "") }
        return direction == .after ? "\(period) after" : "at least \(period) before"
    }
}
