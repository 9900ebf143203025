import Foundation
import XCTest

/// `varsel terminate` on each of the five demo agreements, by us and by them, prints the end date and every
/// follow-on (issue 13). Dry runs on one demo database dated Mon 23 Nov 2026; notice given that day.
final class TerminateCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    private func demo() throws { try Varsel.expect(0, ["demo", "--db", db, "--today", today]) }

    private func terminate(_ agreement: String, _ by: String, _ extra: [String] = [], status: Int32 = 0) throws -> RunResult {
        try Varsel.expect(status, ["terminate", agreement, "--by", by, "--db", db, "--today", today, "--dry-run"] + extra)
    }

    /// The lines that state the end and the follow-ons (not the explanations' wording, checked elsewhere).
    private func summary(_ r: RunResult) -> [String] {
        r.stdout.split(separator: "\n").map(String.init).compactMap { line in
            if line.hasPrefix("  Ends ") { return String(line.prefix(17)) }           // "  Ends 2026-11-23"
            if line.hasPrefix("  Also ends ") { return line }
            if line.hasPrefix("  No follow-on") { return line }
            if let r = line.range(of: ": act by ") {                                  // "<what>: act by YYYY-MM-DD"
                return String(line[..<r.upperBound]) + line[r.upperBound...].prefix(10)
            }
            return nil
        }
    }

    func testEachDemoAgreementByUsAndByThem() throws {
        try demo()
        for by in ["us", "them"] {
            // Pureservice: no termination period in the text (ends on the notice day); 1.5 / 8.10.1 / A.5: the
            // return-or-deletion choice, 30 days before the end (Sat 24 Oct → Fri 23 Oct, NO) — missed at once.
            let pure = try terminate("pureservice", by)
            XCTAssertEqual(summary(pure), [
                "  Ends 2026-11-23",
                "  MISSED Choose return or deletion of our data, and export what we need, before the agreement ends: act by 2026-10-23",
            ], pure.stdout)
            XCTAssertTrue(pure.stdout.contains("warning: Already missed:"), pure.stdout)

            // Mobilize Me DPA: runs until the main agreement ends (12.1): refused on its own …
            let dpa = try terminate("mobilize-me-dpa", by, status: 2)
            XCTAssertEqual(dpa.stdout, "")
            XCTAssertTrue(dpa.stderr.contains("runs until its main agreement"), dpa.stderr)
            XCTAssertTrue(dpa.stderr.contains("varsel terminate mobilize-me-hovedaftale"), dpa.stderr)
            // … and ends with the main agreement, which opens 9.2's decision 30 days before (Sat 24 Oct → Fri 23 Oct, DK).
            let main = try terminate("mobilize-me-hovedaftale", by)
            XCTAssertEqual(summary(main), [
                "  Ends 2026-11-23",
                "  Also ends 2026-11-23: Databehandleraftale [mobilize-me-dpa]",
                "  MISSED Tell Mobilize Me in writing whether to delete or return all personal data: act by 2026-10-23",
            ], main.stdout)

            // Migrationsverket e-tjänster 11.1: 3 months, no follow-on.
            let mv = try terminate("migrationsverket-e-tjanster", by)
            XCTAssertEqual(summary(mv), ["  Ends 2027-02-23", "  No follow-on deadline"], mv.stdout)
            XCTAssertTrue(mv.stdout.contains("Right: ordinary notice (11.1)"), mv.stdout)

            // Migrationsverket kommunikationskanaler: no term or period in the text; no follow-on.
            let kanaler = try terminate("migrationsverket-kanaler", by)
            XCTAssertEqual(summary(kanaler), ["  Ends 2026-11-23", "  No follow-on deadline"], kanaler.stdout)

            // PUB-avtal: no ordinary period (9.1); 9.2 return instructions 3 months after the end.
            let pub = try terminate("pub-avtal-bilaga3", by)
            XCTAssertEqual(summary(pub), [
                "  Ends 2026-11-23",
                "  Give return instructions (otherwise the supplier may delete all personal data): act by 2027-02-23",
            ], pub.stdout)
        }
        // Dry runs wrote nothing: a real termination of the main agreement still works and ends the DPA too.
        let real = try Varsel.expect(0, ["terminate", "mobilize-me-hovedaftale", "--by", "them", "--db", db, "--today", today])
        XCTAssertTrue(real.stdout.hasPrefix("Recorded termination "), real.stdout)
        let shown = try Varsel.expect(0, ["show", "mobilize-me-hovedaftale", "--db", db, "--today", today]).stdout
        XCTAssertTrue(shown.contains("Termination: given by them 2026-11-23 (ordinary notice), ends 2026-11-23"), shown)
        // The DPA's 9.2 decision is on the agenda, missed at once.
        let agenda = try XCTUnwrap(try Varsel.expect(0, ["deadlines", "--db", db, "--today", today, "--format", "json"]).json() as? [[String: Any]])
        let decision = try XCTUnwrap(agenda.first { ($0["id"] as? String ?? "").hasSuffix("-mobilize-me-dpa-delete-or-return") })
        XCTAssertEqual(decision["status"] as? String, "missed")
        XCTAssertEqual(decision["actByDate"] as? String, "2026-10-23")
        let again = try Varsel.expect(2, ["terminate", "mobilize-me-hovedaftale", "--by", "us", "--db", db, "--today", today])
        XCTAssertTrue(again.stderr.contains("already terminating"), again.stderr)
    }

    /// Migrationsverket 11.2: after our objection either party may terminate with effect the day the change
    /// applies; only Migrationsverket may terminate with immediate effect.
    func testMigrationsverketRights() throws {
        try demo()
        let mv = "migrationsverket-e-tjanster"
        let none = try terminate(mv, "us", ["--right", "after-objection", "--change", "cn-0002"], status: 2)
        XCTAssertTrue(none.stderr.contains("There is no objection to change notice cn-0002"), none.stderr)
        let ours = try terminate(mv, "us", ["--right", "for-cause"], status: 2)
        XCTAssertTrue(ours.stderr.contains("Clause 11.2 gives the right to terminate for cause (immediate effect) to the counterparty only"), ours.stderr)
        let theirs = try terminate(mv, "them", ["--right", "for-cause"])
        XCTAssertEqual(summary(theirs), ["  Ends 2026-11-23", "  No follow-on deadline"], theirs.stdout)

        try Varsel.expect(0, ["object", "cn-0002", "--grounds", "Vi kan inte införa BankID", "--db", db, "--today", today])
        for by in ["us", "them"] {
            let after = try terminate(mv, by, ["--right", "after-objection", "--change", "cn-0002"])
            XCTAssertEqual(summary(after), ["  Ends 2026-12-15", "  No follow-on deadline"], after.stdout)
            XCTAssertTrue(after.stdout.contains("Right: after an objection to a change (11.2)"), after.stdout)
        }
        let missing = try terminate(mv, "us", ["--right", "after-objection"], status: 2)
        XCTAssertTrue(missing.stderr.contains("--change"), missing.stderr)
    }

    /// PUB-avtal 9.1: our written demand opens their 15-day cure period; afterwards we may terminate for breach
    /// with immediate effect, which opens 9.2.
    func testPubAvtalBreachDemandThenTerminationForBreach() throws {
        try demo()
        let ev = try Varsel.expect(0, ["event", "pub-avtal-bilaga3", "--kind", "breach_demand", "--by", "us", "--date", "2026-11-02",
                                       "--description", "Loggar saknas", "--db", db, "--today", today])
        XCTAssertTrue(ev.stdout.contains("Cure period ends (9.1): they must cure by 2026-11-17; from 2026-11-18 we may terminate for breach: act by"), ev.stdout)
        let r = try terminate("pub-avtal-bilaga3", "us", ["--right", "for-cause"])
        XCTAssertEqual(summary(r), [
            "  Ends 2026-11-23",
            "  Give return instructions (otherwise the supplier may delete all personal data): act by 2027-02-23",
        ], r.stdout)
        let noWho = try Varsel.expect(2, ["event", "pub-avtal-bilaga3", "--kind", "breach_demand", "--description", "x", "--db", db, "--today", today])
        XCTAssertTrue(noWho.stderr.contains("must say who made it"), noWho.stderr)
    }

    /// Issue 14: a later notice date is planned with --dry-run (the same end and follow-ons as
    /// recording it on that day), and refused without it, writing nothing.
    func testALaterNoticeDateIsPlannedWithDryRunOnly() throws {
        try demo()
        for agreement in ["pureservice", "migrationsverket-e-tjanster"] {
            let planned = try Varsel.expect(0, ["terminate", agreement, "--by", "us", "--date", "2026-12-15", "--db", db, "--today", today, "--dry-run"])
            let onTheDay = try Varsel.expect(0, ["terminate", agreement, "--by", "us", "--db", db, "--today", "2026-12-15", "--dry-run"])
            XCTAssertEqual(summary(planned), summary(onTheDay), planned.stdout)
            XCTAssertFalse(summary(planned).isEmpty, planned.stdout)
        }
        let refused = try Varsel.expect(2, ["terminate", "pureservice", "--by", "us", "--date", "2026-12-15", "--db", db, "--today", today])
        XCTAssertTrue(refused.stderr.contains("Notice date 2026-12-15 is after today (2026-11-23)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--dry-run"), refused.stderr)
        // Nothing was recorded: the agreement can still be terminated (a second notice is refused).
        try Varsel.expect(0, ["terminate", "pureservice", "--by", "us", "--db", db, "--today", today, "--dry-run"])
    }

    /// Issue 14: an end date entered by hand (--end, --end-reason) wins over the computed one, shows
    /// both, moves the follow-ons, and each bad input is refused with where and how, writing nothing.
    /// PUB-avtal 9.2: "Om Kunden inte lämnar ovannämnda instruktioner inom en period om tre (3) månader
    /// från då Avtalet sades upp, har Leverantören rätt att radera alla sådana personuppgifter".
    func testEndEnteredByHand() throws {
        try demo()
        let reason = "agreed with the supplier in the letter of 23 Nov 2026"
        let help = try Varsel.expect(0, ["terminate", "--help"]).stdout
        XCTAssertTrue(help.contains("--end <YYYY-MM-DD>"), help)
        XCTAssertTrue(help.contains("--end-reason <TEXT>"), help)
        XCTAssertTrue(help.contains("varsel terminate pureservice --by us --end 2026-12-31 --end-reason"), help)

        let dry = try terminate("pub-avtal-bilaga3", "us", ["--end", "2027-03-31", "--end-reason", reason])
        XCTAssertTrue(dry.stdout.hasPrefix("Dry run: nothing written"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("  Ends 2027-03-31 (Wed 31 Mar 2027): End date Wed 31 Mar 2027 entered by hand (no end could be computed): \(reason)\n"),
                      dry.stdout)
        XCTAssertTrue(dry.stdout.contains("  Computed end: none (no end could be computed)\n"), dry.stdout)
        XCTAssertEqual(summary(dry), [
            "  Ends 2027-03-31",
            "  Give return instructions (otherwise the supplier may delete all personal data): act by 2027-06-30",
        ], dry.stdout)
        XCTAssertFalse(dry.stdout.contains("check the end date by hand"), dry.stdout)

        // Migrationsverket 11.1 computes 3 months: both ends are shown, with a warning.
        let mv = try terminate("migrationsverket-e-tjanster", "us", ["--end", "2027-03-31", "--end-reason", reason])
        XCTAssertTrue(mv.stdout.contains("  Computed end: 2027-02-23 (Tue 23 Feb 2027)\n"), mv.stdout)
        XCTAssertTrue(mv.stdout.contains("  warning: The entered end 2027-03-31 differs from the computed end 2027-02-23 ("), mv.stdout)

        let audit = try sqlite(db, "SELECT count(*) FROM audit")
        let bad: [([String], String, String)] = [
            (["--end", "2026-11-22", "--end-reason", reason], "The entered end date 2026-11-22 is before the notice date 2026-11-23", "where: end"),
            (["--end", "2027-03-31"], "An end date entered by hand needs a reason", "where: endReason"),
            (["--end", "2027-03-31", "--end-reason", " "], "An end date entered by hand needs a reason", "where: endReason"),
            (["--end-reason", reason], "A reason for the end date was given, but no end date", "where: end"),
        ]
        for (extra, what, location) in bad {
            for dryRun in [true, false] {
                var args = ["terminate", "pub-avtal-bilaga3", "--by", "us", "--db", db, "--today", today] + extra
                if dryRun { args.append("--dry-run") }
                let r = try Varsel.expect(2, args)
                XCTAssertEqual(r.stdout, "", extra.joined(separator: " "))
                XCTAssertTrue(r.stderr.contains("varsel: error: \(what)"), r.stderr)
                XCTAssertTrue(r.stderr.contains(location), r.stderr)
                XCTAssertTrue(r.stderr.contains("fix:"), r.stderr)
            }
        }
        let notADate = try Varsel.run(["terminate", "pub-avtal-bilaga3", "--by", "us", "--end", "31.3.2027", "--end-reason", reason,
                                       "--db", db, "--today", today])
        XCTAssertNotEqual(notADate.status, 0)
        XCTAssertTrue(notADate.stderr.contains("--end \"31.3.2027\" is not a date: use YYYY-MM-DD"), notADate.stderr)
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit"), audit, "refused input wrote nothing")

        // Recorded: the termination row holds the reason and the computed end (none here).
        let real = try Varsel.expect(0, ["terminate", "pub-avtal-bilaga3", "--by", "us", "--end", "2027-03-31", "--end-reason", reason,
                                         "--db", db, "--today", today])
        XCTAssertTrue(real.stdout.hasPrefix("Recorded termination "), real.stdout)
        XCTAssertEqual(try sqlite(db, "SELECT end_date, end_entered_reason, quote(computed_end_date) FROM terminations"),
                       ["2027-03-31|\(reason)|NULL"])
        XCTAssertEqual(try sqlite(db, "SELECT end_date FROM agreements WHERE id = 'pub-avtal-bilaga3'"), ["2027-03-31"])
    }
}
