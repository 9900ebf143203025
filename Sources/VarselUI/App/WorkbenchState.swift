import VarselKit

/// The five main views, numbered as their keys 1–5.
public enum ViewID: Int, CaseIterable, Hashable, Sendable {
    case agenda = 1, agreements, subProcessors, notices, calendar

    public var title: String {
        switch self {
        case .agenda: "Agenda"
        case .agreements: "Agreements"
        case .subProcessors: "Sub-processors"
        case .notices: "Notices"
        case .calendar: "Calendar"
        }
    }
}

/// The tabs of an agreement's detail.
public enum DetailTab: Int, CaseIterable, Hashable, Sendable {
    case overview, rules, subProcessors, notices, history, clauses, versions, text

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .rules: "Notice rules"
        case .subProcessors: "Sub-processors"
        case .notices: "Notices & objections"
        case .history: "History"
        case .clauses: "Clauses"
        case .versions: "Versions"
        case .text: "Text"
        }
    }
}

/// How `s` orders the agenda within each window (htop's F6: it cycles).
public enum AgendaSort: Int, CaseIterable, Sendable {
    case actBy, agreement, what
    public var title: String {
        switch self { case .actBy: "act-by day"; case .agreement: "agreement"; case .what: "what is due" }
    }
}

/// How `s` orders the notices list.
public enum NoticeSort: Int, CaseIterable, Sendable {
    case openFirst, newest, agreement
    public var title: String {
        switch self { case .openFirst: "open first"; case .newest: "newest first"; case .agreement: "agreement" }
    }
}

/// A list's selected row and the first row shown.
public struct ListCursor: Hashable, Sendable {
    public var selected = 0
    public var offset = 0
    public init() {}

    /// Keeps `selected` inside 0..<count and visible in `visible` rows.
    public mutating func clamp(count: Int, visible: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        let rows = max(1, visible)
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }
}

/// A question the user must answer with y or n before something is written.
public struct Confirmation: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// Save the open form (termination notices are confirmed before they are written).
        case submitForm
        /// Reopen a deadline marked handled.
        case reopen(deadlineId: String)
        /// Close the form without saving what was typed.
        case discardForm
        /// Quit although a form holds input.
        case quit
        /// Save the reviewed intake (the agreement and everything accepted).
        case saveIntake
        /// Leave the intake review although decisions were made.
        case discardIntake
    }
    public var subject: Subject
    public var question: String
}

/// A one-line message on the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

/// What is on top of the main view.
public enum Overlay: Hashable, Sendable {
    case help(scroll: Int)
    case confirm(Confirmation)
}

/// The terminal's size in cells.
public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// Everything the screen shows that is not data: a value changed only by `WorkbenchReducer`
/// (keys become actions, effect results come back as `EffectResult`s).
public struct WorkbenchState: Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var view: ViewID = .agenda
    public var agenda = ListCursor()
    public var agreements = ListCursor()
    public var subProcessors = ListCursor()
    public var notices = ListCursor()
    /// The agreement detail has the keyboard (narrow terminals show it instead of the list).
    public var detailFocused = false
    public var detailTab: DetailTab = .overview
    public var detailScroll = 0
    /// Text of the detail line to scroll to once the detail is loaded (the rule or notice an
    /// agenda item came from); cleared once used.
    public var detailAnchor: String?
    /// The Text tab's search ("/" there; `n`/`N` move between its matches).
    public var textSearch: String?
    /// The Text tab scrolls to the first match at or after its top row once loaded (set by typing).
    public var textSearchPending = false
    /// The clause (reference) the Text tab scrolls to once loaded (`T` on a rule); cleared once used.
    public var textClause: String?
    /// Filter text per view ("/" in any list).
    public var filters: [ViewID: String] = [:]
    public var agendaSort = AgendaSort.actBy
    public var noticeSort = NoticeSort.openFirst
    /// `A` in the agreements list: archived (ended) agreements shown too (off: the default list).
    public var showArchived = false
    /// The filter line is being edited.
    public var filterEditing = false
    /// The calendar's selected day (nil: today).
    public var calendarDay: CivilDate?
    /// Unused by the calendar (it moves by days), kept so every view has a cursor.
    public var calendarCursor = ListCursor()
    /// Characters after the text cursor on the filter or command line being edited (0 = at the end; `LineEditing`).
    public var lineCharactersAfterCursor = 0
    /// The `:` command line being edited (nil when closed).
    public var prompt: String?
    public var form: FormState?
    /// The intake review, shown instead of the view while open (`:intake FILE`).
    public var intake: IntakeReview?
    public var overlay: Overlay?
    public var status: StatusMessage?
    /// How to undo the changes made in this session, oldest first (`u` takes the last).
    public var undo: [UndoStep] = []
    /// The terminal size (arrives as `.resized`).
    public var size = TerminalSize(width: 80, height: 24)

    public init() {}

    /// The text the `/` line edits: the shown list's filter, or the Text tab's search.
    public var filter: String { isTextTab ? (textSearch ?? "") : (filters[view] ?? "") }
    /// What the shown list includes beyond its default, for the header ("incl. archived"), or "".
    public var listScope: String { view == .agreements && showArchived ? "incl. archived" : "" }

    /// The agreement detail has the keyboard on its Text tab.
    public var isTextTab: Bool { view == .agreements && detailFocused && detailTab == .text }

    /// Below the minimum size only the "too small" message is drawn.
    public var isTooSmall: Bool { size.width < Self.minimumWidth || size.height < Self.minimumHeight }

    /// The binding context the keyboard is in now.
    public var context: BindingContext {
        if isTooSmall { return .tooSmall }
        if case .help = overlay { return .help }
        if case .confirm = overlay { return .confirm }
        if form != nil { return .form }
        if filterEditing { return .filter }
        if prompt != nil { return .prompt }
        if intake != nil { return .intakeReview }
        return viewContext
    }

    /// The context of the main view (what the help overlay lists under an overlay).
    public var viewContext: BindingContext {
        switch view {
        case .agenda: .agenda
        case .agreements: !detailFocused ? .agreementList : detailTab == .text ? .agreementText : .agreementDetail
        case .subProcessors: .subProcessors
        case .notices: .notices
        case .calendar: .calendar
        }
    }

    /// Whether a typed character is text now (command line, filter, a text field of a form).
    public var takesText: Bool {
        switch context {
        case .prompt, .filter: true
        case .form: form?.focusedField?.isTextual == true
        default: false
        }
    }

    /// The cursor of `view`'s list.
    public subscript(cursor view: ViewID) -> ListCursor {
        get {
            switch view {
            case .agenda: agenda
            case .agreements: agreements
            case .subProcessors: subProcessors
            case .notices: notices
            case .calendar: calendarCursor
            }
        }
        set {
            switch view {
            case .agenda: agenda = newValue
            case .agreements: agreements = newValue
            case .subProcessors: subProcessors = newValue
            case .notices: notices = newValue
            case .calendar: calendarCursor = newValue
            }
        }
    }
}
