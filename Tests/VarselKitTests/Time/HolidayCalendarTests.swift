import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Holiday lists checked against an independent formulation: a published Easter table plus
/// Foundation's Gregorian calendar (UTC) for offsets and weekdays.
final class HolidayCalendarTests: XCTestCase {
    /// Easter Sundays 2020–2035 from a published table.
    static let publishedEaster: [Int: String] = [
        2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17", 2023: "2023-04-09",
        2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
        2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21", 2031: "2031-04-13",
        2032: "2032-03-28", 2033: "2033-04-17", 2034: "2034-04-09", 2035: "2035-03-25",
    ]

    private static let gregorian: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    private static func foundationDate(_ iso: String) -> Date {
        let p = iso.split(separator: "-").map { Int($0)! }
        return gregorian.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))!
    }

    private static func isoString(_ date: Date) -> String {
        let c = gregorian.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    private static func offset(_ iso: String, _ days: Int) -> String {
        isoString(gregorian.date(byAdding: .day, value: days, to: foundationDate(iso))!)
    }

    /// The date among `start…start+6` whose Foundation weekday is `weekday` (1 = Sunday … 7 = Saturday).
    private static func weekdayInWindow(_ start: String, _ weekday: Int) -> String {
        for i in 0..<7 {
            let iso = offset(start, i)
            if gregorian.component(.weekday, from: foundationDate(iso)) == weekday { return iso }
        }
        fatalError()
    }

    private static func expectedPublic(_ id: CalendarID, _ year: Int) -> Set<String> {
        let e = publishedEaster[year]!
        let y = String(year)
        switch id {
        case .se:
            return [y + "-01-01", y + "-01-06", offset(e, -2), e, offset(e, 1), y + "-05-01", offset(e, 39),
                    offset(e, 49), y + "-06-06", weekdayInWindow(y + "-06-20", 7), weekdayInWindow(y + "-10-31", 7),
                    y + "-12-25", y + "-12-26"]
        case .dk:
            var s: Set<String> = [y + "-01-01", offset(e, -3), offset(e, -2), e, offset(e, 1), offset(e, 39),
                                  offset(e, 49), offset(e, 50), y + "-12-25", y + "-12-26"]
            if year <= 2023 { s.insert(offset(e, 26)) }
            return s
        case .no:
            return [y + "-01-01", offset(e, -3), offset(e, -2), e, offset(e, 1), y + "-05-01", y + "-05-17",
                    offset(e, 39), offset(e, 49), offset(e, 50), y + "-12-25", y + "-12-26"]
        }
    }

    private static func expectedExtras(_ id: CalendarID, _ year: Int) -> Set<String> {
        let y = String(year)
        switch id {
        case .se: return [offset(weekdayInWindow(y + "-06-20", 7), -1), y + "-12-24", y + "-12-31"]
        case .dk: return [y + "-06-05", y + "-12-24", y + "-12-31"]
        case .no: return []
        }
    }

    func testEasterMatchesPublishedTable() {
        for (year, iso) in Self.publishedEaster {
            XCTAssertEqual(Easter.sunday(year: year).iso, iso, "Easter \(year)")
            XCTAssertEqual(Easter.sunday(year: year).weekday, .sunday)
        }
        XCTAssertEqual(Easter.sunday(year: 2004).iso, "2004-04-11")
        XCTAssertEqual(Easter.sunday(year: 2005).iso, "2005-03-27")
        XCTAssertEqual(Easter.sunday(year: 2019).iso, "2019-04-21")
        XCTAssertEqual(Easter.sunday(year: 2038).iso, "2038-04-25") // latest possible date
        XCTAssertEqual(Easter.sunday(year: 2285).iso, "2285-03-22") // earliest possible date
    }

    func testPublicHolidays2020To2035() {
        for id in CalendarID.allCases {
            let calendar = HolidayCalendar(id)
            for year in 2020...2035 {
                let expected = Self.expectedPublic(id, year)
                let actual = calendar.publicHolidays(year: year)
                XCTAssertEqual(actual.count, expected.count, "\(id) \(year) count")
                XCTAssertEqual(actual.map(\.date.iso), expected.sorted(), "\(id) \(year) dates")
                XCTAssertTrue(actual.allSatisfy(\.isPublicHoliday), "\(id) \(year)")
                XCTAssertTrue(actual.allSatisfy { $0.name.contains("(") && $0.name.contains(")") }, "\(id) \(year) names")
                for day in actual { XCTAssertTrue(calendar.isPublicHoliday(day.date), "\(id) \(day.date)") }
            }
        }
    }

    func testNonDeadlineDays2020To2035() {
        for id in CalendarID.allCases {
            let calendar = HolidayCalendar(id)
            for year in 2020...2035 {
                let extras = Self.expectedExtras(id, year)
                let expected = Self.expectedPublic(id, year).union(extras)
                let actual = calendar.nonDeadlineDays(year: year)
                XCTAssertEqual(actual.map(\.date.iso), expected.sorted(), "\(id) \(year)")
                for day in actual {
                    XCTAssertFalse(calendar.isDeadlineDay(day.date), "\(id) \(day.date)")
                    if !Self.expectedPublic(id, year).contains(day.date.iso) {
                        XCTAssertFalse(day.isPublicHoliday, "\(id) \(day.date) is an extra day")
                        XCTAssertFalse(calendar.isPublicHoliday(day.date) && day.date.weekday != .sunday)
                    }
                }
            }
        }
    }

    func testCountsPerYear() {
        // Fixed counts that do not depend on the formulation above.
        XCTAssertEqual(HolidayCalendar(.se).publicHolidays(year: 2026).count, 13)
        XCTAssertEqual(HolidayCalendar(.dk).publicHolidays(year: 2023).count, 11)
        XCTAssertEqual(HolidayCalendar(.dk).publicHolidays(year: 2024).count, 10)
        XCTAssertEqual(HolidayCalendar(.no).publicHolidays(year: 2026).count, 12)
        XCTAssertEqual(HolidayCalendar(.no).publicHolidays(year: 2027).count, 11) // Whit Monday = 17 May
        XCTAssertEqual(HolidayCalendar(.se).nonDeadlineDays(year: 2026).count, 16)
        XCTAssertEqual(HolidayCalendar(.dk).nonDeadlineDays(year: 2026).count, 13)
        XCTAssertEqual(HolidayCalendar(.dk).nonDeadlineDays(year: 2022).count, 13) // Whit Sunday = Grundlovsdag
    }

    func testSwedishSpecificDays() {
        let se = HolidayCalendar(.se)
        let days2025 = Dictionary(uniqueKeysWithValues: se.nonDeadlineDays(year: 2025).map { ($0.date.iso, $0) })
        XCTAssertEqual(days2025["2025-04-18"]?.name, "Långfredag (Good Friday)")
        XCTAssertEqual(days2025["2025-06-20"]?.name, "Midsommarafton (Midsummer Eve)")
        XCTAssertEqual(days2025["2025-06-20"]?.isPublicHoliday, false)
        XCTAssertEqual(days2025["2025-06-21"]?.name, "Midsommardagen (Midsummer Day)")
        XCTAssertEqual(days2025["2025-11-01"]?.name, "Alla helgons dag (All Saints' Day)")
        XCTAssertEqual(days2025["2025-12-24"]?.name, "Julafton (Christmas Eve)")
        XCTAssertEqual(days2025["2025-12-24"]?.isPublicHoliday, false)
        XCTAssertEqual(days2025["2025-12-31"]?.name, "Nyårsafton (New Year's Eve)")
        // 6 June since 2005, Whit Monday before.
        XCTAssertTrue(se.isPublicHoliday(d("2004-05-31")))
        XCTAssertFalse(se.isPublicHoliday(d("2004-06-07")))  // Monday 7 Jun 2004, no National Day holiday yet
        XCTAssertFalse(se.isPublicHoliday(d("2005-05-16")))
        XCTAssertTrue(se.isPublicHoliday(d("2005-06-06")))
        XCTAssertEqual(se.publicHolidays(year: 2004).count, 13)
        // Every Sunday is a public holiday in Sweden and Norway, not listed individually.
        XCTAssertTrue(se.isPublicHoliday(d("2025-03-09")))
        XCTAssertTrue(HolidayCalendar(.no).isPublicHoliday(d("2025-03-09")))
        XCTAssertFalse(HolidayCalendar(.dk).isPublicHoliday(d("2025-03-09")))
        XCTAssertFalse(se.publicHolidays(year: 2025).contains { $0.date == d("2025-03-09") })
        XCTAssertFalse(se.isPublicHoliday(d("2025-03-08")))  // Saturday
        XCTAssertFalse(se.isDeadlineDay(d("2025-03-08")))
        XCTAssertFalse(se.isDeadlineDay(d("2025-03-09")))
    }

    func testDanishAndNorwegianSpecificDays() {
        let dk = HolidayCalendar(.dk), no = HolidayCalendar(.no)
        XCTAssertTrue(dk.isPublicHoliday(d("2023-05-05")))
        XCTAssertEqual(dk.nonDeadlineDay(on: d("2023-05-05"))?.name, "Store bededag (General Prayer Day)")
        XCTAssertFalse(dk.isPublicHoliday(d("2024-04-26")))
        XCTAssertTrue(dk.isDeadlineDay(d("2024-04-26")))
        XCTAssertFalse(dk.isPublicHoliday(d("2025-06-05")))
        XCTAssertFalse(dk.isDeadlineDay(d("2025-06-05")))
        XCTAssertEqual(dk.nonDeadlineDay(on: d("2025-06-05"))?.name, "Grundlovsdag (Constitution Day)")
        let merged = dk.nonDeadlineDay(on: d("2022-06-05"))
        XCTAssertEqual(merged?.name, "Pinsedag (Whit Sunday) / Grundlovsdag (Constitution Day)")
        XCTAssertEqual(merged?.isPublicHoliday, true)
        XCTAssertTrue(no.isPublicHoliday(d("2025-05-17")))
        XCTAssertTrue(no.isPublicHoliday(d("2025-05-01")))
        XCTAssertTrue(no.isDeadlineDay(d("2025-12-24")))
        XCTAssertTrue(no.isDeadlineDay(d("2025-12-31")))
        XCTAssertEqual(no.publicHolidays(year: 2027).first { $0.date == d("2027-05-17") }?.name,
                       "Grunnlovsdag (Constitution Day) / Andre pinsedag (Whit Monday)")
    }

    func testWorkingDayOptions() {
        let se = HolidayCalendar(.se), no = HolidayCalendar(.no)
        XCTAssertTrue(se.isWorkingDay(d("2025-12-24")))
        XCTAssertFalse(se.isWorkingDay(d("2025-12-24"), options: .init(eveIsWorkingDay: false)))
        XCTAssertFalse(se.isDeadlineDay(d("2025-12-24")))
        XCTAssertFalse(se.isWorkingDay(d("2025-12-25")))
        XCTAssertFalse(no.isWorkingDay(d("2025-03-08")))
        XCTAssertTrue(no.isWorkingDay(d("2025-03-08"), options: .init(saturdayIsWorkingDay: true)))
        XCTAssertFalse(no.isWorkingDay(d("2025-03-09"), options: .init(saturdayIsWorkingDay: true)))
        XCTAssertFalse(se.isWorkingDay(d("2025-06-21"), options: .init(saturdayIsWorkingDay: true))) // Midsummer Day
        XCTAssertTrue(HolidayCalendar.weekendsOnly.isWorkingDay(d("2025-12-25")))
        XCTAssertFalse(HolidayCalendar.weekendsOnly.isWorkingDay(d("2025-12-27")))
    }

    func testNextAndPreviousDays() {
        let se = HolidayCalendar(.se)
        XCTAssertEqual(se.nextDeadlineDay(onOrAfter: d("2025-12-24")).iso, "2025-12-29")
        XCTAssertEqual(se.nextDeadlineDay(onOrAfter: d("2025-12-23")).iso, "2025-12-23")
        XCTAssertEqual(se.previousWorkingDay(onOrBefore: d("2025-12-28")).iso, "2025-12-23")
        XCTAssertEqual(se.previousWorkingDay(onOrBefore: d("2025-04-21")).iso, "2025-04-17")
        XCTAssertEqual(se.previousWorkingDay(onOrBefore: d("2025-04-17")).iso, "2025-04-17")
        XCTAssertEqual(HolidayCalendar(.no).previousWorkingDay(onOrBefore: d("2025-04-21")).iso, "2025-04-16")
        XCTAssertEqual(se.adding(workingDays: 0, to: d("2025-12-25")).iso, "2025-12-25")
        XCTAssertEqual(se.adding(workingDays: -1, to: d("2026-01-07")).iso, "2026-01-05")
    }

    func testCalendarNames() {
        XCTAssertEqual(CalendarID.se.name, "Sweden")
        XCTAssertEqual(CalendarID.dk.name, "Denmark")
        XCTAssertEqual(CalendarID.no.name, "Norway")
    }
}
