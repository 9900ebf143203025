import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// The agreement detail and messages: notes shown with objections, terminations and handled
/// deadlines, the title beside the scroll counter, and why `o` refuses.
final class DetailAndWordingTests: XCTestCase {
    func testObjectionTerminationAndHandledNotesShowInTheNoticesTab() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let p = wb.portfolio
            try p.recordObjection(noticeId: "cn-0001", grounds: "US transfer", note: "Sent by the DPO, ref 2026-117")
            _ = try p.recordTermination(agreementId: "pureservice", by: .us, date: Fixture.today, note: "Board decision 12 Nov")
            wb.dataChanged()
            wb.openAgreement("pureservice", tab: .notices)
            let s = wb.screen(160, 60)
            XCTAssertTrue(s.contains("Note: Sent by the DPO, ref 2026-117"), s)
            XCTAssertTrue(s.contains("Note: Board decision 12 Nov"), s)
        }
    }

    func testHandledNoteShowsBesideTheHandledDeadline() throws {
        try onMain {
            let wb = try Fixture.workbench()
            try wb.portfolio.recordObjection(noticeId: "cn-0001", grounds: "US transfer")
            let pub = try XCTUnwrap(try wb.portfolio.queries.detail(agreementId: "pub-avtal").deadlines.first)
            _ = try wb.portfolio.handleDeadline(id: pub.id, note: "Accepted by phone with Låsbolaget")
            wb.dataChanged()
            wb.openAgreement("pub-avtal", tab: .notices)
            let s = wb.screen(160, 60)
            XCTAssertTrue(s.contains("handled 2026-11-23: Accepted by"), s)
        }
    }

    func testDetailTitleNeverRunsIntoTheScrollCounter() throws {
        try onMain {
            let store = try VarselStore.inMemory()
            try DemoPortfolio.load(into: store, clock: .fixed(Fixture.today), user: "test")
            let wb = Bench(Workbench(portfolio: Portfolio(store: store, clock: .fixed(Fixture.today), user: "test"), databaseLabel: "demo"))
            wb.openAgreement("migrationsverket-e-tjanster", tab: .rules)
            for width in [120, 130, 90, 70] {
                let b = wb.render(width: width, height: 16)
                let row = (0..<b.height).map(b.line).first { $0.contains("Allmänna villkor") && $0.range(of: #"\d+–\d+/\d+"#, options: .regularExpression) != nil }
                let line = try XCTUnwrap(row, "width \(width): no title row with a counter\n\(b.text)")
                let counter = try XCTUnwrap(line.range(of: #"\d+–\d+/\d+"#, options: .regularExpression))
                XCTAssertEqual(line[line.index(before: counter.lowerBound)], " ", "width \(width): \(line)")
                XCTAssertTrue(line[..<counter.lowerBound].contains("…"), "the title is cut to make room: \(line)")
            }
        }
    }

    func testWordingOfObjectionRefusals() throws {
        try onMain {
            let wb = try Fixture.workbench()
            // The first agenda item is the SLA claim, which comes from an event.
            wb.press(.char("o"))
            XCTAssertEqual(wb.state.status?.text, "o objects to a change notice; this deadline comes from an event")
            _ = try wb.portfolio.recordTermination(agreementId: "pureservice", by: .us, date: Fixture.today)
            wb.dataChanged()
            wb.press(.char("4"))
            let row = try XCTUnwrap(wb.noticeRows.firstIndex { $0.kind == .termination })
            for _ in 0..<row { wb.press(.char("j")) }
            wb.press(.char("o"))
            XCTAssertEqual(wb.state.status?.text, "Only a change notice can be objected to; this is a termination notice")
            try wb.portfolio.recordObjection(noticeId: "cn-0001", grounds: "x")
            wb.dataChanged()
            let objected = try XCTUnwrap(wb.noticeRows.firstIndex { $0.id == "cn-0001" })
            wb.press(.char("g")); for _ in 0..<objected { wb.press(.char("j")) }
            wb.press(.char("o"))
            XCTAssertEqual(wb.state.status?.text, "Only an open change notice can be objected to; it has already been objected to")
        }
    }
}
