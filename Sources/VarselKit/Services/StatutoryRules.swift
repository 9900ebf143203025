/// Deadlines the law sets for every agreement of a kind, whatever its text says: a DPO expects them
/// without recording a rule per agreement.
///
/// They are `NoticeRule` values built on the fly (not stored, so they have no rule id in the
/// database); the deadlines they give carry the statute as their clause reference.
public enum StatutoryRules {
    /// GDPR Art. 33(1): "In the case of a personal data breach, the controller shall without undue
    /// delay and, where feasible, not later than 72 hours after having become aware of it, notify
    /// the personal data breach to the supervisory authority …".
    public static let gdprArt33Reference = "GDPR Art. 33(1)"
    /// Id of the Art. 33 rule (used in the deadline id `dl-EVENT-gdpr-art-33-1`).
    public static let gdprArt33Id = "gdpr-art-33-1"

    /// Clause references of statutory rules (accepted on deadlines without a clause of the agreement).
    public static let references: Set<String> = [gdprArt33Reference]

    /// The statutory rules that apply to an agreement: the controller's 72 hours to the supervisory
    /// authority after a personal-data breach (recorded as `incident_discovered`).
    public static func rules(for agreement: Agreement) -> [NoticeRule] {
        guard agreement.ourRole == .controller else { return [] }
        return [NoticeRule(id: gdprArt33Id, agreementId: agreement.id, clauseRef: gdprArt33Reference,
                           title: "Notify the supervisory authority (GDPR Art. 33)", trigger: .event,
                           eventKind: .incidentDiscovered, period: Period(72, .hours), direction: .after, actor: .us,
                           roll: .noRoll,
                           note: "Statutory, for every agreement where we are controller: \"without undue delay and, where feasible, not later than 72 hours after having become aware of it\". A notification after 72 hours must give the reasons for the delay (Art. 33(1)). Not needed when the breach is unlikely to result in a risk to people's rights and freedoms.")]
    }
}

extension DeadlinePlanner {
    /// Deadlines the law attaches to a recorded event on `agreement` (GDPR Art. 33 after an incident
    /// where we are controller). They have no stored rule (`ruleId` nil).
    public func statutoryDeadlines(for event: AgreementEvent, agreement: Agreement) -> [Deadline] {
        deadlines(for: event, rules: StatutoryRules.rules(for: agreement), calendar: agreement.calendar).map { d in
            var d = d
            d.ruleId = nil
            return d
        }
    }
}
