/// The `:` command line: its keys and state changes (the commands are `CommandPrompt`; the
/// files they write are effects, `FileCommand`).
enum PromptFeature {
    static let bindings: [Binding] = [
        Binding([], .insertText(""), "Type the command", [.prompt], keyLabel: "text", input: .typed),
    ] + LineEditingBindings.rows([.prompt]) + [
        Binding([.enter], .runPrompt, "Run the command", [.prompt], hint: "run"),
        Binding([.escape], .cancelPrompt, "Close the command line (nothing runs)", [.prompt], hint: "cancel"),
        Binding([], .paste(""), "Paste into the command line (one line)", [.prompt], input: .pasted, listed: false),
    ]

    /// Typed, pasted and deleted text on the command line.
    static func input(_ state: inout WorkbenchState, _ action: Action) -> [Effect] {
        guard var text = state.prompt else { return [] }
        var after = state.lineCharactersAfterCursor
        _ = LineEditingBindings.apply(action, text: &text, charactersAfterCursor: &after, oneLine: FilterFeature.oneLine)
        state.prompt = text
        state.lineCharactersAfterCursor = after
        return []
    }

    static func reduce(_ state: inout WorkbenchState, _ action: PromptAction) -> [Effect] {
        switch action {
        case .start:
            state.prompt = ""
            state.lineCharactersAfterCursor = 0
        case .cancel:
            state.prompt = nil
        case .run:
            let line = state.prompt ?? ""
            state.prompt = nil
            switch CommandPrompt.parse(line) {
            case .message(let m): state.status = m
            case .quit: return WorkbenchReducer.quit(&state)
            case .help: state.overlay = .help(scroll: 0)
            case .file(let command): return [.runCommand(command)]
            case .intake(let path): return [.openIntake(path: path)]
            }
        }
        return []
    }
}

/// The `:` command line's own actions.
public enum PromptAction: Hashable, Sendable {
    case start, run, cancel
}

extension Action {
    public static let startPrompt = Action.prompt(.start)
    public static let runPrompt = Action.prompt(.run)
    public static let cancelPrompt = Action.prompt(.cancel)
}
