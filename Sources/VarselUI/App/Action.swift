/// Everything a key can ask the workbench to do. The binding table maps keys (and typed or
/// pasted text) to these; `WorkbenchReducer.reduce` turns them into a new state and effects.
///
/// The workbench's own actions are cases here; each feature's are its own enum, wrapped in one
/// case (`.forms(FormAction)`, …) and declared in its folder with shorthands (`Action.submit`),
/// so the tables read the same whichever feature owns the action.
public enum Action: Hashable, Sendable {
    // Moving, opening and sorting in whichever list or pane has the keyboard (routed by context)
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    /// Enter: open the selected item (agreement detail, the item's agreement, …).
    case open
    /// s: the next sort order of the list (agenda, notices).
    case cycleSort
    // The workbench
    /// Esc: back one level (closes the detail, clears a filter).
    case back
    /// q: back one level; at the top level it quits.
    case backOrQuit
    case quit
    case showView(ViewID)
    case nextView, previousView
    case reload
    /// The terminal has this size now (sent by the shell before a frame of a new size).
    case resized(width: Int, height: Int)
    // Text for whatever is being edited (command line, filter, form field)
    /// Typed characters, from a `.typed` binding.
    case insertText(String)
    /// A bracketed paste, from a `.pasted` binding: text, never keys.
    case paste(String)
    /// Readline editing of the focused text (Backspace, Ctrl-W, Home, …).
    case edit(TextEdit)
    // Owned by the features
    case agreements(AgreementsAction)
    case lists(ListAction)
    case prompt(PromptAction)
    case forms(FormAction)
    case confirmation(ConfirmAction)
    case helpOverlay(HelpAction)
    case calendarMove(CalendarAction)
    /// The intake review (`:intake FILE`, `i`): next, accept, reject, edit, save, …
    case intake(IntakeAction)
    /// a, e, n, x, p, C, E in the Agreements view (`AuthoringFeature`).
    case authoring(AuthoringAction)
    /// u: undo the last change of this session (`UndoFeature`).
    case undo
    /// A click, double click or wheel step (`MouseFeature`): the same actions as the keys.
    case mouse(MouseEvent)
}

/// One readline editing step (`LineEditing`).
public enum TextEdit: Hashable, Sendable {
    case left, right, toStart, toEnd, deleteBackward, deleteForward, deleteWord, deleteToStart
}

/// The y/n box.
public enum ConfirmAction: Hashable, Sendable {
    case yes, no
}

extension Action {
    public static let confirm = Action.confirmation(.yes)
    public static let cancelConfirm = Action.confirmation(.no)
}
