import Foundation
import XCTest

/// A recurring duty on the command line, with a fixed --today: the next occurrence is on the agenda,
/// `handle` opens the one after it; `event` opens the GDPR Art. 33 deadline on a controller agreement.
final class RecurrenceCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    /// PUB-avtal Bilaga 3, Underbilaga 1, 7.3: "Test av att backup-rutiner fungerar skall ske minst
    /// årligen". Our follow-up of the supplier's yearly test, every 12 months from 29 Feb 2024.
    let rule: [String: Any] = [
        "id": "pub-backup-test-follow-up", "agreementId": "pub-avtal-bilaga3", "clauseRef": "Underbilaga 1, 7.3",
        "title": "Ask the supplier for the result of its yearly backup test", "trigger": "recurring",
        "period": ["value": 12, "unit": "months"], "recursFrom": "2024-02-29", "direction": "after", "actor": "us",
        "changeKinds": [String](), "writtenForm": false, "groundsRequired": false, "rollForward": true,
        "toEndOfMonth": false, "silenceIsApproval": false,
    ]

    func ids(within: Int) throws -> [String] {
        let r = try Varsel.expect(0, ["deadlines", "--db", db, "--today", today, "--within", "\(within)", "--format", "json"])
        let items = try XCTUnwrap(r.json() as? [[String: Any]], r.stdout)
        return items.compactMap { $0["id"] as? String }.filter { $0.hasPrefix("dl-rec-") }
    }

    func testTheAgendaShowsTheNextOccurrenceAndHandleOpensTheNext() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        // Add the rule by exporting, editing and merging the portfolio.
        let exported = try Varsel.expect(0, ["export", "--db", db, "--today", today]).stdout
        var doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        doc["noticeRules"] = (doc["noticeRules"] as? [[String: Any]] ?? []) + [rule]
        let file = path("rule.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: file))
        try Varsel.expect(0, ["import", file, "--merge", "--db", db, "--today", today])

        XCTAssertEqual(try ids(within: 120), ["dl-rec-pub-backup-test-follow-up-3"])
        let table = try Varsel.expect(0, ["deadlines", "--db", db, "--today", today, "--within", "120"]).stdout
        XCTAssertTrue(table.contains("dl-rec-pub-backup-test-follow-up-3") && table.contains("2027-03-01"), table)

        let handled = try Varsel.expect(0, ["handle", "dl-rec-pub-backup-test-follow-up-3", "--db", db, "--today", today,
                                            "--note", "Test report received"]).stdout
        XCTAssertEqual(handled, """
            Handled dl-rec-pub-backup-test-follow-up-3: Ask the supplier for the result of its yearly backup test
              Next occurrence 4: act by Tue 29 Feb 2028 — every 12 months from Thu 29 Feb 2024, occurrence 4 (Underbilaga 1, 7.3) = Tue 29 Feb 2028 [dl-rec-pub-backup-test-follow-up-4]

            """)
        XCTAssertEqual(try ids(within: 120), [])
        XCTAssertEqual(try ids(within: 1000), ["dl-rec-pub-backup-test-follow-up-4"])
    }

    func testAnIncidentOnAControllerAgreementOpensTheArt33Deadline() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let r = try Varsel.expect(0, ["event", "mobilize-me-dpa", "--kind", "incident_discovered", "--date", "2026-11-20",
                                      "--time", "16:40", "--description", "SMS list sent to the wrong school",
                                      "--db", db, "--today", today]).stdout
        XCTAssertTrue(r.contains("  Notify the supervisory authority (GDPR Art. 33): act by Mon 23 Nov 2026 16:40 — 72 hours after incident discovered Fri 20 Nov 2026 16:40 CET (GDPR Art. 33(1)) = Mon 23 Nov 2026 16:40 CET (R7: exact time in Europe/Copenhagen, no roll)"), r)
    }
}
