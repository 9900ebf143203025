/// Keys of every main view (moving, switching views, reload, help, the command line, back) and
/// the confirmation box. The list features add their own (`Features/*`).
enum GlobalBindings {
    static let bindings: [Binding] = [
        // Moving (all views; in the agreement detail they scroll the tab)
        Binding([.char("j"), .down], .moveDown, "Move down", [.views]),
        Binding([.char("k"), .up], .moveUp, "Move up", [.views]),
        Binding([.pageDown], .pageDown, "Page down", [.views]),
        Binding([.pageUp], .pageUp, "Page up", [.views]),
        Binding([.char("g"), .home], .top, "Go to the top", [.views]),
        Binding([.char("G"), .end], .bottom, "Go to the bottom", [.views]),
        // Everywhere in the views
        Binding([.char("1")], .showView(.agenda), "Agenda", [.views]),
        Binding([.char("2")], .showView(.agreements), "Agreements", [.views]),
        Binding([.char("3")], .showView(.subProcessors), "Sub-processors", [.views]),
        Binding([.char("4")], .showView(.notices), "Notices", [.views]),
        Binding([.char("5")], .showView(.calendar), "Calendar of act-by days (month)", [.views]),
        Binding([.tab], .nextView, "Next view", [.views]),
        Binding([.backTab], .previousView, "Previous view", [.views]),
        Binding([.char("r")], .reload, "Reload from the database", [.views]),
        Binding([.char("?")], .help, "Help: every key of this view", [.views], hint: "help"),
        Binding([.char(":")], .startPrompt, "Command line: :export/:backup/:calendar FILE, :help, :q", [.views]),
        Binding([.escape, .char("q")], .back, "Back (Esc clears a filter; q quits at the top level)", [.views], hint: "back",
                keyActions: [.char("q"): .backOrQuit]),
        Binding([.ctrl("c")], .quit, "Quit (in a form that holds input: asks first)", [.views, .filter, .prompt, .form, .confirm, .help]),
        // Not listed: a paste where no text is edited is refused (never read as keys).
        Binding([], .paste(""), "Paste outside a text field", [.views, .confirm, .help], input: .pasted, listed: false),
        // Not listed: below the minimum size only quitting works.
        Binding([.char("q"), .ctrl("c")], .quit, "Quit", [.tooSmall], listed: false),
    ]
}

/// The y/n box before something is written, discarded or quit.
enum ConfirmBindings {
    static let bindings: [Binding] = [
        Binding([.char("y"), .enter], .confirm, "Yes, do it", [.confirm], hint: "yes"),
        Binding([.char("n"), .escape], .cancelConfirm, "No, leave it", [.confirm], hint: "no"),
    ]
}
