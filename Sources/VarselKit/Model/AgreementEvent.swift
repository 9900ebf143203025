/// Kinds of events that start a clock under an agreement.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    case incidentDiscovered = "incident_discovered"
    case auditPlanned = "audit_planned"
    case downtime
    case delivery
    case defectDiscovered = "defect_discovered"
    /// The defect occurred (Pureservice 7.2 counts from here, not from discovery).
    case defectOccurred = "defect_occurred"
    case damageDiscovered = "damage_discovered"
    case breachDemand = "breach_demand"
    case other

    public var label: String {
        switch self {
        case .incidentDiscovered: "Incident discovered"
        case .auditPlanned: "Audit planned"
        case .downtime: "Downtime"
        case .delivery: "Delivery"
        case .defectDiscovered: "Defect discovered"
        case .defectOccurred: "Defect occurred"
        case .damageDiscovered: "Damage discovered"
        case .breachDemand: "Written demand to cure a breach"
        case .other: "Other event"
        }
    }
}

/// Something that happened (or is planned) under an agreement and starts a notice clock.
public struct AgreementEvent: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    public var kind: EventKind
    public var date: CivilDate
    /// Minutes after midnight, for hour-based rules (incident reports).
    public var minutes: Int?
    public var description: String
    /// Who made it, where that matters: a written demand to cure a breach is made by `.us` (they
    /// must cure) or `.them` (we must cure). nil for other events.
    public var madeBy: Actor?

    public init(id: String, agreementId: String, kind: EventKind, date: CivilDate, minutes: Int? = nil, description: String,
                madeBy: Actor? = nil) {
        self.id = id; self.agreementId = agreementId; self.kind = kind; self.date = date; self.minutes = minutes; self.description = description
        self.madeBy = madeBy
    }
}
