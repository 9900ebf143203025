/// What a program asks the terminal loop to do after handling a key or a tick.
public enum ProgramStep: Hashable, Sendable {
    /// State changed: render and draw a new frame.
    case redraw
    /// Nothing visible changed.
    case none
    /// Leave the run loop (the terminal is restored).
    case quit
    /// Hand the terminal to `runOutside()` (the terminal is restored meanwhile, as for Ctrl-Z,
    /// and taken back after it), then redraw: `E` runs $EDITOR this way.
    case runOutside
}

/// What a terminal app must provide. Implemented by the workbench in VarselUI and driven by
/// `CursesTerminal.run` in VarselTerminal (which VarselUI does not import), or by tests.
@MainActor public protocol TerminalProgram: AnyObject {
    /// Renders the whole screen for the given size. Called for every frame.
    func render(width: Int, height: Int) -> ScreenBuffer
    /// Handles one key (including `.resize`, after which a frame is always drawn).
    func handle(_ key: Key) -> ProgramStep
    /// Called when no key arrived within the poll interval (background refresh).
    func tick() -> ProgramStep
    /// Runs what needs the real terminal (an editor) after the loop gave it up; returns the step after.
    func runOutside() -> ProgramStep
}

extension TerminalProgram {
    public func runOutside() -> ProgramStep { .redraw }
}
