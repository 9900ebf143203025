import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 10: "Archived agreements leave the agenda and the default lists; … a toggle in the view
/// shows them." `A` in the agreements list shows or hides them; the header says "incl. archived".
final class ArchivedToggleTests: XCTestCase {
    func testATogglesArchivedAgreementsInTheList() throws {
        try onMain {
            let wb = try TerminationRightFormTests.demoWorkbench()
            try wb.portfolio.archiveAgreement(id: "migrationsverket-kanaler", date: Fixture.today)
            wb.dataChanged()
            let all = try wb.portfolio.queries.agreementCount()
            XCTAssertEqual(try wb.portfolio.queries.agreementCount(includeArchived: false), all - 1)
            wb.press(.char("2"))
            var s = wb.screen(160, 40)
            XCTAssertTrue(s.contains("Agreement (\(all - 1))"), s)
            XCTAssertFalse(s.contains("incl. archived"), s)
            XCTAssertFalse(s.contains("Användarvillkor"), "the archived agreement is hidden:\n\(s)")

            wb.press(.char("A"))
            XCTAssertTrue(wb.state.showArchived)
            s = wb.screen(160, 40)
            // The tabs row says so whatever the list's width; the list's header too where it has room.
            let tabsRow = s.split(separator: "\n", omittingEmptySubsequences: false)[1]
            XCTAssertTrue(tabsRow.hasSuffix("incl. archived"), String(tabsRow))
            XCTAssertTrue(wb.screen(100, 30).contains("Agreement (\(all), incl. archived)"), wb.screen(100, 30))
            s = wb.screen(160, 40)
            XCTAssertTrue(s.contains("Användarvillkor"), s)
            XCTAssertTrue(s.contains("ended"), s)
            XCTAssertEqual(wb.state.status?.text, "Archived agreements shown (A hides them)")

            wb.press(.char("A"))
            XCTAssertFalse(wb.state.showArchived)
            s = wb.screen(160, 40)
            XCTAssertTrue(s.contains("Agreement (\(all - 1))"), s)
            XCTAssertFalse(s.contains("Användarvillkor"), s)

            // `?` lists the key, from the same binding table.
            wb.press(.char("?"))
            XCTAssertTrue(wb.screen(160, 60).contains("Show or hide archived (ended) agreements"), wb.screen(160, 60))
        }
    }

    /// Going to an archived agreement (from the agenda, the History, …) shows archived ones rather
    /// than failing to find it.
    func testOpeningAnArchivedAgreementShowsArchivedOnes() throws {
        try onMain {
            let wb = try TerminationRightFormTests.demoWorkbench()
            try wb.portfolio.archiveAgreement(id: "migrationsverket-kanaler", date: Fixture.today)
            wb.dataChanged()
            wb.openAgreement("migrationsverket-kanaler", tab: .overview)
            XCTAssertTrue(wb.state.showArchived)
            XCTAssertEqual(wb.state.view, .agreements)
            XCTAssertTrue(wb.screen(160, 40).contains("incl. archived"), wb.screen(160, 40))
        }
    }
}
