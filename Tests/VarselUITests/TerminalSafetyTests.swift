import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Every view and form rendered headless with hostile data (issue 15): no control or bidi character
/// reaches a cell (what `CursesTerminal` sends to the terminal), every cell is as wide as the
/// terminal will draw it, and list columns stay aligned.
final class TerminalSafetyTests: XCTestCase {
    static let samples = [
        "OSC52 \u{1B}]52;c;SGVsbG8=\u{07} end",
        "OSC8 \u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\ end",
        "CSI \u{1B}[2J\u{1B}[31mred \u{9B}31m C1 \u{85}\u{90}x\u{9C}",
        "bidi \u{202E}txet\u{202C} \u{2066}iso\u{2069} \u{200F}",
        "ZWJ 👩‍👩‍👧‍👦 👍🏽 👋🏿 🧑🏻‍💻 🏳️‍🌈",
        "CJK 東京都千代田区 株式会社 한국어 ｶﾀｶﾅ",
        "Long " + String(repeating: "Långt namn ", count: 1_000),
    ]

    /// The fixture portfolio plus one agreement per hostile sample, with hostile text in its
    /// counterparty, rule, clause, sub-processor and change notice.
    @MainActor static func workbench() throws -> Workbench {
        let p = try Fixture.portfolio()
        var doc = PortfolioDocument()
        for (i, s) in samples.enumerated() {
            doc.parties.append(Party(id: "hp-\(i)", name: "Party \(s)", country: "SE"))
            doc.agreements.append(Agreement(id: "h-\(i)", title: "H\(i) \(s)", kind: .serviceAgreement, counterpartyId: "hp-\(i)",
                                            ourRole: .customer, language: "sv", governingLaw: s, calendar: .se, notes: s))
            doc.clauses.append(Clause(id: "hc-\(i)", agreementId: "h-\(i)", reference: "1.\(i)", heading: s, text: s))
            doc.noticeRules.append(NoticeRule(id: "hr-\(i)", agreementId: "h-\(i)", clauseRef: "1.\(i)", title: "Object \(s)",
                                              trigger: .changeNoticeReceived, changeKinds: [.subProcessorAdded], period: Period(4, .weeks),
                                              direction: .after, actor: .us, groundsRequired: true, groundsText: s))
            doc.subProcessors.append(SubProcessor(id: "hs-\(i)", agreementId: "h-\(i)", name: "Sub \(s)", country: "SE", purpose: s,
                                                  status: .approved))
        }
        try p.write { db in
            try PortfolioSnapshot.insert(doc, into: db)
            return ((), AuditNote(action: "seed", entityType: "portfolio", entityId: "hostile", summary: samples.joined(separator: " | ")))
        }
        for (i, s) in samples.enumerated() {
            try p.recordChangeNotice(ChangeNoticeDraft(
                agreementId: "h-\(i)", kind: .subProcessorAdded, receivedDate: Fixture.today.adding(days: -i), summary: s,
                subProcessor: SubProcessorDraft(name: "New \(s)", country: "SE", purpose: s)))
        }
        return Workbench(portfolio: p, databaseLabel: "hostile \u{1B}]0;title\u{07}.sqlite")
    }

    static func isUnsafe(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// No unsafe scalar in any cell; each cell is drawn as wide as the buffer says; wide characters
    /// are followed by their continuation cell.
    static func assertSafe(_ b: ScreenBuffer, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<b.height {
            var x = 0
            while x < b.width {
                let cell = b[x, y]
                if let bad = cell.text.unicodeScalars.first(where: { Self.isUnsafe($0.value) }) {
                    return XCTFail("\(context): U+\(String(bad.value, radix: 16)) at \(x),\(y): \(b.line(y))", file: file, line: line)
                }
                if cell.width > 0, DisplayWidth.of(cell.text) != cell.width {
                    return XCTFail("\(context): \(cell.text.debugDescription) drawn \(DisplayWidth.of(cell.text)) wide in a \(cell.width)-wide cell at \(x),\(y)",
                                   file: file, line: line)
                }
                if cell.width == 2 {
                    guard x + 1 < b.width, b[x + 1, y].width == 0 else {
                        return XCTFail("\(context): wide cell without continuation at \(x),\(y)", file: file, line: line)
                    }
                }
                x += max(1, cell.width)
            }
        }
    }

    func testEveryViewTabAndFormWithHostileData() throws {
        try onMain {
            let wb = try Self.workbench()
            let h = ProgramHarness(wb, width: 100, height: 30)
            var screens = 0
            @MainActor func check(_ context: String) {
                for (w, ht) in [(80, 24), (160, 48), (40, 12)] {
                    Self.assertSafe(wb.render(width: w, height: ht), "\(context) @\(w)x\(ht)")
                    screens += 1
                }
            }
            _ = h.tick()
            for view in ["1", "2", "3", "4"] {
                h.press(.char(Character(view))); check("view \(view)")
                h.press(.char("G")); check("view \(view) bottom")
                h.press(.char("g"))
                h.press(.char("?")); check("help on view \(view)"); h.press(.escape)
                h.press(.char("/")); h.type("ZWJ 👩‍👩‍👧‍👦 \u{9B}\u{202E}"); check("filter on view \(view)"); h.press(.escape)
            }
            // Every agreement's detail, every tab.
            h.press(.char("2"))
            for i in 0..<10 {
                h.press(.char("g"))
                for _ in 0..<i { h.press(.char("j")) }
                h.press(.enter)
                for tab in 0..<7 { check("agreement \(i) tab \(tab)"); h.press(.char("]")) }
                h.press(.escape)
            }
            // Forms, with hostile text typed in.
            for (view, key) in [("4", "o"), ("1", "o"), ("2", "n"), ("2", "t")] {
                h.press(.char(Character(view)), .char("G"), .char(Character(key)))
                check("form \(key) on view \(view)")
                h.type("\u{1B}]52;c;eA==\u{07}\u{9B}2J\u{202E}👩‍👩‍👧‍👦 東京 " + String(repeating: "x", count: 40))
                check("form \(key) typed")
                h.press(.tab); h.type("漢字 🧑🏻‍💻"); check("form \(key) next field")
                h.press(.escape)
                if wb.state.form != nil { h.press(.escape) }
            }
            h.press(.char(":")); h.type("export \u{1B}[2J"); check("prompt"); h.press(.escape)
            XCTAssertGreaterThan(screens, 120)
        }
    }

    /// Columns stay put after hostile titles: the status column starts at the same display column in
    /// every row of the agreements list.
    func testColumnsStayAlignedWithHostileText() throws {
        try onMain {
            let wb = try Self.workbench()
            _ = wb.handle(.char("2"))
            for (w, ht) in [(80, 24), (160, 48)] {
                let b = wb.render(width: w, height: ht)
                let header = b.line(2)
                let column = DisplayWidth.of(String(header[..<header.range(of: "Status")!.lowerBound]))
                var rows = 0
                for y in 3..<(ht - 1) {
                    let line = b.line(y)
                    guard let r = line.range(of: " active") else { continue }
                    XCTAssertEqual(DisplayWidth.of(String(line[..<r.lowerBound])) + 1, column, line)
                    rows += 1
                }
                XCTAssertGreaterThanOrEqual(rows, min(ht - 5, 10), b.text)
            }
        }
    }
}
