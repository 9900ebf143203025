/// One row of the deadline agenda: a deadline with the names a person needs to read it.
public struct AgendaItem: Codable, Hashable, Sendable, Identifiable {
    public var deadline: Deadline
    public var agreementTitle: String
    public var counterparty: String
    public var daysLeft: Int
    public var window: AgendaWindow
    public var status: DeadlineStatus
    public var id: String { deadline.id }
}

/// Counts for the header: overdue and the 14/30/90-day windows (each window counts only its own band).
public struct AgendaCounts: Codable, Hashable, Sendable {
    public var overdue = 0, within14 = 0, within30 = 0, within90 = 0
    public init() {}
}

/// One row of the agreements list.
public struct AgreementRow: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var counterparty: String
    public var kind: AgreementKind
    public var status: AgreementStatus
    public var calendar: CalendarID
    /// The act-by day of the agreement's next open deadline.
    public var nextActBy: CivilDate?
}

/// A notice rule with the dates it gives today (for the agreement's Notice rules tab).
public struct RuleView: Codable, Hashable, Sendable, Identifiable {
    public var rule: NoticeRule
    public var clause: Clause?
    /// e.g. "4 weeks after notice received", or "promptly (assumed 10 working days)".
    public var periodText: String
    /// What the rule gives if its event happened today, e.g. "notice received today → act by Mon 21 Dec 2026".
    public var ifTodayText: String
    public var id: String { rule.id }
}

/// Everything about one agreement.
public struct AgreementDetail: Codable, Hashable, Sendable {
    public var agreement: Agreement
    public var counterparty: Party
    public var ourParty: Party?
    public var parent: AgreementRow?
    public var children: [AgreementRow]
    public var versions: [AgreementVersion]
    public var clauses: [Clause]
    public var rules: [RuleView]
    public var subProcessors: [SubProcessor]
    public var changeNotices: [ChangeNotice]
    public var objections: [Objection]
    public var terminations: [TerminationNotice]
    public var events: [AgreementEvent]
    public var deadlines: [Deadline]
    /// Next renewal notice day, for auto-renewing agreements.
    public var renewal: Deadline?
    public var history: [AuditEntry]
}

/// One sub-processor across all agreements it appears in.
public struct SubProcessorRegisterEntry: Codable, Hashable, Sendable, Identifiable {
    public struct Use: Codable, Hashable, Sendable {
        public var subProcessorId: String
        public var agreementId: String
        public var agreementTitle: String
        public var counterparty: String
        public var country: String
        public var purpose: String
        public var status: SubProcessorStatus
        public var since: CivilDate?
        /// The status in words, with a deemed approval's date and clause ("approved (deemed 2026-03-05, 5.2)").
        public var statusText: String
    }
    public var name: String
    public var orgNumber: String?
    public var uses: [Use]
    public var id: String { name.lowercased() }
    /// Distinct countries, in order of first appearance.
    public var countries: [String] { uses.map(\.country).reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
}

/// A change or termination notice for the Notices view.
public struct NoticeRow: Codable, Hashable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable { case change, termination }
    public var kind: Kind
    public var id: String
    public var agreementId: String
    public var agreementTitle: String
    public var date: CivilDate
    /// "New sub-processor: Sinch AB", "Termination given by us".
    public var summary: String
    /// open / objected / accepted / withdrawn / given / received / "withdrawn YYYY-MM-DD" (a termination)
    public var status: String
    public var isOpen: Bool
    /// The earliest open deadline the notice opened.
    public var window: Deadline?
    /// Who gave the notice (change notices: us or them; terminations: who gave notice).
    public var givenBy: Actor
    /// A warning to show with the notice (a sub-processor outside the EEA needing our consent).
    public var flag: String?
}
