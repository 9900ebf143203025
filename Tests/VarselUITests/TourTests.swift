import XCTest
@testable import VarselKit
@testable import VarselUI

/// A tour of the workbench through the production loop (every view, the detail at two sizes,
/// each form, help): each frame shows what that step opened and is whole (the header, no row
/// wider than the terminal). With VARSEL_DUMP set the frames are printed too, to look at.
final class TourTests: XCTestCase {
    func testEveryStepOfTheTourDrawsWhatItOpened() throws {
        try onMain {
            let wb = try Fixture.workbench()
            var frames: [(step: String, buffer: ScreenBuffer)] = []
            @MainActor func shot(_ step: String, _ w: Int = 80, _ h: Int = 24) { frames.append((step, wb.render(width: w, height: h))) }
            shot("agenda")
            shot("agenda wide", 160, 48)
            wb.press(.enter); shot("detail at its rule"); shot("detail wide", 160, 40)
            wb.press(.char("o")); shot("objection form")
            wb.press(.escape, .char("["), .char("["), .char("["), .char("[")); shot("notices tab")  // past Text, the last tab
            wb.press(.escape, .char("3")); shot("register")
            wb.press(.char("4")); shot("notices")
            wb.press(.char("c")); shot("change notice form")
            wb.press(.escape, .char("t")); shot("termination form")
            wb.press(.escape, .char("?")); shot("help")
            let expected = [
                "agenda": "Overdue (1)",
                "agenda wide": "Why: 4 weeks after downtime",
                "detail at its rule": "4.3 Claim the SLA credit in writing",
                "detail wide": " Agreement (3)",
                "objection form": "┌ Record objection",
                "notices tab": "Change notices (1)",
                "register": "Sub-processor (4)",
                "notices": " Date       Agreement",
                "change notice form": "┌ Record change notice",
                "termination form": "┌ Record termination notice",
                "help": "Help — Notices",
            ]
            XCTAssertEqual(frames.map(\.step).sorted(), expected.keys.sorted())
            let dump = ProcessInfo.processInfo.environment["VARSEL_DUMP"] != nil
            for (step, b) in frames {
                if dump { print("=== \(step)"); print(b.text) }
                XCTAssertTrue(b.text.contains(expected[step]!), "\(step) lacks \(expected[step]!):\n\(b.text)")
                XCTAssertTrue(b.line(0).contains("Varsel"), "\(step): \(b.line(0))")
                for y in 0..<b.height {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(b.line(y)), b.width, "\(step) row \(y) overflows")
                }
            }
        }
    }
}
