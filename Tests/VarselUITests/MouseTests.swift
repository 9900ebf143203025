import XCTest
@testable import VarselKit
@testable import VarselUI

/// Mouse events (as `CursesTerminal` reads them from ncurses) become the keys' state changes:
/// a click selects the row or tab under it, a double click opens, the wheel scrolls.
final class MouseTests: XCTestCase {
    func testClickSelectsDoubleClickOpensAndTheWheelScrolls() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let s = wb.screen(80, 24).split(separator: "\n", omittingEmptySubsequences: false)
            // Rows at 80x24: 2 the list header, 3 "Overdue (1)", 4 its item, 5 "Within 14 days (2)", 6 and 7 its items.
            XCTAssertTrue(s[5].contains("Within 14 days"), String(s[5]))
            wb.handle(.mouse(MouseEvent(.click, x: 30, y: 6)))
            XCTAssertEqual(wb.state.agenda.selected, 1)
            wb.handle(.mouse(MouseEvent(.click, x: 30, y: 5)))
            XCTAssertEqual(wb.state.agenda.selected, 1, "a group heading selects nothing")
            wb.handle(.mouse(MouseEvent(.wheelUp, x: 30, y: 6)))
            XCTAssertEqual(wb.state.agenda.selected, 0)
            wb.handle(.mouse(MouseEvent(.wheelDown, x: 30, y: 6)))
            XCTAssertEqual(wb.state.agenda.selected, 2, "three rows, clamped at the last")
            wb.handle(.mouse(MouseEvent(.doubleClick, x: 30, y: 6)))
            XCTAssertEqual(wb.state.view, .agreements)
            XCTAssertTrue(wb.state.detailFocused)
            XCTAssertEqual(wb.selectedAgreementRow?.id, "pureservice")
        }
    }

    func testClickOnATabShowsItsViewAndOnACalendarDaySelectsIt() throws {
        try onMain {
            let wb = try Fixture.workbench()
            _ = wb.screen(80, 24)
            wb.handle(.mouse(MouseEvent(.click, x: 47, y: 1)))
            XCTAssertEqual(wb.state.view, .notices)
            wb.handle(.mouse(MouseEvent(.click, x: 60, y: 1)))
            XCTAssertEqual(wb.state.view, .calendar)
            XCTAssertTrue(wb.screen(80, 24).contains("November 2026"))
            // November 2026 starts on a Sunday: Wed 18 is in the fourth grid row, third column.
            wb.handle(.mouse(MouseEvent(.click, x: 26, y: 7)))
            XCTAssertEqual(wb.state.calendarDay, CivilDate(iso: "2026-11-18"))
            XCTAssertTrue(wb.screen(80, 24).contains("Wed 18 Nov 2026: 1 to act on"), wb.screen(80, 24))
        }
    }

    func testTheMouseDoesNothingUnderAFormOrWhenTooSmall() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"), .char("a"))
            XCTAssertNotNil(wb.state.form)
            wb.handle(.mouse(MouseEvent(.click, x: 47, y: 1)))
            XCTAssertEqual(wb.state.view, .agenda)
            XCTAssertNotNil(wb.state.form)
            XCTAssertNil(Bindings.action(for: .mouse(MouseEvent(.click, x: 1, y: 1)), in: .tooSmall))
        }
    }
}
