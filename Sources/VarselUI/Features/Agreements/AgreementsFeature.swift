import VarselKit

/// View 2, the agreements list and the selected agreement's detail tabs: keys and state
/// changes (the view is `AgreementsView`, the tabs' text `DetailTabs`).
enum AgreementsFeature {
    static let bindings: [Binding] = [
        Binding([.enter, .char("l"), .right], .open, "Open the agreement's detail", [.agreementList], hint: "detail"),
        Binding([.char("]"), .char("l"), .right], .nextTab, "Next detail tab", [.agreementDetail], hint: "tab"),
        Binding([.char("["), .char("h"), .left], .previousTab, "Previous detail tab", [.agreementDetail]),
        FormsFeature.recordObjection([.agreementList, .agreementDetail]),
        FormsFeature.recordChangeNotice([.agreementList, .agreementDetail]),
        FormsFeature.recordTermination([.agreementList, .agreementDetail]),
        FormsFeature.reopenHandled([.agreementList, .agreementDetail]),
        FilterFeature.startFilter([.agreementList]),
        FilterFeature.nextMatch([.agreementList]),
        FilterFeature.previousMatch([.agreementList]),
        IntakeFeature.startIntake([.agreementList]),
        // No hint: the bar has no room to spare for it before "a new" and "e edit" (the help lists it).
        Binding([.char("A")], .toggleArchived, "Show or hide archived (ended) agreements", [.agreementList]),
    ]

    /// ] and [ in the detail: the next or previous tab; A in the list: archived agreements shown or hidden.
    static func reduce(_ state: inout WorkbenchState, _ action: AgreementsAction) -> [Effect] {
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
        guard state.context == .agreementDetail else { return [] }
        let all = DetailTab.allCases
        state.detailTab = all[(state.detailTab.rawValue + (action == .nextTab ? 1 : all.count - 1)) % all.count]
        state.detailScroll = 0
        state.detailAnchor = nil
        return []
    }

    static func reduce(_ state: inout WorkbenchState, _ action: Action, _ data: Loaded) -> [Effect] {
        if state.context == .agreementDetail { return scrollDetail(&state, action) }
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

    /// Esc or q in the detail: the list has the keyboard again.
    static func closeDetail(_ state: inout WorkbenchState) {
        state.detailFocused = false
        state.detailAnchor = nil
    }

    /// The list cursor, and the detail's scroll: pinned to the anchor (the line an agenda item
    /// came from) until the user scrolls, and kept inside the tab's text.
    static func clamp(_ state: inout WorkbenchState, _ data: Loaded, main: Rect) {
        state.agreements.clamp(count: data.agreements.total, visible: main.height - 1)
        guard state.detailAnchor != nil || state.detailScroll > 0,
              let detail = data.detail,
              let rect = AgreementsView.frame(main: main, detailFocused: state.detailFocused).detail,
              rect.height > 2, rect.width > 4 else { return }
        let body = AgreementsView.body(rect)
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
}

extension Action {
    public static let nextTab = Action.agreements(.nextTab)
    public static let previousTab = Action.agreements(.previousTab)
    public static let toggleArchived = Action.agreements(.toggleArchived)
}
