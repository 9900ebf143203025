import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

final class CivilDateTests: XCTestCase {
    func testValidation() {
        XCTAssertNotNil(CivilDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 2025, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 2100, month: 2, day: 29))
        XCTAssertNotNil(CivilDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 2025, month: 4, day: 31))
        XCTAssertNil(CivilDate(year: 2025, month: 13, day: 1))
        XCTAssertNil(CivilDate(year: 2025, month: 0, day: 1))
        XCTAssertNil(CivilDate(year: 2025, month: 1, day: 0))
        XCTAssertNil(CivilDate(year: 0, month: 1, day: 1))
        XCTAssertNil(CivilDate(year: 10_000, month: 1, day: 1))
    }

    func testStrictISOParsing() {
        XCTAssertEqual(CivilDate(iso: "2026-11-23"), CivilDate(year: 2026, month: 11, day: 23))
        XCTAssertEqual(CivilDate(iso: "2026-11-23")?.iso, "2026-11-23")
        XCTAssertEqual(CivilDate(iso: "0987-01-02")?.iso, "0987-01-02")
        for bad in ["", "2026-1-23", "2026-11-3", "26-11-23", "2026/11/23", "20261123", " 2026-11-23",
                    "2026-11-23 ", "2026-11-23T00:00", "2026-13-01", "2026-02-30", "2025-02-29", "abcd-ef-gh",
                    "+026-11-23", "2026-+1-23", "２０２６-11-23", "0000-01-01"] {
            XCTAssertNil(CivilDate(iso: bad), "accepted \"\(bad)\"")
        }
    }

    func testDescriptionAndHumanText() {
        XCTAssertEqual(d("2026-03-02").description, "2026-03-02")
        XCTAssertEqual(d("2026-03-02").humanText, "Mon 2 Mar 2026")
        XCTAssertEqual(d("2025-12-24").humanText, "Wed 24 Dec 2025")
        XCTAssertEqual(d("2026-11-03").humanText, "Tue 3 Nov 2026")
        XCTAssertEqual(Weekday.monday.shortName, "Mon")
        XCTAssertEqual(Weekday.sunday.rawValue, 7)
    }

    func testArithmeticAgainstFoundation() {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        let start = d("1999-12-25")
        let startDate = gregorian.date(from: DateComponents(year: 1999, month: 12, day: 25))!
        for offset in stride(from: 0, through: 15_000, by: 7) {
            let date = start.adding(days: offset)
            let expected = gregorian.date(byAdding: .day, value: offset, to: startDate)!
            let c = gregorian.dateComponents([.year, .month, .day, .weekday], from: expected)
            XCTAssertEqual([date.year, date.month, date.day], [c.year!, c.month!, c.day!], "offset \(offset)")
            XCTAssertEqual(date.weekday.rawValue, (c.weekday! + 5) % 7 + 1, "weekday \(date)")
            XCTAssertEqual(start.days(until: date), offset)
            XCTAssertEqual(date.adding(days: -offset), start)
        }
    }

    func testMonthArithmetic() {
        XCTAssertEqual(d("2025-01-31").adding(months: 1).iso, "2025-02-28")
        XCTAssertEqual(d("2024-01-31").adding(months: 1).iso, "2024-02-29")
        XCTAssertEqual(d("2025-01-31").adding(months: 3).iso, "2025-04-30")
        XCTAssertEqual(d("2025-03-31").adding(months: -1).iso, "2025-02-28")
        XCTAssertEqual(d("2025-01-15").adding(months: -1).iso, "2024-12-15")
        XCTAssertEqual(d("2025-01-15").adding(months: -13).iso, "2023-12-15")
        XCTAssertEqual(d("2025-11-30").adding(months: 14).iso, "2027-01-30")
        XCTAssertEqual(d("2024-02-29").adding(years: 1).iso, "2025-02-28")
        XCTAssertEqual(d("2024-02-29").adding(years: -4).iso, "2020-02-29")
        XCTAssertEqual(d("2024-02-29").adding(years: 100).iso, "2124-02-29")
        XCTAssertEqual(d("2000-02-29").adding(years: 100).iso, "2100-02-28")
    }

    func testMonthEnds() {
        XCTAssertTrue(d("2024-02-29").isLastDayOfMonth)
        XCTAssertFalse(d("2024-02-28").isLastDayOfMonth)
        XCTAssertTrue(d("2025-02-28").isLastDayOfMonth)
        XCTAssertEqual(d("2025-04-10").lastDayOfMonth.iso, "2025-04-30")
        XCTAssertEqual(d("2025-12-01").lastDayOfMonth.iso, "2025-12-31")
        XCTAssertEqual(CivilDate.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(CivilDate.daysInMonth(year: 1900, month: 2), 28)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2025, month: 9), 30)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2025, month: 12), 31)
    }

    func testComparable() {
        XCTAssertLessThan(d("2025-12-31"), d("2026-01-01"))
        XCTAssertLessThan(d("2025-01-31"), d("2025-02-01"))
        XCTAssertEqual([d("2026-01-01"), d("2025-06-01"), d("2025-06-02")].sorted().map(\.iso),
                       ["2025-06-01", "2025-06-02", "2026-01-01"])
    }

    func testCodableAsSingleISOString() throws {
        let date = d("2026-11-23")
        let data = try JSONEncoder().encode(date)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "\"2026-11-23\"")
        XCTAssertEqual(try JSONDecoder().decode(CivilDate.self, from: data), date)
        struct Wrapper: Codable, Equatable { let due: CivilDate }
        let wrapped = try JSONDecoder().decode(Wrapper.self, from: Data(#"{"due":"2024-02-29"}"#.utf8))
        XCTAssertEqual(wrapped.due, d("2024-02-29"))
        for bad in [#""2025-02-29""#, #""2026-11-23T10:00:00Z""#, #""23.11.2026""#, #""""#, "20261123",
                    #"{"year":2026,"month":11,"day":23}"#] {
            XCTAssertThrowsError(try JSONDecoder().decode(CivilDate.self, from: Data(bad.utf8)), bad) { error in
                XCTAssertTrue(error is DecodingError, bad)
            }
        }
    }
}
