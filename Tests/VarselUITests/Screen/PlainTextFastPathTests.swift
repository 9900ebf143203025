import XCTest
@testable import VarselUI
import VarselKit

/// The drawing fast path (`TerminalText.isPlain`, `DisplayWidth.simpleWidth`) must agree with the
/// careful path for every scalar it accepts: kept by sanitising, one column, its own cluster.
final class PlainTextFastPathTests: XCTestCase {
    func plainScalars() -> [Unicode.Scalar] {
        (0...0x10FFFF).compactMap { v in TerminalText.isPlain(UInt32(v)) ? Unicode.Scalar(UInt32(v)) : nil }
    }

    func testEveryPlainScalarIsAssignedOneColumnAndUnchanged() {
        let scalars = plainScalars()
        XCTAssertGreaterThan(scalars.count, 900)
        for s in scalars {
            let p = s.properties
            XCTAssertFalse([.control, .format, .surrogate, .unassigned, .privateUse, .nonspacingMark, .enclosingMark, .spacingMark,
                            .lineSeparator, .paragraphSeparator].contains(p.generalCategory), "U+\(String(s.value, radix: 16))")
            XCTAssertFalse(p.isEmojiPresentation || p.isNoncharacterCodePoint, "U+\(String(s.value, radix: 16))")
            XCTAssertEqual(DisplayWidth.width(of: s), 1, "U+\(String(s.value, radix: 16))")
            // Its own grapheme cluster next to letters, marks' bases and itself.
            let text = "a" + String(s) + String(s) + "å"
            XCTAssertEqual(text.count, 4, "U+\(String(s.value, radix: 16))")
        }
    }

    func testFastPathEqualsCarefulPath() {
        let samples = ["Øresund Kraft AB — avtal", "Ærø Færgeselskab · 30 dage…", "Šķēle ↔ “citat” • ▸ ─", "Straße ©®°±µ¶½",
                       "plain ascii", "", "ÅÄÖ åäö ÆØ æø"]
        for text in samples {
            XCTAssertNotNil(DisplayWidth.simpleWidth(text), text)
            let careful = text.reduce(0) { $0 + DisplayWidth.of($1) }
            XCTAssertEqual(DisplayWidth.of(text), careful, text)
            XCTAssertEqual(TerminalText.sanitize(text), text)
            for (x, maxWidth) in [(0, 12), (3, 40), (-2, 10)] {
                var fast = ScreenBuffer(width: 40, height: 1)
                let a = fast.put(text, x: x, y: 0, maxWidth: maxWidth)
                var slow = ScreenBuffer(width: 40, height: 1)
                let b = slow.putClusters(text, x: x, y: 0, style: .normal, limit: min(40, x + maxWidth))
                XCTAssertEqual(a, b, text)
                XCTAssertEqual(fast.line(0), slow.line(0), text)
            }
        }
        XCTAssertNil(DisplayWidth.simpleWidth("soft\u{AD}hyphen"))
        XCTAssertNil(DisplayWidth.simpleWidth("e\u{301}"))
        XCTAssertNil(DisplayWidth.simpleWidth("東京"))
        XCTAssertNil(DisplayWidth.simpleWidth("bell\u{07}"))
        XCTAssertEqual(TerminalText.sanitize("soft\u{AD}hyphen"), "softhyphen")
    }
}
