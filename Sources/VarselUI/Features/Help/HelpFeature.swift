/// The `?` overlay: its keys and state changes (the view is `HelpOverlay`).
enum HelpFeature {
    static let bindings: [Binding] = [
        Binding([.char("j"), .down], .moveDown, "Scroll down", [.help]),
        Binding([.char("k"), .up], .moveUp, "Scroll up", [.help]),
        Binding([.escape, .char("q"), .char("?")], .closeHelp, "Close help", [.help], hint: "close"),
    ]

    static func reduce(_ state: inout WorkbenchState, _ action: HelpAction) -> [Effect] {
        switch action {
        case .show: state.overlay = .help(scroll: 0)
        case .close: state.overlay = nil
        }
        return []
    }

    /// j / k scroll the overlay (the upper bound depends on the text's length: clamped after loading).
    static func scroll(_ state: inout WorkbenchState, _ action: Action) -> [Effect] {
        guard action == .moveUp || action == .moveDown, case .help(let s) = state.overlay else { return [] }
        state.overlay = .help(scroll: max(0, s + (action == .moveUp ? -1 : 1)))
        return []
    }
}

/// The help overlay's own actions.
public enum HelpAction: Hashable, Sendable {
    case show, close
}

extension Action {
    public static let help = Action.helpOverlay(.show)
    public static let closeHelp = Action.helpOverlay(.close)
}
