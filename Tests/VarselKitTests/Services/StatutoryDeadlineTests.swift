import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// GDPR Art. 33(1): "In the case of a personal data breach, the controller shall without undue delay
/// and, where feasible, not later than 72 hours after having become aware of it, notify the personal
/// data breach to the supervisory authority competent in accordance with Article 55 …".
/// Written with the public services only, so the test compiles, and fails, on the code before it.
final class StatutoryDeadlineTests: XCTestCase {
    static func art33(_ zone: String) -> String {
        "72 hours after incident discovered Fri 30 Jan 2026 22:15 CET (GDPR Art. 33(1)) = Mon 2 Feb 2026 22:15 CET (R7: exact time in \(zone), no roll)"
    }

    func testAnIncidentWhereWeAreControllerOpensTheSupervisoryAuthorityDeadline() throws {
        let p = try Fixture.demo(today: day("2026-01-31"))
        // PUB-avtal Bilaga 3: we are the controller ("Kunden ska betraktas som personuppgiftsansvarig", 4.1.1).
        let (event, deadlines) = try p.recordEvent(agreementId: "pub-avtal-bilaga3", kind: .incidentDiscovered,
                                                   date: day("2026-01-30"), minutes: 22 * 60 + 15,
                                                   description: "Passage logs exposed")
        let d = try XCTUnwrap(deadlines.first { $0.what == "Notify the supervisory authority (GDPR Art. 33)" })
        XCTAssertEqual(d.id, "dl-\(event.id)-gdpr-art-33-1")
        XCTAssertEqual(d.actByDate, day("2026-02-02"))
        XCTAssertEqual(d.dueMinutes, 22 * 60 + 15)
        XCTAssertEqual(d.actor, .us)
        XCTAssertEqual(d.clauseRef, "GDPR Art. 33(1)")
        XCTAssertNil(d.ruleId, "a statutory rule is not a rule of the agreement")
        XCTAssertEqual(d.explanation, Self.art33("Europe/Stockholm"))
        XCTAssertTrue(try p.queries.agenda(within: 14).contains { $0.id == d.id })
    }

    /// 72 hours are real hours in the agreement's time zone: from Saturday noon before summer time
    /// ends (Sun 25 Oct 2026 03:00 CEST → 02:00 CET), the deadline is Tuesday 11:00, not 12:00.
    func testThe72HoursAreRealHoursAcrossTheEndOfSummerTime() throws {
        let p = try Fixture.demo(today: day("2026-10-26"))
        let (_, deadlines) = try p.recordEvent(agreementId: "pub-avtal-bilaga3", kind: .incidentDiscovered,
                                               date: day("2026-10-24"), minutes: 12 * 60, description: "Badge data leaked")
        let d = try XCTUnwrap(deadlines.first { $0.clauseRef == "GDPR Art. 33(1)" })
        XCTAssertEqual(d.actByDate, day("2026-10-27"))
        XCTAssertEqual(d.dueMinutes, 11 * 60)
        XCTAssertEqual(d.explanation, "72 hours after incident discovered Sat 24 Oct 2026 12:00 CEST (GDPR Art. 33(1)) = Tue 27 Oct 2026 11:00 CET (R7: 72 real hours in Europe/Stockholm; summer time ends in between; no roll)")
    }

    /// Pureservice 8.8.2 a repeats the duty ("senest 72 timer etter å ha fått kjennskap til det, melde
    /// bruddet … til … Datatilsynet"), and Vedlegg D strikes it from the contract: "I punkt 8.8.2a
    /// slettes «og når det er mulig, senest 72 timer»". The statute still applies to us as controller.
    func testTheStatuteAppliesEvenWhereTheContractStruckThe72Hours() throws {
        let p = try Fixture.demo(today: day("2026-01-31"))
        let (_, deadlines) = try p.recordEvent(agreementId: "pureservice", kind: .incidentDiscovered, date: day("2026-01-30"),
                                               minutes: 22 * 60 + 15, description: "Breach reported by Pureservice CSIRT")
        XCTAssertEqual(deadlines.map(\.clauseRef), ["GDPR Art. 33(1)"])
        XCTAssertEqual(deadlines.first?.explanation, Self.art33("Europe/Oslo"))
    }

    func testNoArt33DeadlineWhereWeAreNotController() throws {
        let p = try Fixture.demo(today: day("2026-01-31"))
        // Migrationsverket's e-services: we are a user; only the agreement's own 24-hour report (3.3).
        let (_, deadlines) = try p.recordEvent(agreementId: "migrationsverket-e-tjanster", kind: .incidentDiscovered,
                                               date: day("2026-01-30"), minutes: 600, description: "x")
        XCTAssertEqual(deadlines.map(\.clauseRef), ["3.3"])
        // Another kind of event on a controller agreement opens no Art. 33 deadline either.
        let (_, audit) = try p.recordEvent(agreementId: "pub-avtal-bilaga3", kind: .auditPlanned, date: day("2026-04-01"), description: "x")
        XCTAssertFalse(audit.contains { $0.clauseRef == "GDPR Art. 33(1)" })
    }

    func testTheDetailListsTheStatutoryRuleForAController() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let rules = try p.queries.detail(agreementId: "mobilize-me-dpa").rules
        XCTAssertEqual(rules.filter { $0.rule.clauseRef == "GDPR Art. 33(1)" }.map(\.rule.title), ["Notify the supervisory authority (GDPR Art. 33)"])
        XCTAssertFalse(try p.queries.detail(agreementId: "migrationsverket-kanaler").rules.contains { $0.rule.clauseRef == "GDPR Art. 33(1)" })
    }

    func testTheStatutoryDeadlineSurvivesExportImportAndFollowsAMovedEvent() throws {
        let p = try Fixture.demo(today: day("2026-01-31"))
        let (event, _) = try p.recordEvent(agreementId: "mobilize-me-dpa", kind: .incidentDiscovered, date: day("2026-01-30"),
                                           minutes: 600, description: "x")
        let export1 = try PortfolioExporter.exportJSON(store: p.store)
        let copy = try TestBackend.makeStore()
        try ExchangeFixtures.importer(copy).importData(export1, fileName: "copy.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: copy), export1)
        // A merge that corrects the discovery time moves the deadline with it.
        let q = Portfolio(store: copy, clock: p.clock, ids: TestIDs(), user: "tester")
        try RecurrenceTests.mergeExport(into: q, fileName: "fix.json") { doc in
            let i = try XCTUnwrap(doc.events.firstIndex { $0.id == event.id })
            doc.events[i].date = day("2026-01-29")
        }
        let d = try copy.read { db in try db.record(Deadline.self, id: "dl-\(event.id)-gdpr-art-33-1") }
        XCTAssertEqual(d?.actByDate, day("2026-02-01"))
        XCTAssertEqual(d?.explanation, "72 hours after incident discovered Thu 29 Jan 2026 10:00 CET (GDPR Art. 33(1)) = Sun 1 Feb 2026 10:00 CET (R7: exact time in Europe/Copenhagen, no roll)")
    }
}
