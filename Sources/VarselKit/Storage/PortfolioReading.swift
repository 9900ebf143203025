/// The read questions the workbench, the CLI and the reports ask, answered by a backend on one
/// day (`today`). Lists page with keysets, so a page costs its own rows, not the portfolio.
/// Callers use it through `PortfolioQueries` (`Portfolio.queries`), which adds the defaults.
public protocol PortfolioReading: Sendable {
    var today: CivilDate { get }

    // Agenda
    /// Open deadlines up to today + `within` days and all overdue ones, with the next renewal
    /// notice of each auto-renewing agreement, in (act-by day, id) order.
    func agenda(within: Int) throws -> [AgendaItem]
    /// The first `limit` agenda items and the counts of the whole 90-day agenda.
    func agendaHead(limit: Int) throws -> AgendaHead
    /// Open silence-is-approval deadlines whose act-by day is before `day`, (act-by, id) order:
    /// the candidates `Portfolio.settleDeemedAcceptances` settles.
    func passedSilenceWindows(before day: CivilDate) throws -> [Deadline]

    // Agreements list (keyset pages: title without case, then id). Without `includeArchived` the
    // archived agreements (status ended) are left out of pages, counts and positions.
    func agreements(filter: String?, includeArchived: Bool, after: AgreementRow?, limit: Int) throws -> [AgreementRow]
    func hasAgreements() throws -> Bool
    func agreementCount(filter: String?, includeArchived: Bool) throws -> Int
    /// An agreement by exact id, or by a fragment that matches exactly one.
    func resolveAgreement(_ ref: String) throws -> Agreement
    func searchAgreements(filter: String?, includeArchived: Bool, after: AgreementRow?, before: AgreementRow?, limit: Int) throws -> [AgreementRow]
    func searchLastAgreements(filter: String?, includeArchived: Bool, limit: Int) throws -> [AgreementRow]
    func searchCount(filter: String?, includeArchived: Bool) throws -> Int
    func searchPosition(id: String, filter: String?, includeArchived: Bool) throws -> (index: Int, row: AgreementRow)?

    // One agreement, notices, register, audit
    func detail(agreementId: String) throws -> AgreementDetail
    func notices(filter: String?, limit: Int) throws -> [NoticeRow]
    func subProcessorRegister(filter: String?, agreementId: String?) throws -> [SubProcessorRegisterEntry]
    func subProcessorVendors(filter: String?, after: String?, before: String?, last: Bool, limit: Int) throws -> [SubProcessorVendor]
    func subProcessorVendorCount(filter: String?) throws -> Int
    func subProcessorUses(name: String, limit: Int) throws -> [SubProcessorRegisterEntry.Use]
    /// The newest audit rows, newest first.
    func audit(limit: Int) throws -> [AuditEntry]
    /// Every clause (calendar export names the clause of each deadline).
    func allClauses() throws -> [Clause]
    /// The contract texts kept with an agreement, oldest import first (its Text tab, `varsel text`).
    func documents(agreementId: String) throws -> [AgreementDocument]
}

/// Read-only questions about the portfolio, on a given day: the backend's `PortfolioReading`
/// with the defaults callers rely on, and the answers computed without the backend.
public struct PortfolioQueries: Sendable {
    public let base: any PortfolioReading
    public let today: CivilDate
    public let planner: DeadlinePlanner

    public init(store: any PortfolioStorage, today: CivilDate, planner: DeadlinePlanner = DeadlinePlanner()) {
        self.base = store.reading(today: today, planner: planner); self.today = today; self.planner = planner
    }

    var context: ReadContext { ReadContext(today: today, planner: planner) }

    public func agenda(within: Int) throws -> [AgendaItem] { try base.agenda(within: within) }
    public func agendaHead(limit: Int) throws -> AgendaHead { try base.agendaHead(limit: limit) }

    /// Header counts by window (each window counts only its own band).
    public func agendaCounts() throws -> AgendaCounts { AgendaCounts(try agenda(within: 90)) }

