import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 14, "Missing that users expect": reopening a handled deadline, editing and withdrawing
/// objections, their outcome, and withdrawing a termination. Demo portfolio, today 2026-11-23.
final class ReversalTests: XCTestCase {
    let today = day("2026-11-23")

    func testReopenPutsAHandledDeadlineBackAndKeepsTheHandlingInTheAudit() throws {
        let p = try Fixture.demo(today: today)
        let id = "dl-ev-0001-pub-avtal-bilaga3-audit-notice"
        try p.handleDeadline(id: id, note: "Notice sent by letter")
        XCTAssertNil(try p.queries.agenda(within: 90).first { $0.id == id })

        let reopened = try p.reopenDeadline(id: id, note: "The letter bounced")
        XCTAssertEqual(reopened.state, .open)
        XCTAssertNil(reopened.handledDate)
        XCTAssertNil(reopened.handledNote)
        XCTAssertEqual(reopened.actByDate, day("2027-01-07"), "the act-by day does not move")
        XCTAssertEqual(try p.queries.agenda(within: 90).first { $0.id == id }?.status, .open)
        let audit = try XCTUnwrap(Fixture.lastAudit(p.store))
        XCTAssertEqual(audit.action, "reopen_deadline")
        XCTAssertTrue(audit.summary.contains("was handled 2026-11-23 (Notice sent by letter); The letter bounced"), audit.summary)
        XCTAssertTrue(audit.before?.contains("\"handledNote\":\"Notice sent by letter\"") == true, audit.before ?? "nil")

        // An open deadline cannot be reopened; nothing is written.
        let counts = try Fixture.tableCounts(p.store)
        assertVarselError(.conflict, at: "deadline") { try p.reopenDeadline(id: id) }
        assertVarselError(.notFound, at: "deadline") { try p.reopenDeadline(id: "dl-nope") }
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)
    }

    func testReopenIsRefusedWhereAnObjectionOrADeemedAcceptanceClosedTheDeadline() throws {
        let p = try Fixture.demo(today: today)
        try p.recordObjection(noticeId: "cn-0001", grounds: "Transfer risk", channel: .email)
        let counts = try Fixture.tableCounts(p.store)
        let e = assertVarselError(.conflict, at: "deadline") { try p.reopenDeadline(id: "dl-cn-0001-pureservice-subprocessor-objection") }
        XCTAssertEqual(e?.fix, "Withdraw the objection instead (`varsel objection withdraw tobj-0001`): that reopens the decision")
        // The demo's PUB notice cn-0004 was deemed accepted (5.2).
        let deemed = assertVarselError(.conflict, at: "deadline") { try p.reopenDeadline(id: "dl-cn-0004-pub-avtal-bilaga3-subprocessor-objection") }
        XCTAssertTrue(deemed?.what.contains("deemed accepted") == true, deemed?.what ?? "")
        // Mobilize Me cn-0003 was accepted in writing.
        assertVarselError(.conflict, at: "deadline") { try p.reopenDeadline(id: "dl-cn-0003-mobilize-me-dpa-subprocessor-approval") }
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)
    }

    func testWithdrawingTheObjectionReopensTheDecision() throws {
        let p = try Fixture.demo(today: today)
        let deadlineId = "dl-cn-0001-pureservice-subprocessor-objection"
        let o = try p.recordObjection(noticeId: "cn-0001", date: day("2026-11-22"), grounds: "Transfer risk", channel: .letter)
        let audits = try Fixture.auditCount(p.store)
        let w = try p.withdrawObjection(id: o.id, note: "Pureservice explained the transfer")
        XCTAssertEqual(try Fixture.auditCount(p.store), audits + 1)
        XCTAssertEqual(w.noticeStatus, .open)
        XCTAssertEqual(w.reopened.map(\.id), [deadlineId])
        XCTAssertNil(w.deemed)
        let (stored, notice, sp, d) = try p.store.read { db in
            (try db.record(Objection.self, id: o.id)!, try db.record(ChangeNotice.self, id: "cn-0001")!,
             try db.twilio()!,
             try db.record(Deadline.self, id: deadlineId)!)
        }
        XCTAssertEqual(stored.withdrawnDate, today, "the objection stays on record, dated")
        XCTAssertEqual(stored.note, "Withdrawn: Pureservice explained the transfer")
        XCTAssertEqual(notice.status, .open)
        XCTAssertEqual(sp.status, .proposed)
        XCTAssertEqual(d.state, .open)
        XCTAssertEqual(d.actByDate, day("2026-11-30"))
        XCTAssertEqual(try p.queries.agenda(within: 14).first { $0.id == deadlineId }?.daysLeft, 7)
        XCTAssertEqual(Fixture.lastAuditAction(p.store), "withdraw_objection")

        // A withdrawn objection can be neither withdrawn again nor edited; a new objection can be recorded.
        assertVarselError(.conflict, at: "objection") { try p.withdrawObjection(id: o.id) }
        assertVarselError(.conflict, at: "objection") { try p.editObjection(id: o.id, ObjectionEdit(grounds: "x")) }
        try p.recordObjection(noticeId: "cn-0001", grounds: "Again")
    }

    func testAWithdrawnObjectionGivesNoRightToTerminateAfterIt() throws {
        let p = try Fixture.demo(today: today)
        let request = TerminationRequest(agreementId: "migrationsverket-e-tjanster", by: .us, date: today,
                                         right: .afterObjection, changeNoticeId: "cn-0002")
        let o = try p.recordObjection(noticeId: "cn-0002", grounds: "BankID is not available to all our staff")
        XCTAssertNoThrow(try p.previewTermination(request))
        try p.withdrawObjection(id: o.id)
        assertVarselError(.conflict, at: "change") { try p.previewTermination(request) }
    }

    /// PUB-avtal Bilaga 3, 5.2: "Kunden har alltid rätt att skyndsamt, från mottagandet av
    /// meddelandet, med angivande av sakliga skäl invända mot att Leverantören anlitar den specifika
    /// underleverantören […] Om Kunden inte har invänt på föreskrivet sätt, ska den föreslagna
    /// underleverantören anses ha godkänts."
    func testWithdrawingTheObjectionAfterThePUBWindowSettlesItAsDeemedAccepted() throws {
        let store = try TestBackend.makeStore()
        let early = try Fixture.demo(today: day("2026-11-10"), store: store)
        let (notice, preview) = try early.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded, receivedDate: day("2026-11-02"),
            summary: "Ny underleverantör: Sinch AB", subProcessor: SubProcessorDraft(name: "Sinch AB", country: "SE", purpose: "SMS")))
        let window = try XCTUnwrap(preview.deadlines.first)
        XCTAssertEqual(window.actByDate, day("2026-11-16"))
        let o = try early.recordObjection(noticeId: notice.id, grounds: "Sinch lacks an ISO 27001 certificate")

        // 5.2 demands "sakliga skäl": an edit cannot remove them, and changes nothing.
        let counts = try Fixture.tableCounts(store)
        assertVarselError(.invalidInput, at: "grounds") { try early.editObjection(id: o.id, ObjectionEdit(grounds: "  ")) }
        XCTAssertEqual(try Fixture.tableCounts(store), counts)
        let edited = try early.editObjection(id: o.id, ObjectionEdit(channel: .letter, date: day("2026-11-09"), note: "Registered mail"))
        XCTAssertEqual(edited.channel, .letter)
        XCTAssertEqual(edited.date, day("2026-11-09"))
        XCTAssertEqual(edited.grounds, "Sinch lacks an ISO 27001 certificate")
        XCTAssertEqual(Fixture.lastAuditAction(store), "edit_objection")

        // After the window (act by Mon 16 Nov), withdrawing leaves silence: deemed accepted on Tue 17 Nov.
        let later = Portfolio(store: store, clock: .fixed(day("2026-11-20")), ids: TestIDs(), user: "tester")
        assertVarselError(.conflict, at: "date") { try later.editObjection(id: o.id, ObjectionEdit(date: day("2026-11-17"))) }
        let audits = try Fixture.auditCount(store)
        let w = try later.withdrawObjection(id: o.id)
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1, "one transaction, one audit row")
        XCTAssertEqual(w.noticeStatus, .accepted)
        XCTAssertEqual(w.deemed?.deemedDate, day("2026-11-17"))
        let (n, sp, d) = try store.read { db in
            (try db.record(ChangeNotice.self, id: notice.id)!, try db.record(SubProcessor.self, id: notice.subProcessorId!)!,
             try db.record(Deadline.self, id: window.id)!)
        }
        XCTAssertEqual(n.statusText, "accepted (deemed 2026-11-17, 5.2)")
        XCTAssertEqual(sp.status, .approved)
        XCTAssertEqual(sp.approvalBasis, .deemed)
        XCTAssertEqual(d.resolution, .deemedAccepted)
        let audit = try XCTUnwrap(Fixture.lastAudit(store))
        XCTAssertTrue(audit.summary.contains("Deemed accepted 2026-11-17 (5.2)"), audit.summary)
    }

    func testObjectionOutcomes() throws {
        let p = try Fixture.demo(today: today)
        let o = try p.recordObjection(noticeId: "cn-0001", grounds: "Transfer risk")
        // Terminated needs a termination.
        let counts = try Fixture.tableCounts(p.store)
        assertVarselError(.conflict, at: "outcome") { try p.setObjectionOutcome(id: o.id, .agreementTerminated) }
        assertVarselError(.invalidInput, at: "outcome") { try p.setObjectionOutcome(id: o.id, .pending) }
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)

        XCTAssertEqual(try p.setObjectionOutcome(id: o.id, .withdrawn).outcome, .withdrawn)
        XCTAssertEqual(try noticeStatus(p, "cn-0001"), .withdrawn, "the counterparty withdrew the change")
        let audit = try XCTUnwrap(Fixture.lastAudit(p.store))
        XCTAssertEqual(audit.action, "objection_outcome")
        XCTAssertEqual(audit.summary, "Objection \(o.id) outcome: pending → withdrawn; change notice cn-0001 now withdrawn")
        XCTAssertEqual(try p.setObjectionOutcome(id: o.id, .overruled).outcome, .overruled)
        XCTAssertEqual(try noticeStatus(p, "cn-0001"), .objected)
        XCTAssertEqual(try p.setObjectionOutcome(id: o.id, .alternativeOffered).outcome, .alternativeOffered)
    }

    /// Mobilize Me databehandleraftale 9.2: "Institutionen skal senest 30 dage inden Hovedaftalens
    /// ophør skriftligt meddele Leverandøren, hvorvidt alle personoplysningerne skal slettes eller
    /// tilbageleveres til Institutionen." The DPA runs until the Hovedaftale ends.
    func testWithdrawingATerminationRestoresTheEndAndItsFollowOns() throws {
        let p = try Fixture.demo(today: today)
        // The Hovedaftale has a known end: the DPA's 9.2 decision is planned 30 days before it.
        try p.store.seed { db in
            var a = try db.record(Agreement.self, id: "mobilize-me-hovedaftale")!
            a.endDate = day("2027-06-30")
            try db.update(a)
            try AgreementEndings.sync(db, agreementIds: [a.id], planner: p.planner)
        }
        let planned = try endDeadlines(p, "mobilize-me-dpa", .agreementEnd)
        XCTAssertEqual(planned.map(\.actByDate), [day("2027-05-31")])

        let (t, _) = try p.recordTermination(agreementId: "mobilize-me-hovedaftale", by: .us, date: today)
        XCTAssertEqual(try endDeadlines(p, "mobilize-me-dpa", .agreementEnd), [])
        XCTAssertEqual(try endDeadlines(p, "mobilize-me-dpa", .termination).count, 1)

        let audits = try Fixture.auditCount(p.store)
        let w = try p.withdrawTermination(id: t.id, note: "Settled with the supplier")
        XCTAssertEqual(try Fixture.auditCount(p.store), audits + 1)
        XCTAssertEqual(w.agreement.status, .active)
        XCTAssertEqual(w.agreement.endDate, day("2027-06-30"), "the end date it had before")
        XCTAssertEqual(w.endsAlso.map(\.id), ["mobilize-me-dpa"])
        XCTAssertEqual(w.endsAlso.first?.status, .active)
        XCTAssertEqual(w.endsAlso.first?.endDate, day("2027-06-30"))
        XCTAssertEqual(w.removed.count, 1)
        XCTAssertEqual(try endDeadlines(p, "mobilize-me-dpa", .termination), [])
        XCTAssertEqual(try endDeadlines(p, "mobilize-me-dpa", .agreementEnd).map(\.actByDate), [day("2027-05-31")], "re-planned")
        let stored = try p.store.read { db in try db.record(TerminationNotice.self, id: t.id)! }
        XCTAssertEqual(stored.withdrawnDate, today)
        XCTAssertEqual(stored.note, "Withdrawn: Settled with the supplier")
        XCTAssertEqual(Fixture.lastAuditAction(p.store), "withdraw_termination")

        // Withdrawn once; and it can be terminated again.
        assertVarselError(.conflict, at: "termination") { try p.withdrawTermination(id: t.id) }
        XCTAssertNoThrow(try p.previewTermination(agreementId: "mobilize-me-hovedaftale", by: .us, date: today))
    }

    func testWithdrawingATerminationKeepsHandledFollowOnsAndIsRefusedAfterTheEnd() throws {
        let p = try Fixture.demo(today: today)
        let (t, preview) = try p.recordTermination(agreementId: "mobilize-me-hovedaftale", by: .us, date: today)
        let followOn = try XCTUnwrap(preview.followOn.first)
        try p.handleDeadline(id: followOn.id, note: "Told them: delete")
        let later = Portfolio(store: p.store, clock: .fixed(day("2026-11-24")), ids: TestIDs(), user: "tester")
        let counts = try Fixture.tableCounts(p.store)
        let e = assertVarselError(.conflict, at: "termination") { try later.withdrawTermination(id: t.id) }
        XCTAssertTrue(e?.what.contains("ended on 2026-11-23") == true, e?.what ?? "")
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)

        let w = try p.withdrawTermination(id: t.id)
        XCTAssertEqual(w.agreement.status, .active)
        XCTAssertNil(w.agreement.endDate)
        XCTAssertEqual(w.keptHandled.map(\.id), [followOn.id])
        XCTAssertTrue(try XCTUnwrap(Fixture.lastAudit(p.store)).summary.contains("1 handled follow-on deadline(s) kept: \(followOn.id)"))
        XCTAssertEqual(try p.store.read { db in try db.record(Deadline.self, id: followOn.id)?.state }, .handled)
        // Its kept follow-on cannot be reopened: that end no longer comes.
        assertVarselError(.conflict, at: "deadline") { try p.reopenDeadline(id: followOn.id) }
    }

    private func noticeStatus(_ p: Portfolio, _ id: String) throws -> ChangeNoticeStatus? {
        try p.store.read { db in try db.record(ChangeNotice.self, id: id)?.status }
    }

    private func endDeadlines(_ p: Portfolio, _ agreementId: String, _ kind: DeadlineSourceKind) throws -> [Deadline] {
        try p.store.read { db in
            try db.deadlines(DeadlineFilter(agreementIds: [agreementId], sourceKind: kind))
        }
    }
}

