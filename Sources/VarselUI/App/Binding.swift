/// Where a binding applies. The five view contexts also get every `.views` binding.
public enum BindingContext: String, CaseIterable, Hashable, Sendable {
    /// Every main view (agenda, agreements list and detail, sub-processors, notices).
    case views
    case agenda, agreementList, agreementDetail, subProcessors, notices
    case filter, prompt, form, confirm, help

    public var title: String {
        switch self {
        case .views: "All views"
        case .agenda: "Agenda"
        case .agreementList: "Agreements list"
        case .agreementDetail: "Agreement detail"
        case .subProcessors: "Sub-processors"
        case .notices: "Notices"
        case .filter: "Filter"
        case .prompt: "Command line"
        case .form: "Forms"
        case .confirm: "Confirmation"
        case .help: "Help"
        }
    }

    /// The main-view contexts, which inherit `.views`.
    public var isView: Bool {
        switch self {
        case .agenda, .agreementList, .agreementDetail, .subProcessors, .notices: true
        default: false
        }
    }
}

/// One key binding: the single source for dispatch, the `?` overlay, the hint bar and
/// docs/user-guide-keys.md (lazygit's `Binding`).
public struct Binding: Hashable, Sendable {
    public var keys: [Key]
    /// Shown instead of the key names when set (e.g. "text" for typing).
    public var keyLabel: String?
    public var action: Action
    public var description: String
    public var contexts: Set<BindingContext>
    /// Short text for the bottom hint bar (shown in table order); nil = only in the help overlay.
    public var hint: String?

    public init(_ keys: [Key], _ action: Action, _ description: String, _ contexts: Set<BindingContext>,
                hint: String? = nil, keyLabel: String? = nil) {
        self.keys = keys; self.action = action; self.description = description
        self.contexts = contexts; self.hint = hint; self.keyLabel = keyLabel
    }

    /// "j/↓", "Ctrl-S", "Shift-Tab".
    public var label: String { keyLabel ?? keys.map(Key.label).joined(separator: "/") }
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
        }
    }
}

