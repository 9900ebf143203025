/// Everything a key can ask the workbench to do. The binding table maps keys to these;
/// `Workbench.perform(_:)` carries them out.
public enum Action: Hashable, Sendable {
    // Moving
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    /// Enter: open the selected item (agreement detail, the item's agreement, …).
    case open
    /// Esc or q: back one level; at the top level q quits.
    case back
    case quit
    case showView(ViewID)
    case nextView, previousView
    case nextTab, previousTab
    case reload
    case help
    // Filter
    case startFilter, keepFilter, clearFilter
    /// n / N: the next or previous row of a filtered list (every row shown matches).
    case nextMatch, previousMatch
    /// s: the next sort order of the list.
    case cycleSort
    /// The `:` command line.
    case startPrompt, runPrompt, cancelPrompt
    // Records
    case recordObjection, recordChangeNotice, recordTermination, markHandled, reopenHandled
    // Text input (filter and forms)
    case typeText, deleteChar
    // Forms
    case nextField, previousField, cycleChoiceForward, cycleChoiceBackward, submitOrNext, submit, cancelForm
    // Confirmations
    case confirm, cancelConfirm
    // Help overlay
    case closeHelp
}
