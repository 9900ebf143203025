/// What a change notice announces.
public enum ChangeKind: String, Codable, Sendable, CaseIterable {
    case subProcessorAdded = "sub_processor_added"
    case subProcessorReplaced = "sub_processor_replaced"
    case termsChanged = "terms_changed"
    case serviceChanged = "service_changed"
    case assignment
    case other

    /// A sub-processor added or replaced: the notice names the proposed sub-processor.
    public var isSubProcessorChange: Bool { self == .subProcessorAdded || self == .subProcessorReplaced }

    public var label: String {
        switch self {
        case .subProcessorAdded: "New sub-processor"
        case .subProcessorReplaced: "Sub-processor replaced"
        case .termsChanged: "Terms changed"
        case .serviceChanged: "Service changed"
        case .assignment: "Assignment"
        case .other: "Other change"
        }
    }
}

/// How a notice or objection travelled.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case email, letter, portal, phone, meeting, other
}

/// Where a change notice stands.
public enum ChangeNoticeStatus: String, Codable, Sendable, CaseIterable {
    /// Awaiting our decision.
    case open
    case accepted
    case objected
    /// Withdrawn by the counterparty.
    case withdrawn
}

/// How a change notice came to be accepted (and a sub-processor approved).
public enum DecisionBasis: String, Codable, Sendable, CaseIterable {
    /// We accepted expressly, on a recorded date and channel (Mobilize Me 2.2: express written approval).
    case express
    /// The window passed without objection and the agreement makes silence approval (PUB 5.2).
    case deemed
}

/// A change announced by one party to the other: a new sub-processor, changed terms, an assignment.
/// Usually the counterparty gives it (`givenBy == .them`); we give notice of our own changes too
/// (Mobilize Me 8.1).
public struct ChangeNotice: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    public var kind: ChangeKind
    public var receivedDate: CivilDate
    public var channel: Channel
    public var summary: String
    /// The date the change is to apply (the stated engagement date for a sub-processor).
    public var effectiveDate: CivilDate?
    /// The proposed sub-processor, for sub-processor changes.
    public var subProcessorId: String?
    /// The sub-processor being replaced, if any.
    public var replacesSubProcessorId: String?
    public var status: ChangeNoticeStatus
    /// Who gave the notice: `them` (received; the default) or `us` (given by us). For a notice we
    /// give, `receivedDate` is the day we gave it.
    public var givenBy: Actor
    /// For an accepted notice: express acceptance or deemed by silence.
    public var decisionBasis: DecisionBasis?
    /// The day of the acceptance (express: the approval's date; deemed: the day after the window closed).
    public var decisionDate: CivilDate?
    /// How an express acceptance was sent.
    public var decisionChannel: Channel?
    /// The clause the decision rests on ("5.2" for a deemed acceptance, "2.2" for a written approval).
    public var decisionClause: String?
    /// Set when the notice proposes a sub-processor outside the EEA under an agreement that forbids
    /// such transfers without our written consent: the warning, citing the clause.
    public var transferFlag: String?

    public init(id: String, agreementId: String, kind: ChangeKind, receivedDate: CivilDate, channel: Channel,
                summary: String, effectiveDate: CivilDate? = nil, subProcessorId: String? = nil,
                replacesSubProcessorId: String? = nil, status: ChangeNoticeStatus = .open, givenBy: Actor = .them,
                decisionBasis: DecisionBasis? = nil, decisionDate: CivilDate? = nil, decisionChannel: Channel? = nil,
                decisionClause: String? = nil, transferFlag: String? = nil) {
        self.id = id; self.agreementId = agreementId; self.kind = kind; self.receivedDate = receivedDate
        self.channel = channel; self.summary = summary; self.effectiveDate = effectiveDate
        self.subProcessorId = subProcessorId; self.replacesSubProcessorId = replacesSubProcessorId; self.status = status
        self.givenBy = givenBy; self.decisionBasis = decisionBasis; self.decisionDate = decisionDate
        self.decisionChannel = decisionChannel; self.decisionClause = decisionClause; self.transferFlag = transferFlag
    }

    /// Decodes documents written before `givenBy` existed (they default to `them`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), agreementId: try c.decode(String.self, forKey: .agreementId),
                  kind: try c.decode(ChangeKind.self, forKey: .kind), receivedDate: try c.decode(CivilDate.self, forKey: .receivedDate),
                  channel: try c.decode(Channel.self, forKey: .channel), summary: try c.decode(String.self, forKey: .summary),
                  effectiveDate: try c.decodeIfPresent(CivilDate.self, forKey: .effectiveDate),
                  subProcessorId: try c.decodeIfPresent(String.self, forKey: .subProcessorId),
                  replacesSubProcessorId: try c.decodeIfPresent(String.self, forKey: .replacesSubProcessorId),
                  status: try c.decode(ChangeNoticeStatus.self, forKey: .status),
                  givenBy: try c.decodeIfPresent(Actor.self, forKey: .givenBy) ?? .them,
                  decisionBasis: try c.decodeIfPresent(DecisionBasis.self, forKey: .decisionBasis),
                  decisionDate: try c.decodeIfPresent(CivilDate.self, forKey: .decisionDate),
                  decisionChannel: try c.decodeIfPresent(Channel.self, forKey: .decisionChannel),
                  decisionClause: try c.decodeIfPresent(String.self, forKey: .decisionClause),
                  transferFlag: try c.decodeIfPresent(String.self, forKey: .transferFlag))
    }

    /// "accepted (deemed 2026-03-05, 5.2)", "accepted (written, email, 2026-03-01)", "objected".
    public var statusText: String {
        guard status == .accepted, let basis = decisionBasis else { return status.rawValue }
        let date = decisionDate.map { " \($0.iso)" } ?? ""
        let clause = decisionClause.map { ", \($0)" } ?? ""
        switch basis {
        case .deemed: return "accepted (deemed\(date)\(clause))"
        case .express: return "accepted (\(decisionChannel.map { "\($0.rawValue)" } ?? "express")\(date)\(clause))"
        }
    }
}

