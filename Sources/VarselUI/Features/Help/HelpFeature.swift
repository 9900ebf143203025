/// The `?` overlay: its keys and state changes (the view is `HelpOverlay`).
enum HelpFeature {
    static let bindings: [Binding] = [
        Binding([.char("j"), .down], .moveDown, "Scroll down", [.help]),
        Binding([.char("k"), .up], .moveUp, "Scroll up", [.help]),
        Binding([.escape, .char("q"), .char("?")], .closeHelp, "Close help", [.help], hint: "close"),
    ]

    static func reduce(_ state: inout WorkbenchState, _ action: Action) -> [Effect] {
        switch action {
        case .help: state.overlay = .help(scroll: 0)
        case .closeHelp: state.overlay = nil
        case .moveUp, .moveDown:
            // The upper bound depends on the text's length: clamped after loading.
            if case .help(let s) = state.overlay { state.overlay = .help(scroll: max(0, s + (action == .moveUp ? -1 : 1))) }
        default: break
        }
        return []
    }
}
