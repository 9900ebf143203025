/// What produced a deadline.
public enum DeadlineSourceKind: String, Codable, Sendable, CaseIterable {
    case changeNotice = "change_notice"
    case termination
    case event
    /// The end of the current term of an auto-renewing agreement.
    case term
    /// One occurrence of a recurring duty; the source id is `RULE#k` (`Recurrence.sourceId`).
    case recurrence
    /// The agreement's known end without a termination (fixed end date or fixed term, or the
    /// parent's end for an agreement that ends with its parent). Source id: the agreement id.
    case agreementEnd = "agreement_end"
}

/// Stored state of a deadline.
public enum DeadlineState: String, Codable, Sendable, CaseIterable {
    case open, handled
}

/// How a handled deadline was closed, when not by someone acting on it.
public enum DeadlineResolution: String, Codable, Sendable, CaseIterable {
    /// The window passed without objection and the rule makes silence approval (PUB 5.2).
    case deemedAccepted = "deemed_accepted"
}

/// How a deadline stands on a given day.
public enum DeadlineStatus: String, Codable, Sendable, CaseIterable {
    case open, handled
    /// Still open after its act-by day.
    case missed
    /// A silence-is-approval window that passed without objection: accepted, never overdue.
    case deemedAccepted = "deemed_accepted"
}

/// Agenda windows, as the agenda groups them.
public enum AgendaWindow: String, Codable, Sendable, CaseIterable, Comparable {
    case overdue
    case within14 = "within_14"
    case within30 = "within_30"
    case within90 = "within_90"
    case later

    /// The window for a deadline with `daysLeft` days to its act-by day.
    public init(daysLeft: Int) {
        switch daysLeft {
        case ..<0: self = .overdue
        case 0...14: self = .within14
        case 15...30: self = .within30
        case 31...90: self = .within90
        default: self = .later
        }
    }

    public var title: String {
        switch self {
        case .overdue: "Overdue"
        case .within14: "Within 14 days"
        case .within30: "Within 30 days"
        case .within90: "Within 90 days"
        case .later: "Later"
        }
    }

    public static func < (a: AgendaWindow, b: AgendaWindow) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A computed deadline: what is due, by when, for whom, and the rule that produced the date.
public struct Deadline: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    public var ruleId: String?
    public var sourceKind: DeadlineSourceKind
    public var sourceId: String
    /// What is due: "Object to the new sub-processor".
    public var what: String
    public var actor: Actor
    public var clauseRef: String?
    public var anchorDate: CivilDate
    /// The arithmetic result before any roll-forward.
    public var rawDate: CivilDate
    /// After roll-forward (after-periods) — the last day of the period.
    public var dueDate: CivilDate
    /// The day to act by; the agenda sorts and warns by it.
    public var actByDate: CivilDate
    /// Minutes after midnight on the due day, for hour periods.
    public var dueMinutes: Int?
    /// Internal reminder day (act-by minus the rule's lead time).
    public var remindDate: CivilDate?
    /// Human explanation of the computation, naming the rules used.
    public var explanation: String
    /// The period was assumed (vague wording such as "promptly").
    public var assumed: Bool
    public var writtenForm: Bool
    public var groundsRequired: Bool
    public var state: DeadlineState
    public var handledDate: CivilDate?
    public var handledNote: String?
    /// The rule makes silence approval: past its act-by day the deadline is deemed accepted, not overdue.
    public var silenceIsApproval: Bool
    /// How it was closed, when not by someone acting on it (deemed acceptance).
    public var resolution: DeadlineResolution?
    /// A warning to show with the deadline wherever it is listed (e.g. a sub-processor outside the EEA).
    public var flag: String?
    /// Remind me later: the agenda and `check` leave an open deadline out of the due counts until
    /// this day. The act-by day never moves, and an overdue deadline always counts.
    public var snoozedUntil: CivilDate?
    /// A free note on the deadline (not the note recorded when it was handled).
    public var note: String?

