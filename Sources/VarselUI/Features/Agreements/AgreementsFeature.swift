import VarselKit

/// View 2, the agreements list and the selected agreement's detail tabs: keys and state
/// changes (the view is `AgreementsView`, the tabs' text `DetailTabs`).
enum AgreementsFeature {
    static let bindings: [Binding] = [
        Binding([.enter, .char("l"), .right], .open, "Open the agreement's detail", [.agreementList], hint: "detail"),
        Binding([.char("]"), .char("l"), .right], .nextTab, "Next detail tab", [.agreementDetail, .agreementText], hint: "tab"),
        Binding([.char("["), .char("h"), .left], .previousTab, "Previous detail tab", [.agreementDetail, .agreementText]),
        Binding([.char("/")], .startFilter, "Search the contract text (clause headings too, e.g. /11.1)", [.agreementText], hint: "search"),
        Binding([.char("n")], .nextMatch, "Next match of the search (wraps around)", [.agreementText]),
        Binding([.char("N")], .previousMatch, "Previous match of the search", [.agreementText]),
        Binding([.char("T")], .showClauseText, "Show the clause of the rule at the top in the kept contract text (Text tab)",
                [.agreementDetail], hint: "text"),
        FormsFeature.recordObjection([.agreementList, .agreementDetail, .agreementText]),
        FormsFeature.recordChangeNotice([.agreementList, .agreementDetail, .agreementText]),
        FormsFeature.recordTermination([.agreementList, .agreementDetail, .agreementText]),
        FormsFeature.reopenHandled([.agreementList, .agreementDetail, .agreementText]),
        FilterFeature.startFilter([.agreementList]),
        FilterFeature.nextMatch([.agreementList]),
        FilterFeature.previousMatch([.agreementList]),
        IntakeFeature.startIntake([.agreementList]),
        // No hint: the bar has no room to spare for it before "a new" and "e edit" (the help lists it).
        Binding([.char("A")], .toggleArchived, "Show or hide archived (ended) agreements", [.agreementList]),
    ]

    /// ] and [ in the detail: the next or previous tab; T: the Text tab at the clause of the rule
    /// at the top of the Notice rules tab; A in the list: archived agreements shown or hidden.
    static func reduce(_ state: inout WorkbenchState, _ action: AgreementsAction, _ data: Loaded) -> [Effect] {
        if action == .toggleArchived {
            guard state.context == .agreementList else { return [] }
            state.showArchived.toggle()
            state.agreements = ListCursor()
            state.detailScroll = 0
            state.detailAnchor = nil
            state.status = StatusMessage(text: state.showArchived ? "Archived agreements shown (A hides them)"
                                                                  : "Archived agreements hidden (A shows them)", isError: false)
            return []
        }
        guard state.context.isAgreementDetail else { return [] }
        if action == .showClauseText { return showClauseText(&state, data) }
        let all = DetailTab.allCases
        state.detailTab = all[(state.detailTab.rawValue + (action == .nextTab ? 1 : all.count - 1)) % all.count]
        state.detailScroll = 0
        state.detailAnchor = nil
        return []
    }

