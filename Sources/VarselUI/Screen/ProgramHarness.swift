/// Drives a `TerminalProgram` without a terminal, the way `CursesTerminal.run` does:
/// for view and key-binding tests ("press j, j, enter; the screen shows …").
@MainActor public final class ProgramHarness {
    public let program: TerminalProgram
    public private(set) var width: Int
    public private(set) var height: Int
    /// Set once the program returned `.quit`; further keys are ignored.
    public private(set) var didQuit = false
    /// Number of frames rendered so far.
    public private(set) var frames = 0
    public private(set) var screen: ScreenBuffer

    public init(_ program: TerminalProgram, width: Int = 100, height: Int = 30) {
        self.program = program
        self.width = width
        self.height = height
        self.screen = program.render(width: width, height: height)
        self.frames = 1
    }

    /// The current screen dump.
    public var text: String { screen.text }

    /// Sends keys in order; re-renders after each `.redraw`. Returns the last step.
    @discardableResult
    public func press(_ keys: Key...) -> ProgramStep { press(keys) }

    @discardableResult
    public func press(_ keys: [Key]) -> ProgramStep {
        var last = ProgramStep.none
        for key in keys where !didQuit {
            last = program.handle(key)
            apply(last, force: key == .resize)
        }
        return last
    }

    /// Types each character of `text` as `.char`.
    @discardableResult
    public func type(_ text: String) -> ProgramStep { press(text.map { Key.char($0) }) }

    /// Simulates a poll timeout.
    @discardableResult
    public func tick() -> ProgramStep {
        guard !didQuit else { return .quit }
        let step = program.tick()
        apply(step, force: false)
        return step
    }

    /// Simulates a terminal resize: the program sees `.resize`, then a frame is drawn.
    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        press(.resize)
    }

    private func apply(_ step: ProgramStep, force: Bool) {
        switch step {
        case .quit: didQuit = true
        case .runOutside: apply(program.runOutside(), force: true)
        case .redraw: redraw()
        case .none: if force { redraw() }
        }
    }

    /// Draws a frame now (after the program's data changed outside a key, as a loop would on
    /// its next pass).
    public func redraw() {
        screen = program.render(width: width, height: height)
        frames += 1
    }
}
