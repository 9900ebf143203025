import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 10: creating and changing one's own portfolio through the services — each write validated
/// first (nothing written on a bad input), one transaction and one audit row with before/after, and
/// the open deadlines following a changed rule, term or date (handled ones never reopen).
final class AuthoringTests: XCTestCase {
    let today = day("2026-11-23")
    var store: (any PortfolioStorage)!
    var p: Portfolio!

    override func setUpWithError() throws {
        store = try TestBackend.makeStore()
        p = Portfolio(store: store, clock: .fixed(today), ids: TestIDs(), user: "tester")
    }

    /// XCTest keeps every test case object to the end of the run: let go of the store (on
    /// PostgreSQL, its connection).
    override func tearDown() {
        p = nil
        store = nil
        super.tearDown()
    }

    /// A Danish supplier, an agreement renewing automatically, and an objection rule of 4 weeks.
    private func seed() throws {
        try p.addParty(Party(id: "mm", name: "Mobilize Me ApS", orgNumber: "34 20 80 77", country: "dk"))
        try p.addAgreement(Agreement(id: "dpa", title: "Mobilize Me DPA", kind: .dataProcessingAgreement, counterpartyId: "mm",
                                     ourRole: .controller, language: "da", governingLaw: "Danish law", calendar: .dk,
                                     signedDate: day("2024-05-01"), effectiveDate: day("2024-05-01"),
                                     term: AgreementTerm(kind: .autoRenewal, initialPeriod: Period(2, .years),
                                                         renewalPeriod: Period(1, .years), noticePeriod: Period(3, .months))))
        try p.addClause(Clause(id: "c81", agreementId: "dpa", reference: "8.1", heading: "Ændringer", text: "…"))
        try p.addRule(NoticeRule(id: "obj", agreementId: "dpa", clauseRef: "8.1", title: "Object to the change",
                                 trigger: .changeNoticeReceived, period: Period(4, .weeks), direction: .after, actor: .us))
    }

    func testPartyOrgNumberIsNormalisedAndEachWriteHasOneAuditRowWithBeforeAndAfter() throws {
        try seed()
        let party = try XCTUnwrap(try store.read { try $0.record(Party.self, id: "mm") })
        XCTAssertEqual(party.orgNumber, "CVR 34208077")
        XCTAssertEqual(party.country, "DK")
        XCTAssertEqual(try Fixture.auditCount(store), 4)
        try p.editParty(id: "mm") { $0.address = "Åboulevarden 1, Aarhus" }
        let audit = try XCTUnwrap(try Fixture.lastAudit(store))
        XCTAssertEqual(audit.action, "edit_party")
        XCTAssertTrue(audit.before?.contains("\"address\"") == false && audit.after?.contains("Åboulevarden") == true, "\(audit)")
    }

