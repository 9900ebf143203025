import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Recurring duties (issue 13, item 14). Written with JSON documents and the public services only,
/// so that they compile, and fail, on the code before recurrences existed.
final class RecurrenceTests: XCTestCase {
    /// A rule of ours that follows the supplier's yearly backup test. PUB-avtal Bilaga 3,
    /// Underbilaga 1, 7.3: "Test av att backup-rutiner fungerar skall ske minst årligen, och skall
    /// säkerställa att en återställning med full funktion kan ske inom rimlig tid efter en incident."
    /// Counted from a leap day, so R3 (no drift, month end) is visible.
    static let followUpRule = """
        {"id": "pub-backup-test-follow-up", "agreementId": "pub-avtal-bilaga3", "clauseRef": "Underbilaga 1, 7.3",
         "title": "Ask the supplier for the result of its yearly backup test", "trigger": "recurring",
         "period": {"value": 12, "unit": "months"}, "recursFrom": "2024-02-29", "direction": "after", "actor": "us",
         "changeKinds": [], "writtenForm": false, "groundsRequired": false, "rollForward": true,
         "toEndOfMonth": false, "silenceIsApproval": false}
        """

    func demoWithFollowUp(today: String = "2026-11-23") throws -> Portfolio {
        let p = try Fixture.demo(today: day(today))
        try Self.mergeRule(Self.followUpRule, into: p)
        return p
    }

    /// Adds (or, by id, replaces) a rule given as JSON by merging the exported portfolio with it.
    static func mergeRule(_ json: String, into p: Portfolio, fileName: String = "rule.json") throws {
        try mergeExport(into: p, fileName: fileName) { doc in
            let rule = try JSONDecoder().decode(NoticeRule.self, from: Data(json.utf8))
            doc.noticeRules.removeAll { $0.id == rule.id }
            doc.noticeRules.append(rule)
        }
    }

    /// Exports the portfolio, edits the document and merges it back (how a user edits in bulk).
    static func mergeExport(into p: Portfolio, fileName: String, _ edit: (inout PortfolioDocument) throws -> Void) throws {
        var doc = try JSONDecoder().decode(PortfolioDocument.self, from: try PortfolioExporter.exportJSON(store: p.store))
        try edit(&doc)
        try PortfolioImporter(store: p.store, clock: p.clock, user: "tester")
            .importData(try JSONEncoder().encode(doc), fileName: fileName, merge: true)
    }

    /// PUB-avtal 9.1: "ska detta Avtal vara fortsatt giltigt tills Leverantören upphör med att behandla
    /// personuppgifter för Kundens räkning, då det ska upphöra per automatik med omedelbar verkan". A duty
    /// that recurs under the agreement ends with it: a termination withdraws the open occurrence that falls
    /// after the end (in the same write, named in its audit row), and handling nothing opens another.
    func testTerminationWithdrawsTheOccurrenceAfterTheEnd() throws {
        let p = try demoWithFollowUp()
        let id = "dl-rec-pub-backup-test-follow-up-3"
        XCTAssertNotNil(try p.queries.agenda(within: 120).first { $0.id == id })
        let (notice, _) = try p.recordTermination(agreementId: "pub-avtal-bilaga3", by: .us, date: day("2026-11-23"))
        XCTAssertEqual(notice.endDate, day("2026-11-23"))
        XCTAssertNil(try p.queries.agenda(within: 365).first { $0.deadline.ruleId == "pub-backup-test-follow-up" })
        XCTAssertEqual(try p.store.read { db in try db.record(Deadline.self, id: id) }, nil)
        XCTAssertTrue(try XCTUnwrap(Fixture.lastAudit(p.store)).summary.hasSuffix("1 recurring occurrence(s) after the end withdrawn"))
    }

