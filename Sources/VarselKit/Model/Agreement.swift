/// The kind of an agreement, in a contract manager's words.
public enum AgreementKind: String, Codable, Sendable, CaseIterable {
    case serviceAgreement = "service_agreement"
    case dataProcessingAgreement = "data_processing_agreement"
    case termsOfUse = "terms_of_use"
    case frameworkAgreement = "framework_agreement"
    case other

    public var label: String {
        switch self {
        case .serviceAgreement: "Service agreement"
        case .dataProcessingAgreement: "Data processing agreement"
        case .termsOfUse: "Terms of use"
        case .frameworkAgreement: "Framework agreement"
        case .other: "Other"
        }
    }
}

/// Where an agreement stands.
public enum AgreementStatus: String, Codable, Sendable, CaseIterable {
    case draft, active
    /// Notice of termination given or received; the agreement still runs until its end date.
    case terminating
    case ended
}

/// Our role under the agreement (decides who must act on a notice rule).
public enum OurRole: String, Codable, Sendable, CaseIterable {
    case customer, supplier, controller, processor, user, other
}

/// One agreement: a service agreement, a DPA hanging under it, terms of use, …
public struct Agreement: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var kind: AgreementKind
    /// The other party (the supplier, the authority, …).
    public var counterpartyId: String
    /// Our own organisation as party to this agreement.
    public var ourPartyId: String?
    public var ourRole: OurRole
    /// BCP 47 language of the text: "sv", "da", "nb", "en".
    public var language: String
    /// Governing law in words, e.g. "Swedish law".
    public var governingLaw: String
    /// Holiday calendar used for roll-forward and working days.
    public var calendar: CalendarID
    /// Version label of the text, e.g. "2.5".
    public var version: String?
    public var signedDate: CivilDate?
    public var effectiveDate: CivilDate?
    /// Set when the agreement ends (fixed term, or after a termination notice).
    public var endDate: CivilDate?
    public var term: AgreementTerm
    public var status: AgreementStatus
    /// A DPA hangs under its main agreement.
    public var parentId: String?
    /// The agreement runs until its parent ends (Mobilize Me 12.1: "løber indtil ophør af
    /// Hovedaftalen"): its end follows the parent's, and it cannot be terminated on its own.
    public var endsWithParent: Bool
    public var notes: String?
    /// The clause(s) that forbid processing or transfers outside the EEA without our written consent
    /// ("C.5, C.6"); a change notice proposing a sub-processor outside the EEA is then flagged.
    public var transferConsentClause: String?

    public init(id: String, title: String, kind: AgreementKind, counterpartyId: String, ourPartyId: String? = nil,
                ourRole: OurRole, language: String, governingLaw: String, calendar: CalendarID, version: String? = nil,
                signedDate: CivilDate? = nil, effectiveDate: CivilDate? = nil, endDate: CivilDate? = nil,
                term: AgreementTerm = .indefinite, status: AgreementStatus = .active, parentId: String? = nil, notes: String? = nil,
                endsWithParent: Bool = false, transferConsentClause: String? = nil) {
        self.id = id; self.title = title; self.kind = kind; self.counterpartyId = counterpartyId; self.ourPartyId = ourPartyId
        self.ourRole = ourRole; self.language = language; self.governingLaw = governingLaw; self.calendar = calendar
        self.version = version; self.signedDate = signedDate; self.effectiveDate = effectiveDate; self.endDate = endDate
        self.term = term; self.status = status; self.parentId = parentId; self.notes = notes
        self.endsWithParent = endsWithParent
        self.transferConsentClause = transferConsentClause
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, kind, counterpartyId, ourPartyId, ourRole, language, governingLaw, calendar, version
        case signedDate, effectiveDate, endDate, term, status, parentId, endsWithParent, notes, transferConsentClause
    }

    /// Documents written before `endsWithParent` and `transferConsentClause` existed decode with them off.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
                  kind: try c.decode(AgreementKind.self, forKey: .kind), counterpartyId: try c.decode(String.self, forKey: .counterpartyId),
                  ourPartyId: try c.decodeIfPresent(String.self, forKey: .ourPartyId), ourRole: try c.decode(OurRole.self, forKey: .ourRole),
                  language: try c.decode(String.self, forKey: .language), governingLaw: try c.decode(String.self, forKey: .governingLaw),
                  calendar: try c.decode(CalendarID.self, forKey: .calendar), version: try c.decodeIfPresent(String.self, forKey: .version),
                  signedDate: try c.decodeIfPresent(CivilDate.self, forKey: .signedDate),
                  effectiveDate: try c.decodeIfPresent(CivilDate.self, forKey: .effectiveDate),
                  endDate: try c.decodeIfPresent(CivilDate.self, forKey: .endDate), term: try c.decode(AgreementTerm.self, forKey: .term),
                  status: try c.decode(AgreementStatus.self, forKey: .status), parentId: try c.decodeIfPresent(String.self, forKey: .parentId),
                  notes: try c.decodeIfPresent(String.self, forKey: .notes),
                  endsWithParent: try c.decodeIfPresent(Bool.self, forKey: .endsWithParent) ?? false,
                  transferConsentClause: try c.decodeIfPresent(String.self, forKey: .transferConsentClause))
    }
}

/// A dated entry in an agreement's version log (e.g. Pureservice v2.0–2.5).
public struct AgreementVersion: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    public var version: String
    public var date: CivilDate?
    public var changes: String

    public init(id: String, agreementId: String, version: String, date: CivilDate?, changes: String) {
        self.id = id; self.agreementId = agreementId; self.version = version; self.date = date; self.changes = changes
    }
}
