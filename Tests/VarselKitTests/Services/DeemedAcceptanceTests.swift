import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 13 item 7: silence = approval. Built from the clauses, quoted in the original language.
final class DeemedAcceptanceTests: XCTestCase {
    /// PUB-avtal Bilaga 3, 5.2: "Kunden har alltid rätt att skyndsamt, från mottagandet av
    /// meddelandet, med angivande av sakliga skäl invända mot att Leverantören anlitar den specifika
    /// underleverantören […] Om Kunden inte har invänt på föreskrivet sätt, ska den föreslagna
    /// underleverantören anses ha godkänts."
    func testPUBSubProcessorIsDeemedApprovedWhenTheWindowPassesWithoutObjection() throws {
        let store = try TestBackend.makeStore()
        let p = try Fixture.demo(today: day("2026-11-10"), store: store)
        let (notice, preview) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded, receivedDate: day("2026-11-02"),
            summary: "Ny underleverantör: Sinch AB", subProcessor: SubProcessorDraft(name: "Sinch AB", country: "SE", purpose: "SMS")))
        let window = try XCTUnwrap(preview.deadlines.first)
        // "skyndsamt" has no period: assumed 10 working days from Mon 2 Nov 2026 → Mon 16 Nov 2026.
        XCTAssertEqual(window.actByDate, day("2026-11-16"))
        XCTAssertTrue(window.silenceIsApproval)

        // The day after the window: never overdue on the agenda, even before settlement.
        let later = Portfolio(store: store, clock: .fixed(day("2026-11-17")), ids: TestIDs(), user: "tester")
        XCTAssertNil(try later.queries.agenda(within: 90).first { $0.id == window.id })
        XCTAssertEqual(try later.queries.agendaHead(limit: 50).items.first { $0.id == window.id }, nil)
        XCTAssertEqual(try later.queries.agendaCounts().overdue, try later.queries.agenda(within: 90).filter { $0.window == .overdue }.count)
        let unsettled = try XCTUnwrap(try later.queries.detail(agreementId: "pub-avtal-bilaga3").deadlines.first { $0.id == window.id })
        XCTAssertEqual(unsettled.status(today: later.clock.today), .deemedAccepted)

        let audits = try Fixture.auditCount(store)
        let settled = try later.settleDeemedAcceptances()
        XCTAssertEqual(settled.map(\.sourceId), [notice.id])
        XCTAssertEqual(settled.first?.deemedDate, day("2026-11-17"))
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1, "one settlement, one audit row")
        let audit = try XCTUnwrap(Fixture.lastAudit(store))
        XCTAssertEqual(audit.action, "deemed_acceptance")
        XCTAssertEqual(audit.entityId, notice.id)
        XCTAssertTrue(audit.summary.contains("Deemed accepted 2026-11-17 (5.2)"), audit.summary)

        let (n, sp, d) = try store.read { db in
            (try db.record(ChangeNotice.self, id: notice.id)!, try db.record(SubProcessor.self, id: notice.subProcessorId!)!,
             try db.record(Deadline.self, id: window.id)!)
        }
        XCTAssertEqual(n.status, .accepted)
        XCTAssertEqual(n.decisionBasis, .deemed)
        XCTAssertEqual(n.decisionDate, day("2026-11-17"))
        XCTAssertEqual(n.decisionClause, "5.2")
        XCTAssertEqual(n.statusText, "accepted (deemed 2026-11-17, 5.2)")
        XCTAssertEqual(sp.status, .approved)
        XCTAssertEqual(sp.approvalBasis, .deemed)
        XCTAssertEqual(sp.approvalDate, day("2026-11-17"))
        XCTAssertEqual(sp.approvalClause, "5.2")
        XCTAssertEqual(sp.statusText, "approved (deemed 2026-11-17, 5.2)")
        XCTAssertEqual(d.state, .handled)
        XCTAssertEqual(d.resolution, .deemedAccepted)
        XCTAssertEqual(d.status(today: day("2026-12-01")), .deemedAccepted)
        XCTAssertTrue(d.handledNote?.hasPrefix("Deemed accepted 2026-11-17: no objection by 2026-11-16 (5.2)") == true, d.handledNote ?? "")

        // Settling again changes nothing and writes no audit row; an objection sent today is too late.
        XCTAssertEqual(try later.settleDeemedAcceptances(), [])
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1)
        let late = assertVarselError(.conflict, at: "date") { try later.recordObjection(noticeId: notice.id, grounds: "Sakliga skäl") }
        XCTAssertEqual(late?.what, "Change notice \(notice.id) was deemed accepted on 2026-11-17 (5.2): no objection by 2026-11-16, and 2026-11-17 is later")
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1)
    }

    /// An objection sent on the window's last day but recorded after a read settled the window is not
    /// lost: it undoes the deemed acceptance.
    func testAnObjectionSentInTimeUndoesADeemedAcceptance() throws {
        let store = try TestBackend.makeStore()
        let p = try Fixture.demo(today: day("2026-11-10"), store: store)
        let (notice, preview) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded, receivedDate: day("2026-11-02"),
            summary: "Ny underleverantör", subProcessor: SubProcessorDraft(name: "Sinch AB", country: "SE", purpose: "SMS")))
        let later = Portfolio(store: store, clock: .fixed(day("2026-11-20")), ids: TestIDs(), user: "tester")
        XCTAssertEqual(try later.settleDeemedAcceptances().count, 1)
        let objection = try later.recordObjection(noticeId: notice.id, date: day("2026-11-16"), grounds: "Sakliga skäl: tredjelandsöverföring")
        let (n, sp, d) = try store.read { db in
            (try db.record(ChangeNotice.self, id: notice.id)!, try db.record(SubProcessor.self, id: notice.subProcessorId!)!,
             try db.record(Deadline.self, id: preview.deadlines[0].id)!)
        }
        XCTAssertEqual(n.status, .objected)
        XCTAssertNil(n.decisionBasis)
        XCTAssertEqual(sp.status, .objected)
        XCTAssertNil(sp.approvalBasis)
        XCTAssertNil(d.resolution)
        XCTAssertEqual(d.state, .handled)
        XCTAssertEqual(d.handledNote, "Objection \(objection.id) sent 2026-11-16 by email, in time: the deemed acceptance is undone")
        XCTAssertEqual(try later.settleDeemedAcceptances(), [])
    }

    /// On the last day of the window nothing is settled yet; an objection in time prevents it.
    func testAnObjectionInTimeIsNeverDeemedAccepted() throws {
        let store = try TestBackend.makeStore()
        let p = try Fixture.demo(today: day("2026-11-16"), store: store)
        let (notice, _) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded, receivedDate: day("2026-11-02"),
            summary: "Ny underleverantör", subProcessor: SubProcessorDraft(name: "Sinch AB", country: "SE", purpose: "SMS")))
        XCTAssertEqual(try p.settleDeemedAcceptances(), [], "the window is still open on its last day")
        try p.recordObjection(noticeId: notice.id, grounds: "Sakliga skäl: bristande informationssäkerhet")
        let later = Portfolio(store: store, clock: .fixed(day("2027-01-01")), ids: TestIDs(), user: "tester")
        XCTAssertEqual(try later.settleDeemedAcceptances(), [])
        let n = try store.read { db in try db.record(ChangeNotice.self, id: notice.id)! }
        XCTAssertEqual(n.status, .objected)
        XCTAssertNil(n.decisionBasis)
    }

    /// Pureservice 7.3: "Etter dette har Kunde en 2 -to- ukers frist til å melde akseptanse. Om ikke
    /// Pureservice har mottatt melding om at oppdraget ikke er akseptert innen denne fristen regnes
    /// oppdraget likevel som akseptert."
    func testPureserviceDeliveryIsDeemedAcceptedAfterTwoWeeks() throws {
        let store = try TestBackend.makeStore()
        let p = try Fixture.demo(today: day("2026-11-23"), store: store)
        let (event, deadlines) = try p.recordEvent(agreementId: "pureservice", kind: .delivery, date: day("2026-11-23"),
                                                   description: "Integration delivered")
        let acceptance = try XCTUnwrap(deadlines.first { $0.ruleId == "pureservice-acceptance" })
        XCTAssertEqual(acceptance.actByDate, day("2026-12-07"))
        XCTAssertTrue(acceptance.explanation.hasPrefix("2 weeks after Pureservice reported the assignment completed Mon 23 Nov 2026 (7.3)"),
                      acceptance.explanation)
        let later = Portfolio(store: store, clock: .fixed(day("2026-12-08")), ids: TestIDs(), user: "tester")
        XCTAssertNil(try later.queries.agenda(within: 90).first { $0.id == acceptance.id })
        let settled = try later.settleDeemedAcceptances()
        XCTAssertEqual(settled.map(\.sourceId), [event.id])
        XCTAssertEqual(settled.first?.deemedDate, day("2026-12-08"))
        let d = try store.read { db in try db.record(Deadline.self, id: acceptance.id)! }
        XCTAssertEqual(d.resolution, .deemedAccepted)
        XCTAssertEqual(try Fixture.lastAudit(store)?.entityType, "event")
    }

    /// Pureservice 1.3: "Bruk av tjenesten etter datoen da endringer trer i kraft vil medføre at
    /// endringene til avtalen godkjennes av kunden." The decision is due the day before; the change
    /// is deemed accepted on the day it takes effect, not earlier.
    func testPureserviceTermsChangeIsDeemedAcceptedOnTheDayItTakesEffect() throws {
        let store = try TestBackend.makeStore()
        let p = try Fixture.demo(today: day("2026-11-23"), store: store)
        // Takes effect Mon 14 Dec 2026: 1 day before is Sun 13 Dec, act by Fri 11 Dec (R6).
        let (notice, preview) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pureservice", kind: .termsChanged, receivedDate: day("2026-11-23"),
            summary: "Nye avtalevilkår", effectiveDate: day("2026-12-14")))
        let decision = try XCTUnwrap(preview.deadlines.first)
        XCTAssertEqual(decision.actByDate, day("2026-12-11"))
        let saturday = Portfolio(store: store, clock: .fixed(day("2026-12-12")), ids: TestIDs(), user: "tester")
        XCTAssertNil(try saturday.queries.agenda(within: 90).first { $0.id == decision.id }, "past act-by: not overdue")
        XCTAssertEqual(try saturday.settleDeemedAcceptances(), [], "not accepted before the change applies")
        let monday = Portfolio(store: store, clock: .fixed(day("2026-12-14")), ids: TestIDs(), user: "tester")
        XCTAssertEqual(try monday.settleDeemedAcceptances().map(\.deemedDate), [day("2026-12-14")])
        let n = try store.read { db in try db.record(ChangeNotice.self, id: notice.id)! }
        XCTAssertEqual(n.statusText, "accepted (deemed 2026-12-14, 1.3)")
    }

    /// Mobilize Me 2.2 needs express approval: silence is not approval, its window stays overdue.
    func testWithoutSilenceRuleAPassedWindowStaysOverdue() throws {
        let store = try TestBackend.makeStore()
        let p = try Fixture.demo(today: day("2026-11-23"), store: store)
        let (_, preview) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .subProcessorAdded, receivedDate: day("2026-11-23"), summary: "Ny",
            effectiveDate: day("2026-12-01"), subProcessor: SubProcessorDraft(name: "Sinch A/S", country: "DK", purpose: "SMS")))
        let d = try XCTUnwrap(preview.deadlines.first)
        XCTAssertFalse(d.silenceIsApproval)
        let later = Portfolio(store: store, clock: .fixed(day("2026-12-02")), ids: TestIDs(), user: "tester")
        XCTAssertEqual(try later.settleDeemedAcceptances(), [])
        XCTAssertEqual(try later.queries.agenda(within: 90).first { $0.id == d.id }?.status, .missed)
    }
}
