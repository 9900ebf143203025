import XCTest
@testable import VarselUI

final class KeyAndPaletteTests: XCTestCase {
    func testCharacterCodes() {
        XCTAssertEqual(Key.fromCharacterCode(0x61), .char("a"))
        XCTAssertEqual(Key.fromCharacterCode(0xE5), .char("å"))
        XCTAssertEqual(Key.fromCharacterCode(0x6771), .char("東"))
        XCTAssertEqual(Key.fromCharacterCode(0x1F642), .char("🙂"))
        XCTAssertEqual(Key.fromCharacterCode(9), .tab)
        XCTAssertEqual(Key.fromCharacterCode(10), .enter)
        XCTAssertEqual(Key.fromCharacterCode(13), .enter)
        XCTAssertEqual(Key.fromCharacterCode(27), .escape)
        XCTAssertEqual(Key.fromCharacterCode(127), .backspace)
        XCTAssertEqual(Key.fromCharacterCode(8), .backspace)
        XCTAssertEqual(Key.fromCharacterCode(3), .ctrl("c"))
        XCTAssertTrue(Key.fromCharacterCode(3)!.isInterrupt)
        XCTAssertEqual(Key.fromCharacterCode(1), .ctrl("a"))
        XCTAssertEqual(Key.fromCharacterCode(26), .ctrl("z"))
        XCTAssertEqual(Key.fromCharacterCode(28), .ctrl("\\"))
        XCTAssertNil(Key.fromCharacterCode(0))
        XCTAssertNil(Key.fromCharacterCode(0x9B))
        XCTAssertNil(Key.fromCharacterCode(0xD800))
    }

    func testNoColorPolicy() {
        XCTAssertTrue(ColorPolicy.useColor(terminalHasColors: true, environment: [:]))
        XCTAssertTrue(ColorPolicy.useColor(terminalHasColors: true, environment: ["NO_COLOR": ""]))
        XCTAssertFalse(ColorPolicy.useColor(terminalHasColors: true, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(ColorPolicy.useColor(terminalHasColors: false, environment: [:]))
    }

    func testPairNumbersAreDistinctAndPositive() {
        let pairs = ColorRole.allCases.map(Palette.pairNumber)
        XCTAssertEqual(Set(pairs).count, ColorRole.allCases.count)
        XCTAssertTrue(pairs.allSatisfy { $0 > 0 })
        for role in ColorRole.allCases {
            let a = Palette.appearance(role)
            XCTAssertTrue((-1...7).contains(a.foreground) && (-1...7).contains(a.background), role.rawValue)
        }
    }

    func testUrgencyStaysVisibleInMonochrome() {
        let urgency: [ColorRole] = [.overdue, .due14, .due30, .due90]
        let mono = urgency.map { Palette.attributes(for: CellStyle($0), color: false) }
        XCTAssertEqual(Set(mono).count, urgency.count, "each urgency level looks different")
        XCTAssertTrue(mono.allSatisfy { !$0.isEmpty })
        XCTAssertNotEqual(Palette.attributes(for: CellStyle(.selection), color: false), [])
        XCTAssertNotEqual(Palette.attributes(for: CellStyle(.header), color: false), [])
    }

    func testExplicitAttributesAreAdded() {
        let a = Palette.attributes(for: CellStyle(.normal, bold: true, underline: true), color: true)
        XCTAssertEqual(a, [.bold, .underline])
        XCTAssertEqual(Palette.attributes(for: CellStyle(.muted, reverse: true), color: false), [.dim, .reverse])
    }
}
