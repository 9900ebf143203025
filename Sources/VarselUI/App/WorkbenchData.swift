import VarselKit

/// What the portfolio holds, as the workbench shows it: owns every cache, both pagers and the
/// change poll, and loads what a state shows (`load(for:)`) into a `Loaded` value.
///
/// Data is cached per data change: the agenda once (and its filtered, ordered layout per filter
/// and sort), notices when first shown, each agreement's detail by id, and the agreements list and
/// the sub-processor register page by page (`KeysetPager`), read only when their view is shown.
/// Until the first key or idle tick the agenda comes from its head (first items and SQL counts),
/// so start-up does not grow with the portfolio. `reload(scope:)` drops what a change made stale
/// (lazygit's refresh helper). Reads go through the `Portfolio` read API only.
@MainActor public final class WorkbenchData {
    public let portfolio: Portfolio
    public let databaseLabel: String
    /// Set at start when the newest audit rows fail hash-chain verification (shown in the header).
    public let auditWarning: String?

    let pager: AgreementPager
    /// Whether `pager` holds archived agreements too (`WorkbenchState.showArchived` when last read).
    let agreementScope = AgreementScope()
    let vendorPager: VendorPager
    /// The pagers hold rows from before the last data change (re-read when next shown).
    private var pagerStale = true
    private var vendorPagerStale = true
    private var agendaCache: [AgendaItem]?
    /// Open deadlines by act-by day for each month end read (the calendar), per data change.
    private var calendarCache: [CivilDate: [CivilDate: [AgendaItem]]] = [:]
    private var countsCache: AgendaCounts?
    private var agendaHeadCache: AgendaHead?
    private var startingUp = true
    private var agendaLayoutCache: (filter: String, sort: AgendaSort, layout: AgendaView.Layout)?
    private var usesCache: [String: (limit: Int, uses: [SubProcessorRegisterEntry.Use])] = [:]
    private var noticesCache: [NoticeRow]?
    private var noticeRowsCache: (filter: String, sort: NoticeSort, rows: [NoticeRow])?
    private var detailCache: [String: AgreementDetail] = [:]
    private var textCache: AgreementTextPane?
    /// Whether the portfolio holds any agreement (an empty one shows how to start instead).
    private(set) var hasAgreements = false
    private var seenVersion: ChangeToken?

    /// How often each cache was filled (tests check that keys do not reload everything).
    public private(set) var agendaLoads = 0
    public private(set) var detailLoads = 0

    public init(portfolio: Portfolio, databaseLabel: String) {
        self.portfolio = portfolio
        self.databaseLabel = databaseLabel
        if let report = try? portfolio.store.verifyAuditChain(anchor: nil, lastRows: 200),
           let broken = report.firstBreak {
            auditWarning = "AUDIT TRAIL ALTERED at row \(broken.rowId): run varsel audit verify"
        } else {
            auditWarning = nil
        }
        pager = .agreements(portfolio, scope: agreementScope)
        vendorPager = .vendors(portfolio)
    }

    var queries: PortfolioQueries { portfolio.queries }
    var today: CivilDate { portfolio.clock.today }

    // MARK: - Change feed and reload

    /// What a change makes stale.
    public enum ReloadScope: CaseIterable, Hashable, Sendable {
        case agenda, notices, agreements, register, details
    }

    /// Drops the caches of `scope` (default: everything, as after a write); what a view shows is
    /// read again when it is next loaded. Marks the current data version as seen. Returns the
    /// error text when the database cannot be read.
    @discardableResult
    public func reload(scope: Set<ReloadScope> = Set(ReloadScope.allCases)) -> String? {
        if scope.contains(.agenda) { calendarCache = [:]; agendaCache = nil; countsCache = nil; agendaLayoutCache = nil; agendaHeadCache = nil }
        if scope.contains(.notices) { noticesCache = nil; noticeRowsCache = nil }
        if scope.contains(.details) { detailCache = [:]; textCache = nil }
        if scope.contains(.agreements) { pagerStale = true }
        if scope.contains(.register) { vendorPagerStale = true; usesCache = [:] }
        seenVersion = storeVersion()
        do {
            hasAgreements = try queries.hasAgreements()
            return nil
        } catch {
            return "Cannot read the database: \(asVarselError(error).description)"
        }
    }

    /// Whether another process wrote since the last reload. The one place that asks the storage's
    /// change feed (`storeVersion`: on SQLite, `PRAGMA data_version`).
    func changedElsewhere() -> Bool {
        guard let v = storeVersion() else { return false }
        return v != seenVersion
    }

    /// The storage's change token: the single call site of the poll.
    private func storeVersion() -> ChangeToken? { try? portfolio.store.changeToken() }

    /// Leaves start-up mode: from now on the whole agenda is used (built once). True the first time.
    func finishStartUp() -> Bool {
        guard startingUp else { return false }
        startingUp = false
        agendaHeadCache = nil
        agendaLayoutCache = nil
        return true
    }

