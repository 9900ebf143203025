
/// Builds a realistic synthetic portfolio for scale tests and benchmarks: service agreements with
/// DPAs underneath, notice rules drawn from the patterns of the five real agreements, sub-processors
/// from a shared vendor pool, and change notices, objections, terminations and events spread over
/// five years around today. The same seed gives the same database.
public struct PortfolioGenerator: Sendable {
    public var agreements: Int
    public var seed: UInt64
    public var clock: VarselClock
    /// About how many distinct vendors the sub-processors are drawn from.
    public var vendorPool = 2_000

    public init(agreements: Int, seed: UInt64 = 1, clock: VarselClock) {
        self.agreements = agreements; self.seed = seed; self.clock = clock
    }

    /// What was generated.
    public struct Summary: Sendable, Codable {
        public var agreements = 0, parties = 0, rules = 0, subProcessors = 0, changeNotices = 0
        public var objections = 0, terminations = 0, events = 0, deadlines = 0, openDeadlines = 0
    }

    /// Fills an empty store in one transaction with one audit row.
    @discardableResult
    public func generate(into store: any PortfolioStorage, user: String = OSUser.current()) throws -> Summary {
        guard agreements > 0 else {
            throw VarselError(.invalidInput, "--agreements must be at least 1", at: "--agreements")
        }
        guard try !store.reading(today: clock.today, planner: DeadlinePlanner()).hasAgreements() else {
            throw VarselError(.conflict, "\(store.path) already holds agreements", at: "--db",
                              fix: "Generate into a new file")
        }
        return try store.write(user: user, at: clock.now()) { tx in
            var run = GeneratorRun(spec: self, rng: SeededRandom(seed: seed), tx: tx)
            try run.build()
            let s = run.summary
            return (s, AuditNote(action: "generate", entityType: "portfolio", entityId: "synthetic",
                                 summary: "Synthetic portfolio, seed \(seed): \(s.agreements) agreements, \(s.rules) rules, \(s.subProcessors) sub-processors, \(s.changeNotices) change notices, \(s.deadlines) deadlines"))
        }
    }
}

/// One generation pass (mutable state kept out of the public type).
struct GeneratorRun {
    let spec: PortfolioGenerator
    var rng: SeededRandom
    let tx: any PortfolioTransaction
    var summary = PortfolioGenerator.Summary()
    let planner = DeadlinePlanner()
    var vendors: [(name: String, org: String?, country: String)] = []
    var serial = 0
    /// Records not yet written; flushed every `batchSize` agreements and at the end.
    var batch = GeneratedBatch()
    static let batchSize = 2_000

    init(spec: PortfolioGenerator, rng: SeededRandom, tx: any PortfolioTransaction) {
        self.spec = spec; self.rng = rng; self.tx = tx
    }

    var today: CivilDate { spec.clock.today }

    mutating func nextID(_ prefix: String) -> String {
        serial += 1
        return "\(prefix)-\(String(serial, radix: 36))"
    }

    mutating func companyName() -> (String, String) {
        let form = rng.pick(SyntheticNames.forms)
        let name = rng.pick(SyntheticNames.placeStems) + rng.pick(SyntheticNames.placeEnds).lowercased()
        return ("\(name) \(rng.pick(SyntheticNames.companyWords)) \(form.0)", form.1)
    }

    mutating func build() throws {
        let us = Party(id: "us", name: "Synthetic kommun", country: "SE")
        batch.parties.append(us)
        summary.parties += 1
        for _ in 0..<spec.vendorPool {
            let (name, country) = companyName()
            vendors.append((name, rng.chance(0.7) ? "\(rng.int(100_000...999_999))-\(rng.int(1000...9999))" : nil, country))
        }
        var made = 0
        while made < spec.agreements {
            let service = try makeAgreement(parent: nil)
            made += 1
            if made < spec.agreements && rng.chance(0.6) {
                _ = try makeAgreement(parent: service)
                made += 1
            }
            // A DPA and a termination stay in the batch of their service agreement.
            if batch.agreements.count >= Self.batchSize { try batch.flush(tx) }
        }
        try batch.flush(tx)
    }