    /// Agreements in list order; archived ones only with `includeArchived` (the default here: every
    /// agreement; the default lists — `varsel agreements`, the workbench — pass false).
    public func agreements(filter: String? = nil, includeArchived: Bool = true, after: AgreementRow? = nil,
                           limit: Int = 200) throws -> [AgreementRow] {
        try base.agreements(filter: filter, includeArchived: includeArchived, after: after, limit: limit)
    }
    public func hasAgreements() throws -> Bool { try base.hasAgreements() }
    public func agreementCount(filter: String? = nil, includeArchived: Bool = true) throws -> Int {
        try base.agreementCount(filter: filter, includeArchived: includeArchived)
    }
    public func resolveAgreement(_ ref: String) throws -> Agreement { try base.resolveAgreement(ref) }
    public func searchAgreements(filter: String?, includeArchived: Bool = true, after: AgreementRow? = nil,
                                 before: AgreementRow? = nil, limit: Int) throws -> [AgreementRow] {
        try base.searchAgreements(filter: filter, includeArchived: includeArchived, after: after, before: before, limit: limit)
    }
    public func searchLastAgreements(filter: String?, includeArchived: Bool = true, limit: Int) throws -> [AgreementRow] {
        try base.searchLastAgreements(filter: filter, includeArchived: includeArchived, limit: limit)
    }
    public func searchCount(filter: String?, includeArchived: Bool = true) throws -> Int {
        try base.searchCount(filter: filter, includeArchived: includeArchived)
    }
    public func searchPosition(id: String, filter: String?, includeArchived: Bool = true) throws -> (index: Int, row: AgreementRow)? {
        try base.searchPosition(id: id, filter: filter, includeArchived: includeArchived)
    }

    public func detail(agreementId: String) throws -> AgreementDetail { try base.detail(agreementId: agreementId) }
    public func notices(filter: String? = nil, limit: Int = 500) throws -> [NoticeRow] { try base.notices(filter: filter, limit: limit) }
    public func subProcessorRegister(filter: String? = nil, agreementId: String? = nil) throws -> [SubProcessorRegisterEntry] {
        try base.subProcessorRegister(filter: filter, agreementId: agreementId)
    }
    public func subProcessorVendors(filter: String?, after: String? = nil, before: String? = nil,
                                    last: Bool = false, limit: Int) throws -> [SubProcessorVendor] {
        try base.subProcessorVendors(filter: filter, after: after, before: before, last: last, limit: limit)
    }
    public func subProcessorVendorCount(filter: String?) throws -> Int { try base.subProcessorVendorCount(filter: filter) }
    public func subProcessorUses(name: String, limit: Int = 500) throws -> [SubProcessorRegisterEntry.Use] {
        try base.subProcessorUses(name: name, limit: limit)
    }
    public func audit(limit: Int = 200) throws -> [AuditEntry] { try base.audit(limit: limit) }
    public func documents(agreementId: String) throws -> [AgreementDocument] { try base.documents(agreementId: agreementId) }

    /// The notice day that stops the next renewal, as a deadline (not stored until handled).
    public func renewalDeadline(_ agreement: Agreement, term: Int? = nil) -> Deadline? {
        context.renewalDeadline(agreement, term: term)
    }
}

extension AgendaCounts {
    /// The counts of `items` by window.
    public init(_ items: [AgendaItem]) {
        self.init()
        for item in items { add(item) }
    }
}

/// What `resolveAgreement` makes of the agreements a fragment matched (at most six, by title):
/// the one, or a precise error — none, or several named so the user can pick. Shared by every backend.
public enum AgreementResolution {
    public static func pick(_ matches: [Agreement], for ref: String) throws -> Agreement {
        switch matches.count {
        case 1: return matches[0]
        case 0: throw VarselError(.notFound, "No agreement matches \"\(ref)\"", at: "agreement",
                                  fix: "List agreements with `varsel agreements`")
        default:
            let names = matches.prefix(5).map { "\($0.id) (\($0.title))" }.joined(separator: ", ")
            throw VarselError(.ambiguous, "\"\(ref)\" matches several agreements: \(names)", at: "agreement",
                              fix: "Use the agreement's id or a longer part of its name")
        }
    }
}
