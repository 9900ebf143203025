import Foundation
import XCTest

/// The command line for issue 13 items 7, 8, 9 and 13: deemed acceptance shown and settled before
/// reads, --effective asked for, --given-by, accept --date/--channel.
final class ChangeSemanticsCLITests: CLITestCase {
    var db: String { path("c.sqlite") }

    func testDeemedAcceptanceIsSettledBeforeReadsAndShown() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", "2026-11-10"])
        // PUB 5.2: "Om Kunden inte har invänt på föreskrivet sätt, ska den föreslagna underleverantören anses ha godkänts."
        let added = try Varsel.expect(0, ["notice", "add", "pub-avtal-bilaga3", "--kind", "sub_processor_added", "--received", "2026-11-02",
                                          "--summary", "Ny underleverantör", "--sub-name", "Sinch AB", "--sub-country", "SE",
                                          "--sub-purpose", "SMS", "--db", db, "--today", "2026-11-10", "--format", "json"])
        let notice = try XCTUnwrap((try added.json() as? [String: Any])?["id"] as? String)
        XCTAssertEqual(try sqlite(db, "SELECT status FROM change_notices WHERE id = '\(notice)'"), ["open"])

        // The day after the window: `deadlines` settles first, so nothing is overdue for it.
        let agenda = try Varsel.expect(0, ["deadlines", "--db", db, "--today", "2026-11-17", "--format", "json"])
        XCTAssertFalse(agenda.stdout.contains(notice), agenda.stdout)
        XCTAssertEqual(try sqlite(db, "SELECT status || ' ' || decision_basis || ' ' || decision_date || ' ' || decision_clause FROM change_notices WHERE id = '\(notice)'"),
                       ["accepted deemed 2026-11-17 5.2"])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit WHERE action = 'deemed_acceptance' AND entity_id = '\(notice)'"), ["1"])

