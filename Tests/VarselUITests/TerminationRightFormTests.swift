import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// The termination form lets the user choose the right where the agreement has more than one
/// (Migrationsverket 11.1 ordinary notice; 11.2 after an objection, or immediate for Migrationsverket).
final class TerminationRightFormTests: XCTestCase {
    @MainActor static func demoWorkbench() throws -> Bench {
        let store = try VarselStore.inMemory()
        try DemoPortfolio.load(into: store, clock: .fixed(Fixture.today), user: "test")
        let p = Portfolio(store: store, clock: .fixed(Fixture.today), ids: SequentialIDGenerator(), user: "test")
        return Bench(Workbench(portfolio: p, databaseLabel: "demo.sqlite"))
    }

    func testChoosingTheRight() throws {
        try onMain {
            let wb = try Self.demoWorkbench()
            wb.press(.char("2"), .char("t"))   // first agreement by title: Migrationsverket e-tjänster
            let form = try XCTUnwrap(wb.state.form)
            XCTAssertEqual(form.subtitle, "Allmänna villkor för anslutning till Migrationsverkets e-tjänster för kommuner, landsting och regioner")
            XCTAssertEqual(form["right"]?.options, ["ordinary", "after-objection", "for-cause"])
            XCTAssertEqual(form["right"]?.hidden, false)
            XCTAssertEqual(form["change"]?.hidden, true)
            var s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Agreement ends: 2027-02-23 (Tue 23 Feb 2027)"), s)

            wb.press(.tab, .right)             // Right: after-objection — no objection recorded yet
            XCTAssertEqual(wb.state.form?.value("right"), "after-objection")
            XCTAssertEqual(wb.state.form?["change"]?.hidden, false)
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Not ready to save: Terminating after an objection (11.2) needs the change notice"), s)

            wb.press(.right)                   // for-cause: Migrationsverket's right only
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Not ready to save: Clause 11.2 gives the right to terminate for cause"), s)
            wb.press(.backTab, .right)         // Given by: them
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Agreement ends: 2026-11-23 (Mon 23 Nov 2026)"), s)
            wb.press(.ctrl("s"), .char("y"))
            XCTAssertNil(wb.state.form, "form error: \(String(describing: wb.state.form?.error))")
            XCTAssertEqual(wb.state.status?.text, "Termination tn-0001 recorded; agreement ends 2026-11-23; 0 follow-on deadlines")
            let t = try wb.portfolio.store.writer.read { db in try TerminationNotice.fetchOne(db, key: "tn-0001") }
            XCTAssertEqual(t?.terminationRight, .forCause)
            XCTAssertEqual(t?.givenBy, .them)
        }
    }

    /// With an objection recorded, the after-objection right offers the change objected to and ends the day it applies.
    func testAfterObjectionOffersTheObjectedChange() throws {
        try onMain {
            let wb = try Self.demoWorkbench()
            try wb.portfolio.recordObjection(noticeId: "cn-0002", date: Fixture.today, grounds: "Vi kan inte införa BankID", channel: .email)
            wb.press(.char("2"), .char("t"), .tab, .right)
            let change = try XCTUnwrap(wb.state.form?["change"])
            XCTAssertFalse(change.hidden)
            XCTAssertTrue(change.value.hasPrefix("cn-0002: "), change.value)
            let s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Agreement ends: 2026-12-15 (Tue 15 Dec 2026)"), s)
        }
    }

    func testASingleRightShowsNoChoice() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"), .char("j"), .char("j"), .char("t"))
            XCTAssertEqual(wb.state.form?["right"]?.hidden, true)
            XCTAssertEqual(wb.state.form?["change"]?.hidden, true)
        }
    }
}