    /// One agreement with its rules, sub-processors and history.
    mutating func makeAgreement(parent: Agreement?) throws -> Agreement {
        let (partyName, country) = parent.map { _ in ("", "") } ?? companyName()
        let counterpartyId: String
        if let parent { counterpartyId = parent.counterpartyId } else {
            counterpartyId = nextID("pty")
            batch.parties.append(Party(id: counterpartyId, name: partyName, orgNumber: "\(rng.int(100_000...999_999))-\(rng.int(1000...9999))",
                      country: country))
            summary.parties += 1
        }
        let language = rng.pick(["sv", "sv", "da", "nb", "en"])
        let calendar: CalendarID = language == "da" ? .dk : language == "nb" ? .no : .se
        let words = SyntheticNames.agreementWords[language]!
        let service = rng.pick(SyntheticNames.services)
        let isDPA = parent != nil
        let title = isDPA ? "\(words.dpa) – \(service) (\(String(serial, radix: 36)))"
                          : "\(words.service) \(service) – \(partyName)"
        let start = today.adding(days: -rng.int(30...3650))
        let autoRenew = !isDPA && rng.chance(0.3)
        let term = autoRenew
            ? AgreementTerm(kind: .autoRenewal, initialPeriod: Period(rng.pick([1, 2, 3, 4]), .years),
                            renewalPeriod: Period(1, .years), noticePeriod: Period(rng.pick([1, 3, 6]), .months))
            : AgreementTerm(kind: .indefinite, noticePeriod: Period(3, .months))
        let agreement = Agreement(id: nextID("ag"), title: title, kind: isDPA ? .dataProcessingAgreement : .serviceAgreement,
                                  counterpartyId: counterpartyId, ourPartyId: "us", ourRole: isDPA ? .controller : .customer,
                                  language: language, governingLaw: calendar.name + " law", calendar: calendar,
                                  version: "\(rng.int(1...4)).\(rng.int(0...9))", signedDate: start.adding(days: -rng.int(1...60)),
                                  effectiveDate: start, term: term, status: .active, parentId: parent?.id)
        batch.agreements.append(agreement)
        summary.agreements += 1
        let rules = try makeRules(agreement)
        if isDPA || rng.chance(0.3) { try makeSubProcessors(agreement) }
        try makeHistory(agreement, rules: rules)
        return agreement
    }

    mutating func makeRules(_ a: Agreement) throws -> [NoticeRule] {
        var templates = RuleTemplates.all
        var rules: [NoticeRule] = []
        let count = rng.int(2...5)
        for _ in 0..<count {
            let i = Int(rng.next() % UInt64(templates.count))
            let t = templates.remove(at: i)
            let clauseRef = "\(rng.int(2...12)).\(rng.int(1...9))"
            batch.clauses.append(Clause(id: "\(a.id)-\(t.key)-c", agreementId: a.id, reference: clauseRef, heading: t.heading, text: t.text))
            let rule = t.make("\(a.id)-\(t.key)", a.id, clauseRef)
            batch.rules.append(rule)
            rules.append(rule)
        }
        summary.rules += rules.count
        return rules
    }

    mutating func makeSubProcessors(_ a: Agreement) throws {
        for _ in 0..<rng.int(1...5) {
            let v = rng.pick(vendors)
            batch.subProcessors.append(SubProcessor(id: nextID("sp"), agreementId: a.id, name: v.name, orgNumber: v.org, country: v.country,
                             purpose: rng.pick(SyntheticNames.vendorPurposes),
                             transferMechanism: ["US", "GB"].contains(v.country) ? "SCC 2021/914" : nil,
                             status: rng.chance(0.95) ? .approved : .removed, since: a.effectiveDate))
            summary.subProcessors += 1
        }
    }

