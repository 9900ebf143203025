import Foundation
import XCTest

/// Issue 14 through the binary: reopen, snooze, deadline notes, objection edit/withdraw/outcome and
/// termination withdraw. One demo database dated Mon 23 Nov 2026.
final class ReversalCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    @discardableResult
    private func run(_ status: Int32, _ args: [String], today: String? = nil) throws -> RunResult {
        try Varsel.expect(status, args + ["--db", db, "--today", today ?? self.today])
    }

    /// The first word after `prefix` in `text` (an id printed by a command).
    private func id(after prefix: String, in text: String) throws -> String {
        let r = try XCTUnwrap(text.range(of: prefix), text)
        return String(text[r.upperBound...].prefix { !$0.isWhitespace })
    }

    func testSnoozeNeverHidesAMissedDeadlineFromCheck() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        try run(0, ["handle", "dl-ev-0002-pureservice-sla-credit-claim"]) // the demo's overdue item
        let cn1 = "dl-cn-0001-pureservice-subprocessor-objection"       // act by Mon 30 Nov 2026
        XCTAssertTrue(try run(1, ["check", "--within", "7"]).stdout.contains(cn1))

        let snoozed = try run(0, ["snooze", cn1, "--until", "2026-11-27"])
        XCTAssertTrue(snoozed.stdout.contains("act by Mon 30 Nov 2026 (unchanged)"), snoozed.stdout)
        XCTAssertEqual(try run(0, ["check", "--within", "7"]).stdout, "")
        let list = try run(0, ["deadlines", "--within", "7"])
        XCTAssertTrue(list.stdout.contains("[snoozed] Object to the new"), list.stdout)
        XCTAssertTrue(list.stdout.contains("  snoozed until 2026-11-27; act by 2026-11-30 unchanged"), list.stdout)
        let json = try XCTUnwrap(try run(0, ["deadlines", "--within", "7", "--format", "json"]).json() as? [[String: Any]])
        XCTAssertEqual(json.first { $0["id"] as? String == cn1 }?["snoozedUntil"] as? String, "2026-11-27")
        // Due again on the snooze day, and overdue always counts.
        XCTAssertTrue(try run(1, ["check", "--within", "7"], today: "2026-11-27").stdout.contains(cn1))
        XCTAssertTrue(try run(3, ["check", "--within", "0"], today: "2026-12-01").stdout.contains("OVERDUE 2026-11-30"))
        // A snooze cannot pass the act-by day.
        let late = try run(2, ["snooze", cn1, "--until", "2026-12-01"])
        XCTAssertTrue(late.stderr.contains("after the act-by day 2026-11-30"), late.stderr)
        try run(0, ["snooze", cn1, "--clear"])
        XCTAssertTrue(try run(1, ["check", "--within", "7"]).stdout.contains(cn1))
    }

    func testNotesAndReopen() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let audit = "dl-ev-0001-pub-avtal-bilaga3-audit-notice"
        try run(0, ["note", audit, "Book the meeting room"])
        XCTAssertTrue(try run(0, ["deadlines"]).stdout.contains("  note: Book the meeting room"))
        try run(0, ["handle", audit, "--note", "Letter sent"])
        let show = try run(0, ["show", "pub-avtal-bilaga3"]).stdout
        XCTAssertTrue(show.contains("        note: Book the meeting room"), show)
        XCTAssertTrue(show.contains("        handled 2026-11-23: Letter sent"), show)
        XCTAssertFalse(try run(0, ["deadlines"]).stdout.contains(audit))
        try run(0, ["reopen", audit, "--note", "Bounced"])
        XCTAssertTrue(try run(0, ["deadlines"]).stdout.contains(audit))
        let again = try run(2, ["reopen", audit])
        XCTAssertTrue(again.stderr.contains("is open, not handled"), again.stderr)
    }

    func testObjectionEditWithdrawAndOutcome() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let obj = try id(after: "Recorded objection ", in: try run(0, ["object", "cn-0001", "--grounds", "Transfer risk"]).stdout)
        let refused = try run(2, ["reopen", "dl-cn-0001-pureservice-subprocessor-objection"])
        XCTAssertTrue(refused.stderr.contains("varsel objection withdraw \(obj)"), refused.stderr)

        try run(0, ["objection", "edit", obj, "--channel", "letter", "--grounds", "Onward transfer to the US"])
        try run(0, ["objection", "outcome", obj, "alternative_offered"])
        var show = try run(0, ["show", "pureservice"]).stdout
        XCTAssertTrue(show.contains("objection 2026-11-23 by letter: Onward transfer to the US — outcome: alternative_offered [\(obj)]"), show)
        try run(2, ["objection", "outcome", obj, "agreement_terminated"])

        let w = try run(0, ["objection", "withdraw", obj])
        XCTAssertTrue(w.stdout.contains("change notice cn-0001 is open"), w.stdout)
        XCTAssertTrue(w.stdout.contains("Reopened: Object to the new sub-processor"), w.stdout)
        show = try run(0, ["show", "pureservice"]).stdout
        XCTAssertTrue(show.contains("— withdrawn 2026-11-23 [\(obj)]"), show)
        XCTAssertTrue(try run(3, ["check", "--within", "7"], today: "2026-11-24").stdout.contains("DUE 2026-11-30"))
    }

    func testTerminationWithdraw() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let t = try id(after: "Recorded termination ", in: try run(0, ["terminate", "mobilize-me-hovedaftale", "--by", "us"]).stdout)
        let w = try run(0, ["termination", "withdraw", t, "--note", "Settled"])
        XCTAssertTrue(w.stdout.contains("is active again, no end date"), w.stdout)
        XCTAssertTrue(w.stdout.contains("Runs on with it: Databehandleraftale [mobilize-me-dpa]"), w.stdout)
        XCTAssertTrue(w.stdout.contains("1 open follow-on deadline(s) removed"), w.stdout)
        let show = try run(0, ["show", "mobilize-me-dpa"]).stdout
        XCTAssertTrue(show.contains("active;"), show)
        XCTAssertFalse(show.contains("delete-or-return"), show)
        XCTAssertTrue(try run(0, ["show", "mobilize-me-hovedaftale"]).stdout.contains("Termination: WITHDRAWN 2026-11-23:"))
        try run(2, ["termination", "withdraw", t])
    }
}
