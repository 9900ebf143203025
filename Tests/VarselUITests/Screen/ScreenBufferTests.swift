import XCTest
@testable import VarselUI

final class ScreenBufferTests: XCTestCase {
    func testNewBufferIsBlank() {
        let b = ScreenBuffer(width: 4, height: 2)
        XCTAssertEqual(b.text, "\n")
        XCTAssertEqual(b[0, 0], Cell(text: " ", width: 1, style: .normal))
        XCTAssertEqual(b[10, 10], .blank)  // outside
        XCTAssertNil(b.cursor)
    }

    func testPutReturnsColumnsAndWritesCells() {
        var b = ScreenBuffer(width: 30, height: 1)
        let used = b.put("Ærø 東京 🙂", x: 1, y: 0, style: CellStyle(.title))
        XCTAssertEqual(used, 11)
        XCTAssertEqual(b.line(0), " Ærø 東京 🙂")
        XCTAssertEqual(b[5, 0], Cell(text: "東", width: 2, style: CellStyle(.title)))
        XCTAssertEqual(b[6, 0], Cell(text: "", width: 0, style: CellStyle(.title)))
        XCTAssertEqual(b[10, 0].text, "🙂")
        XCTAssertEqual(b[0, 0].style, .normal)
    }

    func testPutClipsAtRightEdgeWithoutSplittingWideChars() {
        var b = ScreenBuffer(width: 5, height: 1)
        XCTAssertEqual(b.put("ab東京", x: 0, y: 0), 5)
        XCTAssertEqual(b.line(0), "ab東")     // 京 would need columns 4–5: becomes a space
        XCTAssertEqual(b[4, 0].text, " ")
        XCTAssertEqual(b[4, 0].width, 1)
    }

