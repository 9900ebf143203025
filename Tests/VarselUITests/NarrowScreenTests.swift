import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 14, 80 columns: at 80×24 and 60×20 the header keeps every count and "? help" stays on
/// the hint bar, and each list keeps its most needed columns (agenda, agreements, register,
/// notices). The lines are asserted exactly.
final class NarrowScreenTests: XCTestCase {
    /// The lines of `view` (its key) at a size: the header, the tabs, the column header, the
    /// first two rows and the hint bar.
    @MainActor static func lines(_ wb: Bench, _ view: Character, _ w: Int, _ h: Int) -> [String] {
        wb.press(.char(view))
        let b = wb.render(width: w, height: h)
        return [0, 1, 2, 3, 4, h - 1].map { b.line($0) }
    }

    @MainActor static func check(_ wb: Bench, _ view: Character, _ w: Int, _ h: Int, _ expected: [String],
                                 file: StaticString = #filePath, line: UInt = #line) {
        let got = lines(wb, view, w, h)
        XCTAssertEqual(got, expected, "view \(view) at \(w)x\(h):\n" + got.map { "\"\($0)\"," }.joined(separator: "\n"),
                       file: file, line: line)
        for l in got { XCTAssertLessThanOrEqual(DisplayWidth.of(l), w, l, file: file, line: line) }
    }

    func testEveryListAt80x24() throws {
        try onMain {
            let wb = try Fixture.workbench()
            Self.check(wb, "1", 80, 24, [
                " Varsel · Mon 23 Nov 2026          Overdue 1   0–14 d 2   15–30 d 0   31–90 d 0",
                " 1 Agenda   2 Agreements   3 Sub-processors   4 Notices   5 Calendar",
                " Act by        Left Agreement                     What is due",
                " Overdue (1)",
                "▸2026-11-18    -5 d Pureservice tjenesteavtale v… Claim the SLA credit in writ…",
                "Enter open  o object  c change notice  t terminate  x handled  … ? help",
            ])
            Self.check(wb, "2", 80, 24, [
                " Varsel · Mon 23 Nov 2026          Overdue 1   0–14 d 2   15–30 d 0   31–90 d 0",
                " 1 Agenda   2 Agreements   3 Sub-processors   4 Notices   5 Calendar",
                " Agreement (3)            Counterparty      Kind         Status      Next",
                "▸Evil ␛]52;c;SGVsbG8=␇ ␛… Evil Co ␛[31m     Other        active      —",
                " Personuppgiftsbiträdesa… Låsbolaget AB     DPA          active      2026-12-04",
                "Enter/l/→ detail  o object  c change notice  t terminate  / filter  … ? help",
            ])
            Self.check(wb, "3", 80, 24, [
                " Varsel · Mon 23 Nov 2026          Overdue 1   0–14 d 2   15–30 d 0   31–90 d 0",
                " 1 Agenda   2 Agreements   3 Sub-processors   4 Notices   5 Calendar",
                " Sub-processor (4)          Org number     Countries  Status         Agreements",
                "▸Mailgun (Sinch AB)         —              EEA        approved                1",
                " Microsoft Norge AS         —              NO         approved                2",
                "Enter open  / filter  ? help  Esc/q back  u undo",
            ])
            Self.check(wb, "4", 80, 24, [
                " Varsel · Mon 23 Nov 2026          Overdue 1   0–14 d 2   15–30 d 0   31–90 d 0",
                " 1 Agenda   2 Agreements   3 Sub-processors   4 Notices   5 Calendar",
                " Date       Agreement      Notice                  Status    Window",
                "▸2026-11-20 Personuppgift… New sub-processor: Net… open      2026-12-04 11 d",
                " 2026-11-03 Pureservice t… New sub-processor: Twi… open      2026-12-01 8 d",
                "Enter open  o object  c change notice  t terminate  x handled  … ? help",
            ])
        }
    }

