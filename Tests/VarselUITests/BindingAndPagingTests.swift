import XCTest
@testable import VarselKit
@testable import VarselSQLite
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
                try PortfolioSnapshot.insert(PortfolioDocument(parties: parties, agreements: agreements), into: db)
                return ((), AuditNote(action: "seed", entityType: "portfolio", entityId: "t", summary: "seed"))
            }
            let wb = Bench(Workbench(portfolio: p, databaseLabel: "big"))
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

    /// A filter matching more than a page shows "N+" until the count is needed (navigation towards
    /// the end, or idle); the count and the end of the list are exact.
    func testFilteredListCountsLazilyAndExactly() throws {
        try onMain {
            let p = try Fixture.portfolio(empty: true)
            let parties = [Party(id: "cp", name: "Leverantör AB"), Party(id: "dk", name: "Dansk Data ApS")]
            let agreements = (0..<1000).map { i in
                Agreement(id: String(format: "a%04d", i), title: String(format: "Avtal %04d", i), kind: .serviceAgreement,
                          counterpartyId: i % 3 == 0 ? "dk" : "cp", ourRole: .customer, language: "sv",
                          governingLaw: "Swedish law", calendar: .se)
            }
            try p.write { db in
                try PortfolioSnapshot.insert(PortfolioDocument(parties: parties, agreements: agreements), into: db)
                return ((), AuditNote(action: "seed", entityType: "portfolio", entityId: "t", summary: "seed"))
            }
            let wb = Bench(Workbench(portfolio: p, databaseLabel: "big"))
            wb.press(.char("2"), .char("/"))
            wb.type("dansk")
            XCTAssertTrue(wb.screen().contains(" Agreement (200+)"), wb.screen())
            XCTAssertFalse(wb.pager.totalIsExact)
            XCTAssertEqual(wb.tick(), .redraw, "idle: the count is read")
            XCTAssertTrue(wb.screen().contains(" Agreement (334)"), wb.screen())
            XCTAssertEqual(wb.tick(), .none)
            // G before the count is known still lands on the last match.
            wb.press(.backspace, .char("k"))
            XCTAssertFalse(wb.pager.totalIsExact)
            wb.press(.enter, .char("G"))
            XCTAssertEqual(wb.state.agreements.selected, 333)
            XCTAssertTrue(wb.screen().contains("▸Avtal 0999"), wb.screen())
            // Paging down past the first page counts too.
            wb.press(.char("g"), .char("/"), .backspace, .char("k"), .enter)
            for _ in 0..<20 { wb.press(.pageDown) }
            XCTAssertTrue(wb.pager.totalIsExact)
            XCTAssertEqual(wb.state.agreements.selected, 333)
            // A filter matching less than a page is counted by its only page.
            wb.press(.escape, .char("/"))
            wb.type("Avtal 09")
            XCTAssertTrue(wb.pager.totalIsExact)
            XCTAssertTrue(wb.screen().contains(" Agreement (100)"))
        }
    }

    /// The register pages like the agreements list: 450 sub-processors, only pages around the
    /// viewport loaded; G reaches the last, Enter opens an agreement using the selected one.
    func testSubProcessorRegisterPages() throws {
        try onMain {
            let p = try Fixture.portfolio(empty: true)
            let parties = [Party(id: "cp", name: "Leverantör AB")]
            let agreements = (0..<30).map { i in
                Agreement(id: String(format: "a%02d", i), title: String(format: "Avtal %02d", i), kind: .dataProcessingAgreement,
                          counterpartyId: "cp", ourRole: .controller, language: "sv", governingLaw: "Swedish law", calendar: .se)
            }
            let subs = (0..<900).map { i in
                SubProcessor(id: "sp\(i)", agreementId: String(format: "a%02d", i % 29), name: String(format: "Vendor %03d AB", i % 450),
                             country: i < 450 ? "SE" : "NO", purpose: i == 7 ? "Särskild hosting" : "Hosting", status: .approved)
            }
            try p.write { db in
                try PortfolioSnapshot.insert(PortfolioDocument(parties: parties, agreements: agreements, subProcessors: subs), into: db)
                return ((), AuditNote(action: "seed", entityType: "portfolio", entityId: "t", summary: "seed"))
            }
            let wb = Bench(Workbench(portfolio: p, databaseLabel: "big"))
            XCTAssertEqual(wb.vendorPager.fetches, 0, "the register is not read before it is shown")
            wb.press(.char("3"))
            var b = wb.render(width: 80, height: 24)
            XCTAssertTrue(b.line(2).hasPrefix(" Sub-processor (450)"), b.line(2))
            XCTAssertTrue(b.line(3).hasPrefix("▸Vendor 000 AB"), b.line(3))
            XCTAssertTrue(b.line(3).hasSuffix("NO, SE     approved                2"), b.line(3))
            XCTAssertTrue(b.text.contains("Vendor 000 AB: used in 2 place(s)"), b.text)
            XCTAssertLessThanOrEqual(wb.vendorPager.rows.count, 200)
            wb.press(.char("G"))
            b = wb.render(width: 80, height: 24)
            XCTAssertTrue(b.text.contains("▸Vendor 449 AB"), b.text)
            XCTAssertLessThan(wb.vendorPager.rows.count, 450)
            wb.press(.char("g"))
            for _ in 0..<25 { wb.press(.down) }
            XCTAssertTrue(wb.screen().contains("▸Vendor 025 AB"))
            for _ in 0..<30 { wb.press(.pageDown) }
            XCTAssertTrue(wb.screen().contains("▸Vendor 449 AB"))
            for _ in 0..<30 { wb.press(.pageUp) }
            XCTAssertTrue(wb.screen().contains("▸Vendor 000 AB"))
            // Filter by a use's purpose: the entry keeps all its uses.
            wb.press(.char("/"))
            wb.type("särskild")
            b = wb.render(width: 80, height: 24)
            XCTAssertTrue(b.line(2).hasPrefix(" Sub-processor (1)"), b.line(2))
            XCTAssertTrue(b.text.contains("Vendor 007 AB: used in 2 place(s)"), b.text)
            wb.press(.enter, .enter)
            XCTAssertEqual(wb.state.view, .agreements)
            XCTAssertEqual(wb.state.detailTab, .subProcessors)
            XCTAssertEqual(wb.selectedAgreementRow?.id, "a07")
        }
    }
}
