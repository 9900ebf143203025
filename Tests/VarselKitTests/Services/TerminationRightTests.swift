import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 13 item 4: a termination records which right is used; each right has its own effect date.
///
/// Migrationsverket 11.1: "Avtalet gäller tillsvidare, med en ömsesidig uppsägningstid om tre (3) månader."
/// 11.2: "Migrationsverket har rätt att säga upp Avtalet till omedelbart upphörande om Användaren inte följer
/// Avtalet, […]" and "Parterna har rätt att säga upp Avtalet om Användaren invänt mot en ändring eller ett tillägg
/// som beslutats enligt punkt 10, Allmänna villkor. En sådan uppsägning ska gälla från och med den dag ändringen
/// ska börja gälla, eller vid den tidigare dag som Migrationsverket bestämmer."
final class TerminationRightTests: XCTestCase {
    let mv = "migrationsverket-e-tjanster"

    /// The demo's changed terms (received 3 days ago, apply in 22 days): cn-0002.
    func changeNotice(_ p: Portfolio) throws -> ChangeNotice {
        try XCTUnwrap(p.store.exportDocument().changeNotices.first { $0.agreementId == "migrationsverket-e-tjanster" })
    }

    func testAfterObjectionEndsTheDayTheChangeApplies() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let notice = try changeNotice(p)
        XCTAssertEqual(notice.effectiveDate, day("2026-12-15"))
        let request = TerminationRequest(agreementId: mv, by: .us, date: day("2026-11-23"), right: .afterObjection, changeNoticeId: notice.id)
        // No objection yet: refused, nothing written.
        let e = assertVarselError(.conflict, at: "change") { try p.recordTermination(request) }
        XCTAssertTrue(e?.what.contains("no objection") == true)
        // Without the change notice: refused.
        assertVarselError(.invalidInput, at: "change") {
            try p.previewTermination(TerminationRequest(agreementId: mv, by: .us, date: day("2026-11-23"), right: .afterObjection))
        }
        try p.recordObjection(noticeId: notice.id, date: day("2026-11-23"), grounds: "BankID krävs inte av oss", channel: .email)
        for by in [Actor.us, .them] {
            let preview = try p.previewTermination(TerminationRequest(agreementId: mv, by: by, date: day("2026-11-23"),
                                                                     right: .afterObjection, changeNoticeId: notice.id))
            XCTAssertEqual(preview.endDate, day("2026-12-15"))
            XCTAssertEqual(preview.rule?.id, "migrationsverket-e-tjanster-termination-after-objection")
            // 11.3 "En uppsägning ska alltid vara skriftlig för att vara giltig": the form comes from 11.3.
            XCTAssertTrue(preview.warnings.contains("Clause 11.3 requires the notice in writing"), "\(preview.warnings)")
        }
        let (t, _) = try p.recordTermination(request)
        XCTAssertEqual(t.terminationRight, .afterObjection)
        XCTAssertEqual(t.changeNoticeId, notice.id)
        XCTAssertEqual(t.endDate, day("2026-12-15"))
        let stored = try XCTUnwrap(p.store.read { db in try db.record(TerminationNotice.self, id: t.id) })
        XCTAssertEqual(stored, t)
        let outcomes = try p.store.exportDocument().objections.filter { $0.changeNoticeId == notice.id }.map(\.outcome)
        XCTAssertEqual(outcomes, [.agreementTerminated])
    }

    func testImmediateTerminationIsMigrationsverketsOnly() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let e = assertVarselError(.invalidInput, at: "by") {
            try p.previewTermination(TerminationRequest(agreementId: mv, by: .us, date: day("2026-11-23"), right: .forCause))
        }
        XCTAssertEqual(e?.what, "Clause 11.2 gives the right to terminate for cause (immediate effect) to the counterparty only")
        let (t, preview) = try p.recordTermination(TerminationRequest(agreementId: mv, by: .them, date: day("2026-11-20"), right: .forCause))
        XCTAssertEqual(t.endDate, day("2026-11-20"))
        XCTAssertEqual(t.terminationRight, .forCause)
        XCTAssertEqual(preview.explanation, "Terminated for cause with immediate effect (11.2): ends on the notice date Fri 20 Nov 2026")
    }

    func testOrdinaryStaysThreeMonthsAndUnknownRightsAreRefused() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let (t, _) = try p.recordTermination(TerminationRequest(agreementId: mv, by: .us, date: day("2026-11-23")))
        XCTAssertEqual(t.terminationRight, .ordinary)
        XCTAssertEqual(t.endDate, day("2027-02-23"))
        let e = assertVarselError(.invalidInput, at: "right") {
            try p.previewTermination(TerminationRequest(agreementId: "pureservice", by: .us, date: day("2026-11-23"), right: .forCause))
        }
        XCTAssertTrue(e?.fix?.contains("ordinary") == true)
        // A change notice belongs to the after-objection right only.
        assertVarselError(.invalidInput, at: "change") {
            try p.previewTermination(TerminationRequest(agreementId: "pureservice", by: .us, date: day("2026-11-23"), changeNoticeId: "cn-0001"))
        }
        XCTAssertEqual(try p.terminationRights(agreementId: mv), [.ordinary, .afterObjection, .forCause])
        XCTAssertEqual(try p.terminationRights(agreementId: "pureservice"), [.ordinary])
        XCTAssertEqual(try p.terminationRights(agreementId: "pub-avtal-bilaga3"), [.ordinary, .forCause])
    }

    /// The agreement's rules show what each right gives, not a period the right does not have.
    func testRuleViewsSayWhatEachRightGives() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let rules = try p.queries.detail(agreementId: mv).rules
        func view(_ id: String) -> RuleView? { rules.first { $0.rule.id == id } }
        XCTAssertEqual(view("migrationsverket-e-tjanster-termination")?.ifTodayText, "notice given today → agreement ends Tue 23 Feb 2027")
        XCTAssertEqual(view("migrationsverket-e-tjanster-termination-after-objection")?.ifTodayText,
                       "notice given today → agreement ends the day the objected change applies")
        XCTAssertEqual(view("migrationsverket-e-tjanster-termination-immediate")?.ifTodayText,
                       "notice given today → agreement ends today, Mon 23 Nov 2026 (immediate effect)")
        XCTAssertEqual(view("migrationsverket-e-tjanster-termination-immediate")?.periodText, "immediate effect")
        let pub = try p.queries.detail(agreementId: "pub-avtal-bilaga3").rules.first { $0.rule.id == "pub-avtal-bilaga3-termination-for-breach" }
        XCTAssertEqual(pub?.ifTodayText,
                       "notice given today → agreement ends today, Mon 23 Nov 2026 (immediate effect); only after a written demand not cured in time")
    }

    /// Old exchange documents (no terminationRight) decode as ordinary notice.
    func testOldTerminationDocumentsDecodeAsOrdinary() throws {
        let old = #"{"id":"tn-1","agreementId":"a","givenBy":"us","noticeDate":"2026-01-05","channel":"letter","endDate":"2026-04-05","explanation":"x"}"#
        let t = try JSONDecoder().decode(TerminationNotice.self, from: Data(old.utf8))
        XCTAssertEqual(t.terminationRight, .ordinary)
        XCTAssertNil(t.changeNoticeId)
    }
}

