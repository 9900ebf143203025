import XCTest
@testable import VarselKit
@testable import VarselUI

/// Issue 12, concurrency for people: a form keeps the version of the record it opened on; when a
/// colleague saved that record in the meantime, saving shows who and when, keeps the form open
/// and writes nothing. After r, the form opens on what is there now and saves.
final class ConcurrentEditTests: XCTestCase {
    func testTheSecondSnoozeSeesTheColleaguesChangeAndOverwritesNothing() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let id = ReversalKeysTests.objectionWindow
            wb.press(.char("j"), .char("z"))
            XCTAssertEqual(wb.state.form?.value("until"), "2026-11-30")
            // Anna, on another workbench, snoozes the same deadline to 27 November first.
            let anna = Portfolio(store: wb.portfolio.store, clock: .fixed(Fixture.today), ids: SequentialIDGenerator(), user: "anna")
            try anna.snoozeDeadline(id: id, until: CivilDate(iso: "2026-11-27"))
            let audits = try Fixture.auditCount(wb.portfolio)

            wb.press(.enter)
            XCTAssertNotNil(wb.state.form, "the form stays open")
            XCTAssertEqual(wb.state.form?.error?.kind, .conflict)
            let screen = wb.screen(120, 30)
            XCTAssertTrue(screen.contains("Changed by anna at 09:00 UTC since you opened it"), screen)
            XCTAssertTrue(wb.state.form?.error?.fix?.contains("press r to reload") == true, "\(String(describing: wb.state.form?.error))")
            XCTAssertEqual(try ReversalKeysTests.stored(wb, id)?.snoozedUntil, CivilDate(iso: "2026-11-27"), "Anna's snooze stands")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits, "nothing was written")

            // Esc, r, z again: the form shows Anna's day and saves on top of it.
            wb.press(.escape, .char("r"), .char("z"))
            XCTAssertEqual(wb.state.form?.value("until"), "2026-11-27")
            wb.press(.ctrl("u"))
            wb.type("2026-11-29")
            wb.press(.enter)
            XCTAssertNil(wb.state.form, wb.state.form?.error?.what ?? "")
            XCTAssertEqual(try ReversalKeysTests.stored(wb, id)?.snoozedUntil, CivilDate(iso: "2026-11-29"))
        }
    }
}
