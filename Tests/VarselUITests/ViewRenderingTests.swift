import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Every view rendered headless at 80x24 and 160x48, asserting on the visible text.
let sizes = [(80, 24), (160, 48)]

final class ViewRenderingTests: XCTestCase {

    func testAgendaGroupsRowsAndHeaderCounts() throws {
        try onMain {
            let wb = try Fixture.workbench()
            for (w, h) in sizes {
                let b = wb.render(width: w, height: h)
                XCTAssertTrue(b.line(0).contains("Mon 23 Nov 2026"), b.line(0))
                XCTAssertTrue(b.line(0).contains("Overdue 1   0–14 d 2   15–30 d 0   31–90 d 0"), b.line(0))
                XCTAssertEqual(b.line(1), " 1 Agenda   2 Agreements   3 Sub-processors   4 Notices   5 Calendar")
                XCTAssertEqual(b.line(3), " Overdue (1)")
                XCTAssertTrue(b.line(4).hasPrefix("▸2026-11-18    -5 d Pureservice tjenes"), b.line(4))
                XCTAssertTrue(b.line(4).contains("Claim the SLA credit in writ"), b.line(4))
                XCTAssertEqual(b.line(5), " Within 14 days (2)")
                XCTAssertTrue(b.line(6).hasPrefix(" 2026-12-01     8 d Pureservice"), b.line(6))
                if w >= AgendaView.wideWidth {
                    XCTAssertTrue(b.line(4).hasSuffix("4.3"), b.line(4))
                    XCTAssertTrue(b.line(6).hasSuffix("8.6.3"), b.line(6))
                } else {
                    // Narrow: the clause column gives way to the agreement (the preview names the clause).
                    XCTAssertTrue(b.line(4).hasPrefix("▸2026-11-18    -5 d Pureservice tjenesteavt"), b.line(4))
                }
                // The preview under the list: what is due in full and why.
                XCTAssertTrue(b.text.contains("Claim the SLA credit in writing — Pureservice tjenesteavtale v2.5 · clause 4.3"), b.text)
                XCTAssertTrue(b.text.contains("Why: 4 weeks after downtime"), b.text)
                XCTAssertTrue(b.line(7).hasPrefix(" 2026-12-04    11 d Personuppgiftsbitr"), b.line(7))
                XCTAssertTrue(b.line(h - 1).hasPrefix("Enter open  o object  c change notice"), b.line(h - 1))
            }
            let wide = wb.render(width: 160, height: 48)
            XCTAssertTrue(wide.line(6).contains("Pureservice tjenesteavtale v2.5"), wide.line(6))
            XCTAssertTrue(wide.line(6).contains("Object to the new sub-processor"), wide.line(6))
            // Start-up frames come from the agenda head (SQL counts and the first items) ...
            XCTAssertEqual(wb.agendaLoads, 0, "the first frames must not build the whole agenda")
            let headFrame = wb.render(width: 160, height: 48).text
            // ... and the whole agenda, built once on the first idle tick, draws the same screen.
            XCTAssertEqual(wb.tick(), .redraw)
            XCTAssertEqual(wb.agendaLoads, 1)
            XCTAssertEqual(wb.render(width: 160, height: 48).text, headFrame)
            _ = wb.render(width: 80, height: 24)
            XCTAssertEqual(wb.agendaLoads, 1, "rendering again must not reload the agenda")
        }
    }

    func testDaysLeftText() {
        XCTAssertEqual(Format.daysLeft(0), "today")
        XCTAssertEqual(Format.daysLeft(3), "3 d")
        XCTAssertEqual(Format.daysLeft(-5), "-5 d")
    }

    func testAgreementsListAndEveryDetailTab() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"))
            let narrow = wb.render(width: 80, height: 24)
            XCTAssertEqual(narrow.line(2), " Agreement (3)            Counterparty      Kind         Status      Next")
            XCTAssertTrue(narrow.line(4).contains("Personuppgiftsbiträdesa"), narrow.line(4))
            XCTAssertTrue(narrow.line(4).contains("Låsbolaget AB"), narrow.line(4))
            XCTAssertTrue(narrow.line(4).contains("DPA"), narrow.line(4))
            XCTAssertTrue(narrow.line(4).hasSuffix("active      2026-12-04"), narrow.line(4))
            XCTAssertTrue(narrow.line(5).hasSuffix("active      2026-11-18"), narrow.line(5))

