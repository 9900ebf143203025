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
    /// How it came to be approved: expressly or deemed by silence (nil: listed at signing, or not approved).
    public var approvalBasis: DecisionBasis?
    /// The day it was approved (or deemed approved).
    public var approvalDate: CivilDate?
    /// The clause the approval rests on ("5.2").
    public var approvalClause: String?

    public init(id: String, agreementId: String, name: String, orgNumber: String? = nil, address: String? = nil,
                country: String, purpose: String, transferMechanism: String? = nil,
                status: SubProcessorStatus, since: CivilDate? = nil, approvalBasis: DecisionBasis? = nil,
                approvalDate: CivilDate? = nil, approvalClause: String? = nil) {
        self.id = id; self.agreementId = agreementId; self.name = name; self.orgNumber = orgNumber; self.address = address
        self.country = country; self.purpose = purpose; self.transferMechanism = transferMechanism
        self.status = status; self.since = since
        self.approvalBasis = approvalBasis; self.approvalDate = approvalDate; self.approvalClause = approvalClause
    }

    /// "approved", "approved (deemed 2026-03-05, 5.2)", "proposed".
    public var statusText: String {
        guard status == .approved, let basis = approvalBasis else { return status.rawValue }
        let date = approvalDate.map { " \($0.iso)" } ?? ""
        let clause = approvalClause.map { ", \($0)" } ?? ""
        return "approved (\(basis == .deemed ? "deemed" : "express")\(date)\(clause))"
    }

    /// Whether `country` lies outside the EEA (ISO codes; "EEA"/"EU"/"EØS"/"EES" count as inside).
    public var isOutsideEEA: Bool { !EEA.contains(country) }
}

/// The European Economic Area, for third-country transfer checks.
public enum EEA {
    /// The 27 EU member states plus Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2).
    public static let countries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    /// Whether a country code or region name is inside the EEA.
    public static func contains(_ country: String) -> Bool {
        let c = country.trimmingCharacters(in: .whitespaces).uppercased()
        return countries.contains(c) || ["EEA", "EU", "EØS", "EES", "EU/EEA", "EU/EØS"].contains(c)
    }
}
