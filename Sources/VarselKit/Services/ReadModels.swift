/// One row of the deadline agenda: a deadline with the names a person needs to read it.
public struct AgendaItem: Codable, Hashable, Sendable, Identifiable {
    public var deadline: Deadline
    public var agreementTitle: String
    public var counterparty: String
    public var daysLeft: Int
    public var window: AgendaWindow
    public var status: DeadlineStatus
    public var id: String { deadline.id }
    /// Snoozed (remind me later) and not overdue, on the day the item was read for.
    public var isSnoozed: Bool { deadline.isSnoozed(today: deadline.actByDate.adding(days: -daysLeft)) }
}

/// Counts for the header: overdue and the 14/30/90-day windows (each window counts only its own band).
/// `snoozed14` … `snoozed90` are the snoozed items counted in each band (overdue ones are never snoozed).
public struct AgendaCounts: Codable, Hashable, Sendable {
    public var overdue = 0, within14 = 0, within30 = 0, within90 = 0
    public var snoozed14 = 0, snoozed30 = 0, snoozed90 = 0
    public init() {}

    /// The counts without snoozed items: what the header shows and `varsel check` counts.
    public var due: AgendaCounts {
        var c = AgendaCounts()
        c.overdue = overdue
        c.within14 = within14 - snoozed14; c.within30 = within30 - snoozed30; c.within90 = within90 - snoozed90
        return c
    }
    public var snoozed: Int { snoozed14 + snoozed30 + snoozed90 }

    /// Counts `item` in its band (and as snoozed when it is).
    public mutating func add(_ item: AgendaItem) {
        let s = item.isSnoozed ? 1 : 0
        switch item.window {
        case .overdue: overdue += 1
        case .within14: within14 += 1; snoozed14 += s
        case .within30: within30 += 1; snoozed30 += s
        case .within90: within90 += 1; snoozed90 += s
        case .later: break
        }
    }
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

    package init(id: String, title: String, counterparty: String, kind: AgreementKind, status: AgreementStatus,
                 calendar: CalendarID, nextActBy: CivilDate?) {
        self.id = id; self.title = title; self.counterparty = counterparty; self.kind = kind; self.status = status
        self.calendar = calendar; self.nextActBy = nextActBy
    }
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

    package init(agreement: Agreement, counterparty: Party, ourParty: Party?, parent: AgreementRow?, children: [AgreementRow],
                 versions: [AgreementVersion], clauses: [Clause], rules: [RuleView], subProcessors: [SubProcessor],
                 changeNotices: [ChangeNotice], objections: [Objection], terminations: [TerminationNotice],
                 events: [AgreementEvent], deadlines: [Deadline], renewal: Deadline?, history: [AuditEntry]) {
        self.agreement = agreement; self.counterparty = counterparty; self.ourParty = ourParty; self.parent = parent
        self.children = children; self.versions = versions; self.clauses = clauses; self.rules = rules
        self.subProcessors = subProcessors; self.changeNotices = changeNotices; self.objections = objections
        self.terminations = terminations; self.events = events; self.deadlines = deadlines; self.renewal = renewal
        self.history = history
    }
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

        package init(subProcessorId: String, agreementId: String, agreementTitle: String, counterparty: String,
                     country: String, purpose: String, status: SubProcessorStatus, since: CivilDate?, statusText: String) {
            self.subProcessorId = subProcessorId; self.agreementId = agreementId; self.agreementTitle = agreementTitle
            self.counterparty = counterparty; self.country = country; self.purpose = purpose; self.status = status
            self.since = since; self.statusText = statusText
        }
    }
    public var name: String
    public var orgNumber: String?
    public var uses: [Use]
    public var id: String { name.lowercased() }

    package init(name: String, orgNumber: String?, uses: [Use]) { self.name = name; self.orgNumber = orgNumber; self.uses = uses }
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

    package init(kind: Kind, id: String, agreementId: String, agreementTitle: String, date: CivilDate, summary: String,
                 status: String, isOpen: Bool, window: Deadline?, givenBy: Actor, flag: String? = nil) {
        self.kind = kind; self.id = id; self.agreementId = agreementId; self.agreementTitle = agreementTitle
        self.date = date; self.summary = summary; self.status = status; self.isOpen = isOpen; self.window = window
        self.givenBy = givenBy; self.flag = flag
    }
}

/// The start of the agenda and its window counts, without building the whole agenda: what the
/// workbench needs for its first frame, at a cost that does not grow with the portfolio.
public struct AgendaHead: Sendable {
    /// The first items in agenda order (act-by day, then id).
    public var items: [AgendaItem]
    /// Counts for the whole agenda, by window.
    public var counts: AgendaCounts
    /// How many items the whole agenda has.
    public var total: Int { counts.overdue + counts.within14 + counts.within30 + counts.within90 }

    public init(items: [AgendaItem], counts: AgendaCounts) { self.items = items; self.counts = counts }
}

/// One sub-processor (grouped by name, without case) in the workbench's register: a summary row,
/// read page by page; its uses are read on demand (`subProcessorUses(name:limit:)`).
public struct SubProcessorVendor: Codable, Hashable, Sendable, Identifiable {
    public var name: String
    public var orgNumber: String?
    /// Distinct agreements using it.
    public var agreements: Int
    /// Sub-processor records (one per agreement entry), what "used in N place(s)" counts.
    public var uses: Int
    /// Distinct countries, sorted.
    public var countries: [String]
    /// Distinct statuses of its uses, the ones needing attention first (objected, rejected,
    /// proposed, removed, approved), so an objected vendor never looks approved.
    public var statuses: [SubProcessorStatus] = []
    public var id: String { name.lowercased() }

    /// "approved", or "objected+approved" when its uses differ.
    public var statusText: String { statuses.isEmpty ? "—" : statuses.map(\.rawValue).joined(separator: "+") }

    package init(name: String, orgNumber: String?, agreements: Int, uses: Int, countries: [String],
                 statuses: [SubProcessorStatus] = []) {
        self.name = name; self.orgNumber = orgNumber; self.agreements = agreements; self.uses = uses
        self.countries = countries; self.statuses = statuses
    }

    package static let attentionOrder: [SubProcessorStatus] = [.objected, .rejected, .proposed, .removed, .approved]
}
