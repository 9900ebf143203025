/// The whole portfolio as one document: the JSON (and YAML) exchange format, versioned.
///
/// Arrays are written in a stable order (by id, audit by sequence) so that
/// export → import → export gives byte-identical JSON. See docs/exchange.md.
public struct PortfolioDocument: Codable, Hashable, Sendable {
    /// Marks the file as a Varsel portfolio.
    public static let formatName = "varsel-portfolio"
    /// Bumped when the shape changes incompatibly.
    public static let currentVersion = 1

    public var format: String
    public var formatVersion: Int
    public var parties: [Party]
    public var agreements: [Agreement]
    public var versions: [AgreementVersion]
    public var clauses: [Clause]
    public var noticeRules: [NoticeRule]
    public var subProcessors: [SubProcessor]
    public var changeNotices: [ChangeNotice]
    public var objections: [Objection]
    public var terminations: [TerminationNotice]
    public var events: [AgreementEvent]
    public var deadlines: [Deadline]
    public var audit: [AuditEntry]

    public init(parties: [Party] = [], agreements: [Agreement] = [], versions: [AgreementVersion] = [],
                clauses: [Clause] = [], noticeRules: [NoticeRule] = [], subProcessors: [SubProcessor] = [],
                changeNotices: [ChangeNotice] = [], objections: [Objection] = [], terminations: [TerminationNotice] = [],
                events: [AgreementEvent] = [], deadlines: [Deadline] = [], audit: [AuditEntry] = []) {
        self.format = Self.formatName; self.formatVersion = Self.currentVersion
        self.parties = parties; self.agreements = agreements; self.versions = versions; self.clauses = clauses
        self.noticeRules = noticeRules; self.subProcessors = subProcessors; self.changeNotices = changeNotices
        self.objections = objections; self.terminations = terminations; self.events = events
        self.deadlines = deadlines; self.audit = audit
    }

    private enum CodingKeys: String, CodingKey {
        case format, formatVersion, parties, agreements, versions, clauses, noticeRules, subProcessors
        case changeNotices, objections, terminations, events, deadlines, audit
    }

    /// Missing arrays decode as empty, so a hand-written file can hold only what it needs.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        parties = try c.decodeIfPresent([Party].self, forKey: .parties) ?? []
        agreements = try c.decodeIfPresent([Agreement].self, forKey: .agreements) ?? []
        versions = try c.decodeIfPresent([AgreementVersion].self, forKey: .versions) ?? []
        clauses = try c.decodeIfPresent([Clause].self, forKey: .clauses) ?? []
        noticeRules = try c.decodeIfPresent([NoticeRule].self, forKey: .noticeRules) ?? []
        subProcessors = try c.decodeIfPresent([SubProcessor].self, forKey: .subProcessors) ?? []
        changeNotices = try c.decodeIfPresent([ChangeNotice].self, forKey: .changeNotices) ?? []
        objections = try c.decodeIfPresent([Objection].self, forKey: .objections) ?? []
        terminations = try c.decodeIfPresent([TerminationNotice].self, forKey: .terminations) ?? []
        events = try c.decodeIfPresent([AgreementEvent].self, forKey: .events) ?? []
        deadlines = try c.decodeIfPresent([Deadline].self, forKey: .deadlines) ?? []
        audit = try c.decodeIfPresent([AuditEntry].self, forKey: .audit) ?? []
    }
}