/// The binding table.
public enum Bindings {
    public static let table: [Binding] = {
        let lists: Set<BindingContext> = [.agenda, .agreementList, .subProcessors, .notices]
        let records: Set<BindingContext> = [.agenda, .agreementList, .agreementDetail, .notices]
        return [
            // Moving (all views; in the agreement detail they scroll the tab)
            Binding([.char("j"), .down], .moveDown, "Move down", [.views]),
            Binding([.char("k"), .up], .moveUp, "Move up", [.views]),
            Binding([.pageDown], .pageDown, "Page down", [.views]),
            Binding([.pageUp], .pageUp, "Page up", [.views]),
            Binding([.char("g"), .home], .top, "Go to the top", [.views]),
            Binding([.char("G"), .end], .bottom, "Go to the bottom", [.views]),
            // Per view
            Binding([.enter], .open, "Open the item's agreement", [.agenda, .subProcessors], hint: "open"),
            Binding([.enter], .open, "Open the agreement at its Notices tab", [.notices], hint: "open"),
            Binding([.enter, .char("l"), .right], .open, "Open the agreement's detail", [.agreementList], hint: "detail"),
            Binding([.char("]"), .char("l"), .right], .nextTab, "Next detail tab", [.agreementDetail], hint: "tab"),
            Binding([.char("["), .char("h"), .left], .previousTab, "Previous detail tab", [.agreementDetail]),
            Binding([.char("o")], .recordObjection, "Record an objection to an open change notice", [.agenda, .agreementList, .agreementDetail, .notices], hint: "object"),
            Binding([.char("c")], .recordChangeNotice, "Record a change notice", records, hint: "change notice"),
            Binding([.char("t")], .recordTermination, "Record a termination notice", records, hint: "terminate"),
            Binding([.char("x")], .markHandled, "Mark the deadline handled (asks; optional note)", [.agenda, .notices], hint: "handled"),
            Binding([.char("u")], .reopenHandled, "Reopen the notice's handled deadline (asks first)", [.notices]),
            Binding([.char("s")], .cycleSort, "Sort: cycle the order (agenda: act-by, agreement, what)", [.agenda, .notices]),
            Binding([.char("/")], .startFilter, "Filter the list (type to narrow)", lists, hint: "filter"),
            Binding([.char("n")], .nextMatch, "Next match of the / filter (wraps around)", lists),
            Binding([.char("N")], .previousMatch, "Previous match of the / filter", lists),
            // Everywhere in the views
            Binding([.char("1")], .showView(.agenda), "Agenda", [.views]),
            Binding([.char("2")], .showView(.agreements), "Agreements", [.views]),
            Binding([.char("3")], .showView(.subProcessors), "Sub-processors", [.views]),
            Binding([.char("4")], .showView(.notices), "Notices", [.views]),
            Binding([.tab], .nextView, "Next view", [.views]),
            Binding([.backTab], .previousView, "Previous view", [.views]),
            Binding([.char("r")], .reload, "Reload from the database", [.views]),
            Binding([.char("?")], .help, "Help: every key of this view", [.views], hint: "help"),
            Binding([.char(":")], .startPrompt, "Command line: :export/:backup/:calendar FILE, :help, :q", [.views]),
            Binding([.escape, .char("q")], .back, "Back (Esc clears a filter; q quits at the top level)", [.views], hint: "back"),
            Binding([.ctrl("c")], .quit, "Quit (in a form that holds input: asks first)", [.views, .filter, .prompt, .form, .confirm, .help]),
            // Command line
            Binding([], .typeText, "Type the command", [.prompt], keyLabel: "text"),
            Binding([.backspace], .deleteChar, "Delete the last character", [.prompt]),
            Binding([.enter], .runPrompt, "Run the command", [.prompt], hint: "run"),
            Binding([.escape], .cancelPrompt, "Close the command line (nothing runs)", [.prompt], hint: "cancel"),
            // Filter line
            Binding([], .typeText, "Type to narrow the list as you type", [.filter], keyLabel: "text"),
            Binding([.backspace], .deleteChar, "Delete the last character", [.filter]),
            Binding([.enter], .keepFilter, "Keep the filter", [.filter], hint: "keep"),
            Binding([.escape], .clearFilter, "Clear the filter", [.filter], hint: "clear"),
            // Forms
            Binding([], .typeText, "Type into the field", [.form], keyLabel: "text"),
            Binding([], .typeText, "Paste (bracketed): inserted as text, line breaks kept in long text, never saves", [.form], keyLabel: "paste"),
            Binding([.tab, .down], .nextField, "Next field", [.form], hint: "next field"),
            Binding([.backTab, .up], .previousField, "Previous field", [.form]),
            Binding([.right, .char(" ")], .cycleChoiceForward, "Next choice (choice fields); in text → moves the cursor", [.form], hint: "choose"),
            Binding([.left], .cycleChoiceBackward, "Previous choice (choice fields); in text ← moves the cursor", [.form]),
            Binding([.home, .ctrl("a")], .typeText, "Cursor to the start of the text", [.form]),
            Binding([.end, .ctrl("e")], .typeText, "Cursor to the end of the text", [.form]),
            Binding([.backspace], .deleteChar, "Delete the character before the cursor", [.form]),
            Binding([.delete, .ctrl("d")], .typeText, "Delete the character under the cursor", [.form]),
            Binding([.ctrl("w")], .typeText, "Delete the word before the cursor", [.form]),
            Binding([.ctrl("u")], .typeText, "Delete everything before the cursor", [.form]),
            Binding([.enter], .submitOrNext, "Next field; on the last field save", [.form], hint: "next/save"),
            Binding([.ctrl("s")], .submit, "Save", [.form], hint: "save"),
            Binding([.escape], .cancelForm, "Cancel (asks first when you have typed something; nothing is written)", [.form], hint: "cancel"),
            // Confirmation
            Binding([.char("y"), .enter], .confirm, "Yes, do it", [.confirm], hint: "yes"),
            Binding([.char("n"), .escape], .cancelConfirm, "No, leave it", [.confirm], hint: "no"),
            // Help overlay
            Binding([.char("j"), .down], .moveDown, "Scroll down", [.help]),
            Binding([.char("k"), .up], .moveUp, "Scroll up", [.help]),
            Binding([.escape, .char("q"), .char("?")], .closeHelp, "Close help", [.help], hint: "close"),
        ]
    }()

    /// Bindings that apply in `context`, its own first, then the `.views` ones for a main view.
    public static func bindings(for context: BindingContext) -> [Binding] {
        let own = table.filter { $0.contexts.contains(context) }
        guard context.isView else { return own }
        return own + table.filter { $0.contexts.contains(.views) && !$0.contexts.contains(context) }
    }

    /// The action a key triggers in `context`, if any.
    public static func action(for key: Key, in context: BindingContext) -> Action? {
        bindings(for: context).first { $0.keys.contains(key) }?.action
    }

    /// The full key map as Markdown (docs/user-guide-keys.md is this text).
    public static func markdown() -> String {
        var out = "# Varsel workbench: key map\n\n"
        out += "Generated from the binding table (`Sources/VarselUI/App/Binding.swift`, `Bindings.markdown()`);\n"
        out += "the `?` overlay and the bottom hint bar come from the same table.\n"
        for context in BindingContext.allCases {
            let rows = table.filter { $0.contexts.contains(context) }
            guard !rows.isEmpty else { continue }
            out += "\n## \(context.title)\n\n| key | action |\n|---|---|\n"
            for b in rows {
                out += "| `\(b.label.replacingOccurrences(of: "|", with: "\\|"))` | \(b.description) |\n"
            }
        }
        return out
    }
}
