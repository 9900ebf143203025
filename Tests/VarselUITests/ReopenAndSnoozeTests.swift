import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 14, reversal: R reopens a handled deadline of any kind — from the notices, the agenda
/// and the agreement (list or detail) — asking first, with one audit row; snoozed rows are
/// marked with their remind-on day in the notices and the agreement detail, not only the agenda.
final class ReopenAndSnoozeTests: XCTestCase {
    static let objectionWindow = "dl-cn-0001-ps-8.6.3"

    @MainActor static func stored(_ wb: Bench, _ id: String) throws -> Deadline? {
        try wb.portfolio.store.read { try $0.record(Deadline.self, id: id) }
    }

    /// The event deadline of the fixture: the SLA credit claim (clause 4.3), overdue.
    @MainActor static func slaClaim(_ wb: Bench) throws -> Deadline {
        try XCTUnwrap(wb.agendaAll.first { $0.deadline.ruleId == "ps-4.3" }?.deadline)
    }

    func testRReopensTheHandledWindowOfANotice() throws {
        try onMain {
            let wb = try Fixture.workbench()
            _ = try wb.portfolio.handleDeadline(id: Self.objectionWindow)
            wb.dataChanged()
            try ReversalKeysTests.selectNotice(wb, "cn-0001")
            XCTAssertEqual(wb.selectedNotice?.window?.state, .handled)
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("R"))
            XCTAssertTrue(wb.screen(100, 30).contains("Reopen \"Object to the new sub-processor\""), wb.screen(100, 30))
            wb.press(.char("n"))
            XCTAssertEqual(try Self.stored(wb, Self.objectionWindow)?.state, .handled, "n leaves it handled")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
            wb.press(.char("R"), .char("y"))
            XCTAssertEqual(wb.state.status?.text, "Reopened: Object to the new sub-processor (act by 2026-12-01)")
            XCTAssertEqual(try Self.stored(wb, Self.objectionWindow)?.state, .open)
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 1)
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 1).first?.action, "reopen_deadline")
        }
    }

    func testRInTheAgreementDetailReopensAnEventDeadlineWithANote() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let claim = try Self.slaClaim(wb)
            _ = try wb.portfolio.handleDeadline(id: claim.id, note: "Claim sent")
            wb.dataChanged()
            wb.openAgreement("pureservice", tab: .overview)
            let overview = wb.screen(100, 40)
            XCTAssertTrue(overview.contains("Handled deadlines (1) · R reopens one"), overview)
            XCTAssertTrue(overview.contains("✓ 2026-11-18 Claim the SLA credit in writing (4.3) — handled 2026-11-23: Claim sent"), overview)
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("R"))
            let form = wb.screen(100, 30)
            XCTAssertTrue(form.contains("Reopen a handled deadline"), form)
            XCTAssertTrue(form.contains("‹ act by 2026-11-18 · Claim the SLA credit in writing ›"), form)
            XCTAssertTrue(form.contains("Act by 2026-11-18 · handled 2026-11-23: Claim sent"), form)
            wb.press(.tab)
            wb.type("Credit refused; claim again")
            wb.press(.enter)
            guard case .confirm(let question) = wb.state.overlay else { return XCTFail("no question asked") }
            XCTAssertEqual(question.question,
                           "Reopen \"Claim the SLA credit in writing\" (Pureservice tjenesteavtale v2.5, act by 2026-11-18)? It was handled 2026-11-23.")
            XCTAssertTrue(wb.screen(100, 30).contains("Reopen \"Claim the SLA credit in writing\""), wb.screen(100, 30))
            XCTAssertEqual(try Self.stored(wb, claim.id)?.state, .handled, "nothing is written before y")
            wb.press(.char("y"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.what ?? "")
            XCTAssertEqual(wb.state.status?.text, "Reopened: Claim the SLA credit in writing (act by 2026-11-18)")
            XCTAssertEqual(try Self.stored(wb, claim.id)?.state, .open)
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 1)
            let row = try XCTUnwrap(try wb.portfolio.queries.audit(limit: 1).first)
            XCTAssertEqual(row.action, "reopen_deadline")
            XCTAssertTrue(row.summary.hasSuffix("; Credit refused; claim again"), row.summary)
            XCTAssertFalse(wb.screen(100, 40).contains("Handled deadlines"), "nothing handled is left to reopen")
        }
    }

    func testRFromTheAgendaOffersTheAgreementsHandledDeadlinesOrSaysThereAreNone() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let claim = try Self.slaClaim(wb)
            XCTAssertEqual(wb.selectedAgendaItem?.deadline.id, claim.id)
            wb.press(.char("R"))
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(wb.state.status?.text, "Nothing to reopen: Pureservice tjenesteavtale v2.5 has no handled deadline")
            _ = try wb.portfolio.handleDeadline(id: Self.objectionWindow)
            wb.dataChanged()
            XCTAssertEqual(wb.selectedAgendaItem?.deadline.id, claim.id)
            wb.press(.char("R"))
            XCTAssertEqual(wb.state.form?.value("deadline"), "act by 2026-12-01 · Object to the new sub-processor")
            wb.press(.ctrl("s"), .char("y"))
            XCTAssertEqual(try Self.stored(wb, Self.objectionWindow)?.state, .open)
        }
    }

    func testAReopenTheServiceRefusesShowsInTheFormAndWritesNothing() throws {
        try onMain {
            let wb = try Fixture.workbench()
            // The objection closed the window: reopening it would contradict the objection.
            try wb.portfolio.recordObjection(noticeId: "cn-0001", grounds: "US transfer")
            wb.dataChanged()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.openAgreement("pureservice", tab: .notices)
            wb.press(.char("R"), .ctrl("s"), .char("y"))
            let form = try XCTUnwrap(wb.state.form, "the form stays open with the reason")
            XCTAssertEqual(form.error?.location, "deadline")
            XCTAssertTrue(wb.screen(100, 30).contains("⚠"), wb.screen(100, 30))
            XCTAssertEqual(try Self.stored(wb, Self.objectionWindow)?.state, .handled)
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    func testSnoozedRowsAreMarkedInTheNoticesAndTheAgreementDetail() throws {
        try onMain {
            let wb = try Fixture.workbench()
            _ = try wb.portfolio.snoozeDeadline(id: Self.objectionWindow, until: CivilDate(iso: "2026-11-30"))
            wb.dataChanged()
            wb.press(.char("4"))
            let notices = wb.screen(120, 30)
            let row = try XCTUnwrap(notices.split(separator: "\n").first { $0.contains("Pureservice") }, notices)
            XCTAssertTrue(row.contains("(snoozed to 2026-11-30) New sub-processor"), String(row))
            XCTAssertTrue(row.contains("2026-12-01 8 d"), "the act-by day is unchanged: \(row)")
            let other = try XCTUnwrap(notices.split(separator: "\n").first { $0.contains("Nets A/S") }, notices)
            XCTAssertFalse(other.contains("snoozed"), String(other))

            wb.openAgreement("pureservice", tab: .overview)
            XCTAssertTrue(wb.screen(200, 50).contains("2026-12-01 8 d Object to the new sub-processor (8.6.3) · snoozed to 2026-11-30"),
                          wb.screen(200, 50))
            wb.openAgreement("pureservice", tab: .notices)
            XCTAssertTrue(wb.screen(200, 50).contains("• Object to the new sub-processor by 2026-12-01 (8 d) [8.6.3] · snoozed to 2026-11-30"),
                          wb.screen(200, 50))
            // Once the remind-on day has come, the mark goes (the deadline counts again).
            let later = Bench(Workbench(portfolio: Portfolio(store: wb.portfolio.store, clock: .fixed(CivilDate(iso: "2026-11-30")!),
                                                               ids: SequentialIDGenerator(), user: "test"), databaseLabel: "test.sqlite"))
            later.openAgreement("pureservice", tab: .notices)
            XCTAssertFalse(later.screen(200, 50).contains("snoozed to"), later.screen(200, 50))
            XCTAssertTrue(later.screen(200, 50).contains("• Object to the new sub-processor by 2026-12-01"), later.screen(200, 50))
        }
    }
}
