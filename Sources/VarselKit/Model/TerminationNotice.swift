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
    /// The date the agreement ends as a result.
    public var endDate: CivilDate
    /// How the end date was computed.
    public var explanation: String
    public var note: String?

    public init(id: String, agreementId: String, givenBy: Actor, noticeDate: CivilDate, channel: Channel,
                ruleId: String?, endDate: CivilDate, explanation: String, note: String? = nil) {
        self.id = id; self.agreementId = agreementId; self.givenBy = givenBy; self.noticeDate = noticeDate
        self.channel = channel; self.ruleId = ruleId; self.endDate = endDate; self.explanation = explanation; self.note = note
    }
}
