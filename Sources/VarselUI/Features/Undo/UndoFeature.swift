import VarselKit

/// `u` in every view: undo the last change made in this workbench session by its compensating
/// change (`UndoStep`); repeated `u` walks back. The steps live in `WorkbenchState.undo`.
enum UndoFeature {
    static let bindings: [Binding] = [
        Binding([.char("u")], .undo, "Undo this session's last change; again walks back", [.views], hint: "undo"),
    ]

    static func reduce(_ state: inout WorkbenchState) -> [Effect] {
        guard let step = state.undo.last else {
            state.status = StatusMessage(text: "Nothing to undo: no change made in this session is left", isError: true)
            return []
        }
        return [.undo(step)]
    }

    /// What the undo reported: the step leaves the list either way (a refused one cannot run later).
    static func apply(_ state: inout WorkbenchState, _ step: UndoStep, error: VarselError?) -> [Effect] {
        if let i = state.undo.lastIndex(of: step) { state.undo.remove(at: i) }
        guard let error else { return [.reload] }
        state.status = StatusMessage(text: "Cannot undo \(step.label): \(error.what)" + (error.fix.map { ". \($0)" } ?? ""), isError: true)
        return [.reload]
    }
}