        let notices = try Varsel.expect(0, ["notices", "--db", db, "--today", "2026-11-17"]).stdout
        XCTAssertTrue(notices.contains("accepted (deemed 2026-11-17, 5.2)"), notices)
        let show = try Varsel.expect(0, ["show", "pub-avtal-bilaga3", "--db", db, "--today", "2026-11-17"]).stdout
        XCTAssertTrue(show.contains("Sinch AB — SE — SMS — approved (deemed 2026-11-17, 5.2)"), show)
        XCTAssertTrue(show.contains("DEEMED_ACCEPTED  Object to the new sub-processor"), show)
        XCTAssertTrue(show.contains("Deemed accepted 2026-11-17: no objection by 2026-11-16 (5.2)"), show)
        // A second read settles nothing more.
        try Varsel.expect(0, ["notices", "--db", db, "--today", "2026-11-18"])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit WHERE action = 'deemed_acceptance' AND entity_id = '\(notice)'"), ["1"])
    }

    func testMissingEffectiveDateAndWhoGivesNotice() throws {
        let today = "2026-11-23"
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let before = try sqlite(db, "SELECT count(*) FROM change_notices")
        // Mobilize Me 2.2: "Leverandøren må ikke uden udtrykkelig skriftlig godkendelse fra Institutionen anvende andre underdatabehandlere".
        let missing = try Varsel.expect(2, ["notice", "add", "mobilize-me-dpa", "--kind", "sub_processor_replaced", "--summary", "x",
                                            "--sub-name", "Sinch A/S", "--sub-country", "DK", "--db", db, "--today", today])
        XCTAssertTrue(missing.stderr.hasPrefix("varsel: error: Clause 2.2 counts from the day the sub-processor is to be engaged"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("where: effective"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("--effective YYYY-MM-DD"), missing.stderr)
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM change_notices"), before)

        // Mobilize Me 8.1: "Institutionen kan til enhver tid, med et forudgående varsel på mindst 30 dage, foretage ændringer".
        let theirs = try Varsel.expect(0, ["notice", "add", "mobilize-me-dpa", "--kind", "terms_changed", "--received", "2026-11-20",
                                           "--effective", "2026-12-01", "--summary", "Deres ændring", "--db", db, "--today", today])
        XCTAssertFalse(theirs.stdout.contains("30 days"), theirs.stdout)
        XCTAssertTrue(theirs.stdout.contains("no notice rule for \"Terms changed\" from the counterparty"), theirs.stdout)
        let ours = try Varsel.expect(0, ["notice", "add", "mobilize-me-dpa", "--kind", "terms_changed", "--given-by", "us",
                                         "--effective", "2027-01-07", "--summary", "Ny instruks", "--db", db, "--today", today])
        XCTAssertTrue(ours.stdout.contains("act by Tue 8 Dec 2026 (handled: Notice given 2026-11-23, on time)"), ours.stdout)
        let show = try Varsel.expect(0, ["show", "mobilize-me-dpa", "--db", db, "--today", today]).stdout
        XCTAssertTrue(show.contains("2026-11-23  given by us  Terms changed: Ny instruks"), show)
        let bad = try Varsel.expect(64, ["notice", "add", "mobilize-me-dpa", "--kind", "other", "--given-by", "either", "--summary", "x",
                                         "--db", db, "--today", today])
        XCTAssertTrue(bad.stderr.contains("--given-by must be \"us\" or \"them\""), bad.stderr)
    }

    func testAcceptRecordsDateAndChannelAndRefusesAPhoneCallWhereWritingIsRequired() throws {
        let today = "2026-11-23"
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let added = try Varsel.expect(0, ["notice", "add", "mobilize-me-dpa", "--kind", "sub_processor_added", "--received", "2026-11-16",
                                          "--effective", "2026-12-15", "--summary", "Ny", "--sub-name", "Sinch A/S", "--sub-country", "DK",
                                          "--db", db, "--today", today, "--format", "json"])
        let notice = try XCTUnwrap((try added.json() as? [String: Any])?["id"] as? String)
        let phone = try Varsel.expect(2, ["accept", notice, "--date", "2026-11-20", "--channel", "phone", "--db", db, "--today", today])
        XCTAssertTrue(phone.stderr.contains("Clause 2.2 requires the approval in writing; phone is not written"), phone.stderr)
        XCTAssertEqual(try sqlite(db, "SELECT status FROM change_notices WHERE id = '\(notice)'"), ["open"])
        let ok = try Varsel.expect(0, ["accept", notice, "--date", "2026-11-20", "--channel", "letter", "--db", db, "--today", today])
        XCTAssertEqual(ok.stdout, "Accepted \(notice) on 2026-11-20 by letter\n")
        XCTAssertEqual(try sqlite(db, "SELECT decision_basis || ' ' || decision_date || ' ' || decision_channel FROM change_notices WHERE id = '\(notice)'"),
                       ["express 2026-11-20 letter"])
        let show = try Varsel.expect(0, ["show", "mobilize-me-dpa", "--db", db, "--today", today]).stdout
        XCTAssertTrue(show.contains("accepted (letter 2026-11-20, 2.2)"), show)
        XCTAssertTrue(show.contains("approved (express 2026-11-20, 2.2)"), show)
    }

    /// Pureservice C.5/C.6: the demo's US sub-processor is flagged on the agenda and the notice.
    func testOutsideTheEEAIsFlaggedOnTheAgendaAndTheNotice() throws {
        let today = "2026-11-23"
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let table = try Varsel.expect(0, ["deadlines", "--db", db, "--today", today]).stdout
        XCTAssertTrue(table.contains("[outside EEA] Object to the new sub-process"), table)
        XCTAssertTrue(table.contains("warning: Outside the EEA: Datadog, Inc. is in US"), table)
        let notices = try Varsel.expect(0, ["notices", "--db", db, "--today", today]).stdout
        XCTAssertTrue(notices.contains("[Outside the EEA: Datadog, Inc. is in US; processing or transfer outside the EEA needs our written consent (C.5, C.6)]"), notices)
    }
}
