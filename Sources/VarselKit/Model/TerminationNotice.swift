/// A termination notice given by us or received from the counterparty.
public struct TerminationNotice: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    /// `.us` or `.them`.
    public var givenBy: Actor
    /// The day the notice was given (sent or received).
    public var noticeDate: CivilDate
    public var channel: Channel
    /// The termination rule used to compute the end date.
    public var ruleId: String?
    /// The right used (ordinary notice, after an objection, for cause).
    public var terminationRight: TerminationRight
    /// For `afterObjection`: the change notice objected to; its effective date is the end date.
    public var changeNoticeId: String?
    /// For a right that needs an uncured breach (PUB-avtal 9.1): the written demand to cure.
    public var breachEventId: String?
    /// The date the agreement ends as a result.
    public var endDate: CivilDate
    /// How the end date was computed.
    public var explanation: String
    public var note: String?
    /// The day the notice was withdrawn; the row is kept for the record and no longer ends the agreement.
    public var withdrawnDate: CivilDate?
    /// Set when the end date was entered by hand: why (e.g. "agreed with the counterparty in the
    /// letter of 2 Dec"). nil when the end was computed from the rules.
    public var endEnteredReason: String?
    /// For an end entered by hand: the end the rules gave at the time (nil: none could be computed).
    public var computedEndDate: CivilDate?

    public init(id: String, agreementId: String, givenBy: Actor, noticeDate: CivilDate, channel: Channel,
                ruleId: String?, endDate: CivilDate, explanation: String, note: String? = nil,
                terminationRight: TerminationRight = .ordinary, changeNoticeId: String? = nil, breachEventId: String? = nil,
                withdrawnDate: CivilDate? = nil, endEnteredReason: String? = nil, computedEndDate: CivilDate? = nil) {
        self.id = id; self.agreementId = agreementId; self.givenBy = givenBy; self.noticeDate = noticeDate
        self.channel = channel; self.ruleId = ruleId; self.endDate = endDate; self.explanation = explanation; self.note = note
        self.terminationRight = terminationRight; self.changeNoticeId = changeNoticeId; self.breachEventId = breachEventId
        self.withdrawnDate = withdrawnDate; self.endEnteredReason = endEnteredReason; self.computedEndDate = computedEndDate
    }

    private enum CodingKeys: String, CodingKey {
        case id, agreementId, givenBy, noticeDate, channel, ruleId, terminationRight, changeNoticeId, breachEventId
        case endDate, explanation, note, withdrawnDate, endEnteredReason, computedEndDate
    }

    /// Documents written before termination rights existed decode as ordinary notice; before ends
    /// entered by hand, as computed ends.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), agreementId: try c.decode(String.self, forKey: .agreementId),
                  givenBy: try c.decode(Actor.self, forKey: .givenBy), noticeDate: try c.decode(CivilDate.self, forKey: .noticeDate),
                  channel: try c.decode(Channel.self, forKey: .channel), ruleId: try c.decodeIfPresent(String.self, forKey: .ruleId),
                  endDate: try c.decode(CivilDate.self, forKey: .endDate), explanation: try c.decode(String.self, forKey: .explanation),
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  terminationRight: try c.decodeIfPresent(TerminationRight.self, forKey: .terminationRight) ?? .ordinary,
                  changeNoticeId: try c.decodeIfPresent(String.self, forKey: .changeNoticeId),
                  breachEventId: try c.decodeIfPresent(String.self, forKey: .breachEventId),
                  withdrawnDate: try c.decodeIfPresent(CivilDate.self, forKey: .withdrawnDate),
                  endEnteredReason: try c.decodeIfPresent(String.self, forKey: .endEnteredReason),
                  computedEndDate: try c.decodeIfPresent(CivilDate.self, forKey: .computedEndDate))
    }
}
