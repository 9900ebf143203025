import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 14: the termination form's "Set end date" (if not computed) and its reason: the live preview
/// shows the computed end and the entered one; where none can be computed the form says so.
/// Demo portfolio, today Mon 23 Nov 2026.
final class TerminationEndFormTests: XCTestCase {
    @MainActor static func openForm(_ wb: Bench, _ agreement: String) throws {
        wb.openAgreement(agreement, tab: .overview)
        wb.press(.char("t"))
        XCTAssertNotNil(wb.state.form)
    }

    /// PUB-avtal: no ordinary period (9.1), so no end can be computed: the form says so and asks;
    /// the entered end is shown, saved with its reason, and the 9.2 follow-on counts from it.
    func testNoComputableEndAsksForItAndTheEnteredEndIsSaved() throws {
        try onMain {
            let wb = try TerminationRightFormTests.demoWorkbench()
            try Self.openForm(wb, "pub-avtal-bilaga3")
            var s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Set end date"), s)
            XCTAssertTrue(s.contains("No end date can be computed from the agreement."), s)
            XCTAssertTrue(s.contains("Enter it in \"Set end date\" (if not computed), with the reason for it."), s)

            try Issue14GapsTests.focus(wb, "end")
            wb.type("2027-03-31")
            XCTAssertEqual(wb.state.form?["endReason"]?.required, true, "a reason is asked once an end is typed")
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Not ready to save: An end date entered by hand needs a reason"), s)
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "endReason", "refused at the reason field")

            try Issue14GapsTests.focus(wb, "endReason")
            wb.type("agreed in the letter of 23 Nov 2026")
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Agreement ends: 2027-03-31 (Wed 31 Mar 2027) — entered by hand"), s)
            XCTAssertTrue(s.contains("Computed end: none (no end could be computed)"), s)
            XCTAssertTrue(s.contains("act by 2027-06-30"), s)
            XCTAssertFalse(s.contains("No end date can be computed from the agreement"), s)

            wb.press(.ctrl("s"), .char("y"))
            XCTAssertNil(wb.state.form, "form error: \(String(describing: wb.state.form?.error))")
            XCTAssertEqual(wb.state.status?.text, "Termination tn-0001 recorded; agreement ends 2027-03-31; 1 follow-on deadline")
            let t = try wb.portfolio.store.writer.read { db in try TerminationNotice.fetchOne(db, key: "tn-0001") }
            XCTAssertEqual(t?.endEnteredReason, "agreed in the letter of 23 Nov 2026")
            XCTAssertEqual(t?.endDate, CivilDate(iso: "2027-03-31"))
        }
    }

    /// Migrationsverket 11.1 computes Tue 23 Feb 2027: an entered end shows both, with the warning.
    func testAnEnteredEndShowsTheComputedOneBesideIt() throws {
        try onMain {
            let wb = try TerminationRightFormTests.demoWorkbench()
            try Self.openForm(wb, "migrationsverket-e-tjanster")
            var s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Agreement ends: 2027-02-23 (Tue 23 Feb 2027)"), s)
            XCTAssertFalse(s.contains("No end date can be computed"), s)
            try Issue14GapsTests.focus(wb, "end")
            wb.type("2027-03-31")
            try Issue14GapsTests.focus(wb, "endReason")
            wb.type("agreed later")
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Agreement ends: 2027-03-31 (Wed 31 Mar 2027) — entered by hand"), s)
            XCTAssertTrue(s.contains("Computed end: 2027-02-23 (Tue 23 Feb 2027)"), s)
            XCTAssertTrue(s.contains("The entered end 2027-03-31 differs from the computed end 2027-02-23"), s)
            // An end before the notice day is refused at the end field.
            try Issue14GapsTests.focus(wb, "end")
            wb.press(.ctrl("u"))
            wb.type("2026-11-01")
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "end")
            XCTAssertEqual(try wb.portfolio.queries.detail(agreementId: "migrationsverket-e-tjanster").terminations.count, 0)
        }
    }

    /// Migrationsverket 11.2 ("En sådan uppsägning ska gälla från och med den dag ändringen ska
    /// börja gälla"): objected changed terms whose notice gives no day leave no end to compute; the
    /// form says so and marks the end and its reason as needed, and drops the marks for ordinary notice.
    func testAfterAnObjectionToAChangeWithoutADayTheFormAsksForTheEnd() throws {
        try onMain {
            let wb = try TerminationRightFormTests.demoWorkbench()
            let _: Void = try wb.portfolio.write { tx in
                var n = try XCTUnwrap(try tx.record(ChangeNotice.self, id: "cn-0002"))
                n.effectiveDate = nil
                try tx.update(n)
                return ((), AuditNote(action: "test_clear_effective", entityType: "change_notice", entityId: n.id, summary: "test"))
            }
            try wb.portfolio.recordObjection(noticeId: "cn-0002", date: Fixture.today, grounds: "Vi kan inte införa BankID", channel: .email)
            wb.dataChanged()
            try Self.openForm(wb, "migrationsverket-e-tjanster")
            try Issue14GapsTests.focus(wb, "right")
            wb.press(.right)                       // after-objection
            XCTAssertEqual(wb.state.form?.value("right"), "after-objection")
            var s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("No end date can be computed: Change notice cn-0002 has no date on which the"), s)
            XCTAssertTrue(s.contains("Set end date *"), s)
            XCTAssertEqual(wb.state.form?["end"]?.required, true)
            XCTAssertEqual(wb.state.form?["endReason"]?.required, true)
            try Issue14GapsTests.focus(wb, "end")
            wb.type("2027-01-31")
            try Issue14GapsTests.focus(wb, "endReason")
            wb.type("agreed with Migrationsverket")
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Agreement ends: 2027-01-31 (Sun 31 Jan 2027) — entered by hand"), s)
            XCTAssertTrue(s.contains("Computed end: none (no end could be computed)"), s)
            // Back to ordinary notice (11.1 computes an end): the end is no longer marked as needed.
            try Issue14GapsTests.focus(wb, "end")
            wb.press(.ctrl("u"))
            try Issue14GapsTests.focus(wb, "endReason")
            wb.press(.ctrl("u"))
            try Issue14GapsTests.focus(wb, "right")
            wb.press(.left)
            XCTAssertEqual(wb.state.form?.value("right"), "ordinary")
            XCTAssertEqual(wb.state.form?["end"]?.required, false)
            XCTAssertEqual(wb.state.form?["endReason"]?.required, false)
        }
    }
}