/// Issue 13 item 5: cure periods.
///
/// PUB-avtal 9.1: "… till följd av väsentliga åsidosättanden av villkoren i detta Avtal, i vilket fall detta Avtal
/// ska sägas upp med omedelbar verkan om den andra Parten inte förmår avhjälpa åsidosättandet på ett
/// tillfredsställande sätt inom femton (15) dagar från den andra Partens skriftliga krav därom".
/// 9.2: "Vid uppsägning av detta Avtal av någon anledning, ska Leverantören upphöra med behandlingen av
/// personuppgifter […] Om Kunden inte lämnar ovannämnda instruktioner inom en period om tre (3) månader …"
final class CurePeriodTests: XCTestCase {
    let pub = "pub-avtal-bilaga3"

    func testOurDemandOpensTheirCurePeriodThenOurRightToTerminate() throws {
        let p = try Fixture.demo(today: day("2026-11-02"))
        // Demand on Mon 2 Nov 2026: 15 days = Tue 17 Nov 2026 (a working day in Sweden).
        let (event, deadlines) = try p.recordEvent(agreementId: pub, kind: .breachDemand, date: day("2026-11-02"),
                                                   description: "Loggar saknas trots krav", madeBy: .us)
        XCTAssertEqual(event.madeBy, .us)
        let d = try XCTUnwrap(deadlines.first)
        XCTAssertEqual(deadlines.count, 1)
        XCTAssertEqual(d.actor, .us)
        XCTAssertEqual(d.dueDate, day("2026-11-17"))
        XCTAssertEqual(d.what, "Cure period ends (9.1): they must cure by 2026-11-17; from 2026-11-18 we may terminate for breach")

        // During the cure period: refused, naming the first day termination is possible.
        let later = Portfolio(store: p.store, clock: .fixed(day("2026-11-20")), ids: TestIDs(), user: "tester")
        let early = assertVarselError(.conflict, at: "date") {
            try later.previewTermination(TerminationRequest(agreementId: pub, by: .us, date: day("2026-11-17"), right: .forCause))
        }
        XCTAssertEqual(early?.what, "The cure period (9.1) runs until 2026-11-17: termination for breach is possible from 2026-11-18")
        // They made no demand: they cannot terminate for breach.
        assertVarselError(.conflict, at: "right") {
            try later.previewTermination(TerminationRequest(agreementId: pub, by: .them, date: day("2026-11-18"), right: .forCause))
        }
        // After it: immediate effect, and 9.2's return instructions follow.
        let (t, preview) = try later.recordTermination(TerminationRequest(agreementId: pub, by: .us, date: day("2026-11-18"), right: .forCause))
        XCTAssertEqual(t.endDate, day("2026-11-18"))
        XCTAssertEqual(t.breachEventId, event.id)
        XCTAssertEqual(t.terminationRight, .forCause)
        XCTAssertEqual(preview.followOn.map(\.ruleId), ["pub-avtal-bilaga3-return-instructions"])
        XCTAssertEqual(preview.followOn.first?.anchorDate, day("2026-11-18"))
    }

