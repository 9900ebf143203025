import Foundation
import XCTest

/// `varsel audit verify` / `anchor` against edits made with the plain `sqlite3` shell, triggers
/// dropped first — what anyone with the file can do (issue 15, "Must show").
final class AuditChainCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    private func sqlite3(_ sql: String) throws {
        brokenAuditChains.insert(db)  // rewritten behind Varsel's back on purpose
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", db, "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; " + sql]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }

    private func freshDemo() throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        try Varsel.expect(0, ["audit", "verify", "--db", db])
    }

    /// Verify must fail with exit 1 and name `row`.
    private func assertBrokenAt(_ row: Int, _ what: String, line: UInt = #line) throws {
        let r = try Varsel.expect(1, ["audit", "verify", "--db", db], line: line)
        XCTAssertTrue(r.stderr.contains("BROKEN at audit row \(row) (") && r.stderr.contains(what), r.stderr, line: line)
    }

    func testVerifyFindsEditsDeletionsAndReorderingAtTheRightRow() throws {
        try freshDemo()
        let ok = try Varsel.expect(0, ["audit", "verify", "--db", db])
        XCTAssertTrue(ok.stdout.hasPrefix("Audit chain verified: ") && ok.stdout.contains(" row(s), head "), ok.stdout)

        try sqlite3("UPDATE audit SET summary = 'nothing happened' WHERE id = 4;")
        try assertBrokenAt(4, "edited")

        try freshDemo()
        try sqlite3("DELETE FROM audit WHERE id = 3;")
        try assertBrokenAt(4, "deleted")

        try freshDemo()
        try sqlite3("UPDATE audit SET id = 100 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 5; UPDATE audit SET id = 5 WHERE id = 100;")
        try assertBrokenAt(2, "reordered")
    }

    func testAnAnchorProvesNothingBeforeItChanged() throws {
        try freshDemo()
        let anchor = try Varsel.expect(0, ["audit", "anchor", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(anchor.count, 64)
        // Later writes keep the anchor in the chain.
        try Varsel.expect(0, ["handle", "dl-ev-0002-pureservice-sla-credit-claim", "--db", db, "--today", today])
        let r = try Varsel.expect(0, ["audit", "verify", "--anchor", anchor, "--db", db])
        XCTAssertTrue(r.stdout.contains(" row(s), anchor found"), r.stdout)
        // Cutting the trail back to before the anchor passes a plain verify, not an anchored one.
        try sqlite3("DELETE FROM audit WHERE id >= 7;")
        try Varsel.expect(0, ["audit", "verify", "--db", db])
        let cut = try Varsel.expect(1, ["audit", "verify", "--anchor", anchor, "--db", db])
        XCTAssertTrue(cut.stderr.contains("anchor"), cut.stderr)
    }

    func testReadingCommandsLeaveTheFileAsItWas() throws {
        try freshDemo()
        // The first read may settle passed silence-is-approval windows (an audited write); after that,
        // reading commands open the file read-only and never change a byte (issue 15, bug 8).
        _ = try Varsel.run(["deadlines", "--db", db, "--today", today])
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        try Varsel.expect(0, ["audit", "verify", "--db", db])
        try Varsel.expect(0, ["audit", "--db", db, "--limit", "2"])
        try Varsel.expect(0, ["audit", "list", "--db", db, "--format", "json"])
        for args in [["deadlines"], ["notices"], ["subprocessors"], ["agreements"], ["show", "pureservice"], ["check"]] {
            _ = try Varsel.run(args + ["--db", db, "--today", today])
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)
    }

    /// `import --dry-run` reads: a missing database is shown as an empty one and never created
    /// (issue 15, bug 8); a real import makes the new file.
    func testDryRunImportCreatesNothingAndImportMakesANewDatabase() throws {
        try freshDemo()
        try Varsel.expect(0, ["export", "--db", db, "--out", path("p.json")])
        let target = path("new.sqlite")
        let dry = try Varsel.expect(0, ["import", path("p.json"), "--db", target, "--dry-run"])
        XCTAssertTrue(dry.stdout.contains("hash chain verified"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        try Varsel.expect(0, ["import", path("p.json"), "--db", target])
        try Varsel.expect(0, ["audit", "verify", "--db", target])
        XCTAssertEqual(try Varsel.expect(0, ["audit", "anchor", "--db", target]).stdout,
                       try Varsel.expect(0, ["audit", "anchor", "--db", db]).stdout, "the restored trail keeps its hashes")
    }
}
