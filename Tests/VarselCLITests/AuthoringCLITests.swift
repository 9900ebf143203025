import Foundation
import XCTest

/// Issue 10 on the command line: `varsel agreement|party|clause|rule|subprocessor|version …` from an
/// empty database; every bad input names what is wrong and leaves the database byte-identical
/// (`varsel export`); `--dry-run` writes nothing; `--format json` prints the record with its id.
final class AuthoringCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    @discardableResult
    private func v(_ status: Int32, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        try Varsel.expect(status, args + ["--db", db, "--today", today], file: file, line: line)
    }

    private func export() throws -> String { try v(0, ["export"]).stdout }

    /// A Danish party, an auto-renewing DPA, a clause, a 4-week objection rule and a change notice.
    private func seed() throws {
        try v(0, ["party", "add", "--create", "--id", "mm", "--name", "Mobilize Me ApS", "--org-number", "34208077", "--country", "DK"])
        try v(0, ["agreement", "add", "--id", "dpa", "--title", "Mobilize Me DPA", "--counterparty", "mm", "--role", "controller",
                  "--kind", "data_processing_agreement", "--signed", "2024-05-01", "--effective", "2024-05-01",
                  "--term", "auto-renewal", "--initial-term", "2 years", "--renewal", "1 year", "--term-notice", "3 months"])
        try v(0, ["clause", "add", "dpa", "--id", "c81", "--ref", "8.1", "--heading", "Ændringer", "--text", "…"])
        try v(0, ["rule", "add", "dpa", "--id", "obj", "--title", "Object to the change", "--trigger", "change_notice_received",
                  "--period", "4 weeks", "--clause", "8.1"])
        try v(0, ["notice", "add", "dpa", "--kind", "other", "--received", "2026-11-16", "--summary", "New terms"])
    }

    func testEveryCommandWritesWithOneAuditRowAndPrintsTheRecord() throws {
        try seed()
        let party = try v(0, ["party", "edit", "mm", "--address", "Åboulevarden 1", "--format", "json"]).json() as? [String: Any]
        XCTAssertEqual((party?["record"] as? [String: Any])?["orgNumber"] as? String, "CVR 34208077")
        let sp = try v(0, ["subprocessor", "add", "dpa", "--id", "cur", "--name", "Curanet A/S", "--org-number", "29139555",
                           "--country", "DK", "--purpose", "Hosting", "--since", "2024-05-01"])
        XCTAssertTrue(sp.stdout.contains("Added sub-processor cur: Curanet A/S"), sp.stdout)
        try v(0, ["subprocessor", "edit", "cur", "--purpose", "Hosting and backup"])
        try v(0, ["subprocessor", "remove", "cur", "--date", "2026-12-01"])
        try v(0, ["version", "add", "dpa", "--version", "2.0", "--date", "2025-01-01", "--changes", "New annex"])
        try v(0, ["clause", "add", "dpa", "--id", "c92", "--ref", "9.2", "--heading", "Ophør", "--text", "…"])
        try v(0, ["clause", "edit", "c92", "--heading", "Ophør og sletning"])
        try v(0, ["clause", "remove", "c92"])
        try v(0, ["rule", "add", "dpa", "--id", "tmp", "--title", "Temporary", "--trigger", "agreement_ends", "--period", "30 days"])
        try v(0, ["rule", "remove", "tmp"])
        try v(0, ["agreement", "edit", "dpa", "--notes", "Reviewed"])
        let actions = try sqlite(db, "SELECT action FROM audit ORDER BY id")
        XCTAssertEqual(actions, ["add_party", "add_agreement", "add_clause", "add_rule", "record_change_notice", "edit_party",
                                 "add_sub_processor", "edit_sub_processor", "remove_sub_processor", "add_version",
                                 "add_clause", "edit_clause", "remove_clause", "add_rule", "remove_rule", "edit_agreement"])
        XCTAssertEqual(try sqlite(db, "SELECT status, since FROM sub_processors"), ["removed|2026-12-01"], "ended, not deleted")
        XCTAssertEqual(try sqlite(db, "SELECT version FROM agreements WHERE id = 'dpa'"), ["2.0"])
    }

    /// `--if-version`: a script's change is refused when another write changed the record since
    /// it read the version (`show --format json`'s `recordVersions`, an authoring command's
    /// `version`), saying who, and writes nothing.
    func testIfVersionRefusesAChangeMadeSinceAndWritesNothing() throws {
        try seed()
        func version(_ r: RunResult) throws -> String {
            try XCTUnwrap((r.json() as? [String: Any])?["version"] as? String)
        }
        let shown = try v(0, ["show", "dpa", "--format", "json"]).json() as? [String: Any]
        let versions = try XCTUnwrap(shown?["recordVersions"] as? [String: String])
        XCTAssertEqual(Set(versions.keys), ["dpa", "mm", "c81", "obj"])
        let read = try XCTUnwrap(versions["obj"])
        XCTAssertEqual(read.count, 64)
        let edited = try v(0, ["rule", "edit", "obj", "--period", "5 weeks", "--if-version", read, "--format", "json"])
        let now = try version(edited)
        XCTAssertNotEqual(now, read)
        // A second script still holding the first version is refused, with who changed it.
        let before = try export()
        let refused = try v(2, ["rule", "edit", "obj", "--period", "6 weeks", "--if-version", read])
        XCTAssertTrue(refused.stderr.contains("since you opened it"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("where: version"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--if-version"), "the fix speaks of the command line: \(refused.stderr)")
        XCTAssertFalse(refused.stderr.contains("Esc"), refused.stderr)
        XCTAssertEqual(try export(), before, "nothing written")
        // The version it printed is the one to use next; removing and archiving take it too.
        try v(0, ["rule", "edit", "obj", "--period", "6 weeks", "--if-version", now])
        try v(2, ["agreement", "archive", "dpa", "--if-version", String(repeating: "0", count: 64)])
        let bad = try v(2, ["clause", "remove", "c81", "--if-version", "abc"])
        XCTAssertTrue(bad.stderr.contains("--if-version \"abc\" is not a record version"), bad.stderr)
        XCTAssertEqual(try sqlite(db, "SELECT status FROM agreements WHERE id = 'dpa'"), ["active"])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM clauses WHERE id = 'c81'"), ["1"])
    }

    func testRuleEditMovesTheOpenDeadlineAndDryRunWritesNothing() throws {
        try seed()
        // Received Mon 16 Nov 2026 + 4 weeks = Mon 14 Dec 2026.
        XCTAssertEqual(try sqlite(db, "SELECT due_date FROM deadlines WHERE rule_id = 'obj'"), ["2026-12-14"])
        let before = try export()
        let dry = try v(0, ["rule", "edit", "obj", "--period", "6 weeks", "--dry-run"])
        XCTAssertTrue(dry.stdout.hasPrefix("Dry run: nothing written."), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("act by Mon 28 Dec 2026"), dry.stdout)
        XCTAssertEqual(try export(), before)
        let json = try v(0, ["rule", "edit", "obj", "--period", "6 weeks", "--format", "json"]).json() as? [String: Any]
        XCTAssertEqual((json?["record"] as? [String: Any])?["id"] as? String, "obj")
        XCTAssertEqual((json?["deadlines"] as? [[String: Any]])?.first?["dueDate"] as? String, "2026-12-28")
        XCTAssertEqual(try sqlite(db, "SELECT due_date FROM deadlines WHERE rule_id = 'obj'"), ["2026-12-28"])
        let audit = try sqlite(db, "SELECT action, json_extract(before, '$.period.value'), json_extract(after, '$.period.value') FROM audit ORDER BY id DESC LIMIT 1")
        XCTAssertEqual(audit, ["edit_rule|4|6"])
    }

    func testArchivedAgreementsLeaveTheDefaultList() throws {
        try seed()
        try v(0, ["agreement", "archive", "dpa", "--date", "2026-12-31"])
        XCTAssertFalse(try v(0, ["agreements"]).stdout.contains("Mobilize Me DPA"))
        XCTAssertTrue(try v(0, ["agreements", "--all"]).stdout.contains("Mobilize Me DPA"))
    }

    /// Each bad input: exit 2, the message on stderr, and the export unchanged.
    func testBadInputsAreRefusedPreciselyAndChangeNothing() throws {
        try seed()
        try v(0, ["agreement", "add", "--id", "child", "--title", "Child", "--counterparty", "mm", "--parent", "dpa"])
        let before = try export()
        let cases: [([String], String)] = [
            (["party", "add", "--name", "Bad CVR", "--org-number", "34208078", "--country", "DK"],
             "Danish CVR number \"34208078\" fails its check digit (modulus 11)"),
            (["party", "add", "--name", "Bad NO", "--org-number", "929 782 217", "--country", "NO"],
             "Norwegian organisation number \"929 782 217\" fails its check digit (modulus 11)"),
            (["party", "add", "--name", "Bad SE", "--org-number", "556036-07931", "--country", "SE"],
             "Swedish organisation number \"556036-07931\" has 11 digits, not 10"),
            (["party", "add", "--name", "Bad country", "--country", "Sweden"], "Country \"Sweden\" is not an ISO country code"),
            (["party", "add", "--name", "  "], "Name is empty"),
            (["agreement", "add", "--title", "X", "--counterparty", "mm", "--signed", "2025-02-01", "--effective", "2025-01-31"],
             "Effective date 2025-01-31 is before the signing date 2025-02-01"),
            (["agreement", "add", "--title", "X", "--counterparty", "mm", "--effective", "2025-01-31", "--end", "2025-01-31"],
             "End date 2025-01-31 is not after the effective date 2025-01-31"),
            (["agreement", "add", "--title", "X", "--counterparty", "mm", "--effective", "2025-01-31", "--term", "auto-renewal", "--initial-term", "1 year"],
             "A term with automatic renewal needs the initial term, the renewal period and the notice period"),
            (["agreement", "add", "--title", "X", "--counterparty", "mm", "--effective", "2025-01-31", "--term", "fixed", "--initial-term", "3 fortnights"],
             "Period \"3 fortnights\" for --initial-term"),
            (["agreement", "add", "--title", "X", "--counterparty", "ghost"], "No party with id \"ghost\""),
            (["agreement", "add", "--title", "X", "--counterparty", "mm", "--signed", "2025-02-30"], "\"2025-02-30\" is not a date"),
            (["agreement", "edit", "dpa", "--parent", "child"], "Parent \"child\" would form a cycle: dpa → child → dpa"),
            (["agreement", "edit", "dpa", "--parent", "nowhere"], "No agreement with id \"nowhere\" to hang this agreement under"),
            (["clause", "add", "dpa", "--ref", "8.1", "--heading", "Again"], "The agreement already has clause 8.1 (c81)"),
            (["clause", "remove", "c81"], "Clause 8.1 is cited by notice rule obj (Object to the change)"),
            (["rule", "add", "dpa", "--title", "R", "--trigger", "change_notice_received", "--period", "promptly"],
             "Period \"promptly\" for --period"),
            (["rule", "add", "dpa", "--title", "R", "--trigger", "change_notice_received", "--period", "4 weeks", "--clause", "12.3"],
             "Mobilize Me DPA has no clause 12.3"),
            (["rule", "add", "dpa", "--title", "R", "--trigger", "recurring", "--period", "12 months", "--recurs-from", "2023-01-01"],
             "The recurrence starts 2023-01-01, before the agreement takes effect (2024-05-01)"),
            (["rule", "add", "dpa", "--title", "R", "--trigger", "event", "--period", "4 weeks"], "A rule counted from an event needs the event kind"),
            (["rule", "add", "child", "--title", "R", "--trigger", "recurring", "--period", "20 working days", "--recurs-from", "2025-01-01"],
             "A recurring rule needs an interval in days, weeks, months or years"),
            (["rule", "edit", "obj", "--period", "0 days"], "Period \"0 days\" for --period"),
            (["rule", "remove", "nope"], "No notice rule with id \"nope\""),
            (["subprocessor", "add", "dpa", "--name", "Curanet", "--country", "DK", "--purpose", "Hosting", "--org-number", "29139556"],
             "Danish CVR number \"29139556\" fails its check digit (modulus 11)"),
            (["subprocessor", "add", "dpa", "--name", "Curanet", "--country", "DK"], "Purpose is empty"),
            (["version", "add", "dpa", "--version", "0.9", "--date", "2020-01-01"], "Version date 2020-01-01 is before the agreement was signed (2024-05-01)"),
            (["agreement", "archive", "dpa", "--date", "2020-01-01"], "Archive date 2020-01-01 is before the agreement started (2024-05-01)"),
        ]
        XCTAssertGreaterThanOrEqual(Set(cases.map(\.1)).count, 15)
        for (args, message) in cases {
            let r = try v(2, args)
            XCTAssertTrue(r.stderr.contains("varsel: error: \(message)"), "\(args): \(r.stderr)")
            XCTAssertEqual(try export(), before, "\(args) changed the database")
        }
    }

    /// `--dry-run` on every writing command: the report, and the database byte-identical.
    func testDryRunOnEveryCommandWritesNothing() throws {
        try seed()
        try v(0, ["subprocessor", "add", "dpa", "--id", "cur", "--name", "Curanet A/S", "--country", "DK", "--purpose", "Hosting"])
        let before = try export()
        let commands: [[String]] = [
            ["party", "add", "--name", "Arosii A/S", "--org-number", "34352569", "--country", "DK"],
            ["party", "edit", "mm", "--address", "Aarhus"],
            ["agreement", "add", "--title", "Main", "--counterparty", "mm"],
            ["agreement", "edit", "dpa", "--term-notice", "6 months"],
            ["agreement", "archive", "dpa"],
            ["clause", "add", "dpa", "--ref", "9.2", "--heading", "Ophør"],
            ["clause", "edit", "c81", "--heading", "Changes"],
            ["rule", "add", "dpa", "--title", "Return data", "--trigger", "agreement_ends", "--period", "30 days"],
            ["rule", "edit", "obj", "--period", "30 days"],
            ["rule", "remove", "obj"],
            ["subprocessor", "add", "dpa", "--name", "Azure", "--country", "IE", "--purpose", "Hosting"],
            ["subprocessor", "edit", "cur", "--purpose", "Backup"],
            ["subprocessor", "remove", "cur"],
            ["version", "add", "dpa", "--version", "3.0"],
        ]
        for args in commands {
            let r = try v(0, args + ["--dry-run"])
            XCTAssertTrue(r.stdout.hasPrefix("Dry run: nothing written. Would have "), "\(args): \(r.stdout)")
            XCTAssertEqual(try export(), before, "\(args) wrote")
        }
    }
}
