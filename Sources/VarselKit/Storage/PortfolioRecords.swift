/// Loads of records and aggregates, inside one read snapshot or one write transaction: what the
/// services (validation, previews, writes) need, by record and relation — never SQL.
public protocol PortfolioRecords {
    /// One record by id, or nil.
    func record<R: StoredRecord>(_ type: R.Type, id: String) throws -> R?
    /// The records with these ids that exist (any order).
    func records<R: StoredRecord>(_ type: R.Type, ids: [String]) throws -> [R]

    /// The notice rules of these agreements, in id order.
    func rules(agreementIds: [String]) throws -> [NoticeRule]
    /// An agreement's clauses, in id order.
    func clauses(agreementId: String) throws -> [Clause]
    /// An agreement's sub-processors (every status), in id order.
    func subProcessors(agreementId: String) throws -> [SubProcessor]
    /// The contract texts kept with an agreement, oldest import first (then id).
    func documents(agreementId: String) throws -> [AgreementDocument]
    /// The kept contract texts read from a file with this SHA-256 (any agreement), oldest first.
    func documents(sha256: String) throws -> [AgreementDocument]
    /// An agreement's version log entries, in id order.
    func versions(agreementId: String) throws -> [AgreementVersion]
    /// Agreements whose `parentId` is `parentId` and that end with it, in id order.
    func agreementsEnding(withParent parentId: String) throws -> [Agreement]
    /// Agreements whose term renews automatically.
    func autoRenewingAgreements() throws -> [Agreement]
    /// An agreement's change notices with `status`, newest received first, then id.
    func changeNotices(agreementId: String, status: ChangeNoticeStatus) throws -> [ChangeNotice]
    /// Every objection to a change notice, withdrawn ones included, in id order.
    func objections(changeNoticeId: String) throws -> [Objection]
    /// The objections to a change notice that are not withdrawn, newest date first, then id.
    func activeObjections(changeNoticeId: String) throws -> [Objection]
    /// How many terminations of the agreement are recorded and not withdrawn.
    func activeTerminationCount(agreementId: String) throws -> Int
    /// An agreement's events of `kind` made by `madeBy`, newest first.
    func events(agreementId: String, kind: EventKind, madeBy: Actor) throws -> [AgreementEvent]
    /// The stored deadlines matching `filter`.
    func deadlines(_ filter: DeadlineFilter) throws -> [Deadline]
    /// The newest audit row with this action, entity type and id.
    func lastAudit(action: String, entityType: String, entityId: String) throws -> AuditEntry?
    /// The newest audit row naming this entity, whatever its action (who changed a record last).
    func lastChange(entityType: String, entityId: String) throws -> AuditEntry?
    /// The audit row with this id.
    func auditEntry(id: Int64) throws -> AuditEntry?
    /// The ids (and the few columns an import checks references against) of everything stored.
    func existingIDs() throws -> ExistingIDs
}

/// One write unit: loads (`PortfolioRecords`), then inserts, updates and deletes. The storage
/// appends the one audit row when the body returns (`PortfolioStorage.write`).
public protocol PortfolioTransaction: PortfolioRecords {
    func insert<R: StoredRecord>(_ record: R) throws
    /// Inserts many new records of one kind, in order (a backend may send them in one statement:
    /// bulk generation and import). The same effect as `insert` on each.
    func insertAll<R: StoredRecord>(_ records: [R]) throws
    func update<R: StoredRecord>(_ record: R) throws
    /// Inserts, or updates when a record with its id exists.
    func save<R: StoredRecord>(_ record: R) throws
    func delete<R: StoredRecord>(_ record: R) throws
    /// Deletes the deadlines matching `filter`; returns how many.
    @discardableResult
    func deleteDeadlines(_ filter: DeadlineFilter) throws -> Int
    /// Whether a deadline with this id is stored.
    func deadlineExists(id: String) throws -> Bool
    /// Marks deadlines with `silenceIsApproval` unset whose rule has it set (documents written before
    /// the field existed).
    func markSilenceWindowsFromRules() throws
    /// Copies audit rows verbatim, marked imported (a restore-mode import only).
    func insertRestoredAudit(_ rows: [AuditEntry]) throws
}

extension PortfolioTransaction {
    /// One `insert` per record (the backends that have no faster way).
    public func insertAll<R: StoredRecord>(_ records: [R]) throws {
        for record in records { try insert(record) }
    }
}

extension PortfolioRecords {
    /// Loads an agreement or fails with a precise error.
    public func agreement(_ id: String) throws -> Agreement {
        guard let a = try record(Agreement.self, id: id) else {
            throw VarselError(.notFound, "No agreement with id \"\(id)\"", fix: "List agreements with `varsel agreements`")
        }
        return a
    }

    /// The agreement's notice rules, in id order.
    public func rules(agreementId: String) throws -> [NoticeRule] { try rules(agreementIds: [agreementId]) }

    /// Loads a change notice or fails with a precise error.
    public func changeNotice(_ id: String) throws -> ChangeNotice {
        guard let n = try record(ChangeNotice.self, id: id) else {
            throw VarselError(.notFound, "No change notice with id \"\(id)\"", at: "notice",
                              fix: "List notices with `varsel notices`")
        }
        return n
    }

    /// The rule whose grounds an objection to `notice` must state, if any.
    public func groundsRule(for notice: ChangeNotice) throws -> NoticeRule? {
        try rules(agreementId: notice.agreementId).first { $0.requiresGrounds(forObjectionTo: notice) }
    }
}

/// Ids already in the storage, for references from a document imported into a non-empty portfolio.
public struct ExistingIDs: Sendable {
    public var parties: Set<String>, agreements: [String: String?], rules: Set<String>, subProcessors: Set<String>
    public var changeNotices: Set<String>, terminations: Set<String>, events: Set<String>
    /// Clause references per agreement, by clause id (so a document's clause can override one).
    public var clauses: [String: ClauseKey]
    public var auditCount: Int
    /// Nothing at all is stored (no record of any kind, no audit row).
    public var isEmpty: Bool

    public struct ClauseKey: Sendable, Hashable {
        public var agreementId: String, reference: String
        public init(agreementId: String, reference: String) { self.agreementId = agreementId; self.reference = reference }
    }

    public init(parties: Set<String>, agreements: [String: String?], rules: Set<String>, subProcessors: Set<String>,
                changeNotices: Set<String>, terminations: Set<String>, events: Set<String>,
                clauses: [String: ClauseKey], auditCount: Int, isEmpty: Bool) {
        self.parties = parties; self.agreements = agreements; self.rules = rules; self.subProcessors = subProcessors
        self.changeNotices = changeNotices; self.terminations = terminations; self.events = events
        self.clauses = clauses; self.auditCount = auditCount; self.isEmpty = isEmpty
    }
}
