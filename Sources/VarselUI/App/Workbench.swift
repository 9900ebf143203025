import VarselKit

/// The ncurses workbench as a terminal-independent program: key → action → new state
/// (reads and writes through `Portfolio`) → views render into a `ScreenBuffer`.
///
/// Data is cached per data change: the agenda once (and its filtered, ordered layout per filter),
/// notices when first shown, each agreement's detail by id, and the agreements list and the
/// sub-processor register page by page (`KeysetPager`), read only when their view is first shown.
/// `tick()` notices writes by other processes (`PRAGMA data_version`) and reloads.
@MainActor public final class Workbench: TerminalProgram {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public let portfolio: Portfolio
    public let databaseLabel: String
    public private(set) var state = WorkbenchState()

    let pager: AgreementPager
    let vendorPager: VendorPager
    /// The pagers hold rows from before the last data change (re-read when next shown).
    private var pagerStale = true
    private var vendorPagerStale = true
    private var agendaCache: [AgendaItem]?
    private var countsCache: AgendaCounts?
    /// The first screen of the agenda and its counts, read by SQL for the first frame; the whole
    /// agenda is built on the first idle tick or key, so start-up does not grow with the portfolio.
    private var agendaHeadCache: AgendaHead?
    private var startingUp = true
    private var agendaLayoutCache: (filter: String, sort: AgendaSort, layout: AgendaView.Layout)?
    private var usesCache: [String: (limit: Int, uses: [SubProcessorRegisterEntry.Use])] = [:]
    private var noticesCache: [NoticeRow]?
    private var noticeRowsCache: (filter: String, sort: NoticeSort, rows: [NoticeRow])?
    private var detailCache: [String: AgreementDetail] = [:]
    /// Whether the portfolio holds any agreement (an empty one shows how to start instead).
    private(set) var hasAgreements = false
    private var changeToken: ChangeToken?
    private var size = (width: 80, height: 24)

    /// How often each cache was filled (tests check that keys do not reload everything).
    public private(set) var agendaLoads = 0
    public private(set) var detailLoads = 0

    /// Set at start when the newest audit rows fail hash-chain verification (shown in the header).
    public private(set) var auditWarning: String?

    public init(portfolio: Portfolio, databaseLabel: String) {
        self.portfolio = portfolio
        self.databaseLabel = databaseLabel
        if let report = try? portfolio.store.verifyAuditChain(anchor: nil, lastRows: 200),
           let broken = report.firstBreak {
            auditWarning = "AUDIT TRAIL ALTERED at row \(broken.rowId): run varsel audit verify"
        }
        pager = .agreements(portfolio)
        vendorPager = .vendors(portfolio)
        settleDeemedAcceptances()
        reloadAll()
        changeToken = try? portfolio.store.changeToken()
    }

    /// Settles the silence-is-approval windows that passed by today (at start and on reload):
    /// each becomes a deemed acceptance, audited, and leaves the agenda.
    func settleDeemedAcceptances() {
        do {
            let settled = try portfolio.settleDeemedAcceptances()
            if !settled.isEmpty {
                let n = settled.count
                state.status = StatusMessage(text: "\(n) change\(n == 1 ? "" : "s") deemed accepted: no objection within the window", isError: false)
            }
        } catch {
            state.status = StatusMessage(text: "Cannot settle deemed acceptances: \(asVarselError(error).description)", isError: true)
        }
    }

    var queries: PortfolioQueries { portfolio.queries }
    var today: CivilDate { portfolio.clock.today }

    // MARK: - Data

    /// Drops every cache; what a view shows is read again when it is next drawn (the agreements
    /// list and the register are not read at all until their view is shown).
    func reloadAll() {
        agendaCache = nil; countsCache = nil; agendaLayoutCache = nil; agendaHeadCache = nil
        noticesCache = nil; noticeRowsCache = nil; detailCache = [:]; usesCache = [:]
        pagerStale = true; vendorPagerStale = true
        do {
            hasAgreements = try queries.hasAgreements()
        } catch {
            state.status = StatusMessage(text: "Cannot read the database: \(asVarselError(error).description)", isError: true)
        }
    }

    /// The agreements list, re-read after a data change (keeping the selection where it was).
    @discardableResult
    func agreementsPager() -> AgreementPager {
        guard pagerStale else { return pager }
        pagerStale = false
        do {
            let keep = state.agreements.selected
            try pager.reset(filter: state.filters[.agreements] ?? "")
            state.agreements.selected = min(keep, max(0, pager.total - 1))
            try pager.ensure(state.agreements.offset..<(state.agreements.offset + listRows + 1))
        } catch {
            state.status = StatusMessage(text: "Cannot read the database: \(asVarselError(error).description)", isError: true)
        }
        return pager
    }

