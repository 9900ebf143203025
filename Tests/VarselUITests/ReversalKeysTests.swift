import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 14's workbench keys: z snooze, a note, W withdraw (termination, objection), e edit and
/// O outcome of an objection; each saved through its form, read back from the database with
/// its audit row.
final class ReversalKeysTests: XCTestCase {
    static let objectionWindow = "dl-cn-0001-ps-8.6.3"

    @MainActor static func stored(_ wb: Bench, _ id: String) throws -> Deadline? {
        try wb.portfolio.store.read { try $0.record(Deadline.self, id: id) }
    }

    @MainActor static func selectNotice(_ wb: Bench, _ id: String) throws {
        wb.press(.char("4"))
        let row = try XCTUnwrap(wb.noticeRows.firstIndex { $0.id == id })
        for _ in 0..<row { wb.press(.char("j")) }
        XCTAssertEqual(wb.selectedNotice?.id, id)
    }

    func testZSnoozesTheDeadlineAndTheHeaderLeavesItOut() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let audits = try Fixture.auditCount(wb.portfolio)
            XCTAssertTrue(wb.screen(140, 30).contains(" 0–14 d 2 "), wb.screen(140, 30))
            wb.press(.char("j"))
            XCTAssertEqual(wb.selectedAgendaItem?.deadline.id, Self.objectionWindow)
            wb.press(.char("z"))
            XCTAssertTrue(wb.screen(100, 30).contains("Snooze deadline"), wb.screen(100, 30))
            XCTAssertEqual(wb.state.form?.value("until"), "2026-11-30", "a week on, before the act-by day")
            wb.press(.enter)
            XCTAssertNil(wb.state.form, wb.state.form?.error?.what ?? "")
            XCTAssertEqual(wb.state.status?.text,
                           "Snoozed until 2026-11-30: Object to the new sub-processor (act by 2026-12-01, unchanged)")
            let d = try XCTUnwrap(try Self.stored(wb, Self.objectionWindow))
            XCTAssertEqual(d.snoozedUntil, CivilDate(iso: "2026-11-30"))
            XCTAssertEqual(d.actByDate, CivilDate(iso: "2026-12-01"))
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 1)
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 1).first?.action, "snooze_deadline")
            let s = wb.screen(140, 30)
            XCTAssertTrue(s.contains(" 0–14 d 1 "), s)
            XCTAssertTrue(s.contains("   1 snoozed, not counted"), s)
            XCTAssertFalse(s.contains("not counted 0"), s)
            XCTAssertTrue(s.contains("(snoozed to 2026-11-30) Object to"), s)
            // A new workbench counts through the agenda head's SQL: the same.
            let fresh = Bench(Workbench(portfolio: wb.portfolio, databaseLabel: "test.sqlite"))
            XCTAssertTrue(fresh.screen(140, 30).contains("1 snoozed, not counted"), fresh.screen(140, 30))
            XCTAssertTrue(fresh.screen(140, 30).contains(" 0–14 d 1 "), fresh.screen(140, 30))
            // Emptying the day clears the snooze.
            wb.press(.char("z"), .ctrl("u"), .enter)
            XCTAssertNil(try Self.stored(wb, Self.objectionWindow)?.snoozedUntil)
            XCTAssertTrue(wb.screen(140, 30).contains(" 0–14 d 2 "))
        }
    }

    func testZRefusesASnoozePastTheActByDay() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"), .char("z"), .ctrl("u"))
            wb.type("2026-12-05")
            wb.press(.enter)
            XCTAssertNotNil(wb.state.form, "the form stays open with the error")
            XCTAssertTrue(wb.screen(100, 30).contains("after the act-by day 2026-12-01"), wb.screen(100, 30))
            XCTAssertNil(try Self.stored(wb, Self.objectionWindow)?.snoozedUntil)
        }
    }

    func testAKeepsANoteOnTheDeadline() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"), .char("a"))
            wb.type("Asked Pureservice for the DPA annex")
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.status?.text, "Note kept on Object to the new sub-processor")
            XCTAssertEqual(try Self.stored(wb, Self.objectionWindow)?.note, "Asked Pureservice for the DPA annex")
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 1).first?.action, "note_deadline")
            XCTAssertTrue(wb.screen(100, 30).contains("Note: Asked Pureservice for the DPA annex"), wb.screen(100, 30))
        }
    }

    func testWWithdrawsATermination() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let (t, _) = try wb.portfolio.recordTermination(agreementId: "pureservice", by: .us, date: Fixture.today)
            wb.dataChanged()
            try Self.selectNotice(wb, t.id)
            wb.press(.char("W"))
            XCTAssertTrue(wb.screen(100, 30).contains("Withdraw termination"), wb.screen(100, 30))
            wb.type("Sent by mistake")
            wb.press(.enter)
            XCTAssertNil(wb.state.form, wb.state.form?.error?.what ?? "")
            let stored = try wb.portfolio.store.read { try $0.record(TerminationNotice.self, id: t.id) }
            XCTAssertEqual(stored?.withdrawnDate, Fixture.today)
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 1).first?.action, "withdraw_termination")
            // Again: refused, nothing written.
            let audits = try Fixture.auditCount(wb.portfolio)
            try Self.selectNotice(wb, t.id)
            wb.press(.char("W"))
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    func testEEditsOThenGivesTheOutcomeOfAnObjection() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let o = try wb.portfolio.recordObjection(noticeId: "cn-0001", grounds: "Outside the EEA?", channel: .email)
            wb.dataChanged()
            try Self.selectNotice(wb, "cn-0001")
            wb.press(.char("e"))
            XCTAssertEqual(wb.state.form?.value("grounds"), "Outside the EEA?")
            wb.press(.tab, .ctrl("u"))
            wb.type("Twilio stores SMS logs in the US")
            wb.press(.tab, .char(" "))
            XCTAssertEqual(wb.state.form?.value("channel"), Channel.allCases[(Channel.allCases.firstIndex(of: .email)! + 1) % Channel.allCases.count].rawValue)
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.what ?? "")
            var stored = try XCTUnwrap(try wb.portfolio.store.read { try $0.record(Objection.self, id: o.id) })
            XCTAssertEqual(stored.grounds, "Twilio stores SMS logs in the US")
            XCTAssertNotEqual(stored.channel, .email)
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 1).first?.action, "edit_objection")

            try Self.selectNotice(wb, "cn-0001")
            wb.press(.char("O"))
            XCTAssertEqual(wb.state.form?.value("outcome"), "change withdrawn by them")
            wb.press(.char(" "))
            XCTAssertEqual(wb.state.form?.value("outcome"), "alternative offered")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.what ?? "")
            stored = try XCTUnwrap(try wb.portfolio.store.read { try $0.record(Objection.self, id: o.id) })
            XCTAssertEqual(stored.outcome, .alternativeOffered)
        }
    }

    func testWWithdrawsOurObjectionAndTheWindowOpensAgain() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let o = try wb.portfolio.recordObjection(noticeId: "cn-0001", grounds: "x", channel: .email)
            XCTAssertEqual(try Self.stored(wb, Self.objectionWindow)?.state, .handled)
            wb.dataChanged()
            try Self.selectNotice(wb, "cn-0001")
            wb.press(.char("W"))
            XCTAssertTrue(wb.screen(100, 30).contains("Withdraw objection"), wb.screen(100, 30))
            wb.press(.enter)
            XCTAssertNil(wb.state.form, wb.state.form?.error?.what ?? "")
            let stored = try wb.portfolio.store.read { try $0.record(Objection.self, id: o.id) }
            XCTAssertEqual(stored?.withdrawnDate, Fixture.today)
            XCTAssertEqual(try Self.stored(wb, Self.objectionWindow)?.state, .open)
        }
    }

    func testEOnANoticeWithoutObjectionSaysSo() throws {
        try onMain {
            let wb = try Fixture.workbench()
            try Self.selectNotice(wb, "cn-0001")
            wb.press(.char("e"))
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertTrue(wb.state.status?.text.hasPrefix("No objection recorded to this notice") == true, wb.state.status?.text ?? "")
        }
    }
}
