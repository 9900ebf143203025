import XCTest
@testable import VarselKit
@testable import VarselUI

/// View 5: the month calendar of act-by days. The fixture's open deadlines act by 18 Nov
/// (overdue SLA claim), 1 Dec (Pureservice objection) and 4 Dec (PUB-avtal objection).
final class CalendarViewTests: XCTestCase {
    func testTheMonthGridCountsActByDaysAndMovesByDayWeekAndMonth() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("5"))
            XCTAssertEqual(wb.state.view, .calendar)
            var s = wb.screen(100, 30)
            XCTAssertTrue(s.contains("November 2026"), s)
            XCTAssertTrue(s.contains("18·1"), "the overdue claim on 18 Nov\n" + s)
            XCTAssertTrue(s.contains("Mon 23 Nov 2026: nothing to act on"), s)
            // → a day, ↓ a week: Tue 1 Dec, in December's grid.
            wb.press(.right, .down)
            XCTAssertEqual(wb.state.calendarDay, CivilDate(iso: "2026-12-01"))
            s = wb.screen(100, 30)
            XCTAssertTrue(s.contains("December 2026"), s)
            XCTAssertTrue(s.contains(" 1·1") && s.contains(" 4·1"), s)
            XCTAssertTrue(s.contains("Tue 1 Dec 2026: 1 to act on"), s)
            XCTAssertTrue(s.contains("Object to the new sub-processor (8.6.3)"), s)
            wb.press(.char("]"))
            XCTAssertEqual(wb.state.calendarDay, CivilDate(iso: "2027-01-01"))
            wb.press(.char("["), .char("["))
            XCTAssertEqual(wb.state.calendarDay, CivilDate(iso: "2026-11-01"))
            wb.press(.char("."))
            XCTAssertNil(wb.state.calendarDay, "back to today")
            wb.press(.left, .up)
            XCTAssertEqual(wb.state.calendarDay, CivilDate(iso: "2026-11-15"))
        }
    }

    func testEnterListsTheDaysDeadlinesInTheAgenda() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("5"), .right, .down, .enter)
            XCTAssertEqual(wb.state.view, .agenda)
            XCTAssertEqual(wb.state.filter, "2026-12-01")
            XCTAssertEqual(wb.agendaItems.map(\.deadline.id), ["dl-cn-0001-ps-8.6.3"])
            // A day without deadlines says so and stays.
            wb.press(.escape, .char("5"), .char("."), .enter)
            XCTAssertEqual(wb.state.view, .calendar)
            XCTAssertEqual(wb.state.status?.text, "Nothing to act on by Mon 23 Nov 2026")
        }
    }
}