    func testTheNextOccurrenceIsOnTheAgendaAndHandlingItOpensTheNext() throws {
        let p = try demoWithFollowUp()
        // On 23 Nov 2026: occurrence 2 (Sat 28 Feb 2026, act by Mon 2 Mar 2026) has passed; occurrence 3 is next.
        let agenda = try p.queries.agenda(within: 120)
        let first = try XCTUnwrap(agenda.first { $0.deadline.ruleId == "pub-backup-test-follow-up" })
        XCTAssertEqual(first.id, "dl-rec-pub-backup-test-follow-up-3")
        XCTAssertEqual(first.deadline.actByDate, day("2027-03-01"))
        XCTAssertEqual(first.deadline.rawDate, day("2027-02-28"))
        XCTAssertEqual(first.deadline.actor, .us)
        XCTAssertEqual(first.deadline.explanation,
                       "every 12 months from Thu 29 Feb 2024, occurrence 3 (Underbilaga 1, 7.3) = Sun 28 Feb 2027 (R3: no 29 Feb, month end), rolled to Mon 1 Mar 2027 (R5: Sunday is not a deadline day in Sweden)")

        let auditBefore = try Fixture.auditCount(p.store)
        let (handled, next) = try p.handleDeadlineOpeningNext(id: first.id, note: "Report received")
        XCTAssertEqual(handled.state, .handled)
        // Occurrence 4 comes from the start in one step: 29 Feb 2028 exists again (no drift to the 28th).
        XCTAssertEqual(next?.id, "dl-rec-pub-backup-test-follow-up-4")
        XCTAssertEqual(next?.actByDate, day("2028-02-29"))
        XCTAssertEqual(next?.explanation, "every 12 months from Thu 29 Feb 2024, occurrence 4 (Underbilaga 1, 7.3) = Tue 29 Feb 2028")
        // One transaction, one audit row naming both.
        XCTAssertEqual(try Fixture.auditCount(p.store), auditBefore + 1)
        let audit = try XCTUnwrap(try Fixture.lastAudit(p.store))
        XCTAssertEqual(audit.action, "handle_deadline")
        XCTAssertTrue(audit.summary.contains("next occurrence 4 opened, act by 2028-02-29 [dl-rec-pub-backup-test-follow-up-4]"), audit.summary)

        let later = try p.queries.agenda(within: 500).filter { $0.deadline.ruleId == "pub-backup-test-follow-up" }
        XCTAssertEqual(later.map(\.id), ["dl-rec-pub-backup-test-follow-up-4"])
        // Handled through the plain API as well (the workbench's path).
        try p.handleDeadline(id: "dl-rec-pub-backup-test-follow-up-4")
        let open = try p.queries.agenda(within: 900).filter { $0.deadline.ruleId == "pub-backup-test-follow-up" }
        XCTAssertEqual(open.map(\.id), ["dl-rec-pub-backup-test-follow-up-5"])
        XCTAssertEqual(open.first?.deadline.actByDate, day("2029-02-28"))
    }

    func testTheFirstOccurrenceOpenedIsTheFirstStillToCome() throws {
        // Before occurrence 1: occurrence 1 (Fri 28 Feb 2025) is opened.
        let early = try demoWithFollowUp(today: "2024-06-01")
        XCTAssertEqual(try early.queries.agenda(within: 400).filter { $0.deadline.ruleId == "pub-backup-test-follow-up" }.map(\.id),
                       ["dl-rec-pub-backup-test-follow-up-1"])
        // On the act-by day of occurrence 2 (Mon 2 Mar 2026, rolled from Sat 28 Feb): still occurrence 2, due today.
        let due = try demoWithFollowUp(today: "2026-03-02")
        let item = try XCTUnwrap(try due.queries.agenda(within: 14).first { $0.deadline.ruleId == "pub-backup-test-follow-up" })
        XCTAssertEqual(item.id, "dl-rec-pub-backup-test-follow-up-2")
        XCTAssertEqual(item.daysLeft, 0)
    }

    func testNoOccurrenceAfterTheAgreementEnds() throws {
        let p = try demoWithFollowUp()
        try TestBackend.execute(p.store, "UPDATE agreements SET end_date = '2027-12-31' WHERE id = 'pub-avtal-bilaga3'")
        let (_, next) = try p.handleDeadlineOpeningNext(id: "dl-rec-pub-backup-test-follow-up-3")
        XCTAssertNil(next, "occurrence 4 (29 Feb 2028) falls after the agreement's end on 31 Dec 2027")
    }