    static func reduce(_ state: inout WorkbenchState, _ action: Action, _ data: Loaded) -> [Effect] {
        if state.context.isAgreementDetail { return scrollDetail(&state, action) }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            let before = state.agreements.selected
            ListMoves.move(&state.agreements, action, count: ListMoves.count(data.agreements), page: ScreenLayout.page(state.size))
            if before != state.agreements.selected { state.detailScroll = 0; state.detailAnchor = nil }
        case .open:
            if data.agreementRow(at: state.agreements.selected) != nil { state.detailFocused = true }
        default: break
        }
        return []
    }

    /// In the detail the moving keys scroll the tab.
    private static func scrollDetail(_ state: inout WorkbenchState, _ action: Action) -> [Effect] {
        let page = ScreenLayout.page(state.size)
        state.detailAnchor = nil
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
        return []
    }

    /// T: on the Notice rules tab, the clause of the first rule whose heading is at or below the
    /// top row (else the last above it); the Text tab opens there once its text is loaded.
    private static func showClauseText(_ state: inout WorkbenchState, _ data: Loaded) -> [Effect] {
        var clause: String?
        if state.detailTab == .rules, let d = data.detail,
           let rect = AgreementsView.frame(main: ScreenLayout.main(state.size), detailFocused: state.detailFocused).detail {
            let width = AgreementsView.body(rect).width
            let unwrapped = DetailTabs.lines(d, tab: .rules, today: data.today)
            let headings = d.rules.compactMap { rv -> (row: Int, clause: String?)? in
                guard let i = unwrapped.firstIndex(where: { $0.text == DetailTabs.ruleHeading(rv.rule) }) else { return nil }
                return (StyledLine.wrap(Array(unwrapped[..<i]), width: width).count, rv.rule.clauseRef)
            }
            let pick = headings.first { $0.row >= state.detailScroll } ?? headings.last
            clause = pick?.clause
            if pick != nil && clause == nil {
                state.status = StatusMessage(text: "That rule names no clause: the Text tab opens at the top", isError: true)
            }
        }
        state.detailTab = .text
        state.detailScroll = 0
        state.detailAnchor = nil
        state.textClause = clause
        return []
    }

    /// n / N on the Text tab: the next or previous row with a match of the search (wrapping).
    static func stepTextMatch(_ state: inout WorkbenchState, forward: Bool, _ data: Loaded) -> [Effect] {
        guard let q = state.textSearch, !q.trimmingCharacters(in: .whitespaces).isEmpty else {
            state.status = StatusMessage(text: "No search: / searches the text, then n and N move between matches", isError: true)
            return []
        }
        guard let pane = data.text else { return [] }
        let rows = pane.matchRows(q)
        guard !rows.isEmpty else {
            state.status = StatusMessage(text: "\"\(q)\" is not in the text", isError: true)
            return []
        }
        let top = state.detailScroll
        if forward {
            if let r = rows.first(where: { $0 > top }) { state.detailScroll = r } else {
                state.detailScroll = rows[0]
                state.status = StatusMessage(text: "Search wrapped to the top", isError: false)
            }
        } else {
            if let r = rows.last(where: { $0 < top }) { state.detailScroll = r } else {
                state.detailScroll = rows[rows.count - 1]
                state.status = StatusMessage(text: "Search wrapped to the bottom", isError: false)
            }
        }
        return []
    }

    /// The Text tab's scroll: to the clause `T` asked for, or to the first match of the search being
    /// typed at or after the top row, then kept inside the text.
    private static func clampText(_ state: inout WorkbenchState, _ pane: AgreementTextPane?, visible: Int) {
        guard let pane else { return }
        if let ref = state.textClause {
            state.textClause = nil
            if let row = pane.row(ofClause: ref) { state.detailScroll = row }
            else if !pane.documents.isEmpty {
                state.status = StatusMessage(text: "Clause \(ref) was not found in the kept text", isError: true)
            }
        }
        if state.textSearchPending {
            state.textSearchPending = false
            if let q = state.textSearch, !q.isEmpty {
                let rows = pane.matchRows(q)
                if let r = rows.first(where: { $0 >= state.detailScroll }) ?? rows.first { state.detailScroll = r }
                else { state.status = StatusMessage(text: "\"\(q)\" is not in the text", isError: true) }
            }
        }
        state.detailScroll = max(0, min(state.detailScroll, max(0, pane.layout.rows.count - visible)))
    }

    /// Esc or q in the detail: the list has the keyboard again.
    static func closeDetail(_ state: inout WorkbenchState) {
        state.detailFocused = false
        state.detailAnchor = nil
    }

    /// The list cursor, and the detail's scroll: pinned to the anchor (the line an agenda item
    /// came from) until the user scrolls, and kept inside the tab's text.
    static func clamp(_ state: inout WorkbenchState, _ data: Loaded, main: Rect) {
        state.agreements.clamp(count: data.agreements.total, visible: main.height - 1)
        guard state.detailAnchor != nil || state.detailScroll > 0 || state.textClause != nil || state.textSearchPending,
              let detail = data.detail,
              let rect = AgreementsView.frame(main: main, detailFocused: state.detailFocused).detail,
              rect.height > 2, rect.width > 4 else { return }
        let body = AgreementsView.body(rect)
        if state.detailTab == .text {
            clampText(&state, data.text, visible: body.height)
            return
        }
        if let anchor = state.detailAnchor {
            if let s = AgreementsView.scroll(to: anchor, detail, tab: state.detailTab, today: data.today, width: body.width) {
                state.detailScroll = s
            } else {
                state.detailAnchor = nil
            }
        }
        let count = AgreementsView.lines(detail, tab: state.detailTab, today: data.today, width: body.width).count
        state.detailScroll = max(0, min(state.detailScroll, max(0, count - body.height)))
    }
}

/// The agreement detail's own actions.
public enum AgreementsAction: Hashable, Sendable {
    case nextTab, previousTab
    /// `A`: show or hide archived (ended) agreements in the list.
    case toggleArchived
    /// T: the Text tab at the clause of the rule at the top of the Notice rules tab.
    case showClauseText
}

extension Action {
    public static let nextTab = Action.agreements(.nextTab)
    public static let previousTab = Action.agreements(.previousTab)
    public static let toggleArchived = Action.agreements(.toggleArchived)
    public static let showClauseText = Action.agreements(.showClauseText)
}