extension Fixture {
    static func lastAuditAction(_ store: any PortfolioStorage) -> String? { (try? lastAudit(store))??.action }
}

extension ReversalTests {
    func testAWithdrawnTerminationIsListedAsWithdrawnNotOpen() throws {
        let p = try Fixture.demo(today: today)
        let (t, _) = try p.recordTermination(agreementId: "pureservice", by: .them, date: today)
        XCTAssertEqual(try p.queries.notices().first { $0.id == t.id }?.isOpen, true)
        try p.withdrawTermination(id: t.id)
        let row = try XCTUnwrap(try p.queries.notices().first { $0.id == t.id })
        XCTAssertEqual(row.status, "withdrawn 2026-11-23")
        XCTAssertFalse(row.isOpen)
    }
}

extension ReversalTests {
    /// Migrationsverket's terms (cn-0002): terminating after the objection sets its outcome; withdrawing
    /// the termination puts the outcome back to pending, and only then can the objection be withdrawn.
    func testWithdrawingATerminationAfterAnObjectionResetsTheOutcome() throws {
        let p = try Fixture.demo(today: today)
        let o = try p.recordObjection(noticeId: "cn-0002", grounds: "BankID is not available to all our staff")
        let (t, _) = try p.recordTermination(TerminationRequest(agreementId: "migrationsverket-e-tjanster", by: .us, date: today,
                                                                right: .afterObjection, changeNoticeId: "cn-0002"))
        func outcome() throws -> ObjectionOutcome? { try p.store.read { db in try db.record(Objection.self, id: o.id)?.outcome } }
        XCTAssertEqual(try outcome(), .agreementTerminated)
        assertVarselError(.conflict, at: "objection") { try p.withdrawObjection(id: o.id) }
        assertVarselError(.conflict, at: "outcome") { try p.setObjectionOutcome(id: o.id, .overruled) }
        try p.withdrawTermination(id: t.id)
        XCTAssertEqual(try outcome(), .pending)
        XCTAssertEqual(try p.withdrawObjection(id: o.id).noticeStatus, .open)
    }
}