    func testTheirDemandOpensOurCureDeadline() throws {
        let p = try Fixture.demo(today: day("2026-12-10"))
        // Demand on Thu 10 Dec 2026: 15 days = Fri 25 Dec 2026 (Juldagen). Our own cure rolls to the safe side,
        // earlier (R9): past Julafton (24 Dec, not a deadline day) to Wed 23 Dec 2026. They may terminate from
        // the day after the period's own last day, Sat 26 Dec 2026.
        let (_, deadlines) = try p.recordEvent(agreementId: pub, kind: .breachDemand, date: day("2026-12-10"),
                                               description: "Kunden kräver rättelse", madeBy: .them)
        let d = try XCTUnwrap(deadlines.first)
        XCTAssertEqual(d.rawDate, day("2026-12-25"))
        XCTAssertEqual(d.actByDate, day("2026-12-23"))
        XCTAssertEqual(d.what, "Cure the breach (9.1) by 2026-12-23: from 2026-12-26 they may terminate for breach")
        XCTAssertNotNil(try p.queries.agenda(within: 30).first { $0.id == d.id })
    }

    func testADemandMustSayWhoMadeIt() throws {
        let p = try Fixture.demo(today: day("2026-11-02"))
        let before = try Fixture.tableCounts(p.store)
        assertVarselError(.invalidInput, at: "by") {
            try p.recordEvent(agreementId: pub, kind: .breachDemand, date: day("2026-11-02"), description: "x")
        }
        XCTAssertEqual(try Fixture.tableCounts(p.store), before)
    }
}
