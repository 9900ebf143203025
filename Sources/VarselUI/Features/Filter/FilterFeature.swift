import VarselKit

/// The `/` filter of every list, `n`/`N` between its matches and `s` (sort): keys and state
/// changes. Lists filter by one rule, `ListFilter` (the paged lists in SQL, the same way).
enum FilterFeature {
    static let bindings: [Binding] = [
        Binding([], .insertText(""), "Type to narrow the list as you type", [.filter], keyLabel: "text", input: .typed),
    ] + LineEditingBindings.rows([.filter]) + [
        Binding([.enter], .keepFilter, "Keep the filter", [.filter], hint: "keep"),
        Binding([.escape], .clearFilter, "Clear the filter", [.filter], hint: "clear"),
        Binding([], .paste(""), "Paste into the filter (one line)", [.filter], input: .pasted, listed: false),
    ]

    // Rows the list features put in their own tables.
    static func startFilter(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("/")], .startFilter, "Filter the list (type to narrow)", c, hint: "filter")
    }
    static func nextMatch(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("n")], .nextMatch, "Next match of the / filter (wraps around)", c)
    }
    static func previousMatch(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("N")], .previousMatch, "Previous match of the / filter", c)
    }
    static func cycleSort(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("s")], .cycleSort, "Sort: cycle the order (agenda: act-by, agreement, what)", c)
    }

    /// Pasted text for a one-line field: line breaks and tabs become spaces, controls are shown safely.
    static func oneLine(_ text: String) -> String {
        TerminalText.sanitize(text.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined())
    }

    static func reduce(_ state: inout WorkbenchState, _ action: ListAction, _ data: Loaded) -> [Effect] {
        switch action {
        case .startFilter:
            state.filterEditing = true
            state.lineCharactersAfterCursor = 0
        case .keepFilter:
            state.filterEditing = false
        case .clearFilter:
            state.filterEditing = false
            setFilter(&state, nil)
        case .nextMatch, .previousMatch:
            if state.context == .agreementText {
                return AgreementsFeature.stepTextMatch(&state, forward: action == .nextMatch, data)
            }
            return stepMatch(&state, forward: action == .nextMatch, data)
        }
        return []
    }

    /// Typed, pasted and deleted text on the filter line (the list narrows as it changes).
    static func input(_ state: inout WorkbenchState, _ action: Action) -> [Effect] {
        var text = state.filter
        var after = state.lineCharactersAfterCursor
        guard LineEditingBindings.apply(action, text: &text, charactersAfterCursor: &after, oneLine: oneLine) else { return [] }
        if text != state.filter { setFilter(&state, text) }
        state.lineCharactersAfterCursor = after
        return []
    }

    /// Sets the shown list's filter; the list starts again at its top (a paged list is re-read
    /// with the new filter when it is next loaded).
    static func setFilter(_ state: inout WorkbenchState, _ text: String?) {
        if state.isTextTab {
            // The Text tab's search: the text stays; the scroll moves to the first match once loaded.
            state.textSearch = text
            state.textSearchPending = text?.isEmpty == false
            return
        }
        state.filters[state.view] = text
        state[cursor: state.view] = ListCursor()
        if state.view == .agreements { state.detailScroll = 0; state.detailAnchor = nil }
    }

    /// n / N: with a filter, every row shown is a match, so the next match is the next row
    /// (wrapping around at the ends, as less and vim do). Without one, says how to search.
    private static func stepMatch(_ state: inout WorkbenchState, forward: Bool, _ data: Loaded) -> [Effect] {
        guard !state.filter.trimmingCharacters(in: .whitespaces).isEmpty else {
            state.status = StatusMessage(text: "No search: / filters the list, then n and N move between matches", isError: true)
            return []
        }
        let count: Int
        switch state.context {
        case .agenda: count = data.agenda.items.count
        case .agreementList:
            guard data.agreements.totalIsExact else { return [.exactCount(then: forward ? .nextMatch : .previousMatch)] }
            count = data.agreements.total
        case .subProcessors:
            guard data.vendors.totalIsExact else { return [.exactCount(then: forward ? .nextMatch : .previousMatch)] }
            count = data.vendors.total
        case .notices: count = data.notices.count
        default: return []
        }
        guard count > 0 else {
            state.status = StatusMessage(text: "No matches for \"\(state.filter)\"", isError: true)
            return []
        }
        var cursor = state[cursor: state.view]
        let next = cursor.selected + (forward ? 1 : -1)
        if next >= count { state.status = StatusMessage(text: "Search wrapped to the top", isError: false) }
        if next < 0 { state.status = StatusMessage(text: "Search wrapped to the bottom", isError: false) }
        cursor.selected = (next + count) % count
        state[cursor: state.view] = cursor
        if state.view == .agreements { state.detailScroll = 0 }
        return []
    }
}

/// The filter of every list and moving between its matches.
public enum ListAction: Hashable, Sendable {
    case startFilter, keepFilter, clearFilter
    /// n / N: the next or previous row of a filtered list (every row shown matches).
    case nextMatch, previousMatch
}

extension Action {
    public static let startFilter = Action.lists(.startFilter)
    public static let keepFilter = Action.lists(.keepFilter)
    public static let clearFilter = Action.lists(.clearFilter)
    public static let nextMatch = Action.lists(.nextMatch)
    public static let previousMatch = Action.lists(.previousMatch)
}
