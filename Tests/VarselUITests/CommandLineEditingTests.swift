import XCTest
@testable import VarselKit
@testable import VarselUI

/// The `/` filter and the `:` command line edit as the forms' fields do (readline keys), and q
/// on a form's choice field asks before quitting when the form holds input.
final class CommandLineEditingTests: XCTestCase {
    func testTheFilterLineEditsAtItsCursor() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("/"))
            wb.type("ureservice")
            wb.press(.ctrl("a"))
            wb.type("P")
            XCTAssertEqual(wb.state.filter, "Pureservice")
            wb.press(.end, .left, .left, .backspace)
            XCTAssertEqual(wb.state.filter, "Pureservce")
            wb.type("i")
            XCTAssertEqual(wb.state.filter, "Pureservice")
            XCTAssertEqual(wb.state.lineCharactersAfterCursor, 2)
            // The hardware cursor sits at the editing cursor: "/Pureservi|ce".
            XCTAssertEqual(wb.render(width: 80, height: 24).cursor?.x, 10)
            wb.press(.home, .delete)
            XCTAssertEqual(wb.state.filter, "ureservice")
            wb.press(.ctrl("e"))
            wb.type(" x")
            wb.press(.ctrl("w"))
            XCTAssertEqual(wb.state.filter, "ureservice ")
            wb.press(.ctrl("u"))
            XCTAssertEqual(wb.state.filter, "")
        }
    }

    func testTheCommandLineEditsAtItsCursor() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char(":"))
            wb.type("export /tmp/x.json")
            wb.press(.ctrl("w"))
            XCTAssertEqual(wb.state.prompt, "export ")
            wb.type("/tmp/y.json")
            wb.press(.home, .right, .right, .ctrl("d"))
            XCTAssertEqual(wb.state.prompt, "exort /tmp/y.json")
            wb.type("p")
            XCTAssertEqual(wb.state.prompt, "export /tmp/y.json")
            wb.press(.ctrl("e"), .ctrl("b"), .ctrl("b"), .ctrl("b"), .ctrl("b"), .ctrl("u"))
            XCTAssertEqual(wb.state.prompt, "json")
            XCTAssertEqual(wb.render(width: 80, height: 24).cursor?.x, 1)
            wb.press(.escape)
            XCTAssertNil(wb.state.prompt)
        }
    }

    func testQOnAChoiceFieldAsksBeforeQuittingAFormWithInput() throws {
        try onMain {
            let wb = try Fixture.workbench()
            _ = try wb.portfolio.recordObjection(noticeId: "cn-0001", grounds: "x", channel: .email)
            wb.dataChanged()
            wb.press(.char("4"))
            let row = try XCTUnwrap(wb.noticeRows.firstIndex { $0.id == "cn-0001" })
            for _ in 0..<row { wb.press(.char("j")) }
            wb.press(.char("e"), .tab, .tab)
            XCTAssertEqual(wb.state.form?.focusedField?.id, "channel")
            wb.press(.char(" "))
            XCTAssertNotEqual(wb.handle(.char("q")), .quit, "the form holds input: asks first")
            guard case .confirm(let c) = wb.state.overlay else { return XCTFail("no question") }
            XCTAssertEqual(c.subject, .quit)
            wb.press(.char("n"))
            XCTAssertNotNil(wb.state.form, "n keeps the form")
        }
    }
}
