import XCTest
@testable import VarselKit

/// The compensating changes behind the workbench's `u` and the version-entry edits (issue 10),
/// on either backend: each one transaction with one audit row, each refused (nothing written)
/// when what it would put back or take away was changed since.
final class UndoServicesTests: XCTestCase {
    let today = day("2026-11-23")
    var store: (any PortfolioStorage)!
    var p: Portfolio!

    override func setUpWithError() throws {
        store = try TestBackend.makeStore()
        p = Portfolio(store: store, clock: .fixed(today), ids: TestIDs(), user: "tester")
    }

    override func tearDown() {
        p = nil
        store = nil
        super.tearDown()
    }

    static func err(_ e: Error) -> VarselError { e as? VarselError ?? VarselError(.invalidInput, "\(e)") }

    private func seed() throws {
        try p.addParty(Party(id: "mm", name: "Mobilize Me ApS", orgNumber: "34208077", country: "DK"))
        try p.addAgreement(Agreement(id: "dpa", title: "Mobilize Me DPA", kind: .dataProcessingAgreement, counterpartyId: "mm",
                                     ourRole: .controller, language: "da", governingLaw: "Danish law", calendar: .dk,
                                     signedDate: day("2024-05-01"), effectiveDate: day("2024-05-01")))
        try p.addClause(Clause(id: "c81", agreementId: "dpa", reference: "8.1", heading: "Ændringer", text: "…"))
        try p.addRule(NoticeRule(id: "obj", agreementId: "dpa", clauseRef: "8.1", title: "Object to the change",
                                 trigger: .changeNoticeReceived, period: Period(4, .weeks), direction: .after, actor: .us))
    }

    func testRemovedRuleComesBackWithItsOpenDeadlineAsItWas() throws {
        try seed()
        let (n, _) = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "dpa", kind: .other, receivedDate: day("2026-11-16"), summary: "B"))
        let open = try store.read { try $0.deadlines(.source(.changeNotice, n.id)) }
        XCTAssertEqual(open.count, 1)
        try p.snoozeDeadline(id: open[0].id, until: day("2026-12-01"))
        let snoozed = try store.read { try $0.deadlines(.source(.changeNotice, n.id)) }
        let rule = try XCTUnwrap(try store.read { try $0.record(NoticeRule.self, id: "obj") })
        try p.removeRule(id: "obj")
        XCTAssertEqual(try store.read { try $0.deadlines(.source(.changeNotice, n.id)) }, [])
        let audits = try Fixture.auditCount(store)
        let back = try p.restoreRule(rule, deadlines: snoozed)
        XCTAssertEqual(back.record, rule)
        XCTAssertEqual(try store.read { try $0.deadlines(.source(.changeNotice, n.id)) }, snoozed, "the snooze is kept")
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1)
        XCTAssertEqual(try Fixture.lastAudit(store)?.action, "restore_rule")
        XCTAssertThrowsError(try p.restoreRule(rule, deadlines: snoozed)) { XCTAssertEqual(Self.err($0).kind, .conflict) }
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1)
    }

    func testVersionEditFollowsTheLabelAndRefusesAnEntryChangedSinceItWasLoaded() throws {
        try seed()
        let v1 = try p.addVersion(AgreementVersion(id: "v1", agreementId: "dpa", version: "1.0", date: day("2024-05-01"), changes: "Signed")).record
        try p.addVersion(AgreementVersion(id: "v2", agreementId: "dpa", version: "2.0", date: day("2025-01-01"), changes: "Annex"))
        try p.editVersion(id: "v2") { $0.version = "2.1" }
        XCTAssertEqual(try store.read { try $0.agreement("dpa") }.version, "2.1")
        try p.editVersion(id: "v1") { $0.changes = "Signed by both" }
        let audits = try Fixture.auditCount(store)
        XCTAssertThrowsError(try p.editVersion(id: "v1", loaded: RecordVersion(v1)) { $0.changes = "Mine" }) {
            XCTAssertTrue(Self.err($0).what.hasPrefix("Changed by tester at"), Self.err($0).what)
        }
        XCTAssertEqual(try Fixture.auditCount(store), audits)
        try p.removeVersion(id: "v2")
        XCTAssertEqual(try store.read { try $0.agreement("dpa") }.version, "1.0", "the newest remaining entry is current")
        try p.removeVersion(id: "v1", label: .exactly(nil))
        XCTAssertNil(try store.read { try $0.agreement("dpa") }.version)
    }

    func testAnAgreementTakenBackTakesItsNewPartyOnlyWhenNothingElseUsesIt() throws {
        try seed()
        let party = try p.addParty(Party(id: "cur", name: "Curanet A/S", orgNumber: "29139555", country: "DK")).record
        let a = try p.addAgreement(Agreement(id: "host", title: "Hosting", kind: .serviceAgreement, counterpartyId: "cur", ourRole: .customer,
                                             language: "da", governingLaw: "Danish law", calendar: .dk)).record
        let b = try p.addAgreement(Agreement(id: "host2", title: "Hosting 2", kind: .serviceAgreement, counterpartyId: "cur", ourRole: .customer,
                                             language: "da", governingLaw: "Danish law", calendar: .dk)).record
        XCTAssertFalse(try p.unrecordAgreement(b, party: party), "another agreement uses the party")
        XCTAssertNotNil(try store.read { try $0.record(Party.self, id: "cur") })
        try p.addClause(Clause(id: "h1", agreementId: "host", reference: "1", heading: "Scope", text: ""))
        XCTAssertThrowsError(try p.unrecordAgreement(a, party: party)) { XCTAssertEqual(Self.err($0).location, "records") }
        try p.removeClause(id: "h1")
        let audits = try Fixture.auditCount(store)
        XCTAssertTrue(try p.unrecordAgreement(a, party: party))
        XCTAssertNil(try store.read { try $0.record(Agreement.self, id: "host") })
        XCTAssertNil(try store.read { try $0.record(Party.self, id: "cur") })
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1)
    }

    func testAnEditSessionIsPutBackInOneWriteAndRefusedWhenChangedSince() throws {
        try seed()
        let before = try AgreementEditDocument.document(store: store, agreementId: "dpa")
        try p.editClause(id: "c81") { $0.heading = "Ændringer af aftalen" }
        try p.editRule(id: "obj") { $0.period = Period(6, .weeks) }
        try p.addVersion(AgreementVersion(id: "v9", agreementId: "dpa", version: "9", date: nil, changes: ""))
        let after = try AgreementEditDocument.document(store: store, agreementId: "dpa")
        try p.editClause(id: "c81") { $0.text = "Colleague" }
        XCTAssertThrowsError(try p.undoAgreementEdit(agreementId: "dpa", before: before, after: after)) {
            XCTAssertEqual(Self.err($0).kind, .conflict)
        }
        try p.editClause(id: "c81") { $0.text = "…" }
        let audits = try Fixture.auditCount(store)
        XCTAssertEqual(try p.undoAgreementEdit(agreementId: "dpa", before: before, after: after), 4, "clause, rule, agreement label, version")
        XCTAssertEqual(try AgreementEditDocument.document(store: store, agreementId: "dpa"), before)
        XCTAssertEqual(try Fixture.auditCount(store), audits + 1)
    }
}
