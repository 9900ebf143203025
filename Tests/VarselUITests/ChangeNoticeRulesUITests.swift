import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Change-notice rules in the workbench: silence as approval settled at start, rules counting
/// from the day a change applies, who gave notice, and transfers outside the EEA flagged.
final class ChangeNoticeRulesUITests: XCTestCase {
    /// PUB 5.2 ("Om Kunden inte har invänt på föreskrivet sätt, ska den föreslagna underleverantören
    /// anses ha godkänts"): the fixture's notice received Fri 20 Nov has a window to Fri 4 Dec. Opened
    /// on Mon 7 Dec, the workbench settles it at start and shows it deemed, not overdue.
    func testWorkbenchSettlesDeemedAcceptancesAtStart() throws {
        try onMain {
            let seeded = try Fixture.portfolio()
            let later = Portfolio(store: seeded.store, clock: .fixed(CivilDate(iso: "2026-12-07")!), ids: SequentialIDGenerator(), user: "test")
            let wb = Bench(Workbench(portfolio: later, databaseLabel: "test.sqlite"))
            XCTAssertEqual(wb.state.status?.text, "1 change deemed accepted: no objection within the window")
            XCTAssertFalse(wb.agendaAll.contains { $0.deadline.agreementId == "pub-avtal" })
            wb.press(.char("4"))
            let notices = wb.screen(160, 48)
            XCTAssertTrue(notices.contains("deemed accepted"), notices)
            XCTAssertEqual(try later.queries.notices().first { $0.agreementId == "pub-avtal" }?.status, "accepted (deemed 2026-12-05, 5.2)", "the day after the window (Fri 4 Dec) closed")
            XCTAssertEqual(try Fixture.auditCount(later), try Fixture.auditCount(seeded))
            XCTAssertEqual(try later.queries.audit(limit: 1).first?.action, "deemed_acceptance")
            // Reloading settles nothing more.
            wb.press(.char("r"))
            XCTAssertEqual(try later.queries.audit(limit: 1).first?.action, "deemed_acceptance")
            XCTAssertEqual(try later.queries.audit(limit: 1000).filter { $0.action == "deemed_acceptance" }.count, 1)
        }
    }

    /// Mobilize Me 2.2-style rules count back from the day the change applies: the form marks
    /// "Applies from" required and says why before saving. The form also records who gave notice.
    func testChangeNoticeFormAsksForTheEffectiveDateAndWhoGaveNotice() throws {
        try onMain {
            let p = try Fixture.portfolio()
            try p.write { tx in
                try tx.insert(NoticeRule(id: "ps-1.3", agreementId: "pureservice", clauseRef: "1.3", title: "Decide before the changed terms apply",
                               trigger: .changeTakesEffect, changeKinds: [.termsChanged], period: Period(1, .days),
                               direction: .before, actor: .us, silenceIsApproval: true))
                return ((), AuditNote(action: "test", entityType: "rule", entityId: "ps-1.3", summary: "test rule"))
            }
            let wb = Bench(Workbench(portfolio: p, databaseLabel: "test.sqlite"))
            wb.press(.char("2"), .char("j"), .char("j"), .char("c"))   // Pureservice
            var form = try XCTUnwrap(wb.state.form)
            XCTAssertEqual(form["effective"]?.required, false, "the objection window counts from receipt")
            XCTAssertEqual(form.value("given-by"), "them (received)")
            wb.press(.tab, .right, .right)   // kind → Terms changed
            form = try XCTUnwrap(wb.state.form)
            XCTAssertEqual(form.value("kind"), "Terms changed")
            XCTAssertEqual(form["effective"]?.required, true)
            wb.press(.tab, .tab)
            wb.type("Nye vilkår")
            let s = wb.screen(200, 48)
            XCTAssertTrue(s.contains("Applies from *"), s)
            XCTAssertTrue(s.contains("Not ready to save: Clause 1.3 counts from the day the change applies"), s)
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "effective")
            XCTAssertEqual(wb.state.form?.focusedField?.id, "effective")
            wb.type("2026-12-14")
            XCTAssertTrue(wb.screen(200, 48).contains("Opens: Decide before the changed terms apply — act by 2026-12-11"))
            wb.press(.ctrl("s"))
            XCTAssertTrue(wb.state.status?.text.hasSuffix("recorded; 1 deadline opened") == true, wb.state.status?.text ?? "")
        }
    }

    /// Pureservice C.6: "Databehandleren kan kun overføre personopplysninger til tredjeland dersom
    /// behandlingsansvarlig har skriftlig samtykket til slik overføring". The agenda row, the notices
    /// view and the agreement's notices tab flag a proposed US sub-processor.
    func testOutsideTheEEAIsFlaggedInTheWorkbench() throws {
        try onMain {
            let p = try Fixture.portfolio()
            try (p.store as! VarselStore).auditedWrite(user: "test", at: Date()) { db in
                try db.execute(sql: "UPDATE agreements SET transfer_consent_clause = 'C.5, C.6' WHERE id = 'pureservice'")
                return ((), AuditNote(action: "test", entityType: "agreement", entityId: "pureservice", summary: "test"))
            }
            try p.recordChangeNotice(ChangeNoticeDraft(
                agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: CivilDate(iso: "2026-11-20")!, summary: "Datadog",
                effectiveDate: CivilDate(iso: "2027-01-04")!,
                subProcessor: SubProcessorDraft(name: "Datadog, Inc.", country: "US", purpose: "Monitoring")))
            let wb = Bench(Workbench(portfolio: p, databaseLabel: "test.sqlite"))
            XCTAssertTrue(wb.screen(160, 48).contains("⚠ outside EEA: Object to the new sub-processor"), wb.screen(160, 48))
            wb.press(.char("4"))
            XCTAssertTrue(wb.screen(200, 48).contains("New sub-processor: Datadog, Inc. ⚠ outside the EEA"), wb.screen(200, 48))
        }
    }
}
