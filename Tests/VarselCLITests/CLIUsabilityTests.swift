import Foundation
import XCTest

/// Issue 14 on the command line: help texts that match what works, notes in `show`, CSV numbers,
/// tables fitted to COLUMNS, negative --within, period abbreviations.
final class CLIUsabilityTests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    private func demo() throws { try Varsel.expect(0, ["demo", "--db", db, "--today", today]) }

    func testHelpListsOnlyValuesThatWork() throws {
        let terminate = try Varsel.expect(0, ["terminate", "--help"]).stdout
        XCTAssertFalse(terminate.contains("either"), terminate)
        XCTAssertTrue(terminate.contains("--by <us|them>"), terminate)
        let notice = try Varsel.expect(0, ["notice", "add", "--help"]).stdout
        XCTAssertFalse(notice.contains("either"), notice)
        XCTAssertFalse(notice.contains("csv"), notice)
        let show = try Varsel.expect(0, ["show", "--help"]).stdout
        XCTAssertFalse(show.contains("csv"), show)
        try demo()
        let csv = try Varsel.run(["show", "--db", db, "--today", today, "--format", "csv", "pureservice"])
        XCTAssertNotEqual(csv.status, 0, "show has no CSV output; it must not print a table instead")
        XCTAssertTrue(csv.stderr.contains("csv"), csv.stderr)
        XCTAssertEqual(try Varsel.run(["terminate", "--db", db, "--today", today, "pureservice", "--by", "either", "--dry-run"]).status, 64)
    }

    func testShowPrintsObjectionTerminationAndHandledNotes() throws {
        try demo()
        let notices = try XCTUnwrap(Varsel.expect(0, ["notices", "--db", db, "--today", today, "--format", "json"]).json() as? [[String: Any]])
        let open = try XCTUnwrap(notices.first { ($0["agreementId"] as? String) == "pureservice" && ($0["status"] as? String) == "open" })
        let id = try XCTUnwrap(open["id"] as? String)
        try Varsel.expect(0, ["object", "--db", db, "--today", today, id, "--grounds", "US transfer", "--note", "Sent by DPO, ref 2026-117"])
        try Varsel.expect(0, ["terminate", "--db", db, "--today", today, "pureservice", "--by", "us", "--note", "Board decision 12 Nov"])
        let deadlines = try XCTUnwrap(Varsel.expect(0, ["deadlines", "--db", db, "--today", today, "--format", "json"]).json() as? [[String: Any]])
        let sla = try XCTUnwrap(deadlines.first { ($0["id"] as? String)?.contains("sla") == true }?["id"] as? String)
        try Varsel.expect(0, ["handle", "--db", db, "--today", today, sla, "--note", "Claim sent to Pureservice"])
        let show = try Varsel.expect(0, ["show", "--db", db, "--today", today, "pureservice"]).stdout
        XCTAssertTrue(show.contains("note: Sent by DPO, ref 2026-117"), show)
        XCTAssertTrue(show.contains("note: Board decision 12 Nov"), show)
        XCTAssertTrue(show.contains("handled 2026-11-23: Claim sent to Pureservice"), show)
    }

    func testCSVKeepsNegativeNumbersAsNumbers() throws {
        try demo()
        let csv = try Varsel.expect(0, ["deadlines", "--db", db, "--today", today, "--format", "csv"]).stdout
        let overdue = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains("overdue") })
        XCTAssertEqual(overdue.split(separator: ",")[2], "-12", String(overdue))
        XCTAssertFalse(csv.contains("'-12"))
    }

    func testTablesFitCOLUMNS() throws {
        try demo()
        for width in [80, 100] {
            let table = try Varsel.expect(0, ["deadlines", "--db", db, "--today", today], environment: ["COLUMNS": "\(width)"]).stdout
            let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
            let rows = lines.prefix { !$0.isEmpty }
            XCTAssertGreaterThan(rows.count, 2)
            // Everything but the id column fits (ids are never cut: they are copied into commands).
            for row in rows.dropFirst(2) {
                let id = String(row.split(separator: " ").last!)
                XCTAssertTrue(id.hasPrefix("dl-"), String(row))
                XCTAssertLessThanOrEqual(row.count - id.count, width, String(row))
            }
            // The rule lines under the table are wrapped to the width.
            let rules = lines.dropFirst(rows.count + 1).filter { !$0.isEmpty }
            XCTAssertGreaterThan(rules.count, 4)
            for l in rules { XCTAssertLessThanOrEqual(l.count, width, String(l)) }
            let audit = try Varsel.expect(0, ["audit", "--db", db, "--today", today], environment: ["COLUMNS": "\(width)"]).stdout
            for row in audit.split(separator: "\n") { XCTAssertLessThanOrEqual(row.count, width, String(row)) }
        }
        let wide = try Varsel.expect(0, ["audit", "--db", db, "--today", today]).stdout
        XCTAssertTrue(wide.split(separator: "\n").contains { $0.count > 100 }, "piped output without COLUMNS is not cut")
    }

    func testNegativeWithinSaysWhatIsWrong() throws {
        try demo()
        for command in ["check", "deadlines"] {
            let r = try Varsel.run([command, "--db", db, "--today", today, "--within", "-5"])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains("--within must be 0 or more days, got -5"), r.stderr)
            XCTAssertFalse(r.stderr.contains("Missing value"), r.stderr)
        }
    }

    func testPeriodAbbreviations() throws {
        for (period, expected) in [("3 mdr", "2027-02-23"), ("3 mnd", "2027-02-23"), ("3 mån", "2027-02-23"),
                                   ("14 d", "2026-12-07"), ("2 v", "2026-12-07"), ("4 uker", "2026-12-21"), ("1 år", "2027-11-23")] {
            let r = try Varsel.expect(0, ["calc", "--from", today, "--period", period, "--format", "json"])
            XCTAssertTrue(r.stdout.contains(expected), "\(period): \(r.stdout)")
        }
    }

    func testReopenUndoesHandle() throws {
        try demo()
        let id = "dl-ev-0002-pureservice-sla-credit-claim"
        try Varsel.expect(0, ["handle", "--db", db, "--today", today, id])
        XCTAssertEqual(try Varsel.run(["check", "--db", db, "--today", today, "--within", "0"]).status, 0, "nothing overdue once handled")
        let r = try Varsel.expect(0, ["reopen", "--db", db, "--today", today, id])
        XCTAssertTrue(r.stdout.hasPrefix("Reopened \(id): Claim the SLA credit in writing within 4 weeks of the downtime"), r.stdout)
        XCTAssertTrue(r.stdout.contains("11 Nov 2026"), r.stdout)
        XCTAssertEqual(try Varsel.run(["check", "--db", db, "--today", today, "--within", "0"]).status, 3, "overdue again")
        XCTAssertNotEqual(try Varsel.run(["reopen", "--db", db, "--today", today, id]).status, 0, "already open")
    }
}