    /// The sub-processor register, re-read after a data change (keeping the selection where it was).
    @discardableResult
    func vendorsPager() -> VendorPager {
        guard vendorPagerStale else { return vendorPager }
        vendorPagerStale = false
        do {
            let keep = state.subProcessors.selected
            try vendorPager.reset(filter: state.filters[.subProcessors] ?? "")
            state.subProcessors.selected = min(keep, max(0, vendorPager.total - 1))
            try vendorPager.ensure(state.subProcessors.offset..<(state.subProcessors.offset + listRows + 1))
        } catch {
            state.status = StatusMessage(text: "Cannot read the database: \(asVarselError(error).description)", isError: true)
        }
        return vendorPager
    }

    /// The uses of one sub-processor (at least `limit` of them when it has that many), cached.
    func uses(of vendor: SubProcessorVendor, limit: Int = 24) -> [SubProcessorRegisterEntry.Use] {
        let need = max(1, limit)
        if let c = usesCache[vendor.id], c.limit >= need || c.uses.count < c.limit { return c.uses }
        let uses = (try? queries.subProcessorUses(name: vendor.name, limit: need)) ?? []
        if usesCache.count > 256 { usesCache.removeAll() }
        usesCache[vendor.id] = (need, uses)
        return uses
    }

    /// After our own write or another process's: everything shown may have changed.
    func dataChanged() {
        reloadAll()
        changeToken = try? portfolio.store.changeToken()
    }

    var agendaAll: [AgendaItem] {
        if let agendaCache { return agendaCache }
        let items = (try? queries.agenda(within: 90)) ?? []
        agendaLoads += 1
        agendaCache = items
        return items
    }

    /// Whether the first frame may use the agenda head instead of the whole agenda.
    var usesAgendaHead: Bool { startingUp && agendaCache == nil && (state.filters[.agenda] ?? "").isEmpty }

    var agendaHead: AgendaHead? {
        if let agendaHeadCache { return agendaHeadCache }
        agendaHeadCache = try? queries.agendaHead(limit: 200)
        return agendaHeadCache
    }

    /// Leaves start-up mode: from now on the whole agenda is used (built once).
    func finishStartUp() -> Bool {
        guard startingUp else { return false }
        startingUp = false
        agendaHeadCache = nil
        agendaLayoutCache = nil
        return true
    }

    var counts: AgendaCounts {
        if usesAgendaHead, state.agendaSort == .actBy, let head = agendaHead { return head.counts }
        if let countsCache { return countsCache }
        var c = AgendaCounts()
        for i in agendaAll {
            switch i.window {
            case .overdue: c.overdue += 1
            case .within14: c.within14 += 1
            case .within30: c.within30 += 1
            case .within90: c.within90 += 1
            case .later: break
            }
        }
        countsCache = c
        return c
    }

    static func matches(_ filter: String, _ fields: [String?]) -> Bool {
        let f = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !f.isEmpty else { return true }
        return fields.contains { $0?.lowercased().contains(f) ?? false }
    }

    /// The agenda as shown: filtered, in display order, with its groups; computed once per
    /// filter text and data change.
    var agendaLayout: AgendaView.Layout {
        let f = state.filters[.agenda] ?? ""
        if let c = agendaLayoutCache, c.filter == f, c.sort == state.agendaSort { return c.layout }
        if usesAgendaHead, let head = agendaHead {
            let c = head.counts
            // Not cached: the whole agenda replaces it after start-up.
            return AgendaView.Layout(ordered: AgendaView.ordered(head.items),
                                     totals: [.overdue: c.overdue, .within14: c.within14, .within30: c.within30, .within90: c.within90])
        }
        let shown = f.trimmingCharacters(in: .whitespaces).isEmpty ? agendaAll : agendaAll.filter {
            Self.matches(f, [$0.agreementTitle, $0.counterparty, $0.deadline.what, $0.deadline.clauseRef, $0.deadline.actByDate.iso])
        }
        let layout = AgendaView.Layout(ordered: AgendaView.ordered(shown, sort: state.agendaSort))
        agendaLayoutCache = (f, state.agendaSort, layout)
        return layout
    }

    /// The agenda as shown: filtered, in display order.
    var agendaItems: [AgendaItem] { agendaLayout.items }