    func testEveryListAt60x20() throws {
        try onMain {
            let wb = try Fixture.workbench()
            Self.check(wb, "1", 60, 20, [
                " Mon 23 Nov 2026     Overdue 1   0–14 2   15–30 0   31–90 0",
                " 1 Agenda   2   3   4   5",
                " Act by        Left Agreement           What is due",
                " Overdue (1)",
                "▸2026-11-18    -5 d Pureservice tjenes… Claim the SLA cred…",
                "Enter open  o object  c change notice  … ? help",
            ])
            Self.check(wb, "2", 60, 20, [
                " Mon 23 Nov 2026     Overdue 1   0–14 2   15–30 0   31–90 0",
                " 1   2 Agreements   3   4   5",
                " Agreement (3)               Counterparty        Next",
                "▸Evil ␛]52;c;SGVsbG8=␇ ␛[2J… Evil Co ␛[31m       —",
                " Personuppgiftsbiträdesavta… Låsbolaget AB       2026-12-04",
                "Enter/l/→ detail  o object  c change notice  … ? help",
            ])
            Self.check(wb, "3", 60, 20, [
                " Mon 23 Nov 2026     Overdue 1   0–14 2   15–30 0   31–90 0",
                " 1   2   3 Sub-processors   4   5",
                " Sub-processor (4)     Countries  Status         Agreements",
                "▸Mailgun (Sinch AB)    EEA        approved                1",
                " Microsoft Norge AS    NO         approved                2",
                "Enter open  / filter  ? help  Esc/q back  u undo",
            ])
            Self.check(wb, "4", 60, 20, [
                " Mon 23 Nov 2026     Overdue 1   0–14 2   15–30 0   31–90 0",
                " 1   2   3   4 Notices   5",
                " Agreement       Notice                  Window",
                "▸Personuppgifts… New sub-processor: Net… 2026-12-04 11 d",
                " Pureservice tj… New sub-processor: Twi… 2026-12-01 8 d",
                "Enter open  o object  c change notice  … ? help",
            ])
        }
    }

    /// A snoozed deadline and a long database path: the counts stay whole, the labels shorten and
    /// the path is cut from its start; a filter shortens the tabs instead of hiding itself.
    func testTheHeaderGivesWayInOrder() throws {
        try onMain {
            let p = try Fixture.portfolio()
            _ = try p.snoozeDeadline(id: "dl-cn-0001-ps-8.6.3", until: CivilDate(iso: "2026-11-30"))
            let wb = Bench(Workbench(portfolio: p, databaseLabel: "/home/dpo/.local/share/varsel/varsel.sqlite"))
            var got: [String] = []
            for (w, h) in [(140, 30), (100, 30), (80, 24), (60, 20)] { got.append(wb.render(width: w, height: h).line(0)) }
            wb.press(.char("/"))
            wb.type("Pureservice")
            wb.press(.enter)
            for (w, h) in [(100, 30), (80, 24), (60, 20)] { got.append(wb.render(width: w, height: h).line(1)) }
            XCTAssertEqual(got, [
                " Varsel · Mon 23 Nov 2026 · …e/dpo/.local/share/varsel/varsel.sqlite  Overdue 1   0–14 d 1   15–30 d 0   31–90 d 0   1 snoozed, not counted",
                " Varsel · Mon 23 Nov 2026     Overdue 1   0–14 d 1   15–30 d 0   31–90 d 0   1 snoozed, not counted",
                " Varsel · Mon 23 Nov 2026   Overdue 1   0–14 1   15–30 0   31–90 0   +1 snoozed",
                " Mon 23 Nov 2026 Overdue 1 0–14 1 15–30 0 31–90 0 +1 snoozed",
                " 1 Agenda   2 Agreements   3 Sub-processors   4 Notices   5 Calendar                   /Pureservice",
                " 1 Agenda   2 Agreements   3 Sub-proc.   4 Notices   5 Calendar    /Pureservice",
                " 1 Agenda   2   3   4   5                      /Pureservice",
            ], got.map { "\"\($0)\"," }.joined(separator: "\n"))
        }
    }

    /// The columns each list keeps as the width shrinks (`ListDrawing.fit`).
    func testColumnsGiveWayByRank() {
        let notices: [ListColumn] = [.fixed(6, drop: 1), .fixed(10, drop: 2), .flexible(min: 14, weight: 2),
                                     .flexible(min: 20, weight: 3), .fixed(9, drop: 3), .fixed(18)]
        XCTAssertEqual(ListDrawing.fit(total: 118, notices), [6, 10, 28, 42, 9, 18])
        XCTAssertEqual(ListDrawing.fit(total: 78, notices), [nil, 10, 14, 23, 9, 18])
        XCTAssertEqual(ListDrawing.fit(total: 58, notices), [nil, nil, 15, 23, nil, 18])
        // Nothing left to drop: the flexible columns get what remains.
        XCTAssertEqual(ListDrawing.fit(total: 40, [.flexible(min: 30, weight: 1), .fixed(18)]), [21, 18])
    }
}