    func testPutClipsToMaxWidth() {
        var b = ScreenBuffer(width: 20, height: 1)
        XCTAssertEqual(b.put("東京東京", x: 2, y: 0, maxWidth: 5), 5)
        XCTAssertEqual(b.line(0), "  東京")
        XCTAssertEqual(b.put("abcdef", x: 10, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(b.line(0), "  東京    abc")
        XCTAssertEqual(b.put("x", x: 0, y: 0, maxWidth: 0), 0)
    }

    func testPutOutsideIsIgnored() {
        var b = ScreenBuffer(width: 5, height: 2)
        XCTAssertEqual(b.put("abc", x: 0, y: 2), 0)
        XCTAssertEqual(b.put("abc", x: 0, y: -1), 0)
        XCTAssertEqual(b.put("abc", x: 5, y: 0), 0)
        XCTAssertEqual(b.put("abcdef", x: -2, y: 0), 4)
        XCTAssertEqual(b.line(0), "cdef")
        XCTAssertEqual(b.put("東x", x: -1, y: 1), 2)  // right half of 東 visible: a space
        XCTAssertEqual(b.line(1), " x")
    }

    func testPutSanitises() {
        var b = ScreenBuffer(width: 40, height: 1)
        b.put("a\u{1B}[2Jb\u{1B}]52;c;SGVsbG8=\u{07}\u{202E}z", x: 0, y: 0)
        XCTAssertEqual(b.line(0), "a␛[2Jb␛]52;c;SGVsbG8=␇z")
        for x in 0..<40 {
            for u in b[x, 0].text.unicodeScalars { XCTAssertGreaterThanOrEqual(u.value, 0x20) }
        }
    }

    func testCombiningAndEmojiSequencesStayInOneCell() {
        var b = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(b.put("e\u{301}👨‍👩‍👧🇸🇪", x: 0, y: 0), 5)
        XCTAssertEqual(b[0, 0].text, "e\u{301}")
        XCTAssertEqual(b[1, 0].text, "👨‍👩‍👧")
        XCTAssertEqual(b[3, 0].text, "🇸🇪")
        XCTAssertEqual(b[4, 0].width, 0)
    }

    func testOverwritingHalfOfAWideCharBlanksTheOtherHalf() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("東京", x: 0, y: 0)
        b.put("x", x: 1, y: 0)                 // right half of 東
        XCTAssertEqual(b.line(0), " x京")
        XCTAssertEqual(b[0, 0], .blank)
        b.put("y", x: 2, y: 0)                 // left half of 京
        XCTAssertEqual(b.line(0), " xy")
        XCTAssertEqual(b[3, 0].width, 1)
        XCTAssertEqual(b[3, 0].text, " ")
    }

    func testFillHlineVline() {
        var b = ScreenBuffer(width: 5, height: 3)
        let sel = CellStyle(.selection)
        b.fill(x: 1, y: 1, width: 10, height: 1, style: sel)
        XCTAssertEqual(b[0, 1].style, .normal)
        XCTAssertEqual(b[4, 1].style, sel)
        XCTAssertEqual(b[4, 1].text, " ")
        b.hline(x: 0, y: 0, width: 3, style: .normal)
        b.vline(x: 4, y: 0, height: 5, style: .normal)
        XCTAssertEqual(b.text, "─── │\n    │\n    │")
    }

    func testBoxWithTitle() {
        var b = ScreenBuffer(width: 12, height: 4)
        b.box(x: 0, y: 0, width: 12, height: 4, style: CellStyle(.border), title: "Avtal")
        b.put("Ærø", x: 1, y: 1)
        XCTAssertEqual(b.text, """
        ┌ Avtal ───┐
        │Ærø       │
        │          │
        └──────────┘
        """)
        XCTAssertEqual(b[0, 0].style, CellStyle(.border))
    }

    func testBoxTitleIsTruncatedAndWideSafe() {
        var b = ScreenBuffer(width: 9, height: 3)
        b.box(x: 0, y: 0, width: 9, height: 3, style: .normal, title: "東京東京東京")
        XCTAssertEqual(b.line(0), "┌ 東京… ┐")
        XCTAssertEqual(DisplayWidth.of(b.line(0)), 9)
    }

    func testLineTrimsAndDumpJoins() {
        var b = ScreenBuffer(width: 8, height: 3)
        b.put("a  ", x: 0, y: 0)
        b.put("東京", x: 2, y: 2)
        XCTAssertEqual(b.line(0), "a")
        XCTAssertEqual(b.line(1), "")
        XCTAssertEqual(b.line(2), "  東京")
        XCTAssertEqual(b.text, "a\n\n  東京")
    }

    func testCursorAndEquality() {
        var a = ScreenBuffer(width: 3, height: 1)
        var b = ScreenBuffer(width: 3, height: 1)
        XCTAssertEqual(a, b)
        a.cursor = (x: 1, y: 0)
        XCTAssertEqual(a.cursor?.x, 1)
        XCTAssertEqual(a.cursorPosition, ScreenPoint(x: 1, y: 0))
        XCTAssertNotEqual(a, b)
        b.cursor = (1, 0)
        XCTAssertEqual(a, b)
        b.put("x", x: 0, y: 0)
        XCTAssertNotEqual(a, b)
    }

    func testPutPaddedAndApplyStyle() {
        var b = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(b.putPadded("東京東京", x: 0, y: 0, width: 6), 6)
        XCTAssertEqual(b.line(0), "東京…")
        b.applyStyle(x: 0, y: 0, width: 10, style: CellStyle(.selection))
        XCTAssertEqual(b.line(0), "東京…")
        XCTAssertTrue(b.styles(0).allSatisfy { $0 == CellStyle(.selection) })
    }

    func testDrawOverlay() {
        var base = ScreenBuffer(width: 6, height: 2)
        base.put("abcdef", x: 0, y: 0)
        var overlay = ScreenBuffer(width: 3, height: 1)
        overlay.put("東x", x: 0, y: 0)
        overlay.cursor = (x: 2, y: 0)
        base.draw(overlay, x: 2, y: 0)
        XCTAssertEqual(base.line(0), "ab東xf")
        XCTAssertEqual(base.cursorPosition, ScreenPoint(x: 4, y: 0))
        base.draw(overlay, x: 5, y: 1)       // wide char does not fit: space
        XCTAssertEqual(base.line(1), "")
        XCTAssertEqual(base[5, 1].width, 1)
    }

    func testScreenDumpOfMixedLine() {
        var b = ScreenBuffer(width: 30, height: 2)
        b.put("Ærø Åsa Ødegård 東京 🙂 end", x: 0, y: 0)
        b.put("|", x: 29, y: 0)
        b.put("e\u{301}", x: 29, y: 1)
        XCTAssertEqual(b.line(0), "Ærø Åsa Ødegård 東京 🙂 end  |")
        XCTAssertEqual(DisplayWidth.of(b.line(0)), 30)
        XCTAssertEqual(b.line(1), String(repeating: " ", count: 29) + "e\u{301}")
    }
}