    var noticeRows: [NoticeRow] {
        let f = state.filters[.notices] ?? ""
        if let c = noticeRowsCache, c.filter == f, c.sort == state.noticeSort { return c.rows }
        if noticesCache == nil { noticesCache = (try? queries.notices()) ?? [] }
        var rows = noticesCache!.filter { Self.matches(f, [$0.summary, $0.agreementTitle, $0.id, $0.status]) }
        switch state.noticeSort {
        case .openFirst: break
        case .newest: rows = rows.enumerated().sorted { ($0.element.date, $1.offset) > ($1.element.date, $0.offset) }.map(\.element)
        case .agreement:
            rows = rows.enumerated().sorted {
                let a = SearchFold.fold($0.element.agreementTitle), b = SearchFold.fold($1.element.agreementTitle)
                return a != b ? a < b : $0.offset < $1.offset
            }.map(\.element)
        }
        noticeRowsCache = (f, state.noticeSort, rows)
        return rows
    }

    func detail(_ id: String) -> AgreementDetail? {
        if let d = detailCache[id] { return d }
        guard let d = try? queries.detail(agreementId: id) else { return nil }
        detailLoads += 1
        if detailCache.count > 64 { detailCache.removeAll() }
        detailCache[id] = d
        return d
    }

    var selectedAgreementRow: AgreementRow? { agreementsPager().row(at: state.agreements.selected) }

    // MARK: - Layout

    var mainRect: Rect { Rect(x: 0, y: 2, width: size.width, height: size.height - 4) }
    /// List rows visible in the main area (one row is the column header).
    var listRows: Int { max(1, size.height - 5) }

    // MARK: - TerminalProgram

    public func render(width: Int, height: Int) -> ScreenBuffer {
        size = (width, height)
        var buf = ScreenBuffer(width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            let msg = "Terminal too small (\(width)x\(height)); need at least \(Self.minimumWidth)x\(Self.minimumHeight)"
            let lines = TextWrap.wrap(msg, width: max(1, width))
            let top = max(0, (height - lines.count) / 2)
            for (i, l) in lines.enumerated() { buf.put(DisplayWidth.center(l, to: width), x: 0, y: top + i, style: .bold()) }
            return buf
        }
        Header.draw(&buf, width: width, databaseLabel: databaseLabel, today: today, counts: counts, view: state.view,
                    filter: state.filter, filterEditing: state.filterEditing)
        if let auditWarning {
            buf.putPadded(" ⚠ " + auditWarning + " ", x: 0, y: 0, width: min(DisplayWidth.of(auditWarning) + 4, max(0, width - 46)),
                          style: CellStyle(.overdue, bold: true, reverse: true))
        }
        let main = mainRect
        if !hasAgreements {
            EmptyPortfolioView.draw(&buf, rect: main, databasePath: databaseLabel)
        } else {
            switch state.view {
            case .agenda:
                renderAgenda(&buf, main)
            case .agreements:
                renderAgreements(&buf, main)
            case .subProcessors:
                let vendors = vendorsPager()
                let sel = state.subProcessors.selected
                try? vendors.ensure(max(0, sel - main.height)..<(sel + main.height))
                SubProcessorsView.draw(&buf, rect: main, pager: vendors, cursor: &state.subProcessors, filter: state.filter,
                                       uses: { self.uses(of: $0, limit: main.height / 2) })
            case .notices:
                NoticesView.draw(&buf, rect: main, rows: noticeRows, cursor: &state.notices, today: today, filter: state.filter)
            }
        }
        // Status line: the filter being typed, or the last message.
        let sy = height - 2
        if state.filterEditing {
            let text = "/" + state.filter
            buf.put(text, x: 0, y: sy, style: CellStyle(.accent, bold: true))
            buf.cursor = (x: min(width - 1, DisplayWidth.of(TerminalText.sanitize(text))), y: sy)
        } else if let prompt = state.prompt {
            let text = ":" + prompt
            buf.put(text, x: 0, y: sy, style: CellStyle(.accent, bold: true))
            buf.cursor = (x: min(width - 1, DisplayWidth.of(TerminalText.sanitize(text))), y: sy)
        } else if let s = state.status {
            buf.putPadded(s.text, x: 0, y: sy, width: width, style: CellStyle(s.isError ? .error : .success, bold: true))
        }
        HintBar.draw(&buf, y: height - 1, width: width, context: state.context)
        if let form = state.form {
            FormView.draw(&buf, width: width, height: height, form: form)
        }
        switch state.overlay {
        case .help(var scroll):
            HelpOverlay.draw(&buf, width: width, height: height, context: helpContext, scroll: &scroll)
            state.overlay = .help(scroll: scroll)
            buf.cursor = nil
        case .confirm(let c):
            ConfirmOverlay.draw(&buf, width: width, height: height, question: c.question)
            buf.cursor = nil
        case nil: break
        }
        return buf
    }

