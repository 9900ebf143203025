import Foundation
import XCTest

/// `varsel version edit|remove` (issue 10): the change lands with one audit row (before/after),
/// the agreement's current version follows, `--dry-run` writes nothing, `--format json` prints the
/// record, and each bad input names what is wrong and leaves the database byte-identical.
final class VersionCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    @discardableResult
    private func v(_ status: Int32, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        try Varsel.expect(status, args + ["--db", db, "--today", today], file: file, line: line)
    }

    private func export() throws -> String { try v(0, ["export"]).stdout }

    /// A Danish DPA with two version entries, 1.0 and 2.0 (2.0 current).
    private func seed() throws {
        try v(0, ["party", "add", "--create", "--id", "mm", "--name", "Mobilize Me ApS", "--org-number", "34208077", "--country", "DK"])
        try v(0, ["agreement", "add", "--id", "dpa", "--title", "Mobilize Me DPA", "--counterparty", "mm", "--role", "controller",
                  "--kind", "data_processing_agreement", "--signed", "2024-05-01", "--effective", "2024-05-01"])
        try v(0, ["version", "add", "dpa", "--id", "v1", "--version", "1.0", "--date", "2024-05-01", "--changes", "Signed"])
        try v(0, ["version", "add", "dpa", "--id", "v2", "--version", "2.0", "--date", "2025-01-01", "--changes", "New annex"])
    }

    func testEditChangesTheEntryAndTheCurrentVersionFollows() throws {
        try seed()
        let r = try v(0, ["version", "edit", "v2", "--version", "2.1", "--changes", "New annex 2"])
        XCTAssertTrue(r.stdout.hasPrefix("Changed version v2: 2.1"), r.stdout)
        XCTAssertEqual(try sqlite(db, "SELECT version, changes FROM agreement_versions WHERE id = 'v2'"), ["2.1|New annex 2"])
        XCTAssertEqual(try sqlite(db, "SELECT version FROM agreements WHERE id = 'dpa'"), ["2.1"])
        XCTAssertEqual(try sqlite(db, "SELECT action, json_extract(before, '$.version'), json_extract(after, '$.version') FROM audit ORDER BY id DESC LIMIT 1"),
                       ["edit_version|2.0|2.1"])
        let json = try v(0, ["version", "edit", "v1", "--date", "none", "--format", "json"]).json() as? [String: Any]
        XCTAssertEqual((json?["record"] as? [String: Any])?["id"] as? String, "v1")
        XCTAssertNil((json?["record"] as? [String: Any])?["date"] as? String)
        XCTAssertEqual(try sqlite(db, "SELECT version FROM agreements WHERE id = 'dpa'"), ["2.1"], "editing an older entry leaves the current one")
    }

    func testRemoveTheCurrentEntryMakesTheNewestRemainingCurrent() throws {
        try seed()
        let r = try v(0, ["version", "remove", "v2"])
        XCTAssertTrue(r.stdout.hasPrefix("Removed version v2: 2.0"), r.stdout)
        XCTAssertEqual(try sqlite(db, "SELECT id FROM agreement_versions"), ["v1"])
        XCTAssertEqual(try sqlite(db, "SELECT version FROM agreements WHERE id = 'dpa'"), ["1.0"])
        XCTAssertEqual(try sqlite(db, "SELECT action, summary FROM audit ORDER BY id DESC LIMIT 1"),
                       ["remove_version|Removed version 2.0 of Mobilize Me DPA; the agreement is now version 1.0"])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit WHERE action = 'remove_version'"), ["1"])
    }

    func testDryRunWritesNothing() throws {
        try seed()
        let before = try export()
        let edit = try v(0, ["version", "edit", "v2", "--version", "2.1", "--dry-run"])
        XCTAssertTrue(edit.stdout.hasPrefix("Dry run: nothing written. Would have changed version v2: 2.1"), edit.stdout)
        let remove = try v(0, ["version", "remove", "v2", "--dry-run"])
        XCTAssertTrue(remove.stdout.hasPrefix("Dry run: nothing written. Would have removed version v2: 2.0"), remove.stdout)
        XCTAssertEqual(try export(), before)
    }

    /// Each bad input: exit 2, the message on stderr, and the export unchanged.
    func testBadInputsAreRefusedPreciselyAndChangeNothing() throws {
        try seed()
        let before = try export()
        let cases: [([String], String)] = [
            (["version", "edit", "v2", "--version", "1.0"], "Mobilize Me DPA already has version 1.0"),
            (["version", "edit", "v2", "--date", "2020-01-01"], "Version date 2020-01-01 is before the agreement was signed (2024-05-01)"),
            (["version", "edit", "v2", "--date", "2025-02-30"], "\"2025-02-30\" is not a date"),
            (["version", "edit", "v2", "--version", "  "], "Version is empty"),
            (["version", "edit", "v2", "--changes", "New annex"], "Nothing to change on version 2.0"),
            (["version", "edit", "nope", "--changes", "x"], "No version entry with id \"nope\""),
            (["version", "remove", "nope"], "No version entry with id \"nope\""),
        ]
        for (args, message) in cases {
            let r = try v(2, args)
            XCTAssertTrue(r.stderr.contains("varsel: error: \(message)"), "\(args): \(r.stderr)")
            XCTAssertEqual(try export(), before, "\(args) changed the database")
        }
    }

    func testHelpShowsExamples() throws {
        for sub in ["edit", "remove"] {
            let r = try Varsel.expect(0, ["version", sub, "--help"])
            XCTAssertTrue(r.stdout.contains("varsel version \(sub) ver-0001"), r.stdout)
        }
    }
}
