/// Everything a key can ask the workbench to do. The binding table maps keys (and typed or
/// pasted text) to these; `WorkbenchReducer.reduce` turns them into a new state and effects.
/// Which feature handles an action is said beside it.
public enum Action: Hashable, Sendable {
    // Moving (every list; the agreement detail scrolls; help scrolls)
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    /// Enter: open the selected item (agreement detail, the item's agreement, …). Each list feature.
    case open
    /// Esc: back one level (closes the detail, clears a filter).
    case back
    /// q: back one level; at the top level it quits.
    case backOrQuit
    case quit
    case showView(ViewID)
    case nextView, previousView
    /// Agreements: the detail tabs.
    case nextTab, previousTab
    case reload
    case help
    // Filter (Features/Filter)
    case startFilter, keepFilter, clearFilter
    /// n / N: the next or previous row of a filtered list (every row shown matches).
    case nextMatch, previousMatch
    /// s: the next sort order of the list (agenda, notices).
    case cycleSort
    /// The `:` command line (Features/Prompt).
    case startPrompt, runPrompt, cancelPrompt
    // Records (Features/Forms: each opens a form)
    case recordObjection, recordChangeNotice, recordTermination, markHandled, reopenHandled
    // Text input (filter, command line, forms)
    /// Typed characters, from a `.typed` binding.
    case insertText(String)
    /// A bracketed paste, from a `.pasted` binding: text, never keys.
    case paste(String)
    /// Readline editing of the focused text (Backspace, Ctrl-W, Home, …).
    case edit(TextEdit)
    // Forms
    case nextField, previousField, cycleChoiceForward, cycleChoiceBackward, submitOrNext, submit, cancelForm
    // Confirmations
    case confirm, cancelConfirm
    // Help overlay
    case closeHelp
    /// The terminal has this size now (sent by the shell before a frame of a new size).
    case resized(width: Int, height: Int)
}

/// One readline editing step (`LineEditing`).
public enum TextEdit: Hashable, Sendable {
    case left, right, toStart, toEnd, deleteBackward, deleteForward, deleteWord, deleteToStart
}
