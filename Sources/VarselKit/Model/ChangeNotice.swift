/// What a change notice announces.
public enum ChangeKind: String, Codable, Sendable, CaseIterable {
    case subProcessorAdded = "sub_processor_added"
    case subProcessorReplaced = "sub_processor_replaced"
    case termsChanged = "terms_changed"
    case serviceChanged = "service_changed"
    case assignment
    case other

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

/// A change announced by the counterparty: a new sub-processor, changed terms, an assignment.
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

    public init(id: String, agreementId: String, kind: ChangeKind, receivedDate: CivilDate, channel: Channel,
                summary: String, effectiveDate: CivilDate? = nil, subProcessorId: String? = nil,
                replacesSubProcessorId: String? = nil, status: ChangeNoticeStatus = .open) {
        self.id = id; self.agreementId = agreementId; self.kind = kind; self.receivedDate = receivedDate
        self.channel = channel; self.summary = summary; self.effectiveDate = effectiveDate
        self.subProcessorId = subProcessorId; self.replacesSubProcessorId = replacesSubProcessorId; self.status = status
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

    public init(id: String, changeNoticeId: String, date: CivilDate, grounds: String, channel: Channel,
                note: String? = nil, outcome: ObjectionOutcome = .pending) {
        self.id = id; self.changeNoticeId = changeNoticeId; self.date = date; self.grounds = grounds
        self.channel = channel; self.note = note; self.outcome = outcome
    }
}