    /// Change notices, objections, events and terminations over the last five years and the next one.
    mutating func makeHistory(_ a: Agreement, rules: [NoticeRule]) throws {
        let noticeCount = rng.chance(0.55) ? rng.int(1...2) : 0
        for _ in 0..<noticeCount {
            let received = today.adding(days: -rng.int(0...1800))
            let kind = rng.pick([ChangeKind.subProcessorAdded, .subProcessorAdded, .termsChanged, .serviceChanged, .subProcessorReplaced])
            var notice = ChangeNotice(id: nextID("cn"), agreementId: a.id, kind: kind, receivedDate: received,
                                      channel: rng.pick(Channel.allCases), summary: "\(kind.label) announced",
                                      effectiveDate: received.adding(days: rng.int(14...90)))
            if kind == .subProcessorAdded || kind == .subProcessorReplaced {
                let v = rng.pick(vendors)
                let sp = SubProcessor(id: nextID("sp"), agreementId: a.id, name: v.name, orgNumber: v.org, country: v.country,
                                      purpose: rng.pick(SyntheticNames.vendorPurposes), status: .proposed, since: notice.effectiveDate)
                batch.subProcessors.append(sp)
                summary.subProcessors += 1
                notice.subProcessorId = sp.id
                notice.summary = "New sub-processor: \(v.name)"
            }
            var deadlines = planner.deadlines(for: notice, rules: rules, calendar: a.calendar)
            // Old notices were decided; recent ones are still open.
            let decided = deadlines.allSatisfy { $0.actByDate < today.adding(days: -7) } || rng.chance(0.1)
            let objected = decided && rng.chance(0.2)
            if decided { notice.status = objected ? .objected : .accepted }
            // Open silence-is-approval windows that have passed are settled, as the workbench would at start.
            if !decided, !deadlines.isEmpty, deadlines.allSatisfy({ $0.silenceIsApproval && Portfolio.deemedDate(of: $0) <= today }) {
                let deemed = deadlines.map(Portfolio.deemedDate(of:)).max()!
                notice.status = .accepted
                notice.decisionBasis = .deemed; notice.decisionDate = deemed; notice.decisionClause = deadlines[0].clauseRef
                for i in deadlines.indices { Self.settle(&deadlines[i], on: deemed) }
            }
            batch.changeNotices.append(notice)
            summary.changeNotices += 1
            if objected {
                batch.objections.append(Objection(id: nextID("obj"), changeNoticeId: notice.id, date: min(today, received.adding(days: rng.int(1...20))),
                                        grounds: "Överföring till tredje land utan tillräckliga skyddsåtgärder", channel: .email,
                                        outcome: rng.pick(ObjectionOutcome.allCases)))
                summary.objections += 1
            }
            for var d in deadlines {
                if decided { d.state = .handled; d.handledDate = min(today, d.actByDate); d.handledNote = "Decided" }
                try insert(d)
            }
        }
        if rng.chance(0.08) {
            let kind = rng.pick([EventKind.auditPlanned, .downtime, .incidentDiscovered, .delivery])
            let date = kind == .auditPlanned ? today.adding(days: rng.int(20...400)) : today.adding(days: -rng.int(0...700))
            let event = AgreementEvent(id: nextID("ev"), agreementId: a.id, kind: kind, date: date,
                                       minutes: kind == .incidentDiscovered ? rng.int(0...1439) : nil, description: kind.label)
            batch.events.append(event)
            summary.events += 1
            for var d in planner.deadlines(for: event, rules: rules, calendar: a.calendar) {
                if d.silenceIsApproval && Portfolio.deemedDate(of: d) <= today { Self.settle(&d, on: Portfolio.deemedDate(of: d)) }
                if d.state == .open && d.actByDate < today.adding(days: -30) { d.state = .handled; d.handledDate = d.actByDate }
                try insert(d)
            }
        }
        if a.parentId == nil && rng.chance(0.03) {
            let noticeDate = today.adding(days: -rng.int(0...365))
            let id = nextID("tn")
            let end: CivilDate
            if let rule = planner.terminationRule(in: rules, by: .us) {
                end = planner.compute(rule: rule, calendar: a.calendar, anchor: noticeDate, anchorLabel: "notice given").dueDate
            } else {
                end = noticeDate.adding(months: 3)
            }
            batch.terminations.append(TerminationNotice(id: id, agreementId: a.id, givenBy: rng.chance(0.5) ? .us : .them, noticeDate: noticeDate,
                                  channel: .letter, ruleId: nil, endDate: end, explanation: "3 months after notice given"))
            var ended = a
            ended.endDate = end
            ended.status = end < today ? .ended : .terminating
            batch.replace(ended)
            summary.terminations += 1
            for d in planner.deadlines(forEnd: end, terminationId: id, rules: rules, calendar: a.calendar) { try insert(d) }
        }
    }

    /// Closes a passed silence-is-approval window as deemed accepted (what `settleDeemedAcceptances` does).
    static func settle(_ d: inout Deadline, on deemed: CivilDate) {
        guard d.state == .open else { return }
        d.state = .handled; d.handledDate = deemed; d.resolution = .deemedAccepted
        d.handledNote = "Deemed accepted \(deemed.iso): no objection by \(d.actByDate.iso)" + (d.clauseRef.map { " (\($0))" } ?? "")
    }

    mutating func insert(_ d: Deadline) throws {
        batch.deadlines.append(d)
        summary.deadlines += 1
        if d.state == .open { summary.openDeadlines += 1 }
    }
}
