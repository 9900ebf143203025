import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The data writers against terminal escapes and bidi overrides: CSV drops them, JSON escapes them,
/// ICS drops them (docs/exchange.md), `TerminalLine` sanitises interpolated values only.
final class ControlCharacterWritersTests: XCTestCase {
    let evil = "a\u{1B}]52;c;eA==\u{07}b\u{1B}]0;title\u{07}c\u{1B}[2Jd\u{9B}31me\u{202E}f\u{2067}g\u{7F}h\u{85}i"

    func testCSVDropsControlsButKeepsLineBreaksAndTabs() {
        XCTAssertEqual(CSVWriter.clean(evil), "a]52;c;eA==b]0;titlec[2Jd31mefghi")
        XCTAssertEqual(CSVWriter.clean("x\ty\r\nz"), "x\ty\r\nz")
        XCTAssertEqual(CSVWriter.field("\u{1B}=1+2"), "'=1+2", "dropped first, then neutralised")
        XCTAssertEqual(CSVWriter.field("å \u{9B}東"), "å 東")
    }

    func testJSONEscapesC1AndBidi() {
        let json = "\"\(evil) å 東 🙂 – ‘’\""
        let escaped = JSONSafety.escapeInvisible(json)
        XCTAssertEqual(escaped, "\"a\u{1B}]52;c;eA==\u{07}b\u{1B}]0;title\u{07}c\u{1B}[2Jd\\u009b31me\\u202ef\\u2067g\u{7F}h\\u0085i å 東 🙂 – ‘’\"")
        XCTAssertEqual(JSONSafety.escapeInvisible(escaped), escaped)
        let plain = "\"– ‘’ å\""
        XCTAssertEqual(JSONSafety.escapeInvisible(plain), plain)
        XCTAssertEqual(JSONSafety.escapeInvisible("\u{200E}\u{200F}\u{061C}\u{2028}\u{2029}\u{80}\u{9F}\u{A0}"),
                       "\\u200e\\u200f\\u061c\\u2028\\u2029\\u0080\\u009f\u{A0}")
    }

    func testICSDropsC1AndBidi() {
        XCTAssertEqual(CalendarExport.text(evil), "a]52\\;c\\;eA==b]0\\;titlec[2Jd31mefgh\\ni")
    }

    func testTerminalLineSanitisesValuesNotLiterals() {
        let line: TerminalLine = "OK\t\(evil) \(42)"
        XCTAssertEqual(line.text, "OK\ta␛]52;c;eA==␇b␛]0;title␇c␛[2Jd\u{FFFD}31mefg␡h i 42")
        XCTAssertEqual(TerminalLine.block("x\u{1B}\ny\u{9B}").text, "x␛\ny\u{FFFD}")
    }
}
