import XCTest
@testable import VarselKit
@testable import VarselUI

/// Issue 12 for the authoring forms: the agreement, party, notice-rule and sub-processor forms
/// keep the version of the record they opened on. A colleague (Anna) saves the record while the
/// form is open; saving the form is refused naming her change, the form stays open, her value
/// stands and the only audit row is hers.
final class ConcurrentAuthoringFormTests: XCTestCase {
    @MainActor static func colleague(_ wb: Bench) -> Portfolio {
        Portfolio(store: wb.portfolio.store, clock: wb.portfolio.clock, user: "anna")
    }

    /// Anna's `change` lands while the form is open (with `confirm`, while its confirmation line
    /// asks); saving (Ctrl-S, then y where asked) is then refused.
    @MainActor static func assertSaveRefused(_ wb: Bench, confirm: Bool = false, _ change: () throws -> Void,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let audits = try Fixture.auditCount(wb.portfolio)
        if confirm {
            wb.press(.ctrl("s"))
            guard case .confirm = wb.state.overlay else { return XCTFail("no confirmation line", file: file, line: line) }
        }
        try change()
        XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 1, file: file, line: line)
        wb.press(confirm ? .char("y") : .ctrl("s"))
        XCTAssertNotNil(wb.state.form, "the form stays open", file: file, line: line)
        XCTAssertEqual(wb.state.form?.error?.kind, .conflict, wb.state.form?.error?.description ?? "no error", file: file, line: line)
        XCTAssertTrue(wb.state.form?.error?.what.hasPrefix("Changed by anna at") == true, wb.state.form?.error?.description ?? "", file: file, line: line)
        XCTAssertTrue(wb.state.form?.error?.fix?.contains("press r to reload") == true, file: file, line: line)
        XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 1, "only Anna's audit row", file: file, line: line)
        XCTAssertEqual(try wb.portfolio.queries.audit(limit: 1).first?.user, "anna", file: file, line: line)
    }

    func testAgreementFormRefusesAColleaguesChange() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("e"))
            XCTAssertEqual(wb.state.form?.title, "Edit agreement")
            AuthoringEditUndoTests.focus(wb, "governing-law"); wb.press(.ctrl("u")); wb.type("Swedish law")
            try Self.assertSaveRefused(wb) { try Self.colleague(wb).editAgreement(id: "pureservice") { $0.governingLaw = "Norwegian law (Oslo)" } }
            XCTAssertEqual(try wb.portfolio.store.read { try $0.agreement("pureservice") }.governingLaw, "Norwegian law (Oslo)")
        }
    }

    /// A new counterparty typed in the form is not added when the agreement save is refused (the
    /// helper checks Anna's row is the only audit row, and adding a party would write one).
    func testAgreementFormWithANewPartyRefusesAColleaguesChangeAndAddsNoParty() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("e"))
            AuthoringEditUndoTests.focus(wb, "counterparty"); wb.press(.ctrl("u")); wb.type("Brand New Vendor AS")
            try Self.assertSaveRefused(wb) { try Self.colleague(wb).editAgreement(id: "pureservice") { $0.language = "en" } }
            XCTAssertNotEqual(try wb.portfolio.queries.audit(limit: 2).last?.action, "add_party", "no party was added")
        }
    }

    func testArchiveFormRefusesAColleaguesChange() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("x"))
            XCTAssertEqual(wb.state.form?.title, "Archive agreement")
            try Self.assertSaveRefused(wb, confirm: true) { try Self.colleague(wb).editAgreement(id: "pureservice") { $0.language = "en" } }
            XCTAssertEqual(try wb.portfolio.store.read { try $0.agreement("pureservice") }.status, .active)
        }
    }

    func testPartyFormRefusesAColleaguesChange() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("p"))
            XCTAssertEqual(wb.state.form?.value("name"), "Pureservice AS")
            let id = try wb.portfolio.store.read { try $0.agreement("pureservice") }.counterpartyId
            AuthoringEditUndoTests.focus(wb, "name"); wb.press(.ctrl("u")); wb.type("Pureservice")
            try Self.assertSaveRefused(wb) { try Self.colleague(wb).editParty(id: id) { $0.name = "Pureservice Norge AS" } }
            XCTAssertEqual(try wb.portfolio.store.read { try $0.record(Party.self, id: id) }?.name, "Pureservice Norge AS")
        }
    }

    func testRuleFormRefusesAColleaguesChange() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .rules)
            wb.press(.char("e"))
            AuthoringFormTests.pick(wb, title: "Object to the new sub-processor")
            AuthoringEditUndoTests.focus(wb, "period"); wb.press(.ctrl("u")); wb.type("5 weeks")
            try Self.assertSaveRefused(wb) { try Self.colleague(wb).editRule(id: "ps-8.6.3") { $0.period = Period(6, .weeks) } }
            XCTAssertEqual(try AuthoringFormTests.rule(wb, "ps-8.6.3")?.period, Period(6, .weeks))
        }
    }

    func testRemoveRuleFormRefusesAColleaguesChange() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .rules)
            wb.press(.char("x"))
            for _ in 0..<6 where !(wb.state.form?.value(RecordPicker.field).hasSuffix("Object to the new sub-processor") ?? false) { wb.press(.right) }
            try Self.assertSaveRefused(wb, confirm: true) { try Self.colleague(wb).editRule(id: "ps-8.6.3") { $0.title = "Object to a new sub-processor" } }
            XCTAssertEqual(try AuthoringFormTests.rule(wb, "ps-8.6.3")?.title, "Object to a new sub-processor")
        }
    }

    func testSubProcessorFormRefusesAColleaguesChange() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .subProcessors)
            wb.press(.char("e"))
            XCTAssertEqual(wb.state.form?.title, "Edit sub-processor")
            let name = try XCTUnwrap(wb.state.form?.value("name"))
            let sp = try XCTUnwrap(try wb.portfolio.store.read { try $0.subProcessors(agreementId: "pureservice") }.first { $0.name == name })
            AuthoringEditUndoTests.focus(wb, "purpose"); wb.press(.ctrl("u")); wb.type("Our purpose")
            try Self.assertSaveRefused(wb) { try Self.colleague(wb).editSubProcessor(id: sp.id) { $0.purpose = "Anna's purpose" } }
            XCTAssertEqual(try wb.portfolio.store.read { try $0.record(SubProcessor.self, id: sp.id) }?.purpose, "Anna's purpose")
        }
    }
}