    /// Pureservice C.2: "Pureservice gjennomfører årlig penetrasjons- og sikkerhetstest med en ekstern
    /// leverandør." Their duty: shown on the agreement's rules with its next occurrence, never as ours;
    /// a day the other party acts on rolls earlier by default (R9).
    func testTheirYearlyTestIsInformationalWithItsNextOccurrence() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        XCTAssertFalse(try p.queries.agenda(within: 3650).contains { $0.deadline.ruleId == "pureservice-yearly-penetration-test" })
        let detail = try p.queries.detail(agreementId: "pureservice")
        let rule = try XCTUnwrap(detail.rules.first { $0.rule.id == "pureservice-yearly-penetration-test" })
        XCTAssertEqual(rule.rule.actor, .them)
        XCTAssertEqual(rule.clause?.reference, "C.2")
        XCTAssertEqual(rule.periodText, "every 12 months from Thu 1 Aug 2024")
        XCTAssertEqual(rule.ifTodayText,
                       "Next: occurrence 3 → they must act by Fri 30 Jul 2027 (every 12 months from Thu 1 Aug 2024, occurrence 3 (C.2) = Sun 1 Aug 2027; act by Fri 30 Jul 2027 (R9: Sunday is not a deadline day in Norway, moved earlier))")
        // Mobilize Me 4.1: "Leverandøren skal mindst en gang årligt gennemgå sine interne sikkerhedsforskrifter …";
        // the text has no date to count from, and the rule says so instead of inventing one.
        let mm = try p.queries.detail(agreementId: "mobilize-me-dpa").rules.first { $0.rule.id == "mobilize-me-dpa-yearly-security-review" }
        XCTAssertEqual(mm?.rule.actor, .them)
        XCTAssertEqual(mm?.periodText, "every 12 months")
        XCTAssertEqual(mm?.ifTodayText, "no start day recorded (recursFrom): its occurrences have no dates")
        let pub = try p.queries.detail(agreementId: "pub-avtal-bilaga3").rules.first { $0.rule.id == "pub-avtal-bilaga3-yearly-backup-test" }
        XCTAssertEqual(pub?.clause?.reference, "Underbilaga 1, 7.3")
        XCTAssertTrue(pub?.clause?.text.contains("Test av att backup-rutiner fungerar skall ske minst årligen") == true)
    }

    func testRecurrenceSurvivesExportAndImport() throws {
        let p = try demoWithFollowUp()
        try p.handleDeadline(id: "dl-rec-pub-backup-test-follow-up-3", note: "done")
        let export1 = try PortfolioExporter.exportJSON(store: p.store)
        let text = String(decoding: export1, as: UTF8.self)
        XCTAssertTrue(text.contains("\"recursFrom\" : \"2024-02-29\"") || text.contains("\"recursFrom\": \"2024-02-29\""))
        XCTAssertTrue(text.contains("pub-backup-test-follow-up#4"))
        let copy = try TestBackend.makeStore()
        try ExchangeFixtures.importer(copy).importData(export1, fileName: "copy.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: copy), export1)
        // The copy goes on where the original stopped: handling occurrence 4 opens 5.
        let q = Portfolio(store: copy, clock: p.clock, ids: TestIDs(), user: "tester")
        XCTAssertEqual(try q.handleDeadlineOpeningNext(id: "dl-rec-pub-backup-test-follow-up-4").next?.id,
                       "dl-rec-pub-backup-test-follow-up-5")
    }

    func testAMergeThatMovesTheStartRecomputesTheOpenOccurrence() throws {
        let p = try demoWithFollowUp()
        try Self.mergeRule(Self.followUpRule.replacingOccurrences(of: "2024-02-29", with: "2024-04-15"), into: p, fileName: "moved.json")
        let d = try p.store.read { db in try db.record(Deadline.self, id: "dl-rec-pub-backup-test-follow-up-3") }
        XCTAssertEqual(d?.rawDate, day("2027-04-15"))
        XCTAssertEqual(d?.explanation, "every 12 months from Mon 15 Apr 2024, occurrence 3 (Underbilaga 1, 7.3) = Thu 15 Apr 2027")
    }

    func testAnOccurrenceMustNameItsRuleAndNumber() throws {
        let p = try demoWithFollowUp()
        let good = try JSONDecoder().decode(PortfolioDocument.self, from: try PortfolioExporter.exportJSON(store: p.store))
        let i = try XCTUnwrap(good.deadlines.firstIndex { $0.sourceKind == .recurrence })
        for bad in ["pub-backup-test-follow-up", "pub-backup-test-follow-up#0", "pub-avtal-bilaga3-audit-notice#3"] {
            var doc = good
            doc.deadlines[i].sourceId = bad
            let e = assertVarselError(.invalidInput) {
                try ExchangeFixtures.importer(try TestBackend.makeStore()).importData(try JSONEncoder().encode(doc), fileName: "occ.json")
            }
            XCTAssertEqual(e?.location, "occ.json: deadlines[\(i)].sourceId", bad)
        }
        // A clause reference outside the agreement is accepted only as a statute on a deadline without a rule.
        var doc = good
        doc.deadlines[i].clauseRef = "GDPR Art. 33(1)"
        XCTAssertNotNil(assertVarselError(.invalidInput) {
            try ExchangeFixtures.importer(try TestBackend.makeStore()).importData(try JSONEncoder().encode(doc), fileName: "occ.json")
        })
    }

    func testBadRecurringRulesAreRefusedAtThePath() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let before = try PortfolioExporter.exportJSON(store: p.store)
        // The rule is appended after the exported ones.
        let index = try JSONDecoder().decode(PortfolioDocument.self, from: before).noticeRules.count
        func refused(_ from: String, _ to: String, at field: String, file: StaticString = #filePath, line: UInt = #line) {
            let e = assertVarselError(.invalidInput, file: file, line: line) {
                try Self.mergeRule(Self.followUpRule.replacingOccurrences(of: from, with: to), into: p, fileName: "bad.json")
            }
            let location = e?.location ?? "", path = "noticeRules[\(index)].\(field)"
            XCTAssertTrue(location == "bad.json: \(path)" || location.hasPrefix("bad.json: \(path) ("), "\(String(describing: e))",
                          file: file, line: line)
        }
        refused(", \"recursFrom\": \"2024-02-29\"", "", at: "recursFrom")
        refused("\"unit\": \"months\"", "\"unit\": \"working_days\"", at: "period.unit")
        refused("\"direction\": \"after\"", "\"direction\": \"before\"", at: "direction")
        refused("\"trigger\": \"recurring\"", "\"trigger\": \"agreement_ends\"", at: "recursFrom")
        // Nothing was written.
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: p.store), before)
    }
}
