import XCTest
@testable import VarselUI
import VarselKit

final class DisplayWidthTests: XCTestCase {
    func testASCII() {
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of(Character("a")), 1)
        XCTAssertEqual(DisplayWidth.of(Character(" ")), 1)
    }

    func testNordicLettersAreNarrow() {
        for c in "åäöæøÅÄÖÆØéüß" { XCTAssertEqual(DisplayWidth.of(c), 1, "\(c)") }
        XCTAssertEqual(DisplayWidth.of("Ærø Åsa Ødegård"), 15)
        XCTAssertEqual(DisplayWidth.of("Smørrebrød på Ærø"), 17)
    }

    func testCombiningSequences() {
        let decomposed = "e\u{301}"
        XCTAssertEqual(decomposed.count, 1)
        XCTAssertEqual(DisplayWidth.of(decomposed), 1)
        XCTAssertEqual(DisplayWidth.of("a\u{30A}sa"), 3)            // å decomposed
        XCTAssertEqual(DisplayWidth.of("O\u{338}degaard"), 8)       // Ø-like with combining stroke
        XCTAssertEqual(DisplayWidth.of("x\u{20DD}"), 1)             // enclosing mark
        XCTAssertEqual(DisplayWidth.width(of: "\u{301}"), 0)
        XCTAssertEqual(DisplayWidth.width(of: "\u{200B}"), 0)       // Cf
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2) // Hangul jamo cluster
    }

    func testCJKAndFullwidth() {
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)                  // fullwidth Latin
        XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2)              // ideographic space
        XCTAssertEqual(DisplayWidth.of("ｶ"), 1)                     // halfwidth katakana
        XCTAssertEqual(DisplayWidth.of("\u{20000}"), 2)             // CJK extension B
        XCTAssertEqual(DisplayWidth.of("䷀"), 1)                    // Yijing hexagram (not wide)
    }

    func testEmoji() {
        XCTAssertEqual(DisplayWidth.of("🙂"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)                   // skin tone modifier
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦"), 2)               // ZWJ family
        XCTAssertEqual(DisplayWidth.of("🧑‍💻"), 2)
        XCTAssertEqual(DisplayWidth.of("🇸🇪"), 2)                   // flags
        XCTAssertEqual(DisplayWidth.of("🇳🇴🇩🇰"), 4)
        XCTAssertEqual(DisplayWidth.of("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), 2)                // tag sequence
        XCTAssertEqual(DisplayWidth.of("⌚"), 2)
    }

    func testVariationSelector16() {
        XCTAssertEqual(DisplayWidth.of("❤"), 1)                     // text presentation by default
        XCTAssertEqual(DisplayWidth.of("❤\u{FE0F}"), 2)
        XCTAssertEqual(DisplayWidth.of("©\u{FE0F}"), 2)
        XCTAssertEqual(DisplayWidth.of("1\u{FE0F}\u{20E3}"), 2)     // keycap
        XCTAssertEqual(DisplayWidth.of("#"), 1)
    }

    func testControlsHaveNoWidthBeforeSanitising() {
        XCTAssertEqual(DisplayWidth.of(Character("\u{1B}")), 0)
        XCTAssertEqual(DisplayWidth.of(TerminalText.sanitize("\u{1B}")), 1)
    }

    func testWideRangeTableIsSortedAndDisjoint() {
        let r = DisplayWidth.wideRanges
        for i in r.indices {
            XCTAssertLessThanOrEqual(r[i].0, r[i].1)
            if i > 0 { XCTAssertLessThan(r[i - 1].1, r[i].0, "range \(i)") }
        }
    }

    func testTruncateNeverSplitsAndFits() {
        XCTAssertEqual(DisplayWidth.truncate("hello", to: 10), "hello")
        XCTAssertEqual(DisplayWidth.truncate("hello world", to: 8), "hello w…")
        XCTAssertEqual(DisplayWidth.truncate("東京東京", to: 5), "東京…")
        XCTAssertEqual(DisplayWidth.truncate("東京東京", to: 4), "東…")    // 東 + … = 3, next 京 would be 5
        XCTAssertEqual(DisplayWidth.truncate("東京東京", to: 8), "東京東京")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 0), "")
        XCTAssertEqual(DisplayWidth.truncate("東京", to: 1), "…")
        XCTAssertEqual(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2), "e\u{301}…")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 4, ellipsis: ""), "abcd")
        XCTAssertEqual(DisplayWidth.truncate("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", to: 3), "👨‍👩‍👧‍👦…")
        let samples = ["Ærø Åsa Ødegård 東京 🙂 end", "東京東京東京", "a東b京c", "🇸🇪🇳🇴🇩🇰", "e\u{301}東\u{1B}x"]
        for s in samples {
            for w in 0...30 {
                let t = DisplayWidth.truncate(s, to: w)
                XCTAssertLessThanOrEqual(DisplayWidth.of(t), w, "\(s) @\(w)")
                XCTAssertGreaterThanOrEqual(DisplayWidth.of(t), min(w, DisplayWidth.of(TerminalText.sanitize(s))) - 1, "\(s) @\(w)")
            }
        }
    }

    func testPadGivesExactWidth() {
        XCTAssertEqual(DisplayWidth.pad("ab", to: 4), "ab  ")
        XCTAssertEqual(DisplayWidth.pad("ab", to: 4, alignRight: true), "  ab")
        XCTAssertEqual(DisplayWidth.pad("東京東京", to: 4), "東… ")
        XCTAssertEqual(DisplayWidth.pad("Ødegård", to: 7), "Ødegård")
        XCTAssertEqual(DisplayWidth.pad("x", to: 0), "")
        XCTAssertEqual(DisplayWidth.center("ab", to: 6), "  ab  ")
        let samples = ["Ærø Åsa Ødegård 東京 🙂 end", "東京東京東京", "a東b京c", "🇸🇪🇳🇴🇩🇰", "", "\u{1B}[2J"]
        for s in samples {
            for w in 0...30 {
                XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad(s, to: w)), w, "\(s) @\(w)")
                XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad(s, to: w, alignRight: true)), w, "\(s) @\(w)")
            }
        }
    }
}
