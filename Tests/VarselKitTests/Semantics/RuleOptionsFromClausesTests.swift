import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 13 items 1, 6, 11 and 12: counting options that come from the clauses of the five agreements.
final class RuleOptionsFromClausesTests: XCTestCase {
    func subProcessorNotice(received: String, effective: String) -> ChangeNoticeDraft {
        ChangeNoticeDraft(agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: day(received), channel: .email,
                          summary: "New sub-processor: Example Cloud AB (hosting)", effectiveDate: day(effective),
                          subProcessor: SubProcessorDraft(name: "Example Cloud AB", country: "SE", purpose: "Hosting"))
    }

    /// Pureservice 8.6.3: "Databehandleren skal skriftlig underrette den behandlingsansvarlige om eventuelle
    /// planlagte endringer … med minst fire ukers varsel og dermed gi den behandlingsansvarlige mulighet til å
    /// motsette seg slike endringer før den eller de beskrevne underdatabehandler(e) engasjeres."
    /// Notice exactly four weeks before an engagement on a Saturday: R5 alone would roll the act-by day to
    /// the Monday after the engagement; the cap (R10) makes it the Friday before.
    func testObjectionWindowNeverEndsOnOrAfterTheEngagement() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let preview = try p.previewChangeNotice(subProcessorNotice(received: "2026-11-07", effective: "2026-12-05"))
        let d = try XCTUnwrap(preview.deadlines.first { $0.ruleId == "pureservice-subprocessor-objection" })
        XCTAssertEqual(d.rawDate, day("2026-12-05"))
        XCTAssertEqual(d.dueDate, day("2026-12-04"))
        XCTAssertEqual(d.actByDate, day("2026-12-04"))
        XCTAssertLessThan(d.actByDate, day("2026-12-05"))
        XCTAssertTrue(d.explanation.hasSuffix("but it must be done before the change applies Sat 5 Dec 2026, so act by Fri 4 Dec 2026 (R10)"),
                      d.explanation)
    }

    /// 8.6.3 again, a late notice (two weeks before engagement): the window is not four weeks from receipt
    /// (18 Dec, after the engagement) but closes the working day before the engagement.
    func testLateNoticeIsCappedNotExtended() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let (_, result) = try p.recordChangeNotice(subProcessorNotice(received: "2026-11-20", effective: "2026-12-01"))
        let d = try XCTUnwrap(result.deadlines.first { $0.ruleId == "pureservice-subprocessor-objection" })
        XCTAssertEqual(d.actByDate, day("2026-11-30"))
        XCTAssertTrue(result.warnings.contains { $0.hasPrefix("Notice came late: received Fri 20 Nov 2026") }, "\(result.warnings)")
        let stored = try XCTUnwrap(try p.queries.agenda(within: 14).first { $0.id == d.id })
        XCTAssertEqual(stored.daysLeft, 7)
    }

    /// A notice received on the engagement day itself: the window closed before it opened. The deadline is
    /// recorded as missed at once, with a warning that says so.
    func testNoticeOnTheEngagementDayIsMissedAtOnce() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let (_, result) = try p.recordChangeNotice(subProcessorNotice(received: "2026-11-23", effective: "2026-11-23"))
        let d = try XCTUnwrap(result.deadlines.first { $0.ruleId == "pureservice-subprocessor-objection" })
        XCTAssertEqual(d.actByDate, day("2026-11-20"))
        XCTAssertEqual(d.status(today: day("2026-11-23")), .missed)
        XCTAssertTrue(result.warnings.contains {
            $0 == "Already missed: \"Object to the new sub-processor (4-week notice window)\" (8.6.3) had to be done by Fri 20 Nov 2026, before today (Mon 23 Nov 2026)"
        }, "\(result.warnings)")
    }

    /// PUB-avtal 2.1: "\"Arbetsdag\" betyder en dag (som inte är en lördag eller söndag eller allmän helgdag) på
    /// vilken kommersiella banker har öppet för allmän bankverksamhet …"; 6.2: "med rimligt varsel (där en
    /// frist om tjugo (20) Arbetsdagar alltid ska anses vara rimligt)". Swedish banks are closed on julafton
    /// and nyårsafton, so an audit on Mon 18 Jan 2027 needs notice by Mon 14 Dec 2026, not Wed 16 Dec.
    func testAuditNoticeCountsBankDays() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let rule = try p.store.writer.read { db in try NoticeRule.fetchOne(db, key: "pub-avtal-bilaga3-audit-notice") }
        XCTAssertEqual(rule?.workingDays, WorkingDayOptions(eveIsWorkingDay: false))
        let (_, deadlines) = try p.recordEvent(agreementId: "pub-avtal-bilaga3", kind: .auditPlanned, date: day("2027-01-18"),
                                               description: "Yearly audit of the access-control service")
        let d = try XCTUnwrap(deadlines.first { $0.ruleId == "pub-avtal-bilaga3-audit-notice" })
        XCTAssertEqual(d.actByDate, day("2026-12-14"))
        XCTAssertTrue(d.explanation.contains("(R4: working days Mon–Fri, not public holidays in Sweden or eves)"), d.explanation)
        // The option survives the store and the exchange format.
        let doc = try JSONSerialization.jsonObject(with: try PortfolioExporter.exportJSON(store: p.store)) as! [String: Any]
        let exported = (doc["noticeRules"] as! [[String: Any]]).first { $0["id"] as? String == "pub-avtal-bilaga3-audit-notice" }
        XCTAssertEqual(exported?["workingDays"] as? [String: Bool], ["eveIsWorkingDay": false, "saturdayIsWorkingDay": false])
    }

    /// Migrationsverket e-tjänster 3.3: "senast inom 24 timmar från det att incidenten upptäckts". 24 hours are
    /// 24 real hours: from Saturday 12:00 on the night summer time ends, the report is due Sunday 11:00.
    func testIncidentReportCountsRealHoursAcrossSummerTime() throws {
        let p = try Fixture.demo(today: day("2026-10-24"))
        let (_, deadlines) = try p.recordEvent(agreementId: "migrationsverket-e-tjanster", kind: .incidentDiscovered,
                                               date: day("2026-10-24"), minutes: 12 * 60, description: "Phishing e-mail opened")
        let d = try XCTUnwrap(deadlines.first { $0.ruleId == "migrationsverket-e-tjanster-incident-report" })
        XCTAssertEqual(d.dueDate, day("2026-10-25"))
        XCTAssertEqual(d.dueMinutes, 11 * 60)
        XCTAssertTrue(d.explanation.hasSuffix("= Sun 25 Oct 2026 11:00 CET (R7: 24 real hours in Europe/Stockholm; summer time ends in between; no roll)"),
                      d.explanation)
    }

    /// PUB-avtal 9.2: "Om Kunden inte lämnar ovannämnda instruktioner inom en period om tre (3) månader från då
    /// Avtalet sades upp, har Leverantören rätt att radera alla sådana personuppgifter". The supplier may delete
    /// from the raw day on, so the rule rolls earlier; the other party's dates roll earlier by default.
    func testDatesAfterWhichTheOtherPartyMayDeleteRollEarlier() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let rules = try p.store.writer.read { db in try NoticeRule.fetchAll(db) }
        let byId = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
        XCTAssertEqual(byId["pub-avtal-bilaga3-return-instructions"]?.roll, .backward)
        // Migrationsverket kanaler 3.1 ("Konversationshistoriken gallras automatiskt efter 2 år") and Mobilize Me
        // bilag 1, 2.4 (logs deleted after six months) are the other party's purge dates.
        XCTAssertEqual(byId["migrationsverket-kanaler-chat-purge"]?.roll, .backward)
        XCTAssertEqual(byId["mobilize-me-dpa-log-retention"]?.roll, .backward)
        // Our own after-periods keep R5 (Pureservice 4.3: "innen 4 uker etter nedetid").
        XCTAssertEqual(byId["pureservice-sla-credit-claim"]?.roll, .forward)
        // No before-period rolls forward.
        XCTAssertFalse(rules.contains { $0.direction == .before && $0.roll == .forward })
    }

    /// A file of the first format (`rollForward`) still imports: false means not rolled, true the safe default.
    func testFirstFormatRollForwardFlagIsMapped() throws {
        func rule(_ extra: String) throws -> NoticeRule {
            let json = #"{"id":"r","agreementId":"a","title":"t","trigger":"event","eventKind":"other","changeKinds":[],"#
                + #""period":{"value":2,"unit":"years"},"direction":"after","actor":"them","writtenForm":false,"#
                + #""groundsRequired":false,"toEndOfMonth":false,"silenceIsApproval":false\#(extra)}"#
            return try JSONDecoder().decode(NoticeRule.self, from: Data(json.utf8))
        }
        XCTAssertEqual(try rule(#","rollForward":false"#).roll, .noRoll)
        XCTAssertEqual(try rule(#","rollForward":true"#).roll, .backward)
        XCTAssertEqual(try rule("").roll, .backward)
        XCTAssertEqual(try rule(#","roll":"forward""#).roll, .forward)
    }

    /// The store keeps each option (a migrated first-version database maps roll_forward the same way).
    func testMigrationMapsRollForwardColumn() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.path("v5.sqlite")
        var config = Configuration()
        config.prepareDatabase { db in db.add(function: SearchFold.sqlFunction) }
        let queue = try DatabaseQueue(path: path, configuration: config)
        var migrator = Schema.migrator
        try migrator.migrate(queue, upTo: "v5-vendor-summary")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO parties (id, name) VALUES ('p', 'P')")
            try db.execute(sql: """
                INSERT INTO agreements (id, title, kind, counterparty_id, our_role, language, governing_law, calendar, term, status)
                VALUES ('a', 'A', 'other', 'p', 'customer', 'sv', 'Swedish law', 'se', '{"kind":"indefinite"}', 'active')
                """)
            for (id, direction, actor, roll) in [("r1", "after", "us", 1), ("r2", "after", "us", 0), ("r3", "after", "them", 1), ("r4", "before", "us", 1)] {
                try db.execute(sql: """
                    INSERT INTO notice_rules (id, agreement_id, title, trigger, change_kinds, period, direction, actor, written_form,
                        grounds_required, roll_forward, to_end_of_month, silence_is_approval)
                    VALUES (?, 'a', 't', 'event', '[]', '{"value":1,"unit":"days"}', ?, ?, 0, 0, ?, 0, 0)
                    """, arguments: [id, direction, actor, roll])
            }
        }
        try migrator.migrate(queue)
        let rolls = try queue.read { db in try NoticeRule.order(Column("id")).fetchAll(db).map(\.roll) }
        XCTAssertEqual(rolls, [.forward, .noRoll, .backward, .backward])
    }
}