/// What came of an objection.
public enum ObjectionOutcome: String, Codable, Sendable, CaseIterable {
    case pending
    /// The counterparty withdrew the change.
    case withdrawn
    case alternativeOffered = "alternative_offered"
    case agreementTerminated = "agreement_terminated"
    /// The counterparty went ahead regardless.
    case overruled
}

/// Our objection to a change notice.
public struct Objection: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var changeNoticeId: String
    public var date: CivilDate
    public var grounds: String
    public var channel: Channel
    public var note: String?
    public var outcome: ObjectionOutcome
    /// The day we withdrew the objection; the row is kept for the record.
    public var withdrawnDate: CivilDate?

    public init(id: String, changeNoticeId: String, date: CivilDate, grounds: String, channel: Channel,
                note: String? = nil, outcome: ObjectionOutcome = .pending, withdrawnDate: CivilDate? = nil) {
        self.id = id; self.changeNoticeId = changeNoticeId; self.date = date; self.grounds = grounds
        self.channel = channel; self.note = note; self.outcome = outcome; self.withdrawnDate = withdrawnDate
    }

    /// Decodes documents written before objections could be withdrawn.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), changeNoticeId: try c.decode(String.self, forKey: .changeNoticeId),
                  date: try c.decode(CivilDate.self, forKey: .date), grounds: try c.decode(String.self, forKey: .grounds),
                  channel: try c.decode(Channel.self, forKey: .channel), note: try c.decodeIfPresent(String.self, forKey: .note),
                  outcome: try c.decode(ObjectionOutcome.self, forKey: .outcome),
                  withdrawnDate: try c.decodeIfPresent(CivilDate.self, forKey: .withdrawnDate))
    }
}
