import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 14: snooze (remind me later) and notes on deadlines. Demo portfolio, today 2026-11-23.
final class SnoozeAndNoteTests: XCTestCase {
    let today = day("2026-11-23")
    let id = "dl-cn-0001-pureservice-subprocessor-objection" // act by Mon 30 Nov 2026

    func testSnoozeLeavesTheActByDayAndCountsAgainOnItsDay() throws {
        let p = try Fixture.demo(today: today)
        let d = try p.snoozeDeadline(id: id, until: day("2026-11-27"))
        XCTAssertEqual(d.snoozedUntil, day("2026-11-27"))
        XCTAssertEqual(d.actByDate, day("2026-11-30"), "the act-by day never changes")
        XCTAssertEqual(Fixture.lastAuditAction(p.store), "snooze_deadline")
        // Still on the agenda (shown as snoozed), with the snooze day stored.
        let item = try XCTUnwrap(p.queries.agenda(within: 14).first { $0.id == id })
        XCTAssertEqual(item.deadline.snoozedUntil, day("2026-11-27"))
        XCTAssertTrue(item.deadline.isSnoozed(today: today))
        XCTAssertTrue(item.deadline.isSnoozed(today: day("2026-11-26")))
        XCTAssertFalse(item.deadline.isSnoozed(today: day("2026-11-27")), "due again on the snooze day")

        // A snooze cannot reach past the act-by day, nor be today or earlier; a handled deadline is not snoozed.
        let counts = try Fixture.tableCounts(p.store)
        assertVarselError(.invalidInput, at: "until") { try p.snoozeDeadline(id: id, until: day("2026-12-01")) }
        assertVarselError(.invalidInput, at: "until") { try p.snoozeDeadline(id: id, until: today) }
        assertVarselError(.conflict, at: "deadline") {
            try p.snoozeDeadline(id: "dl-cn-0003-mobilize-me-dpa-subprocessor-approval", until: day("2026-12-01"))
        }
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)

        XCTAssertNil(try p.snoozeDeadline(id: id, until: nil).snoozedUntil)
    }

    func testASnoozeNeverHidesAnOverdueDeadline() {
        // Even a snooze day after the act-by day (a hand-edited document) stops counting once overdue.
        var d = Deadline(id: "d", agreementId: "a", ruleId: nil, sourceKind: .event, sourceId: "e", what: "Act", actor: .us,
                         clauseRef: nil, anchorDate: day("2026-11-01"), rawDate: day("2026-11-30"), dueDate: day("2026-11-30"),
                         actByDate: day("2026-11-30"), explanation: "x", snoozedUntil: day("2026-12-10"))
        XCTAssertTrue(d.isSnoozed(today: day("2026-11-30")))
        XCTAssertFalse(d.isSnoozed(today: day("2026-12-01")))
        d.state = .handled
        XCTAssertFalse(d.isSnoozed(today: day("2026-11-25")))
    }

    func testNotesOnOpenAndHandledDeadlinesSurviveARecompute() throws {
        let p = try Fixture.demo(today: today)
        try p.snoozeDeadline(id: id, until: day("2026-11-26"))
        XCTAssertEqual(try p.noteDeadline(id: id, note: "  Ask legal about Twilio  ").note, "Ask legal about Twilio")
        XCTAssertEqual(try Fixture.lastAudit(p.store)?.summary, "Note on Object to the new sub-processor (4-week notice window): Ask legal about Twilio")
        XCTAssertEqual(try p.noteDeadline(id: "dl-cn-0003-mobilize-me-dpa-subprocessor-approval", note: "Filed").note, "Filed")
        // Recomputing the agreement's open deadlines keeps the snooze and the note.
        try TestBackend.execute(p.store, "UPDATE deadlines SET explanation = 'stale' WHERE id = '\(self.id)'")
        let updated = try p.store.seed { db in
            try DeadlineRecompute.refresh(db, agreementIds: ["pureservice"], planner: p.planner)
        }
        XCTAssertEqual(updated, [id])
        let d = try XCTUnwrap(p.queries.agenda(within: 14).first { $0.id == id }?.deadline)
        XCTAssertEqual(d.note, "Ask legal about Twilio")
        XCTAssertEqual(d.snoozedUntil, day("2026-11-26"))
        XCTAssertNotEqual(d.explanation, "stale")
        XCTAssertNil(try p.noteDeadline(id: id, note: "").note)
        assertVarselError(.notFound, at: "deadline") { try p.noteDeadline(id: "nope", note: "x") }
    }
}
