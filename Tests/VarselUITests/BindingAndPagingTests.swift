import XCTest
@testable import VarselKit
@testable import VarselUI

final class BindingAndPagingTests: XCTestCase {
    /// docs/user-guide-keys.md is the binding table's Markdown; regenerate with
    /// `VARSEL_WRITE_KEYS=1 swift test --filter BindingAndPagingTests`.
    func testUserGuideKeyMapMatchesTheBindingTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/user-guide-keys.md")
        let generated = Bindings.markdown()
        if ProcessInfo.processInfo.environment["VARSEL_WRITE_KEYS"] != nil {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), generated)
    }

    func testNoKeyIsBoundTwiceInOneContext() {
        for context in BindingContext.allCases where context != .views {
            var seen: [Key: String] = [:]
            for b in Bindings.bindings(for: context) {
                for k in b.keys {
                    XCTAssertNil(seen[k], "\(Key.label(k)) bound twice in \(context): \(seen[k] ?? "") / \(b.description)")
                    seen[k] = b.description
                }
            }
        }
    }

    func testDispatchComesFromTheTable() {
        XCTAssertEqual(Bindings.action(for: .char("o"), in: .agenda), .recordObjection)
        XCTAssertEqual(Bindings.action(for: .char("j"), in: .notices), .moveDown)
        XCTAssertEqual(Bindings.action(for: .char("l"), in: .agreementDetail), .nextTab)
        XCTAssertEqual(Bindings.action(for: .char("l"), in: .agreementList), .open)
        XCTAssertEqual(Bindings.action(for: .ctrl("s"), in: .form), .submit)
        XCTAssertNil(Bindings.action(for: .char("x"), in: .agreementList))
    }

    func testTextWrapByDisplayWidth() {
        XCTAssertEqual(TextWrap.wrap("Behandlingsansvarlig kan protestere mot endringen", width: 20),
                       ["Behandlingsansvarlig", "kan protestere mot", "endringen"])
        XCTAssertEqual(TextWrap.wrap("東京都東京都", width: 5), ["東京", "都東", "京都"])
        XCTAssertEqual(TextWrap.wrap("a\nb", width: 5), ["a", "b"])
    }

    func testAgreementsListPagesFromTheDatabase() throws {
        try onMain {
            let p = try Fixture.portfolio(empty: true)
            let parties = [Party(id: "cp", name: "Leverantör AB")]
            let agreements = (0..<1000).map { i in
                Agreement(id: String(format: "a%04d", i), title: String(format: "Avtal %04d", i), kind: .serviceAgreement,
                          counterpartyId: "cp", ourRole: .customer, language: "sv", governingLaw: "Swedish law", calendar: .se)
            }
            try p.write { db in
                try PortfolioSnapshot.insert(PortfolioDocument(parties: parties, agreements: agreements), into: db, includeAudit: false)
                return ((), AuditNote(action: "seed", entityType: "portfolio", entityId: "t", summary: "seed"))
            }
            let wb = Workbench(portfolio: p, databaseLabel: "big")
            wb.press(.char("2"))
            _ = wb.render(width: 80, height: 24)
            XCTAssertEqual(wb.pager.total, 1000)
            XCTAssertLessThanOrEqual(wb.pager.rows.count, 200, "only the first page is loaded")
            wb.press(.char("G"))
            let end = wb.render(width: 80, height: 24)
            XCTAssertTrue(end.text.contains("▸Avtal 0999"), end.text)
            XCTAssertTrue(end.text.contains(" Avtal 0981"), end.text)
            XCTAssertEqual(wb.pager.start + wb.pager.rows.count, 1000)
            XCTAssertLessThan(wb.pager.rows.count, 1000)
            wb.press(.pageUp)
            XCTAssertTrue(wb.screen().contains("▸Avtal 0981"))
            wb.press(.char("g"))
            XCTAssertTrue(wb.screen().contains("▸Avtal 0000"))
            for _ in 0..<30 { wb.press(.pageDown) }
            let s = wb.render(width: 80, height: 24)
            XCTAssertEqual(wb.state.agreements.selected, 540, "a page is the visible rows minus one (18)")
            XCTAssertTrue(s.text.contains("▸Avtal 0540"), s.text)
            XCTAssertLessThanOrEqual(wb.pager.rows.count, 1000)
            wb.press(.char("/"))
            wb.type("Avtal 09")
            XCTAssertTrue(wb.screen().contains(" Agreement (100)"))
        }
    }
}