    public init(id: String, agreementId: String, ruleId: String?, sourceKind: DeadlineSourceKind, sourceId: String,
                what: String, actor: Actor, clauseRef: String?, anchorDate: CivilDate, rawDate: CivilDate,
                dueDate: CivilDate, actByDate: CivilDate, dueMinutes: Int? = nil, remindDate: CivilDate? = nil,
                explanation: String, assumed: Bool = false, writtenForm: Bool = false, groundsRequired: Bool = false,
                state: DeadlineState = .open, handledDate: CivilDate? = nil, handledNote: String? = nil,
                silenceIsApproval: Bool = false, resolution: DeadlineResolution? = nil, flag: String? = nil,
                snoozedUntil: CivilDate? = nil, note: String? = nil) {
        self.id = id; self.agreementId = agreementId; self.ruleId = ruleId; self.sourceKind = sourceKind
        self.sourceId = sourceId; self.what = what; self.actor = actor; self.clauseRef = clauseRef
        self.anchorDate = anchorDate; self.rawDate = rawDate; self.dueDate = dueDate; self.actByDate = actByDate
        self.dueMinutes = dueMinutes; self.remindDate = remindDate; self.explanation = explanation
        self.assumed = assumed; self.writtenForm = writtenForm; self.groundsRequired = groundsRequired
        self.state = state; self.handledDate = handledDate; self.handledNote = handledNote
        self.silenceIsApproval = silenceIsApproval; self.resolution = resolution; self.flag = flag
        self.snoozedUntil = snoozedUntil; self.note = note
    }

    /// Decodes documents written before the silence, resolution, flag, snooze and note fields existed.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), agreementId: try c.decode(String.self, forKey: .agreementId),
                  ruleId: try c.decodeIfPresent(String.self, forKey: .ruleId),
                  sourceKind: try c.decode(DeadlineSourceKind.self, forKey: .sourceKind),
                  sourceId: try c.decode(String.self, forKey: .sourceId), what: try c.decode(String.self, forKey: .what),
                  actor: try c.decode(Actor.self, forKey: .actor), clauseRef: try c.decodeIfPresent(String.self, forKey: .clauseRef),
                  anchorDate: try c.decode(CivilDate.self, forKey: .anchorDate), rawDate: try c.decode(CivilDate.self, forKey: .rawDate),
                  dueDate: try c.decode(CivilDate.self, forKey: .dueDate), actByDate: try c.decode(CivilDate.self, forKey: .actByDate),
                  dueMinutes: try c.decodeIfPresent(Int.self, forKey: .dueMinutes),
                  remindDate: try c.decodeIfPresent(CivilDate.self, forKey: .remindDate),
                  explanation: try c.decode(String.self, forKey: .explanation), assumed: try c.decode(Bool.self, forKey: .assumed),
                  writtenForm: try c.decode(Bool.self, forKey: .writtenForm),
                  groundsRequired: try c.decode(Bool.self, forKey: .groundsRequired),
                  state: try c.decode(DeadlineState.self, forKey: .state),
                  handledDate: try c.decodeIfPresent(CivilDate.self, forKey: .handledDate),
                  handledNote: try c.decodeIfPresent(String.self, forKey: .handledNote),
                  silenceIsApproval: try c.decodeIfPresent(Bool.self, forKey: .silenceIsApproval) ?? false,
                  resolution: try c.decodeIfPresent(DeadlineResolution.self, forKey: .resolution),
                  flag: try c.decodeIfPresent(String.self, forKey: .flag),
                  snoozedUntil: try c.decodeIfPresent(CivilDate.self, forKey: .snoozedUntil),
                  note: try c.decodeIfPresent(String.self, forKey: .note))
    }

    /// Days from `today` to the act-by day (negative when overdue).
    public func daysLeft(today: CivilDate) -> Int { today.days(until: actByDate) }

    /// True when the deadline is open, snoozed past `today`, and not yet overdue: it is then left
    /// out of what is due. A snooze never hides a missed deadline.
    public func isSnoozed(today: CivilDate) -> Bool {
        guard state == .open, let snoozedUntil, snoozedUntil > today else { return false }
        return actByDate >= today
    }

    /// open / handled / missed on `today`.
    public func status(today: CivilDate) -> DeadlineStatus {
        if resolution == .deemedAccepted { return .deemedAccepted }
        if state == .handled { return .handled }
        guard actByDate < today else { return .open }
        return silenceIsApproval ? .deemedAccepted : .missed
    }
}
