import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Text input: bracketed paste, readline editing in form fields, asking before a filled form is
/// thrown away, keys while the terminal is too small, and the `:` command line.
final class TextEditingTests: XCTestCase {
    func testPasteKeepsLinesInGroundsAndNeverSubmits() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let before = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("j"), .char("o"))
            XCTAssertEqual(wb.state.form?.focusedField?.id, "grounds")
            wb.press(.paste("line one\nline two\nline three"))
            let form = try XCTUnwrap(wb.state.form, "a pasted line break does not submit")
            XCTAssertEqual(form.focusedField?.id, "grounds", "a pasted line break does not move to the next field")
            XCTAssertEqual(form.value("grounds"), "line one\nline two\nline three")
            XCTAssertEqual(form.value("channel"), "email", "pasted spaces do not cycle the channel")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), before)
            let screen = wb.screen(100, 30)
            XCTAssertTrue(screen.contains("line one") && screen.contains("line three"), screen)
            wb.press(.ctrl("s"))
            XCTAssertEqual(try wb.portfolio.queries.detail(agreementId: "pureservice").objections.map(\.grounds),
                           ["line one\nline two\nline three"])
        }
    }

    func testPasteIntoOneLineFieldsJoinsLines() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"), .char("o"), .up)   // date
            for _ in 0..<10 { wb.press(.backspace) }
            wb.press(.paste("2026-11-2\r\n4 x"))
            XCTAssertEqual(wb.state.form?.value("date"), "2026-11-24", "a date keeps digits and dashes")
            wb.press(.tab, .tab, .tab)   // grounds, channel, note
            XCTAssertEqual(wb.state.form?.focusedField?.id, "note")
            wb.press(.paste("first\nsecond\u{1B}[31m"))
            XCTAssertEqual(wb.state.form?.value("note"), "first second[31m")
            // Outside a text field a paste is not read as keys.
            wb.press(.escape, .char("y"))
            wb.press(.paste("xy"))
            XCTAssertNil(wb.state.overlay, "x in a paste does not ask to mark a deadline handled")
            XCTAssertEqual(wb.state.status?.isError, true)
        }
    }

    func testReadlineEditingInTextFields() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"), .char("o"))
            wb.type("data to the US")
            wb.press(.ctrl("a"))
            wb.type("Twilio sends ")
            XCTAssertEqual(wb.state.form?.value("grounds"), "Twilio sends data to the US")
            wb.press(.end, .ctrl("w"))
            XCTAssertEqual(wb.state.form?.value("grounds"), "Twilio sends data to the ")
            wb.type("USA")
            wb.press(.left, .left, .left, .backspace)
            XCTAssertEqual(wb.state.form?.value("grounds"), "Twilio sends data to theUSA")
            wb.type(" ")
            wb.press(.home, .delete, .right)
            XCTAssertEqual(wb.state.form?.value("grounds"), "wilio sends data to the USA")
            wb.press(.ctrl("e"), .left, .left, .left, .ctrl("u"))
            XCTAssertEqual(wb.state.form?.value("grounds"), "USA")
            // The hardware cursor sits where typing goes: before "USA" in the value column.
            let buffer = wb.render(width: 100, height: 30)
            let cursor = try XCTUnwrap(buffer.cursorPosition)
            XCTAssertTrue(buffer.line(cursor.y).contains("› Grounds"), buffer.text)
            let line = Array(buffer.line(cursor.y))
            XCTAssertEqual(String(line[cursor.x..<(cursor.x + 3)]), "USA")
            // ← and → still cycle a choice field.
            wb.press(.tab)
            XCTAssertEqual(wb.state.form?.focusedField?.id, "channel")
            wb.press(.right)
            XCTAssertNotEqual(wb.state.form?.value("channel"), "email")
        }
    }

    func testCtrlCInAFilledFormAsks() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"), .char("o"))
            wb.type("Half")
            XCTAssertNotEqual(wb.handle(.ctrl("c")), .quit)
            XCTAssertTrue(wb.screen().contains("Quit Varsel?"), wb.screen())
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.form?.value("grounds"), "Half")
            _ = wb.handle(.ctrl("c"))
            XCTAssertEqual(wb.handle(.char("y")), .quit)
        }
    }

    func testKeysDoNothingWhileTheTerminalIsTooSmall() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let h = ProgramHarness(wb.workbench, width: 50, height: 14)
            XCTAssertTrue(h.text.contains("Terminal too small"))
            h.press(.char("x"), .char("y"), .char("j"), .char("x"), .enter, .char("o"), .char(":"))
            XCTAssertNil(wb.state.overlay)
            XCTAssertNil(wb.state.form)
            XCTAssertNil(wb.state.prompt)
            XCTAssertEqual(wb.state.agenda.selected, 0)
            XCTAssertTrue(try wb.portfolio.queries.agenda(within: 90).allSatisfy { $0.deadline.state == .open })
            h.resize(width: 100, height: 30)
            XCTAssertFalse(h.text.contains("Mark "), h.text)
            h.resize(width: 50, height: 14)
            h.press(.char("q"))
            XCTAssertTrue(h.didQuit)
        }
    }

    func testCommandLineTakesTheRestOfTheLineAndKnowsQuitAndHelp() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try onMain {
            let wb = try Fixture.workbench()
            let spaced = dir.appendingPathComponent("ux dir.json").path
            wb.press(.char(":")); wb.type("export \(spaced)"); wb.press(.enter)
            XCTAssertEqual(wb.state.status?.isError, false, wb.state.status?.text ?? "")
            XCTAssertTrue(FileManager.default.fileExists(atPath: spaced))
            let quoted = dir.appendingPathComponent("my cal.ics").path
            wb.press(.char(":")); wb.type("calendar \"\(quoted)\" 30"); wb.press(.enter)
            XCTAssertTrue(wb.state.status?.text.contains("next 30 days") ?? false, wb.state.status?.text ?? "")
            XCTAssertTrue(FileManager.default.fileExists(atPath: quoted))
            let unquoted = dir.appendingPathComponent("other cal.ics").path
            wb.press(.char(":")); wb.type("calendar \(unquoted) 60"); wb.press(.enter)
            XCTAssertTrue(FileManager.default.fileExists(atPath: unquoted))

            wb.press(.char(":")); wb.type("w"); wb.press(.enter)
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertTrue(wb.state.status?.text.hasPrefix("Unknown command :w.") ?? false, wb.state.status?.text ?? "")
            XCTAssertFalse(FileManager.default.fileExists(atPath: "w"))

            wb.press(.char(":")); wb.type("help"); wb.press(.enter)
            XCTAssertEqual(wb.state.context, .help)
            wb.press(.escape)
            wb.press(.char(":")); wb.type("q")
            XCTAssertEqual(wb.handle(.enter), .quit)
            XCTAssertEqual(CommandPrompt.parse("quit"), .quit)
        }
    }
}
