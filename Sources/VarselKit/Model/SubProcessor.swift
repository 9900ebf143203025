/// Where a sub-processor stands with the controller.
public enum SubProcessorStatus: String, Codable, Sendable, CaseIterable {
    case approved, proposed, objected, rejected, removed
}

/// A sub-processor engaged (or proposed) under an agreement.
public struct SubProcessor: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    public var name: String
    public var orgNumber: String?
    public var address: String?
    /// ISO country code, or a region such as "EEA".
    public var country: String
    /// What it does: "Hosting (Microsoft Azure)", "E-mail delivery".
    public var purpose: String
    /// Transfer mechanism when outside the EEA (e.g. "SCC 2021/914").
    public var transferMechanism: String?
    public var status: SubProcessorStatus
    public var since: CivilDate?

    public init(id: String, agreementId: String, name: String, orgNumber: String? = nil, address: String? = nil,
                country: String, purpose: String, transferMechanism: String? = nil,
                status: SubProcessorStatus, since: CivilDate? = nil) {
        self.id = id; self.agreementId = agreementId; self.name = name; self.orgNumber = orgNumber; self.address = address
        self.country = country; self.purpose = purpose; self.transferMechanism = transferMechanism
        self.status = status; self.since = since
    }
}
