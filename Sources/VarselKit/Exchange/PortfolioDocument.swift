/// The whole portfolio as one document: the JSON (and YAML) exchange format, versioned. One list
/// per record kind of `RecordRegistry` (a new kind adds its list here and its entry there).
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
    /// Contract texts kept with their agreements (intake); absent in documents written before them.
    public var documents: [AgreementDocument]
    public var noticeRules: [NoticeRule]
    public var subProcessors: [SubProcessor]
    public var changeNotices: [ChangeNotice]
    public var objections: [Objection]
    public var terminations: [TerminationNotice]
    public var events: [AgreementEvent]
    public var deadlines: [Deadline]
    public var audit: [AuditEntry]

    public init(parties: [Party] = [], agreements: [Agreement] = [], versions: [AgreementVersion] = [],
                clauses: [Clause] = [], documents: [AgreementDocument] = [], noticeRules: [NoticeRule] = [], subProcessors: [SubProcessor] = [],
                changeNotices: [ChangeNotice] = [], objections: [Objection] = [], terminations: [TerminationNotice] = [],
                events: [AgreementEvent] = [], deadlines: [Deadline] = [], audit: [AuditEntry] = []) {
        self.format = Self.formatName; self.formatVersion = Self.currentVersion
        self.parties = parties; self.agreements = agreements; self.versions = versions; self.clauses = clauses
        self.documents = documents
        self.noticeRules = noticeRules; self.subProcessors = subProcessors; self.changeNotices = changeNotices
        self.objections = objections; self.terminations = terminations; self.events = events
        self.deadlines = deadlines; self.audit = audit
    }

    /// The header, then each registry kind's list (`RecordRegistry`), then the audit trail; missing
    /// lists decode as empty, so a hand-written file can hold only what it needs.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: DocumentKey.self)
        self.init()
        format = try c.decode(String.self, forKey: DocumentKey("format"))
        formatVersion = try c.decode(Int.self, forKey: DocumentKey("formatVersion"))
        for kind in RecordRegistry.kinds { try kind.decode(from: c, into: &self) }
        audit = try c.decodeIfPresent([AuditEntry].self, forKey: DocumentKey("audit")) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentKey.self)
        try c.encode(format, forKey: DocumentKey("format"))
        try c.encode(formatVersion, forKey: DocumentKey("formatVersion"))
        for kind in RecordRegistry.kinds { try kind.encode(self, to: &c) }
        try c.encode(audit, forKey: DocumentKey("audit"))
    }
}
