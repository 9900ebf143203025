import Foundation
import XCTest

/// The scriptable command line on a real database file: demo, agenda, check, objections, bad input.
final class PortfolioCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    private func demo() throws {
        let r = try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        XCTAssertEqual(r.stdout, "Demo portfolio written to \(db) (today = \(today))\n")
    }

    private func agenda(within: Int = 90, today: String? = nil) throws -> [[String: Any]] {
        let r = try Varsel.expect(0, ["deadlines", "--db", db, "--today", today ?? self.today, "--within", "\(within)", "--format", "json"])
        return try XCTUnwrap(r.json() as? [[String: Any]], r.stdout)
    }

    func testDemoAgendaHasEveryWindowWithClauseAndRule() throws {
        try demo()
        let items = try agenda()
        XCTAssertEqual(items.map { $0["id"] as? String }, [
            "dl-ev-0002-pureservice-sla-credit-claim",
            "dl-cn-0001-pureservice-subprocessor-objection",
            "dl-cn-0002-migrationsverket-e-tjanster-change-decision",
            "dl-cn-0005-pureservice-subprocessor-objection",
            "dl-ev-0001-pub-avtal-bilaga3-audit-notice",
        ])
        XCTAssertEqual(items.map { $0["window"] as? String }, ["overdue", "within_14", "within_30", "within_30", "within_90"])
        XCTAssertEqual(items.map { $0["actByDate"] as? String }, ["2026-11-11", "2026-11-30", "2026-12-14", "2026-12-16", "2027-01-07"])
        XCTAssertEqual(items.map { $0["daysLeft"] as? Int }, [-12, 7, 21, 23, 45])
        XCTAssertEqual(items.map { $0["clause"] as? String }, ["4.3", "8.6.3", "11.2", "8.6.3", "6.2"])
        XCTAssertEqual(items.map { $0["flag"] == nil }, [true, true, true, false, true], "only the US sub-processor is flagged")
        for item in items {
            XCTAssertFalse((item["rule"] as? String ?? "").isEmpty, "\(item)")
            XCTAssertFalse((item["what"] as? String ?? "").isEmpty, "\(item)")
        }
        XCTAssertEqual(items[1]["rule"] as? String, "4 weeks after notice received Tue 3 Nov 2026 (8.6.3) = Tue 1 Dec 2026; "
                       + "but it must be done before the change applies Tue 1 Dec 2026, so act by Mon 30 Nov 2026 (R10)")
        XCTAssertEqual(items[0]["status"] as? String, "missed")
        // The table shows the windows and, under it, each item's rule text.
        let table = try Varsel.expect(0, ["deadlines", "--db", db, "--today", today, "--within", "90"]).stdout
        for text in ["Overdue", "Within 14 days", "Within 30 days", "Within 90 days",
                     "dl-cn-0001-pureservice-subprocessor-objection: 4 weeks after notice received Tue 3 Nov 2026 (8.6.3) = Tue 1 Dec 2026"] {
            XCTAssertTrue(table.contains(text), "no \"\(text)\" in\n\(table)")
        }
        // --within narrows the future, never the overdue.
        XCTAssertEqual(try agenda(within: 6).map { $0["window"] as? String }, ["overdue"])
    }

    func testCheckExitCodes() throws {
        // A mistyped --db (issue 14, bug 2): refused with exit 2, nothing created — never "nothing due".
        let missing = try Varsel.expect(2, ["check", "--db", path("nodir/x.sqlite"), "--today", today])
        XCTAssertTrue(missing.stderr.contains("No database at"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("nodir")))
        let typo = try Varsel.expect(2, ["deadlines", "--db", path("empty.sqlite"), "--today", today, "--format", "json"])
        XCTAssertEqual(typo.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("empty.sqlite")))
        // An empty database made on purpose: nothing due.
        try Data(#"{"format": "varsel-portfolio", "formatVersion": 1}"#.utf8).write(to: URL(fileURLWithPath: path("none.json")))
        try Varsel.expect(0, ["import", "--db", path("empty.sqlite"), path("none.json"), "--today", today])
        let empty = try Varsel.expect(0, ["check", "--db", path("empty.sqlite"), "--today", today])
        XCTAssertEqual(empty.stdout, "")
        try demo()
        // Overdue: 3, one line per item.
        let overdue = try Varsel.expect(3, ["check", "--db", db, "--today", today])
        XCTAssertEqual(overdue.stdout.split(separator: "\n").map(String.init), [
            "OVERDUE 2026-11-11 (-12 d) Pureservice tjenesteavtale: Claim the SLA credit in writing within 4 weeks of the downtime [4.3] {dl-ev-0002-pureservice-sla-credit-claim}",
            "DUE 2026-11-30 (7 d) Pureservice tjenesteavtale: Object to the new sub-processor (4-week notice window) [8.6.3] {dl-cn-0001-pureservice-subprocessor-objection}",
        ])
        // Handle the overdue item: something due within 14 days → 1; nothing within 6 → 0.
        try Varsel.expect(0, ["handle", "dl-ev-0002-pureservice-sla-credit-claim", "--db", db, "--today", today, "--note", "Claimed by e-mail"])
        let due = try Varsel.expect(1, ["check", "--db", db, "--today", today])
        XCTAssertEqual(due.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(due.stdout.hasPrefix("DUE 2026-11-30 (7 d) "), due.stdout)
        XCTAssertEqual(try Varsel.expect(0, ["check", "--db", db, "--today", today, "--within", "6"]).stdout, "")
        // On the act-by day itself the item is due (0 days left), not overdue; the day after it is overdue.
        try Varsel.expect(1, ["check", "--db", db, "--today", "2026-11-30", "--within", "0"])
        try Varsel.expect(3, ["check", "--db", db, "--today", "2026-12-01", "--within", "0"])
    }

    func testObjectionRemovesTheDeadlineAndIsInTheDatabase() throws {
        try demo()
        let id = "dl-cn-0001-pureservice-subprocessor-objection"
        XCTAssertTrue(try agenda().contains { $0["id"] as? String == id })
        let r = try Varsel.expect(0, ["object", "cn-0001", "--db", db, "--today", today, "--channel", "letter",
                                      "--grounds", "Onward transfer to Twilio Inc. (US) without an adequacy decision"])
        XCTAssertTrue(r.stdout.hasPrefix("Recorded objection obj-"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix(" to cn-0001 on 2026-11-23\n"), r.stdout)
        XCTAssertFalse(try agenda(within: 365).contains { $0["id"] as? String == id })

        XCTAssertEqual(try sqlite(db, "SELECT change_notice_id, date, channel, grounds, outcome FROM objections"),
                       ["cn-0001|2026-11-23|letter|Onward transfer to Twilio Inc. (US) without an adequacy decision|pending"])
        XCTAssertEqual(try sqlite(db, "SELECT status FROM change_notices WHERE id = 'cn-0001'"), ["objected"])
        XCTAssertEqual(try sqlite(db, "SELECT state, handled_date FROM deadlines WHERE id = '\(id)'"), ["handled|2026-11-23"])
        XCTAssertEqual(try sqlite(db, "SELECT status FROM sub_processors WHERE name = 'Twilio Ireland Ltd'"), ["objected"])
        let audit = try sqlite(db, """
            SELECT a.action, a.entity_type, a.user FROM audit a JOIN objections o ON o.id = a.entity_id
            """)
        // The audit user is the OS account (getpwuid), not $USER (the runner sets USER=tester).
        XCTAssertEqual(audit, ["record_objection|objection|\(String(cString: getpwuid(getuid())!.pointee.pw_name))"])
        XCTAssertEqual(try sqlite(db, "SELECT action FROM audit ORDER BY id DESC LIMIT 1"), ["record_objection"])
    }

    func testBadInputIsRefusedPreciselyAndWritesNothing() throws {
        try demo()
        let counts = "SELECT (SELECT count(*) FROM audit), (SELECT count(*) FROM objections), (SELECT count(*) FROM terminations), (SELECT count(*) FROM change_notices)"
        let before = try sqlite(db, counts)

        // A day that does not exist.
        let badToday = try Varsel.expect(64, ["deadlines", "--db", db, "--today", "2026-02-30"])
        XCTAssertTrue(badToday.stderr.contains("--today \"2026-02-30\" is not a date: use YYYY-MM-DD"), badToday.stderr)
        XCTAssertEqual(badToday.stdout, "")

        let unknown = try Varsel.expect(2, ["terminate", "acme", "--by", "us", "--db", db, "--today", today])
        XCTAssertEqual(unknown.stderr, """
            varsel: error: No agreement matches "acme"
              where: agreement
              fix:   List agreements with `varsel agreements`

            """)
        let ambiguous = try Varsel.expect(2, ["show", "Migrationsverket", "--db", db, "--today", today])
        XCTAssertTrue(ambiguous.stderr.hasPrefix("varsel: error: \"Migrationsverket\" matches several agreements: "), ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains("migrationsverket-e-tjanster"), ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains("migrationsverket-kanaler"), ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains("where: agreement"), ambiguous.stderr)
        XCTAssertEqual(ambiguous.stdout, "")
        let ambiguousTerminate = try Varsel.expect(2, ["terminate", "Migrationsverket", "--by", "us", "--db", db, "--today", today])
        XCTAssertTrue(ambiguousTerminate.stderr.contains("matches several agreements"), ambiguousTerminate.stderr)
        XCTAssertEqual(try sqlite(db, counts), before)

        // Mobilize Me 2.2 demands a concrete objective reason for refusing a sub-processor.
        let added = try Varsel.expect(0, ["notice", "add", "mobilize-me-dpa", "--kind", "sub_processor_added",
                                          "--received", "2026-11-20", "--effective", "2027-01-04",
                                          "--summary", "Ny underdatabehandler: Acme Cloud", "--sub-name", "Acme Cloud Inc.",
                                          "--sub-country", "US", "--sub-purpose", "Hosting", "--db", db, "--today", today,
                                          "--format", "json"])
        let notice = try XCTUnwrap((try added.json() as? [String: Any])?["id"] as? String)
        let afterNotice = try sqlite(db, counts)
        let noGrounds = try Varsel.expect(2, ["object", notice, "--db", db, "--today", today])
        XCTAssertEqual(noGrounds.stderr, """
            varsel: error: Clause 2.2 requires grounds for an objection ("konkret saglig begrundelse")
              where: grounds
              fix:   State the objective reasons for the objection (--grounds "…")

            """)
        XCTAssertEqual(noGrounds.stdout, "")
        XCTAssertEqual(try sqlite(db, counts), afterNotice)
        XCTAssertEqual(try sqlite(db, "SELECT status FROM change_notices WHERE id = '\(notice)'"), ["open"])
    }

    func testNonVarselDatabaseFilesAreRefusedAndLeftAlone() throws {
        let text = path("contracts.txt")
        let bytes = Data("Pureservice 8.6.3: minst fire ukers varsel\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: text))
        let foreign = path("foreign.sqlite")
        _ = try sqlite3Write(foreign, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (1.5);")
        let foreignBytes = try Data(contentsOf: URL(fileURLWithPath: foreign))

        for (file, original) in [(text, bytes), (foreign, foreignBytes)] {
            for args in [["deadlines"], ["check"], ["object", "cn-0001", "--grounds", "x"], ["demo", "--force"]] {
                let r = try Varsel.expect(2, args + ["--db", file, "--today", today])
                XCTAssertTrue(r.stderr.hasPrefix("varsel: error: \(file) is not a Varsel database"), r.stderr)
                XCTAssertTrue(r.stderr.contains("Nothing was changed"), r.stderr)
                XCTAssertEqual(r.stdout, "")
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), original, "\(args) changed \(file)")
                XCTAssertFalse(FileManager.default.fileExists(atPath: file + "-wal"), "\(args) left \(file)-wal")
            }
        }
        // `demo` without --force never replaces an existing file.
        let r = try Varsel.expect(2, ["demo", "--db", text, "--today", today])
        XCTAssertTrue(r.stderr.contains("already exists"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: text)), bytes)
    }

    private func sqlite3Write(_ path: String, _ sql: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", path, sql]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return p.terminationStatus
    }
}
