import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

final class CalendarExportTests: XCTestCase {
    func testTextEscaping() {
        XCTAssertEqual(CalendarExport.text("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng")
        XCTAssertEqual(CalendarExport.text("bell\u{7}:colon \"q\""), "bell:colon \"q\"")
    }

    func testFoldingAt75OctetsNeverSplitsUTF8() {
        let value = String(repeating: "åä🇸🇪x,", count: 40)
        let folded = CalendarExport.fold("DESCRIPTION:" + CalendarExport.text(value))
        XCTAssertTrue(folded.hasSuffix("\r\n"))
        let body = String(decoding: Array(folded.utf8.dropLast(2)), as: UTF8.self)
        let physical = body.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(physical.count, 3)
        for (i, line) in physical.enumerated() {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, "line \(i) too long")
            if i > 0 { XCTAssertTrue(line.hasPrefix(" ")) }
            // Each physical line is valid UTF-8 on its own: no sequence was split.
            XCTAssertNotNil(String(validating: Array(line.utf8), as: UTF8.self))
        }
        let unfolded = body.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertEqual(unfolded, "DESCRIPTION:" + CalendarExport.text(value))
        XCTAssertEqual(CalendarExport.fold(String(repeating: "a", count: 75)), String(repeating: "a", count: 75) + "\r\n")
        XCTAssertEqual(CalendarExport.fold(String(repeating: "a", count: 76)), String(repeating: "a", count: 75) + "\r\n a\r\n")
    }

    func testDemoCalendar() throws {
        let store = try ExchangeFixtures.demoStore()
        let ics = try CalendarExport.ics(store: store, clock: ExchangeFixtures.clock, options: .init(within: 365, alarmDays: 5))
        XCTAssertTrue(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertTrue(ics.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        let items = try PortfolioQueries(store: store, today: ExchangeFixtures.today).agenda(within: 365)
        XCTAssertFalse(items.isEmpty)
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, items.count)
        for item in items {
            let d = item.deadline
            XCTAssertTrue(lines.contains("UID:\(d.id)@varsel"))
            XCTAssertTrue(lines.contains("DTSTART;VALUE=DATE:" + d.actByDate.iso.replacingOccurrences(of: "-", with: "")))
        }
        XCTAssertEqual(lines.filter { $0 == "TRIGGER:-P5D" }.count, items.count)
        XCTAssertTrue(lines.contains("DTSTAMP:20261123T090000Z"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("DESCRIPTION:") && $0.contains("Clause: 8.6.3") })
        // Stable: the same clock gives the same bytes.
        XCTAssertEqual(ics, try CalendarExport.ics(store: store, clock: ExchangeFixtures.clock, options: .init(within: 365, alarmDays: 5)))
    }
}
