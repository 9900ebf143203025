/// Where a binding applies. The five view contexts also get every `.views` binding.
public enum BindingContext: String, CaseIterable, Hashable, Sendable {
    /// Every main view (agenda, agreements list and detail, sub-processors, notices).
    case views
    case agenda, agreementList, agreementDetail, subProcessors, notices, calendar
    /// The agreement detail's Text tab (the kept contract text: search, clause headings).
    case agreementText
    case filter, prompt, form, confirm, help
    /// The intake review screen (`:intake FILE`).
    case intakeReview
    /// The terminal is below the minimum size: keys would act unseen, so only quitting works.
    case tooSmall

    public var title: String {
        switch self {
        case .views: "All views"
        case .agenda: "Agenda"
        case .agreementList: "Agreements list"
        case .agreementDetail: "Agreement detail"
        case .agreementText: "Agreement text"
        case .subProcessors: "Sub-processors"
        case .notices: "Notices"
        case .calendar: "Calendar"
        case .filter: "Filter"
        case .prompt: "Command line"
        case .form: "Forms"
        case .confirm: "Confirmation"
        case .help: "Help"
        case .intakeReview: "Intake review"
        case .tooSmall: "Terminal too small"
        }
    }

    /// The main-view contexts, which inherit `.views`.
    public var isView: Bool {
        switch self {
        case .agenda, .agreementList, .agreementDetail, .agreementText, .subProcessors, .notices, .calendar: true
        default: false
        }
    }

    /// The agreement detail, on any tab (its Text tab has its own keys).
    public var isAgreementDetail: Bool { self == .agreementDetail || self == .agreementText }
}

/// Text a binding takes instead of named keys: typed characters or a bracketed paste.
public enum TextInput: Hashable, Sendable {
    /// Any printable character, as `.insertText` (when the context takes text).
    case typed
    /// A bracketed paste, as `.paste`.
    case pasted
    /// A mouse event, as `.mouse` (the reducer finds the row or tab under it).
    case mouse
}

/// One key binding: the single source for dispatch, the `?` overlay, the hint bar and
/// docs/user-guide-keys.md (lazygit's `Binding`). Each feature declares its own
/// (`Features/<Name>/*Feature.swift`); `Bindings.table` assembles them.
public struct Binding: Hashable, Sendable {
    public var keys: [Key]
    /// Shown instead of the key names when set (e.g. "text" for typing).
    public var keyLabel: String?
    public var action: Action
    /// Keys of this row that trigger another action than `action` (Esc and q share a row).
    public var keyActions: [Key: Action]
    /// Set for rows that take text instead of (or besides) keys.
    public var input: TextInput?
    public var description: String
    public var contexts: Set<BindingContext>
    /// Short text for the bottom hint bar (shown in table order); nil = only in the help overlay.
    public var hint: String?
    /// False for rows left out of the help overlay, the hint bar and the key map (aliases).
    public var listed: Bool

    public init(_ keys: [Key], _ action: Action, _ description: String, _ contexts: Set<BindingContext>,
                hint: String? = nil, keyLabel: String? = nil, keyActions: [Key: Action] = [:],
                input: TextInput? = nil, listed: Bool = true) {
        self.keys = keys; self.action = action; self.description = description
        self.contexts = contexts; self.hint = hint; self.keyLabel = keyLabel
        self.keyActions = keyActions; self.input = input; self.listed = listed
    }

    /// "j/↓", "Ctrl-S", "Shift-Tab".
    public var label: String { keyLabel ?? keys.map(Key.label).joined(separator: "/") }

    /// The action `key` triggers through this row, if it is one of its keys.
    public func action(for key: Key) -> Action? {
        keys.contains(key) ? (keyActions[key] ?? action) : nil
    }
}

extension Key {
    /// The key as the user guide and the help overlay name it.
    public static func label(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .resize: "resize"
        case .paste: "paste"
        case .mouse: "mouse"
        }
    }
}

/// The binding table, assembled from the features' tables. Within each context the rows keep
/// their order: that order is the help overlay's, the hint bar's and the key map's.
public enum Bindings {
    public static let table: [Binding] = GlobalBindings.bindings + AgendaFeature.bindings + AgreementsFeature.bindings
        + RegisterFeature.bindings + NoticesFeature.bindings + CalendarFeature.bindings + PromptFeature.bindings + FilterFeature.bindings
        + FormsFeature.bindings + ConfirmBindings.bindings + HelpFeature.bindings + MouseFeature.bindings
        + IntakeFeature.bindings
        + AuthoringFeature.bindings + UndoFeature.bindings

    /// The listed bindings that apply in `context` (help overlay, hint bar): its own first, then
    /// the `.views` ones for a main view.
    public static func bindings(for context: BindingContext) -> [Binding] { all(for: context).filter(\.listed) }

    /// Every binding of `context`, listed or not, in the same order: what dispatch reads.
    static func all(for context: BindingContext) -> [Binding] {
        let own = table.filter { $0.contexts.contains(context) }
        guard context.isView else { return own }
        return own + table.filter { $0.contexts.contains(.views) && !$0.contexts.contains(context) }
    }

    /// The action a key triggers in `context`, if any. Where the context takes text now
    /// (`takingText`: the command line, the filter, a text field), a typed character is text
    /// (`.insertText`) before it is a key; a bracketed paste is always text (`.paste`).
    public static func action(for key: Key, in context: BindingContext, takingText: Bool = false) -> Action? {
        let rows = all(for: context)
        switch key {
        case .char(let c) where takingText:
            if rows.contains(where: { $0.input == .typed }) { return .insertText(String(c)) }
        case .paste(let text):
            return rows.first { $0.input == .pasted }.map { _ in .paste(text) }
        case .mouse(let event):
            return rows.first { $0.input == .mouse }.map { _ in .mouse(event) }
        default: break
        }
        for b in rows { if let a = b.action(for: key) { return a } }
        return nil
    }

    /// The full key map as Markdown (docs/user-guide-keys.md is this text).
    public static func markdown() -> String {
        var out = "# Varsel workbench: key map\n\n"
        out += "Generated from the binding table (`Sources/VarselUI/App/Binding.swift`, `Bindings.markdown()`);\n"
        out += "the `?` overlay and the bottom hint bar come from the same table.\n"
        for context in BindingContext.allCases {
            let rows = table.filter { $0.listed && $0.contexts.contains(context) }
            guard !rows.isEmpty else { continue }
            out += "\n## \(context.title)\n\n| key | action |\n|---|---|\n"
            for b in rows {
                out += "| `\(b.label.replacingOccurrences(of: "|", with: "\\|"))` | \(b.description) |\n"
            }
        }
        return out
    }
}