    /// The context whose keys the help overlay lists (the one under the overlay).
    var helpContext: BindingContext {
        var s = state
        s.overlay = nil
        return s.context
    }

    /// The agenda list and, when there is room, the preview of the selected row under it.
    private func renderAgenda(_ buf: inout ScreenBuffer, _ main: Rect) {
        let layout = agendaLayout
        var preview: [StyledLine] = []
        if main.height >= 12, !layout.items.isEmpty {
            let i = min(max(0, state.agenda.selected), layout.items.count - 1)
            preview = AgendaView.previewLines(layout.items[i], width: main.width - 1, maxLines: main.height >= 20 ? 4 : 2)
        }
        let listHeight = preview.isEmpty ? main.height : main.height - preview.count - 1
        AgendaView.draw(&buf, rect: Rect(x: main.x, y: main.y, width: main.width, height: listHeight), layout: layout,
                        cursor: &state.agenda, filter: state.filter)
        if !preview.isEmpty {
            AgendaView.drawPreview(&buf, rect: Rect(x: main.x, y: main.y + listHeight, width: main.width, height: preview.count + 1),
                                   lines: preview)
        }
    }

    private func renderAgreements(_ buf: inout ScreenBuffer, _ main: Rect) {
        agreementsPager()
        state.agreements.clamp(count: pager.total, visible: main.height - 1)
        try? pager.ensure(state.agreements.offset..<(state.agreements.offset + main.height))
        let detail = selectedAgreementRow.flatMap { self.detail($0.id) }
        // A local copy: two inout parts of `state` in one call would overlap.
        var anchor = state.detailAnchor
        defer { state.detailAnchor = anchor }
        if main.width >= AgreementsView.splitWidth {
            let lw = main.width * 45 / 100
            AgreementsView.drawList(&buf, rect: Rect(x: main.x, y: main.y, width: lw, height: main.height), pager: pager,
                                    cursor: &state.agreements, today: today, filter: state.filter, focused: !state.detailFocused)
            buf.vline(x: lw, y: main.y, height: main.height, style: .role(.border))
            AgreementsView.drawDetail(&buf, rect: Rect(x: lw + 2, y: main.y, width: main.width - lw - 2, height: main.height),
                                      detail: detail, tab: state.detailTab, scroll: &state.detailScroll,
                                      focused: state.detailFocused, today: today, anchor: &anchor)
        } else if state.detailFocused {
            AgreementsView.drawDetail(&buf, rect: main, detail: detail, tab: state.detailTab, scroll: &state.detailScroll,
                                      focused: true, today: today, anchor: &anchor)
        } else {
            AgreementsView.drawList(&buf, rect: main, pager: pager, cursor: &state.agreements, today: today,
                                    filter: state.filter, focused: true)
        }
    }

    public func handle(_ key: Key) -> ProgramStep {
        _ = finishStartUp()
        if key == .resize { return .redraw }
        // Too small to show anything but the message: keys would act unseen, so only quit works.
        if isTooSmall { return key == .char("q") || key.isInterrupt ? .quit : .none }
        state.status = nil
        let context = state.context
        if case .paste(let text) = key { return paste(text) }
        if context == .form, case .char(let c) = key, state.form?.focusedField?.isTextual == true {
            state.form?.type(c)
            refreshForm()
            return .redraw
        }
        if context == .form, state.form?.edit(key) == true {
            refreshForm()
            return .redraw
        }
        if context == .prompt, case .char(let c) = key {
            state.prompt?.append(c)
            return .redraw
        }
        if context == .filter, case .char(let c) = key {
            state.filters[state.view, default: ""].append(c)
            filterChanged()
            return .redraw
        }
        guard let action = Bindings.action(for: key, in: context) else { return .redraw }
        return perform(action, key: key)
    }

    /// Whether the last frame was the "Terminal too small" message.
    var isTooSmall: Bool { size.width < Self.minimumWidth || size.height < Self.minimumHeight }

    /// A bracketed paste: text for the field, command line or filter being edited, never keys
    /// (a pasted line break neither moves to the next field nor submits).
    private func paste(_ text: String) -> ProgramStep {
        let oneLine = text.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
        switch state.context {
        case .form:
            if state.form?.paste(text) == true { refreshForm() }
            else { state.status = StatusMessage(text: "Paste into a text field (this field is a choice)", isError: true) }
        case .prompt:
            state.prompt?.append(TerminalText.sanitize(oneLine))
        case .filter:
            state.filters[state.view, default: ""].append(TerminalText.sanitize(oneLine))
            filterChanged()
        default:
            state.status = StatusMessage(text: "Pasted text ignored: open a form, / or : first", isError: true)
        }
        return .redraw
    }