    func testChangingARulesPeriodMovesItsOpenDeadlineButNotAHandledOne() throws {
        try seed()
        // Two change notices, received Mon 2 Nov and Mon 16 Nov 2026: 4 weeks → Mon 30 Nov and Mon 14 Dec.
        let (first, _) = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "dpa", kind: .other, receivedDate: day("2026-11-02"), summary: "A"))
        let (second, _) = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "dpa", kind: .other, receivedDate: day("2026-11-16"), summary: "B"))
        let firstDeadline = try XCTUnwrap(try store.read { try $0.deadlines(.source(.changeNotice, first.id)) }.first)
        XCTAssertEqual(firstDeadline.dueDate, day("2026-11-30"))
        try p.handleDeadline(id: firstDeadline.id, note: "no objection")
        let audits = try Fixture.auditCount(store)

        let result = try p.editRule(id: "obj") { $0.period = Period(6, .weeks) }
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1, "one audit row")
        let row = try XCTUnwrap(try Fixture.lastAudit(store))
        XCTAssertEqual(row.action, "edit_rule")
        XCTAssertTrue(row.before?.contains("\"value\":4") == true && row.after?.contains("\"value\":6") == true, "\(row)")
        // The open window moves: Mon 16 Nov + 6 weeks = Mon 28 Dec 2026; the handled one stays on 30 Nov.
        let open = try XCTUnwrap(try store.read { try $0.deadlines(.source(.changeNotice, second.id)) }.first)
        XCTAssertEqual(open.dueDate, day("2026-12-28"))
        XCTAssertEqual(result.deadlines.map(\.id), [open.id])
        let handled = try XCTUnwrap(try store.read { try $0.record(Deadline.self, id: firstDeadline.id) })
        XCTAssertEqual(handled.state, .handled)
        XCTAssertEqual(handled.dueDate, day("2026-11-30"))
    }

    func testDryRunShowsTheChangeAndWritesNothing() throws {
        try seed()
        _ = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "dpa", kind: .other, receivedDate: day("2026-11-16"), summary: "B"))
        let before = try Fixture.tableCounts(store)
        let exported = try store.exportDocument()
        let result = try p.editRule(id: "obj", dryRun: true) { $0.period = Period(6, .weeks) }
        XCTAssertTrue(result.dryRun)
        XCTAssertEqual(result.deadlines.first?.dueDate, day("2026-12-28"))
        XCTAssertEqual(try Fixture.tableCounts(store), before)
        XCTAssertEqual(try store.exportDocument(), exported)
    }

    func testBadInputsThrowPreciseErrorsAndChangeNothing() throws {
        try seed()
        try p.addAgreement(Agreement(id: "child", title: "Child", kind: .other, counterpartyId: "mm", ourRole: .customer,
                                     language: "da", governingLaw: "Danish law", calendar: .dk, parentId: "dpa"))
        let before = try store.exportDocument()
        func base() -> Agreement {
            Agreement(id: "", title: "New", kind: .other, counterpartyId: "mm", ourRole: .customer, language: "da",
                      governingLaw: "Danish law", calendar: .dk, signedDate: day("2025-01-10"), effectiveDate: day("2025-01-10"))
        }
        var a = base(); a.effectiveDate = day("2025-01-09")
        assertVarselError(.invalidInput, at: "effective") { try p.addAgreement(a) }
        a = base(); a.endDate = day("2025-01-10")
        assertVarselError(.invalidInput, at: "end") { try p.addAgreement(a) }
        a = base(); a.term = AgreementTerm(kind: .autoRenewal, initialPeriod: Period(1, .years))
        assertVarselError(.invalidInput, at: "term") { try p.addAgreement(a) }
        a = base(); a.counterpartyId = "nobody"
        assertVarselError(.notFound, at: "counterparty") { try p.addAgreement(a) }
        // dpa → child → dpa
        let cycle = assertVarselError(.invalidInput, at: "parent") { try p.editAgreement(id: "dpa") { $0.parentId = "child" } }
        XCTAssertEqual(cycle?.what, "Parent \"child\" would form a cycle: dpa → child → dpa")
        assertVarselError(.conflict, at: "ref") { try p.addClause(Clause(id: "", agreementId: "dpa", reference: " 8.1", heading: "", text: "")) }
        assertVarselError(.invalidInput, at: "org-number") { try p.addParty(Party(id: "", name: "X", orgNumber: "929 782 217", country: "NO")) }
        var r = NoticeRule(id: "", agreementId: "dpa", clauseRef: "9.9", title: "R", trigger: .changeNoticeReceived,
                           period: Period(4, .weeks), direction: .after, actor: .us)
        assertVarselError(.notFound, at: "clause") { try p.addRule(r) }
        r.clauseRef = nil; r.trigger = .recurring; r.recursFrom = day("2024-01-01")
        assertVarselError(.invalidInput, at: "recurs-from") { try p.addRule(r) }
        r.trigger = .event
        r.recursFrom = nil
        assertVarselError(.invalidInput, at: "event-kind") { try p.addRule(r) }
        XCTAssertEqual(try store.exportDocument(), before, "nothing was written")
    }

    func testArchiveEndsTheAgreementKeepsItAndWithdrawsLaterOccurrences() throws {
        try seed()
        try p.addRule(NoticeRule(id: "rev", agreementId: "dpa", clauseRef: nil, title: "Yearly review", trigger: .recurring,
                                 period: Period(12, .months), direction: .after, actor: .us, recursFrom: day("2024-05-01")))
        let occurrence = try store.read { try $0.deadlines(DeadlineFilter(agreementIds: ["dpa"], sourceKind: .recurrence)) }
        XCTAssertEqual(occurrence.map(\.dueDate), [day("2027-05-03")], "Sat 1 May 2027 rolled to Monday (DK)")
        let result = try p.archiveAgreement(id: "dpa", date: day("2026-12-31"))
        XCTAssertEqual(result.record.status, .ended)
        XCTAssertEqual(result.record.endDate, day("2026-12-31"))
        XCTAssertEqual(result.withdrawn, occurrence.map(\.id))
        XCTAssertNotNil(try store.read { try $0.record(Agreement.self, id: "dpa") }, "archived, not deleted")
        assertVarselError(.conflict) { try p.archiveAgreement(id: "dpa") }
    }

    func testRemovingARuleWithHistoryIsRefusedAndASubProcessorIsEndedNotDeleted() throws {
        try seed()
        let (n, _) = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "dpa", kind: .other, receivedDate: day("2026-11-02"), summary: "A"))
        let d = try XCTUnwrap(try store.read { try $0.deadlines(.source(.changeNotice, n.id)) }.first)
        try p.handleDeadline(id: d.id)
        assertVarselError(.conflict, at: "rule") { try p.removeRule(id: "obj") }
        let s = try p.addSubProcessor(SubProcessor(id: "sp", agreementId: "dpa", name: "Curanet A/S", orgNumber: "29139555",
                                                   country: "dk", purpose: "Hosting", status: .approved, since: day("2024-05-01")))
        XCTAssertEqual(s.record.orgNumber, "CVR 29139555")
        let removed = try p.removeSubProcessor(id: "sp", date: day("2026-12-01"))
        XCTAssertEqual(removed.record.status, .removed)
        XCTAssertEqual(removed.record.since, day("2026-12-01"))
        XCTAssertEqual(try store.read { try $0.subProcessors(agreementId: "dpa") }.map(\.status), [.removed])
    }

    /// A changed end date moves the open follow-on of the end (return of data) in the same write.
    func testChangingTheEndDateMovesTheEndFollowOn() throws {
        try p.addParty(Party(id: "pa", name: "Pureservice AS", orgNumber: "929782216", country: "NO"))
        try p.addAgreement(Agreement(id: "ps", title: "Pureservice", kind: .serviceAgreement, counterpartyId: "pa", ourRole: .customer,
                                     language: "nb", governingLaw: "Norwegian law", calendar: .no, signedDate: day("2024-08-01"),
                                     effectiveDate: day("2024-08-01"), endDate: day("2027-07-31"), term: AgreementTerm(kind: .fixed)))
        try p.addRule(NoticeRule(id: "ret", agreementId: "ps", clauseRef: nil, title: "Choose return or deletion", trigger: .agreementEnds,
                                 period: Period(30, .days), direction: .before, actor: .us))
        func followOn() throws -> Deadline? { try store.read { try $0.deadlines(DeadlineFilter(agreementIds: ["ps"], sourceKind: .agreementEnd)) }.first }
        // Sat 31 Jul 2027 − 30 days = Thu 1 Jul 2027.
        XCTAssertEqual(try followOn()?.actByDate, day("2027-07-01"))
        let result = try p.editAgreement(id: "ps") { $0.endDate = day("2027-12-31") }
        // Fri 31 Dec 2027 − 30 days = Wed 1 Dec 2027.
        XCTAssertEqual(try followOn()?.actByDate, day("2027-12-01"))
        XCTAssertEqual(result.deadlines.map(\.actByDate), [day("2027-12-01")])
        XCTAssertEqual(try Fixture.lastAudit(store)?.action, "edit_agreement")
    }

    /// A rule narrowed to sub-processor changes no longer gives a window for an "other" change notice:
    /// the open one is withdrawn, a handled one stays.
    func testNarrowingARuleWithdrawsTheOpenDeadlinesItNoLongerGives() throws {
        try seed()
        let (first, _) = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "dpa", kind: .other, receivedDate: day("2026-11-02"), summary: "A"))
        let (second, _) = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "dpa", kind: .other, receivedDate: day("2026-11-16"), summary: "B"))
        let handled = try XCTUnwrap(try store.read { try $0.deadlines(.source(.changeNotice, first.id)) }.first)
        try p.handleDeadline(id: handled.id)
        let open = try XCTUnwrap(try store.read { try $0.deadlines(.source(.changeNotice, second.id)) }.first)
        let result = try p.editRule(id: "obj") { $0.changeKinds = [.subProcessorAdded] }
        XCTAssertEqual(result.withdrawn, [open.id])
        XCTAssertNil(try store.read { try $0.record(Deadline.self, id: open.id) })
        XCTAssertEqual(try store.read { try $0.record(Deadline.self, id: handled.id) }?.state, .handled)
    }
}
