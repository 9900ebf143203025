
/// One silence-is-approval window settled: the change (or delivery) deemed accepted.
public struct DeemedAcceptance: Sendable, Hashable {
    public var sourceKind: DeadlineSourceKind
    public var sourceId: String
    public var agreementId: String
    /// The day the acceptance took effect: the day after an objection window closed, or the day
    /// the change applied for a decision counted back from it.
    public var deemedDate: CivilDate
    public var clauseRef: String?
    /// The deadlines closed as deemed accepted.
    public var deadlineIds: [String]
}

extension Portfolio {
    /// Settles every silence-is-approval window (PUB 5.2, Pureservice 1.3 and 7.3) that passed
    /// without objection by `today` (default: the clock's day): the change notice becomes
    /// accepted (deemed, with date and clause), its proposed sub-processor approved (deemed), and
    /// the deadline closes as "deemed accepted". Each settled notice or event is one transaction
    /// with one audit row. Run by the workbench at start and refresh and by the CLI before reads.
    ///
    /// Agenda queries never list such a window as overdue even before it is settled.
    @discardableResult
    public func settleDeemedAcceptances(today: CivilDate? = nil) throws -> [DeemedAcceptance] {
        let today = today ?? clock.today
        let candidates = try store.reading(today: today, planner: planner).passedSilenceWindows(before: today)
        var sources: [(DeadlineSourceKind, String)] = []
        for d in candidates where Self.deemedDate(of: d) <= today && !sources.contains(where: { $0 == (d.sourceKind, d.sourceId) }) {
            sources.append((d.sourceKind, d.sourceId))
        }
        return try sources.compactMap { kind, id in try settle(sourceKind: kind, sourceId: id, today: today) }
    }

    /// The day silence becomes acceptance: the day after the last day to act in a window counted
    /// after its anchor (its act-by day, which a cap may bring before the period's end); for a
    /// decision counted back from the day a change applies, that day (the anchor), never earlier.
    static func deemedDate(of d: Deadline) -> CivilDate {
        d.dueDate > d.anchorDate ? d.actByDate.adding(days: 1) : max(d.anchorDate, d.actByDate.adding(days: 1))
    }

    private func settle(sourceKind: DeadlineSourceKind, sourceId: String, today: CivilDate) throws -> DeemedAcceptance? {
        do { return try settleOnce(sourceKind: sourceKind, sourceId: sourceId, today: today) } catch is AlreadySettled { return nil }
    }

    /// Thrown inside the write (rolling it back, no audit row) when another writer settled first.
    private struct AlreadySettled: Error {}

    private func settleOnce(sourceKind: DeadlineSourceKind, sourceId: String, today: CivilDate) throws -> DeemedAcceptance {
        try write { tx in
            guard let settled = try settleWindows(tx, sourceKind: sourceKind, sourceId: sourceId, today: today) else { throw AlreadySettled() }
            return settled
        }
    }

    /// Settles the passed silence-is-approval windows of one source inside the caller's
    /// transaction; nil when none has passed. Returns what was settled and its audit note.
    func settleWindows(_ tx: any PortfolioTransaction, sourceKind: DeadlineSourceKind, sourceId: String,
                       today: CivilDate) throws -> (DeemedAcceptance, AuditNote)? {
        let open = try tx.deadlines(DeadlineFilter(sourceKind: sourceKind, sourceId: sourceId, state: .open,
                                                   silenceIsApproval: true, order: .actByThenId))
            .filter { $0.actByDate < today && Self.deemedDate(of: $0) <= today }
        guard let first = open.first else { return nil }
        let deemed = open.map(Self.deemedDate(of:)).max() ?? Self.deemedDate(of: first)
        let clause = first.clauseRef
        let clauseText = clause.map { " (\($0))" } ?? ""
        var closed: [Deadline] = []
        for var d in open {
            d.state = .handled
            d.handledDate = deemed
            d.resolution = .deemedAccepted
            d.handledNote = "Deemed accepted \(deemed.iso): no objection by \(d.actByDate.iso)\(clauseText)"
                + (d.assumed ? "; the window was an assumed period for vague wording" : "")
            try tx.update(d)
            closed.append(d)
        }
        var summary = "Deemed accepted \(deemed.iso)\(clauseText): \(first.what) passed without objection"
        var before: ChangeNotice?
        var after: ChangeNotice?
        if sourceKind == .changeNotice, var notice = try tx.record(ChangeNotice.self, id: sourceId), notice.status == .open {
            before = notice
            notice.status = .accepted
            notice.decisionBasis = .deemed
            notice.decisionDate = deemed
            notice.decisionClause = clause
            try tx.update(notice)
            after = notice
            if let spId = notice.subProcessorId, var sp = try tx.record(SubProcessor.self, id: spId), sp.status == .proposed {
                sp.status = .approved
                sp.approvalBasis = .deemed
                sp.approvalDate = deemed
                sp.approvalClause = clause
                try tx.update(sp)
                summary += "; sub-processor \(sp.name) approved (deemed)"
            }
            if let old = notice.replacesSubProcessorId, var sp = try tx.record(SubProcessor.self, id: old) {
                sp.status = .removed
                try tx.update(sp)
            }
        }
        let result = DeemedAcceptance(sourceKind: sourceKind, sourceId: sourceId, agreementId: first.agreementId,
                                      deemedDate: deemed, clauseRef: clause, deadlineIds: closed.map(\.id))
        return (result, AuditNote(action: "deemed_acceptance", entityType: sourceKind == .changeNotice ? "change_notice" : sourceKind.rawValue,
                                  entityId: sourceId, summary: summary, before: before,
                                  after: DeemedSnapshot(notice: after, deadlines: closed)))
    }
}

struct DeemedSnapshot: Encodable {
    var notice: ChangeNotice?
    var deadlines: [Deadline]
}
