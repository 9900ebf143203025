import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Recording an objection closes the notice's deadline, marks the notice and the proposed
/// sub-processor objected, and leaves one `record_objection` audit row.
final class ObjectionTests: XCTestCase {
    func testObjectionClosesTheNoticeDeadline() throws {
        let today = day("2026-11-23")
        let p = try Fixture.demo(today: today)
        let deadlineId = "dl-cn-0001-pureservice-subprocessor-objection"
        let item = try XCTUnwrap(p.queries.agenda(within: 90).first { $0.id == deadlineId })
        // Received Tue 3 Nov 2026 (today − 20), 4 weeks (8.6.3) → Tue 1 Dec 2026, the engagement day itself:
        // the objection must come before it (R10), so act by Mon 30 Nov 2026.
        XCTAssertEqual(item.deadline.anchorDate, day("2026-11-03"))
        XCTAssertEqual(item.deadline.actByDate, day("2026-11-30"))
        XCTAssertEqual(item.daysLeft, 7)

        let objection = try p.recordObjection(noticeId: "cn-0001", date: day("2026-11-22"),
                                              grounds: "Onward transfer to the US without an adequacy decision", channel: .letter)
        XCTAssertEqual(objection.id, "tobj-0001")
        // It returns what it closed: the notice's one open deadline, now handled (the form's count).
        XCTAssertEqual(objection.closed.map(\.id), [deadlineId])
        XCTAssertEqual(objection.closed.map(\.state), [.handled])
        XCTAssertEqual(objection.closed.first?.handledNote, "Objection tobj-0001 sent 2026-11-22 by letter")

        XCTAssertNil(try p.queries.agenda(within: 365).first { $0.id == deadlineId })
        let (notice, sub, stored, deadline) = try p.store.read { db in
            (try db.record(ChangeNotice.self, id: "cn-0001"), try db.twilio(),
             try db.record(Objection.self, id: objection.id), try db.record(Deadline.self, id: deadlineId))
        }
        XCTAssertEqual(notice?.status, .objected)
        XCTAssertEqual(sub?.status, .objected)
        XCTAssertEqual(stored?.changeNoticeId, "cn-0001")
        XCTAssertEqual(stored?.date, day("2026-11-22"))
        XCTAssertEqual(stored?.channel, .letter)
        XCTAssertEqual(stored?.outcome, .pending)
        XCTAssertEqual(deadline?.state, .handled)
        XCTAssertEqual(deadline?.handledDate, today)
        XCTAssertEqual(deadline?.handledNote, "Objection tobj-0001 sent 2026-11-22 by letter")

        let audit = try XCTUnwrap(Fixture.lastAudit(p.store))
        XCTAssertEqual(audit.action, "record_objection")
        XCTAssertEqual(audit.entityType, "objection")
        XCTAssertEqual(audit.entityId, "tobj-0001")
        XCTAssertTrue(audit.summary.contains("1 deadline(s) handled"), audit.summary)
        XCTAssertTrue(audit.before?.contains("\"status\":\"open\"") == true, audit.before ?? "nil")
        XCTAssertTrue(audit.after?.contains("\"status\":\"objected\"") == true, audit.after ?? "nil")

        // A second objection to the same notice is refused and writes nothing.
        let counts = try Fixture.tableCounts(p.store)
        assertVarselError(.conflict, at: "notice") { try p.recordObjection(noticeId: "cn-0001", grounds: "again") }
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)
        // The other items are still on the agenda.
        XCTAssertEqual(try p.queries.agenda(within: 90).map(\.id), [
            "dl-ev-0002-pureservice-sla-credit-claim",
            "dl-cn-0002-migrationsverket-e-tjanster-change-decision",
            "dl-cn-0005-pureservice-subprocessor-objection",
            "dl-ev-0001-pub-avtal-bilaga3-audit-notice",
        ])
    }
}
