import XCTest
@testable import VarselUI

@MainActor private final class Counter: TerminalProgram {
    var count = 0
    var ticks = 0
    func render(width: Int, height: Int) -> ScreenBuffer {
        var b = ScreenBuffer(width: width, height: height)
        b.put("n=\(count) \(width)x\(height) t=\(ticks)", x: 0, y: 0)
        return b
    }
    func handle(_ key: Key) -> ProgramStep {
        switch key {
        case .char("+"): count += 1; return .redraw
        case .char("q"), .ctrl("c"): return .quit
        default: return .none
        }
    }
    func tick() -> ProgramStep { ticks += 1; return .none }
}

// Note: on Linux, XCTest cannot run methods of a @MainActor test class ("Could not cast
// value of type '... @MainActor () -> ()'"): keep the class nonisolated and hop onto the main
// actor with MainActor.assumeIsolated (XCTest runs tests on the main thread).
final class ProgramHarnessTests: XCTestCase {
    func testKeysRedrawAndQuit() {
        MainActor.assumeIsolated { Self.keysRedrawAndQuit() }
    }

    @MainActor private static func keysRedrawAndQuit() {
        let h = ProgramHarness(Counter(), width: 20, height: 2)
        XCTAssertEqual(h.screen.line(0), "n=0 20x2 t=0")
        h.type("++")
        XCTAssertEqual(h.screen.line(0), "n=2 20x2 t=0")
        h.tick()
        XCTAssertEqual(h.screen.line(0), "n=2 20x2 t=0")   // .none: no new frame
        h.resize(width: 15, height: 3)
        XCTAssertEqual(h.text, "n=2 15x3 t=1\n\n")
        XCTAssertEqual(h.press(.ctrl("c")), .quit)
        XCTAssertTrue(h.didQuit)
        h.press(.char("+"))
        XCTAssertEqual(h.screen.line(0), "n=2 15x3 t=1")
    }
}
