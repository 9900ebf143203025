import Foundation
import XCTest

/// `--db postgres://…`, `varsel team init` and `varsel copy` (issue 12) against the throw-away
/// server of `scripts/postgres-server run`; skipped without one.
final class TeamCLITests: CLITestCase {
    let today = "2026-11-23"

    /// A fresh schema of the test server, as a URL (libpq's `options=-c search_path=…`).
    func freshURL() throws -> String {
        let base = try XCTUnwrap(ProcessInfo.processInfo.environment["VARSEL_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 },
                                 "no PostgreSQL server")
        return base + "?options=-csearch_path%3Dcli_" + UUID().uuidString.prefix(8).lowercased()
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try XCTSkipIf((ProcessInfo.processInfo.environment["VARSEL_TEST_POSTGRES_URL"] ?? "").isEmpty,
                      "no PostgreSQL server (VARSEL_TEST_POSTGRES_URL)")
    }

    func testCopyToPostgresAndBackGivesTheSameExportAndTheSameOutputs() throws {
        let url = try freshURL()
        let file = path("a.sqlite"), back = path("b.sqlite")
        try Varsel.expect(0, ["demo", "--db", file, "--today", today])
        let initialised = try Varsel.expect(0, ["team", "init", url])
        XCTAssertTrue(initialised.stdout.contains("Read-only role: varsel_readonly    editor role: varsel_editor"), initialised.stdout)
        let there = try Varsel.expect(0, ["copy", "--from", file, "--to", url, "--today", today])
        XCTAssertTrue(there.stdout.contains("identical on both sides"), there.stdout)
        try Varsel.expect(0, ["copy", "--from", url, "--to", back, "--today", today])
        let original = try Varsel.expect(0, ["export", "--db", file]).stdout
        XCTAssertEqual(try Varsel.expect(0, ["export", "--db", back]).stdout, original)
        XCTAssertEqual(try Varsel.expect(0, ["export", "--db", url]).stdout, original)
        // Same commands, same outputs; $VARSEL_DB may name the server too.
        for args in [["deadlines"], ["deadlines", "--format", "json"], ["agreements", "--filter", "øre"], ["show", "pureservice"],
                     ["notices"], ["subprocessors"]] {
            let onFile = try Varsel.expect(0, args + ["--db", file, "--today", today]).stdout
            XCTAssertEqual(try Varsel.expect(0, args + ["--today", today], environment: ["VARSEL_DB": url]).stdout, onFile,
                           args.joined(separator: " "))
        }
        // A copy never lands on a portfolio that holds anything.
        let refused = try Varsel.expect(2, ["copy", "--from", file, "--to", url, "--today", today])
        XCTAssertTrue(refused.stderr.contains("is not empty"), refused.stderr)
    }

    func testAWriteOnTheServerIsAuditedAndVerifiable() throws {
        let url = try freshURL()
        let file = path("a.sqlite")
        try Varsel.expect(0, ["demo", "--db", file, "--today", today])
        try Varsel.expect(0, ["copy", "--from", file, "--to", url, "--today", today])
        let id = "dl-cn-0001-pureservice-subprocessor-objection"
        try Varsel.expect(0, ["handle", id, "--note", "sent", "--db", url, "--today", today])
        XCTAssertFalse(try Varsel.expect(0, ["deadlines", "--db", url, "--today", today]).stdout.contains(id))
        XCTAssertTrue(try Varsel.expect(0, ["audit", "verify", "--db", url]).stdout.hasPrefix("Audit chain verified: "))
        let again = try Varsel.expect(2, ["handle", id, "--db", url, "--today", today])
        XCTAssertTrue(again.stderr.contains("already handled"), again.stderr)
    }

    func testRestoreRefusesAServer() throws {
        let url = try freshURL()
        let r = try Varsel.expect(2, ["restore", path("nothing.sqlite"), "--db", url])
        XCTAssertTrue(r.stderr.contains("is a PostgreSQL database"), r.stderr)
    }
}