    /// Idle work: the exact count a filtered list left for later (shown as "200+" until then).
    /// True when it was read.
    func countLeftovers(view: ViewID) -> Bool {
        switch view {
        case .agreements where !pagerStale: (try? pager.countNow()) == true
        case .subProcessors where !vendorPagerStale: (try? vendorPager.countNow()) == true
        default: false
        }
    }

    /// Reads the exact count of `view`'s paged list now.
    func countNow(view: ViewID) throws {
        switch view {
        case .agreements: try pager.countNow()
        case .subProcessors: try vendorPager.countNow()
        default: break
        }
    }

    // MARK: - Loading a state

    /// Everything `state` shows, loaded (the lists around their cursors), and the error met, if any.
    func load(for state: WorkbenchState) -> (Loaded, String?) {
        var out = Loaded(databaseLabel: databaseLabel, today: today, auditWarning: auditWarning,
                         hasAgreements: hasAgreements, counts: counts(state))
        guard hasAgreements else { return (out, nil) }
        let rows = ScreenLayout.listRows(state.size)
        let main = ScreenLayout.main(state.size)
        do {
            switch state.view {
            case .agenda:
                out.agenda = agendaLayout(state)
            case .notices:
                out.notices = noticeRows(state)
            case .calendar:
                out.calendar = calendarMonth(state.calendarDay ?? today)
            case .agreements:
                let filter = state.filters[.agreements] ?? ""
                try resetPagerIfNeeded(filter: filter, includeArchived: state.showArchived)
                let sel = state.agreements.selected
                if sel + 1 >= pager.total { try pager.countNow() }
                let s = max(0, min(sel, pager.total - 1))
                let range = max(0, s - rows)..<(s + rows + 1)
                try pager.ensure(range)
                out.agreements = pager.window(range)
                out.detail = pager.row(at: s).flatMap { detail($0.id) }
                if state.detailTab == .text, let d = out.detail,
                   let rect = AgreementsView.frame(main: main, detailFocused: state.detailFocused).detail {
                    out.text = try textPane(d, width: AgreementsView.body(rect).width)
                }
            case .subProcessors:
                let filter = state.filters[.subProcessors] ?? ""
                if vendorPagerStale || vendorPager.filter != filter { vendorPagerStale = false; try vendorPager.reset(filter: filter) }
                let sel = state.subProcessors.selected
                if sel + 1 >= vendorPager.total { try vendorPager.countNow() }
                let s = max(0, min(sel, vendorPager.total - 1))
                let range = max(0, s - max(rows, main.height))..<(s + max(rows, main.height) + 1)
                try vendorPager.ensure(range)
                out.vendors = vendorPager.window(range)
                out.uses = vendorPager.row(at: s).map { uses(of: $0, limit: main.height / 2) } ?? []
            }
            return (out, nil)
        } catch {
            return (out, "Cannot read the database: \(asVarselError(error).description)")
        }
    }

    /// The calendar's month around `day`: open deadlines (overdue included) by act-by day. The agenda
    /// up to the month's end is read once per month and data change (from the cached 90-day
    /// agenda when the month ends within it).
    func calendarMonth(_ day: CivilDate) -> CalendarMonth {
        let first = day.firstDayOfMonth, last = day.lastDayOfMonth
        let byDay: [CivilDate: [AgendaItem]]
        if let cached = calendarCache[last] {
            byDay = cached
        } else {
            let horizon = today.days(until: last)
            let items = horizon <= 90 ? agendaAll : ((try? queries.agenda(within: horizon)) ?? [])
            byDay = Dictionary(grouping: items.filter { $0.deadline.actByDate >= first && $0.deadline.actByDate <= last },
                               by: { $0.deadline.actByDate })
            calendarCache[last] = byDay
        }
        return CalendarMonth(first: first, counts: byDay.mapValues(\.count), dayItems: byDay[day] ?? [])
    }

    /// The whole agenda (90 days and overdue), read once per data change.
    var agendaAll: [AgendaItem] {
        if let agendaCache { return agendaCache }
        let items = (try? queries.agenda(within: 90)) ?? []
        agendaLoads += 1
        agendaCache = items
        return items
    }

    /// Whether a frame may use the agenda head instead of the whole agenda.
    private func usesAgendaHead(_ state: WorkbenchState) -> Bool {
        startingUp && agendaCache == nil && (state.filters[.agenda] ?? "").isEmpty
    }

    private var agendaHead: AgendaHead? {
        if let agendaHeadCache { return agendaHeadCache }
        agendaHeadCache = try? queries.agendaHead(limit: 200)
        return agendaHeadCache
    }