            // Wide: list beside the selected agreement's detail.
            wb.press(.char("j"), .char("j"))
            let wide = wb.render(width: 160, height: 48)
            // Eight tabs do not fit beside the list: the detail names the shown tab and its place.
            XCTAssertTrue(wide.line(2).contains("│ ‹ Overview › 1/8"), wide.line(2))
            XCTAssertTrue(wide.text.contains("Counterparty: Pureservice AS (org 929 782 216, NO)"), wide.text)

            // Narrow: Enter opens the detail; ] walks the tabs.
            wb.press(.enter)
            let expected: [(DetailTab, String)] = [
                (.overview, "Law: Norwegian law · language nb · calendar Norway"),
                (.rules, "If today: notice received today → act by Mon 21 Dec 2026"),
                (.subProcessors, "Microsoft Norge AS — NO — approved"),
                (.notices, "• Object to the new sub-processor by 2026-12-01 (8 d) [8.6.3]"),
                (.history, "test record_change_notice"),
                (.clauses, "Clauses (1) · e edits, n adds, x removes"),
                (.versions, "Current version: 2.5"),
                (.text, "No contract text is kept for this agreement."),
            ]
            for (tab, text) in expected {
                XCTAssertEqual(wb.state.detailTab, tab)
                for (w, h) in sizes {
                    let s = wb.screen(w, h)
                    XCTAssertTrue(s.contains(text), "\(tab) at \(w)x\(h) lacks \(text):\n\(s)")
                    XCTAssertTrue(s.contains("Pureservice tjenesteavtale v2.5"))
                }
                wb.press(.char("]"))
            }
            XCTAssertEqual(wb.state.detailTab, .overview, "] wraps around")
            wb.press(.char("["))
            XCTAssertEqual(wb.state.detailTab, .text)
            wb.press(.char("["))
            XCTAssertEqual(wb.state.detailTab, .versions)
            // The rules tab shows flags and the clause text, wrapped.
            wb.press(.left, .left, .left, .left, .left)
            XCTAssertEqual(wb.state.detailTab, .rules)
            let rules = wb.screen(80, 24)
            XCTAssertTrue(rules.contains("Flags: written form"), rules)
            XCTAssertTrue(rules.contains("    Leverandøren skal varsle Behandlingsansvarlig skriftlig minst fire uker før"), rules)
            wb.press(.escape)
            XCTAssertFalse(wb.state.detailFocused)
            XCTAssertEqual(wb.state.view, .agreements)
        }
    }

    func testGroundsRequiredFlagsOnRulesTab() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pub-avtal", tab: .rules)
            let s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Flags: grounds required (\"sakliga skäl\") · silence = approval"), s)
            XCTAssertTrue(s.contains("Period: 10 working days after"), s)
        }
    }

    func testSubProcessorRegister() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("3"), .char("j"))
            for (w, h) in sizes {
                let b = wb.render(width: w, height: h)
                XCTAssertTrue(b.line(2).hasPrefix(" Sub-processor (4)"), b.line(2))
                XCTAssertTrue(b.line(4).hasPrefix("▸Microsoft Norge AS"), b.line(4))
                XCTAssertTrue(b.line(4).hasSuffix("NO         approved                2"), b.line(4))
                XCTAssertTrue(b.text.contains("Microsoft Norge AS: used in 2 place(s)"), b.text)
                XCTAssertTrue(b.text.contains("Hosting (Microsoft Azure)"), b.text)
                XCTAssertTrue(b.text.contains("Cloud hosting"), b.text)
            }
            // Enter opens the first agreement using it, at its Sub-processors tab.
            wb.press(.enter)
            XCTAssertEqual(wb.state.view, .agreements)
            XCTAssertEqual(wb.state.detailTab, .subProcessors)
        }
    }

    func testNoticesViewOpenFirstWithWindows() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("4"))
            let b = wb.render(width: 160, height: 48)
            XCTAssertTrue(b.line(2).hasPrefix(" Kind   Date       Agreement"), b.line(2))
            XCTAssertTrue(b.line(3).hasPrefix("▸Change 2026-11-20 Personuppgiftsbiträdesavtal Bilaga 3"), b.line(3))
            XCTAssertTrue(b.line(3).hasSuffix("open      2026-12-04 11 d"), b.line(3))
            XCTAssertTrue(b.line(4).contains("New sub-processor: Twilio Ireland Ltd"), b.line(4))
            XCTAssertTrue(b.line(4).hasSuffix("open      2026-12-01 8 d"), b.line(4))
            let n = wb.render(width: 80, height: 24)
            XCTAssertTrue(n.line(3).hasSuffix("2026-12-04 11 d"), n.line(3))
            wb.press(.char("j"), .enter)
            XCTAssertEqual(wb.state.view, .agreements)
            XCTAssertEqual(wb.state.detailTab, .notices)
            XCTAssertTrue(wb.screen().contains("cn-0001"))
        }
    }

    func testEmptyDatabaseExplainsHowToStart() throws {
        try onMain {
            let wb = try Fixture.workbench(empty: true)
            for (w, h) in sizes {
                let s = wb.screen(w, h)
                XCTAssertTrue(s.contains("This database holds no agreements yet."), s)
                XCTAssertTrue(s.contains("varsel --demo"), s)
                XCTAssertTrue(s.contains("varsel demo --db test.sqlite"), s)
                XCTAssertTrue(s.contains("varsel import FILE --db test.sqlite"), s)
            }
        }
    }

    func testTooSmallTerminal() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let b = wb.render(width: 59, height: 20)
            XCTAssertTrue(b.text.contains("Terminal too small (59x20); need at least 60x16"), b.text)
            XCTAssertTrue(wb.screen(70, 15).contains("Terminal too small (70x15); need at least 60x16"))
            XCTAssertFalse(wb.screen(60, 16).contains("too small"))
            XCTAssertTrue(wb.screen(60, 16).contains("Overdue (1)"))
        }
    }

    func testResizeKeepsSelectionAndNothingOverflows() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"), .char("j"))
            let big = wb.render(width: 160, height: 48)
            XCTAssertTrue(big.line(4).hasPrefix("▸Personuppgiftsbiträdesavta"), big.line(4))
            XCTAssertEqual(wb.handle(.resize), .redraw)
            let small = wb.render(width: 80, height: 24)
            XCTAssertEqual(small.width, 80)
            XCTAssertEqual(wb.state.agreements.selected, 1)
            XCTAssertTrue(small.line(4).hasPrefix("▸Personuppgiftsbiträdesa"), small.line(4))
            for y in 0..<small.height {
                XCTAssertLessThanOrEqual(DisplayWidth.of(small.line(y)), 80, "row \(y) overflows: \(small.line(y))")
            }
            // Resize inside a form keeps the form and what was typed.
            wb.press(.char("c"))
            wb.press(.tab, .tab, .tab)
            wb.type("Ändrade villkor")
            _ = wb.render(width: 160, height: 48)
            _ = wb.handle(.resize)
            let s = wb.screen(60, 16)
            XCTAssertTrue(s.contains("Ändrade villkor"), s)
            XCTAssertNotNil(wb.state.form)
        }
    }

    func testHostileTextIsHarmless() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"))
            for (w, h) in sizes {
                let b = wb.render(width: w, height: h)
                for y in 0..<b.height {
                    for x in 0..<b.width {
                        let t = b[x, y].text
                        XCTAssertFalse(t.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                                       "control character at \(x),\(y)")
                    }
                }
                XCTAssertTrue(b.line(3).hasPrefix("▸Evil ␛]52;c;SGVsbG8=␇ ␛"), b.line(3))
                XCTAssertTrue(b.text.contains("Evil Co ␛[31m"), b.text)
            }
            wb.press(.enter)
            let d = wb.render(width: 160, height: 48)
            XCTAssertTrue(d.text.contains("Evil ␛]52;c;SGVsbG8=␇ ␛[2J name"), d.text)
            XCTAssertFalse(d.text.contains("\u{1B}"))
            XCTAssertFalse(d.text.contains("\u{07}"))
        }
    }

    func testNordicLettersKeepColumnsAligned() throws {
        try onMain {
            let wb = try Fixture.workbench()
            // "Personuppgiftsbiträdesavtal", "Låsbolaget": å/ä must not push later columns out of place.
            wb.press(.char("2"))
            let b = wb.render(width: 80, height: 24)
            let header = b.line(2)
            let statusColumn = DisplayWidth.of(String(header[..<header.range(of: "Status")!.lowerBound]))
            for y in 3...5 {
                let line = b.line(y)
                let prefix = line.range(of: "active").map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
                XCTAssertEqual(prefix, statusColumn, line)
            }
        }
    }
}
