import Foundation
import XCTest
@testable import VarselKit

/// Issue 12, concurrency for people: two users open the same record; the first saves; the second
/// save (with the version its form loaded) is refused with who changed it and when, and writes
/// nothing. Runs on both backends (two connections to one PostgreSQL portfolio, or two to one
/// SQLite file). Demo portfolio, today 2026-11-23.
final class OptimisticConcurrencyTests: XCTestCase {
    let today = day("2026-11-23")
    let id = "dl-cn-0001-pureservice-subprocessor-objection"

    /// Anna and Bertil on two connections to one portfolio; Anna's writes are stamped 10:42 UTC.
    func twoUsers() throws -> (anna: Portfolio, bertil: Portfolio) {
        let (first, second) = try TestBackend.sharedPair(self)
        _ = try Fixture.demo(today: today, store: first)
        let at = { (h: Int, m: Int) -> VarselClock in
            let now = Date(timeIntervalSince1970: TimeInterval(1_795_392_000 + h * 3600 + m * 60)) // 2026-11-23T00:00Z + h:m
            return VarselClock(today: self.today, now: { now })
        }
        return (Portfolio(store: first, clock: at(10, 42), ids: TestIDs(), user: "anna"),
                Portfolio(store: second, clock: at(10, 50), ids: TestIDs(), user: "bertil"))
    }

    func deadline(_ p: Portfolio) throws -> Deadline {
        try XCTUnwrap(p.queries.agenda(within: 90).first { $0.id == id }?.deadline)
    }

    func testTheSecondSaveOfADeadlineSeesWhoChangedItAndWritesNothing() throws {
        let (anna, bertil) = try twoUsers()
        // Both open the deadline (the version their form keeps).
        let annasView = RecordVersion(try deadline(anna)), bertilsView = RecordVersion(try deadline(bertil))
        XCTAssertEqual(annasView, bertilsView)
        try anna.snoozeDeadline(id: id, until: day("2026-11-27"), loaded: annasView)

        let before = try bertil.store.exportDocument()
        let e = assertVarselError(.conflict, at: "version") {
            try bertil.noteDeadline(id: id, note: "Ask legal", loaded: bertilsView)
        }
        XCTAssertEqual(e?.what, "Changed by anna at 10:42 UTC since you opened it: Snoozed until 2026-11-27: "
                       + "Object to the new sub-processor (4-week notice window) (act by 2026-11-30, unchanged)")
        XCTAssertTrue(e?.fix?.contains("press r to reload") == true, e?.fix ?? "")
        assertVarselError(.conflict, at: "version") { try bertil.handleDeadline(id: id, note: "Done", loaded: bertilsView) }
        assertVarselError(.conflict, at: "version") { try bertil.snoozeDeadline(id: id, until: nil, loaded: bertilsView) }
        XCTAssertEqual(try bertil.store.exportDocument(), before, "nothing was written")

        // After reloading, Bertil's note goes through on top of Anna's snooze.
        let reloaded = RecordVersion(try deadline(bertil))
        XCTAssertNotEqual(reloaded, bertilsView)
        let d = try bertil.noteDeadline(id: id, note: "Ask legal", loaded: reloaded)
        XCTAssertEqual(d.note, "Ask legal")
        XCTAssertEqual(d.snoozedUntil, day("2026-11-27"), "Anna's snooze is kept")
    }

    func testAVersionOfTheRecordAsShownIsTheVersionInsideTheWrite() throws {
        // Every agenda row (stored and renewal deadlines, read through the backend's list query)
        // has the version the write computes from the record it loads: an untouched form saves.
        // A synthetic portfolio, for renewal notices (computed, not stored) among the rows.
        let store = try TestBackend.makeStore()
        _ = try PortfolioGenerator(agreements: 40, seed: 3, clock: .fixed(today)).generate(into: store)
        let generated = Portfolio(store: store, clock: .fixed(today), ids: TestIDs(), user: "anna")
        let demo = try Fixture.demo(today: today)
        var ids: [String] = []
        for p in [generated, demo] {
            for item in try p.queries.agenda(within: 90) {
                ids.append(item.id)
                XCTAssertNoThrow(try p.noteDeadline(id: item.id, note: "seen", loaded: RecordVersion(item.deadline)), item.id)
            }
        }
        XCTAssertTrue(ids.contains { $0.hasPrefix("dl-term-") } && ids.contains { !$0.hasPrefix("dl-term-") }, "\(ids)")
    }

    func testObjectionEditedByOneAndWithdrawnByTheOther() throws {
        let (anna, bertil) = try twoUsers()
        let o = try anna.recordObjection(noticeId: "cn-0001", date: day("2026-11-22"), grounds: "Transfer risk", channel: .letter)
        let opened = RecordVersion(o.objection)
        try anna.editObjection(id: o.id, ObjectionEdit(grounds: "Transfer risk; no SCCs"), loaded: opened)
        let counts = try Fixture.tableCounts(bertil.store)
        let e = assertVarselError(.conflict, at: "version") { try bertil.withdrawObjection(id: o.id, loaded: opened) }
        XCTAssertTrue(e?.what.hasPrefix("Changed by anna at 10:42 UTC since you opened it: Objection \(o.id) to cn-0001 edited") == true,
                      e?.what ?? "")
        assertVarselError(.conflict, at: "version") { try bertil.setObjectionOutcome(id: o.id, .overruled, loaded: opened) }
        XCTAssertEqual(try Fixture.tableCounts(bertil.store), counts)
        // Reloaded, Bertil's withdrawal goes through.
        let now = try XCTUnwrap(try bertil.store.read { try $0.record(Objection.self, id: o.id) })
        XCTAssertEqual(try bertil.withdrawObjection(id: o.id, loaded: RecordVersion(now)).objection.grounds, "Transfer risk; no SCCs")
    }

    func testAChangeMadeThroughAnotherRecordIsStillACollision() throws {
        // Withdrawing the objection reopens the deadline it closed; the audit row names the
        // objection, so the message says another write changed the deadline.
        let (anna, bertil) = try twoUsers()
        let o = try anna.recordObjection(noticeId: "cn-0001", date: day("2026-11-22"), grounds: "Transfer risk", channel: .letter)
        let closed = try XCTUnwrap(try bertil.store.read { try $0.record(Deadline.self, id: self.id) })
        XCTAssertEqual(closed.state, .handled)
        try anna.withdrawObjection(id: o.id)
        let e = assertVarselError(.conflict, at: "version") {
            try bertil.noteDeadline(id: id, note: "x", loaded: RecordVersion(closed))
        }
        XCTAssertTrue(e?.what.hasPrefix("Changed by another write since you opened it") == true, e?.what ?? "")
    }

    func testWithoutAVersionTheCommandLineWritesAsBefore() throws {
        let (anna, bertil) = try twoUsers()
        try anna.snoozeDeadline(id: id, until: day("2026-11-27"))
        XCTAssertEqual(try bertil.noteDeadline(id: id, note: "Ask legal").note, "Ask legal")
    }
}