    /// The header's urgency counts: the head's SQL counts at start-up, else counted once per data
    /// change from the whole agenda (the one place they are computed in the workbench).
    private func counts(_ state: WorkbenchState) -> AgendaCounts {
        if usesAgendaHead(state), state.agendaSort == .actBy, let head = agendaHead { return head.counts }
        if let countsCache { return countsCache }
        var c = AgendaCounts()
        for i in agendaAll { c.add(i) }
        countsCache = c
        return c
    }

    /// The agenda as shown: filtered, in display order, with its groups; computed once per
    /// filter text, sort and data change.
    private func agendaLayout(_ state: WorkbenchState) -> AgendaView.Layout {
        let f = state.filters[.agenda] ?? ""
        if let c = agendaLayoutCache, c.filter == f, c.sort == state.agendaSort { return c.layout }
        if usesAgendaHead(state), let head = agendaHead {
            let c = head.counts
            // Not cached: the whole agenda replaces it after start-up.
            return AgendaView.Layout(ordered: AgendaView.ordered(head.items),
                                     totals: [.overdue: c.overdue, .within14: c.within14, .within30: c.within30, .within90: c.within90])
        }
        let shown = ListFilter.apply(f, to: agendaAll) {
            [$0.agreementTitle, $0.counterparty, $0.deadline.what, $0.deadline.clauseRef, $0.deadline.actByDate.iso]
        }
        let layout = AgendaView.Layout(ordered: AgendaView.ordered(shown, sort: state.agendaSort))
        agendaLayoutCache = (f, state.agendaSort, layout)
        return layout
    }

    /// The notices as shown: filtered and sorted, once per filter, sort and data change.
    private func noticeRows(_ state: WorkbenchState) -> [NoticeRow] {
        let f = state.filters[.notices] ?? ""
        if let c = noticeRowsCache, c.filter == f, c.sort == state.noticeSort { return c.rows }
        let all = noticesCache ?? ((try? queries.notices()) ?? [])
        noticesCache = all
        let rows = NoticesView.sorted(ListFilter.apply(f, to: all) { [$0.summary, $0.agreementTitle, $0.id, $0.status] },
                                      by: state.noticeSort)
        noticeRowsCache = (f, state.noticeSort, rows)
        return rows
    }

    /// One agreement's detail, cached by id.
    public func detail(_ id: String) -> AgreementDetail? {
        if let d = detailCache[id] { return d }
        guard let d = try? queries.detail(agreementId: id) else { return nil }
        detailLoads += 1
        if detailCache.count > 64 { detailCache.removeAll() }
        detailCache[id] = d
        return d
    }

    /// The Text tab's texts of one agreement, read (`PortfolioQueries.documents`) and laid out once
    /// per agreement, width and data change.
    private func textPane(_ d: AgreementDetail, width: Int) throws -> AgreementTextPane {
        if let c = textCache, c.agreementId == d.agreement.id, c.layout.width == width { return c }
        let pane = AgreementTextPane(agreementId: d.agreement.id, documents: try queries.documents(agreementId: d.agreement.id),
                                     clauses: d.clauses, width: width)
        textCache = pane
        return pane
    }

    /// The uses of one sub-processor (at least `limit` of them when it has that many), cached.
    private func uses(of vendor: SubProcessorVendor, limit: Int) -> [SubProcessorRegisterEntry.Use] {
        let need = max(1, limit)
        if let c = usesCache[vendor.id], c.limit >= need || c.uses.count < c.limit { return c.uses }
        let uses = (try? queries.subProcessorUses(name: vendor.name, limit: need)) ?? []
        if usesCache.count > 256 { usesCache.removeAll() }
        usesCache[vendor.id] = (need, uses)
        return uses
    }

    /// Reads the agreements list's first page again when it is stale, or the filter or the
    /// archived toggle changed.
    private func resetPagerIfNeeded(filter: String, includeArchived: Bool) throws {
        guard pagerStale || pager.filter != filter || agreementScope.includeArchived != includeArchived else { return }
        pagerStale = false
        agreementScope.includeArchived = includeArchived
        try pager.reset(filter: filter)
    }

    /// Loads the agreements list around one agreement and returns its index; when the filter
    /// hides it, the filter is dropped (`filterCleared`); when it is archived and archived ones
    /// are hidden, they are shown (`archivedShown`). Nil when it is not in the database.
    func focusAgreement(_ id: String, filter: String, includeArchived: Bool = false)
        throws -> (index: Int, filterCleared: Bool, archivedShown: Bool)? {
        var tries = [(filter, includeArchived)]
        if !includeArchived { tries.append((filter, true)) }
        if !filter.isEmpty { tries.append(("", includeArchived)) }
        if !filter.isEmpty && !includeArchived { tries.append(("", true)) }
        for (f, archived) in tries {
            try resetPagerIfNeeded(filter: f, includeArchived: archived)
            if let index = try pager.focus(on: id, queries, includeArchived: archived) {
                return (index, f != filter, archived != includeArchived)
            }
        }
        return nil
    }
}