    public func tick() -> ProgramStep {
        if finishStartUp() { _ = agendaAll; return .redraw }
        guard let v = try? portfolio.store.changeToken() else { return .none }
        guard v != changeToken else {
            // Idle: read the count a filtered list left for later (shown as "200+" until then).
            switch state.view {
            case .agreements where !pagerStale: return (try? pager.countNow()) == true ? .redraw : .none
            case .subProcessors where !vendorPagerStale: return (try? vendorPager.countNow()) == true ? .redraw : .none
            default: return .none
            }
        }
        changeToken = v
        reloadAll()
        state.status = StatusMessage(text: "Reloaded: the database was changed by another program", isError: false)
        return .redraw
    }

    // MARK: - Actions

    @discardableResult
    public func perform(_ action: Action, key: Key? = nil) -> ProgramStep {
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            move(action)
        case .open:
            open()
        case .back:
            if state.context == .agreementDetail {
                state.detailFocused = false
            } else if key == .escape {
                if !state.filter.isEmpty { state.filters[state.view] = nil; filterChanged() }
            } else {
                return .quit
            }
        case .quit:
            if state.overlay == nil, state.form?.holdsData == true {
                state.overlay = .confirm(Confirmation(subject: .quit,
                    question: "Quit Varsel? The form holds unsaved input; nothing of it is written."))
                return .redraw
            }
            return .quit
        case .showView(let v):
            state.view = v
        case .nextView, .previousView:
            let all = ViewID.allCases
            let i = all.firstIndex(of: state.view)!
            state.view = all[(i + (action == .nextView ? 1 : all.count - 1)) % all.count]
        case .nextTab, .previousTab:
            let all = DetailTab.allCases
            state.detailTab = all[(state.detailTab.rawValue + (action == .nextTab ? 1 : all.count - 1)) % all.count]
            state.detailScroll = 0
        case .reload:
            state.status = StatusMessage(text: "Reloaded", isError: false)
            settleDeemedAcceptances()
            dataChanged()
        case .help:
            state.overlay = .help(scroll: 0)
        case .closeHelp:
            state.overlay = nil
        case .startPrompt:
            state.prompt = ""
        case .cancelPrompt:
            state.prompt = nil
        case .runPrompt:
            let line = state.prompt ?? ""
            state.prompt = nil
            switch CommandPrompt.execute(line, portfolio: portfolio) {
            case .message(let m): state.status = m
            case .quit: return perform(.quit)
            case .help: state.overlay = .help(scroll: 0)
            }
        case .startFilter:
            state.filterEditing = true
        case .cycleSort:
            switch state.context {
            case .agenda:
                state.agendaSort = AgendaSort(rawValue: (state.agendaSort.rawValue + 1) % AgendaSort.allCases.count)!
                state.agenda = ListCursor()
                state.status = StatusMessage(text: "Agenda sorted by \(state.agendaSort.title) within each window (s: next order)", isError: false)
            case .notices:
                state.noticeSort = NoticeSort(rawValue: (state.noticeSort.rawValue + 1) % NoticeSort.allCases.count)!
                state.notices = ListCursor()
                state.status = StatusMessage(text: "Notices sorted: \(state.noticeSort.title) (s: next order)", isError: false)
            default: break
            }
        case .nextMatch, .previousMatch:
            stepMatch(forward: action == .nextMatch)
        case .keepFilter:
            state.filterEditing = false
        case .clearFilter:
            state.filterEditing = false
            state.filters[state.view] = nil
            filterChanged()
        case .typeText:
            break // handled in `handle` (needs the character)
        case .deleteChar:
            if state.form != nil {
                state.form?.deleteBackward()
                refreshForm()
            } else if state.prompt != nil {
                if state.prompt?.isEmpty == false { state.prompt?.removeLast() }
            } else if state.filterEditing, !state.filter.isEmpty {
                state.filters[state.view]?.removeLast()
                filterChanged()
            }
        case .recordObjection: openObjectionForm()
        case .recordChangeNotice: openAgreementForm(termination: false)
        case .recordTermination: openAgreementForm(termination: true)
        case .markHandled: askMarkHandled()
        case .reopenHandled: askReopen()
        case .nextField: state.form?.moveFocus(1)
        case .previousField: state.form?.moveFocus(-1)
        case .cycleChoiceForward, .cycleChoiceBackward:
            state.form?.cycle(action == .cycleChoiceForward ? 1 : -1)
            refreshForm()
        case .submitOrNext:
            if state.form?.onLastField == true { submitForm(confirmed: false) } else { state.form?.moveFocus(1) }
        case .submit:
            submitForm(confirmed: false)
        case .cancelForm:
            if state.form?.holdsData == true {
                state.overlay = .confirm(Confirmation(subject: .discardForm,
                    question: "Discard what you typed? Nothing is written."))
                return .redraw
            }
            state.form = nil
            state.status = StatusMessage(text: "Cancelled; nothing was written", isError: false)
        case .confirm:
            guard case .confirm(let c) = state.overlay else { break }
            state.overlay = nil
            switch c.subject {
            case .submitForm:
                submitForm(confirmed: true)
            case .reopen(let id):
                do {
                    let d = try portfolio.reopenDeadline(id: id)
                    state.status = StatusMessage(text: "Reopened: \(d.what) (act by \(d.actByDate.iso))", isError: false)
                    dataChanged()
                } catch {
                    state.status = StatusMessage(text: asVarselError(error).description, isError: true)
                }
            case .discardForm:
                state.form = nil
                state.status = StatusMessage(text: "Cancelled; nothing was written", isError: false)
            case .quit:
                return .quit
            }
        case .cancelConfirm:
            state.overlay = nil
        }
        return .redraw
    }

    private func move(_ action: Action) {
        let page = max(1, listRows - 1)
        func apply(_ cursor: inout ListCursor, count: Int) {
            switch action {
            case .moveUp: cursor.selected -= 1
            case .moveDown: cursor.selected += 1
            case .pageUp: cursor.selected -= page
            case .pageDown: cursor.selected += page
            case .top: cursor.selected = 0
            case .bottom: cursor.selected = count - 1
            default: break
            }
            cursor.selected = max(0, min(cursor.selected, count - 1))
        }
        switch state.context {
        case .help:
            if case .help(let s) = state.overlay { state.overlay = .help(scroll: max(0, s + (action == .moveUp ? -1 : 1))) }
        case .agenda: apply(&state.agenda, count: agendaItems.count)
        case .agreementList:
            let before = state.agreements.selected
            if action == .bottom || before + page + 1 >= agreementsPager().total { try? pager.countNow() }
            apply(&state.agreements, count: pager.total)
            if before != state.agreements.selected { state.detailScroll = 0 }
            let sel = state.agreements.selected
            try? pager.ensure(max(0, sel - listRows)..<(sel + listRows))
        case .agreementDetail:
            switch action {
            case .moveUp: state.detailScroll -= 1
            case .moveDown: state.detailScroll += 1
            case .pageUp: state.detailScroll -= page
            case .pageDown: state.detailScroll += page
            case .top: state.detailScroll = 0
            case .bottom: state.detailScroll = Int.max / 2
            default: break
            }
            state.detailScroll = max(0, state.detailScroll)
        case .subProcessors:
            if action == .bottom || state.subProcessors.selected + page + 1 >= vendorsPager().total { try? vendorPager.countNow() }
            apply(&state.subProcessors, count: vendorPager.total)
            let sel = state.subProcessors.selected
            try? vendorPager.ensure(max(0, sel - listRows)..<(sel + listRows))
        case .notices: apply(&state.notices, count: noticeRows.count)
        default: break
        }
    }

    /// n / N: with a filter, every row shown is a match, so the next match is the next row
    /// (wrapping around at the ends, as less and vim do). Without one, says how to search.
    private func stepMatch(forward: Bool) {
        guard !state.filter.trimmingCharacters(in: .whitespaces).isEmpty else {
            state.status = StatusMessage(text: "No search: / filters the list, then n and N move between matches", isError: true)
            return
        }
        let count: Int
        switch state.context {
        case .agenda: count = agendaItems.count
        case .agreementList: try? pager.countNow(); count = agreementsPager().total
        case .subProcessors: try? vendorPager.countNow(); count = vendorsPager().total
        case .notices: count = noticeRows.count
        default: return
        }
        guard count > 0 else {
            state.status = StatusMessage(text: "No matches for \"\(state.filter)\"", isError: true)
            return
        }
        var wrapped: String?
        func step(_ c: inout ListCursor) {
            let next = c.selected + (forward ? 1 : -1)
            if next >= count { wrapped = "Search wrapped to the top" }
            if next < 0 { wrapped = "Search wrapped to the bottom" }
            c.selected = (next + count) % count
        }
        defer { if let wrapped { state.status = StatusMessage(text: wrapped, isError: false) } }
        switch state.context {
        case .agenda: step(&state.agenda)
        case .agreementList:
            step(&state.agreements)
            state.detailScroll = 0
            try? pager.ensure(max(0, state.agreements.selected - listRows)..<(state.agreements.selected + listRows))
        case .subProcessors:
            step(&state.subProcessors)
            try? vendorPager.ensure(max(0, state.subProcessors.selected - listRows)..<(state.subProcessors.selected + listRows))
        case .notices: step(&state.notices)
        default: break
        }
    }

    private func filterChanged() {
        switch state.view {
        case .agenda: state.agenda = ListCursor()
        case .agreements:
            state.agreements = ListCursor()
            state.detailScroll = 0
            pagerStale = false
            do { try pager.reset(filter: state.filter) } catch {
                state.status = StatusMessage(text: asVarselError(error).description, isError: true)
            }
        case .subProcessors:
            state.subProcessors = ListCursor()
            vendorPagerStale = false
            do { try vendorPager.reset(filter: state.filter) } catch {
                state.status = StatusMessage(text: asVarselError(error).description, isError: true)
            }
        case .notices: state.notices = ListCursor()
        }
    }

    /// Shows an agreement in the Agreements view, detail focused on `tab`.
    public func openAgreement(_ id: String, tab: DetailTab, anchor: String? = nil) {
        do {
            var index = try agreementsPager().focus(on: id, queries)
            if index == nil, !(state.filters[.agreements] ?? "").isEmpty {
                state.filters[.agreements] = nil
                try pager.reset(filter: "")
                index = try pager.focus(on: id, queries)
            }
            guard let index else {
                state.status = StatusMessage(text: "Agreement \(id) is not in the database any more", isError: true)
                return
            }
            state.view = .agreements
            state.agreements.selected = index
            state.agreements.offset = max(0, index - listRows / 2)
            state.detailFocused = true
            state.detailTab = tab
            state.detailScroll = 0
            state.detailAnchor = anchor
        } catch {
            state.status = StatusMessage(text: asVarselError(error).description, isError: true)
        }
    }

    private func open() {
        switch state.context {
        case .agenda:
            guard let item = selectedAgendaItem else { return }
            // Land on the row the deadline came from: its notice, or its rule (by clause).
            let d = item.deadline
            let tab: DetailTab
            var anchor: String?
            switch d.sourceKind {
            case .changeNotice, .termination: tab = .notices; anchor = "· \(d.sourceId)"
            case .event, .recurrence:
                tab = .rules
                if let rule = detail(d.agreementId)?.rules.first(where: { $0.rule.id == d.ruleId })?.rule {
                    anchor = DetailTabs.ruleHeading(rule)
                }
            case .term, .agreementEnd: tab = .overview
            }
            openAgreement(d.agreementId, tab: tab, anchor: anchor)
        case .agreementList:
            if selectedAgreementRow != nil { state.detailFocused = true }
        case .subProcessors:
            guard let vendor = vendorsPager().row(at: state.subProcessors.selected),
                  let use = uses(of: vendor).first else { return }
            openAgreement(use.agreementId, tab: .subProcessors)
        case .notices:
            guard let row = selectedNotice else { return }
            openAgreement(row.agreementId, tab: .notices)
        default: break
        }
    }

    var selectedAgendaItem: AgendaItem? {
        let items = agendaItems
        return items.indices.contains(state.agenda.selected) ? items[state.agenda.selected] : nil
    }

    var selectedNotice: NoticeRow? {
        let rows = noticeRows
        return rows.indices.contains(state.notices.selected) ? rows[state.notices.selected] : nil
    }

    /// The agreement the current selection is about (for n, t).
    private var contextAgreementId: String? {
        switch state.context {
        case .agenda: selectedAgendaItem?.deadline.agreementId
        case .agreementList, .agreementDetail: selectedAgreementRow?.id
        case .notices: selectedNotice?.agreementId
        default: nil
        }
    }

    // MARK: - Forms

    private func noticeChoice(_ n: ChangeNotice) -> NoticeChoice {
        NoticeChoice(id: n.id, agreementId: n.agreementId, label: "\(n.kind.label) received \(n.receivedDate.iso) (\(n.id))")
    }

    private func openObjectionForm() {
        var candidates: [ChangeNotice] = []
        var agreementId: String?
        switch state.context {
        case .agenda:
            guard let item = selectedAgendaItem else { return }
            agreementId = item.deadline.agreementId
            guard item.deadline.sourceKind == .changeNotice else {
                state.status = StatusMessage(text: "o objects to a change notice; this deadline comes from \(Self.sourceText(item.deadline.sourceKind))", isError: true)
                return
            }
            candidates = detail(item.deadline.agreementId)?.changeNotices.filter { $0.id == item.deadline.sourceId && $0.status == .open } ?? []
        case .agreementList, .agreementDetail:
            agreementId = selectedAgreementRow?.id
            candidates = agreementId.flatMap { detail($0) }?.changeNotices.filter { $0.status == .open } ?? []
        case .notices:
            guard let row = selectedNotice else { return }
            agreementId = row.agreementId
            guard row.kind == .change, row.isOpen else {
                state.status = StatusMessage(text: Self.cannotObjectText(kind: row.kind, status: row.status), isError: true)
                return
            }
            candidates = detail(row.agreementId)?.changeNotices.filter { $0.id == row.id } ?? []
        default: return
        }
        guard let agreementId, let d = detail(agreementId) else { return }
        guard !candidates.isEmpty else {
            state.status = StatusMessage(text: "No open change notice to object to on \(d.agreement.title)", isError: true)
            return
        }
        state.form = ObjectionForm.make(notices: candidates.map(noticeChoice), agreementTitle: d.agreement.title,
                                        today: today, portfolio: portfolio)
    }

    /// Where a deadline comes from, as a phrase: "an event", "a termination notice".
    static func sourceText(_ kind: DeadlineSourceKind) -> String {
        switch kind {
        case .changeNotice: "a change notice"
        case .termination: "a termination notice"
        case .event: "an event"
        case .term: "the agreement's term (renewal)"
        case .recurrence: "a recurring duty"
        case .agreementEnd: "the agreement's end"
        }
    }

    /// Why `o` does nothing on a notice row, in plain words.
    static func cannotObjectText(kind: NoticeRow.Kind, status: String) -> String {
        guard kind == .change else { return "Only a change notice can be objected to; this is a termination notice" }
        let state: String
        switch status {
        case "objected": state = "it has already been objected to"
        case "accepted": state = "it has been accepted"
        case "withdrawn": state = "it was withdrawn"
        default: state = "it is \(status)"
        }
        return "Only an open change notice can be objected to; \(state)"
    }

    private func openAgreementForm(termination: Bool) {
        guard let id = contextAgreementId, let d = detail(id) else {
            state.status = StatusMessage(text: "Select an agreement first", isError: true)
            return
        }
        state.form = termination
            ? TerminationForm.make(agreementId: id, agreementTitle: d.agreement.title, today: today, portfolio: portfolio)
            : ChangeNoticeForm.make(agreementId: id, agreementTitle: d.agreement.title, today: today, portfolio: portfolio)
    }

    private func refreshForm() {
        guard var form = state.form else { return }
        FormLogic.refresh(&form, portfolio: portfolio)
        state.form = form
    }

    private func submitForm(confirmed: Bool) {
        guard var form = state.form else { return }
        do {
            if !confirmed, let question = FormLogic.needsConfirmation(form) {
                try FormLogic.validate(form, portfolio: portfolio)
                state.overlay = .confirm(Confirmation(subject: .submitForm, question: question))
                return
            }
            let message = try FormLogic.submit(form, portfolio: portfolio)
            state.form = nil
            state.status = StatusMessage(text: message, isError: false)
            dataChanged()
        } catch {
            form.show(asVarselError(error))
            state.form = form
        }
    }

    private func askReopen() {
        guard let row = selectedNotice, let w = row.window, w.state == .handled else {
            state.status = StatusMessage(text: "u reopens a handled deadline; this notice has none", isError: true)
            return
        }
        state.overlay = .confirm(Confirmation(subject: .reopen(deadlineId: w.id),
            question: "Reopen \"\(w.what)\" (\(row.agreementTitle), act by \(w.actByDate.iso))? It was handled \(w.handledDate?.iso ?? "?")."))
    }

    private func askMarkHandled() {
        var deadline: Deadline?
        var title = ""
        switch state.context {
        case .agenda:
            deadline = selectedAgendaItem?.deadline; title = selectedAgendaItem?.agreementTitle ?? ""
        case .notices:
            if let w = selectedNotice?.window, w.state == .open { deadline = w; title = selectedNotice?.agreementTitle ?? "" }
        default: break
        }
        guard let d = deadline else {
            state.status = StatusMessage(text: "No open deadline selected", isError: true)
            return
        }
        state.form = HandleForm.make(deadline: d, agreementTitle: title)
    }
}
