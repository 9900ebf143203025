import XCTest
@testable import VarselUI
import VarselKit

final class TerminalTextTests: XCTestCase {
    private func assertNoControls(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
        for u in s.unicodeScalars {
            XCTAssertFalse(u.value < 0x20 || (0x7F...0x9F).contains(u.value), "control U+\(String(u.value, radix: 16)) in \(s.debugDescription)", file: file, line: line)
        }
    }

    func testPlainTextUnchanged() {
        for s in ["hello", "Ærø Åsa Ødegård", "東京 🙂", "👨‍👩‍👧‍👦 🇸🇪", "e\u{301}", "Pureservice AS (org 929 782 216)"] {
            XCTAssertEqual(TerminalText.sanitize(s), s)
        }
    }

    func testOSC52ClipboardInjectionIsNeutralised() {
        let evil = "\u{1B}]52;c;SGVsbG8=\u{07}"
        let s = TerminalText.sanitize(evil)
        XCTAssertEqual(s, "␛]52;c;SGVsbG8=␇")
        XCTAssertFalse(s.unicodeScalars.contains("\u{1B}"))
        XCTAssertFalse(s.unicodeScalars.contains("\u{07}"))
        assertNoControls(s)
    }

    func testClearScreenSequenceIsVisible() {
        XCTAssertEqual(TerminalText.sanitize("\u{1B}[2J"), "␛[2J")
        XCTAssertEqual(TerminalText.sanitize("a\u{9B}2Jb"), "a\u{FFFD}2Jb") // C1 CSI
        assertNoControls(TerminalText.sanitize("x\u{0}\u{8}\u{7F}\u{85}\u{9D}y"))
        XCTAssertEqual(TerminalText.sanitize("\u{0}\u{8}\u{7F}"), "␀␈␡")
    }

    func testLineBreaksAndTabsBecomeSpaces() {
        XCTAssertEqual(TerminalText.sanitize("a\nb"), "a b")
        XCTAssertEqual(TerminalText.sanitize("a\r\nb"), "a b")
        XCTAssertEqual(TerminalText.sanitize("a\rb\tc"), "a b c")
        XCTAssertEqual(TerminalText.sanitize("a\u{2028}b\u{2029}c"), "a b c")
        XCTAssertEqual(TerminalText.sanitize("a\n\nb"), "a  b")
    }

    func testBidiControlsRemoved() {
        let trojan = "abc\u{202E}fed\u{202C} \u{2066}x\u{2069}\u{200E}\u{200F}\u{061C}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}"
        XCTAssertEqual(TerminalText.sanitize(trojan), "abcfed x")
    }

    func testInvisiblesRemovedButEmojiJoinersKept() {
        XCTAssertEqual(TerminalText.sanitize("a\u{200B}b\u{FEFF}c\u{2060}d\u{AD}e"), "abcde")
        XCTAssertEqual(TerminalText.sanitize("👨‍👩‍👧"), "👨‍👩‍👧")
        XCTAssertEqual(TerminalText.sanitize("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), "🏴󠁧󠁢󠁳󠁣󠁴󠁿")
        XCTAssertEqual(TerminalText.sanitize("a\u{E0041}\u{E007F}b"), "ab")  // stray tags
        XCTAssertEqual(TerminalText.sanitize("\u{FFFF}"), "\u{FFFD}")
    }

    func testOrphanCombiningMarkGetsDottedCircle() {
        XCTAssertEqual(TerminalText.sanitize("\u{301}x"), "\u{25CC}\u{301}x")
        XCTAssertEqual(TerminalText.sanitize("\u{1B}\u{301}"), "␛\u{25CC}\u{301}")
        XCTAssertEqual(DisplayWidth.of(TerminalText.sanitize("\u{301}")), 1)
    }

    func testIdempotent() {
        let samples = [
            "\u{1B}]52;c;SGVsbG8=\u{07}", "\u{1B}[2J", "a\r\nb\rc\n", "abc\u{202E}fed",
            "\u{301}x", "\u{7}\u{301}", "🏴\u{200B}\u{E0067}\u{E007F}", "a\u{E0041}", "Ærø 東京 🙂",
            "\u{0}\u{1}\u{1F}\u{7F}\u{80}\u{9F}", "\u{FFFE}\u{AD}\u{2028}",
        ]
        for s in samples {
            let once = TerminalText.sanitize(s)
            XCTAssertEqual(TerminalText.sanitize(once), once, s.debugDescription)
            assertNoControls(once)
        }
    }
}
