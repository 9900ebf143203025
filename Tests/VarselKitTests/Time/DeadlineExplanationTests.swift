import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

final class DeadlineExplanationTests: XCTestCase {
    let engine = DeadlineEngine()

    func explain(_ anchor: String, _ period: Period, _ direction: DeadlineDirection, _ calendar: CalendarID?,
                 label: String, clause: String? = nil, minutes: Int? = nil, roll: Bool = true,
                 endOfMonth: Bool = false, options: WorkingDayOptions = .init()) -> String {
        engine.compute(DeadlineInput(anchor: d(anchor), anchorMinutes: minutes, period: period, direction: direction,
                                     calendar: calendar, roll: roll ? .forward : .noRoll, toEndOfMonth: endOfMonth,
                                     workingDayOptions: options, anchorLabel: label, clause: clause)).explanation
    }

    func testSpecExamples() {
        XCTAssertEqual(explain("2026-11-03", Period(4, .weeks), .after, .no, label: "notice received", clause: "8.6.3"),
                       "4 weeks after notice received Tue 3 Nov 2026 (8.6.3) = Tue 1 Dec 2026")
        XCTAssertEqual(explain("2026-01-31", Period(1, .months), .after, .se, label: "agreement signed"),
                       "1 month after agreement signed Sat 31 Jan 2026 = Sat 28 Feb 2026 (R3: no 31 Feb, month end), rolled to Mon 2 Mar 2026 (R5: Saturday is not a deadline day in Sweden)")
        XCTAssertEqual(explain("2025-06-02", Period(14, .days), .before, .se, label: "change applies"),
                       "at least 14 days before change applies Mon 2 Jun 2025 = Mon 19 May 2025; act by Mon 19 May 2025 (R6)")
    }

    func testHolidayNamesAndMovedActBy() {
        XCTAssertEqual(explain("2025-05-21", Period(30, .days), .after, .se, label: "notice received"),
                       "30 days after notice received Wed 21 May 2025 = Fri 20 Jun 2025, rolled to Mon 23 Jun 2025 (R5: Midsommarafton (Midsummer Eve) is not a deadline day in Sweden)")
        XCTAssertEqual(explain("2025-06-01", Period(14, .days), .before, .se, label: "change applies"),
                       "at least 14 days before change applies Sun 1 Jun 2025 = Sun 18 May 2025; act by Fri 16 May 2025 (R6: Sunday is not a working day in Sweden, moved earlier)")
        XCTAssertEqual(explain("2025-06-21", Period(14, .days), .before, nil, label: "change applies"),
                       "at least 14 days before change applies Sat 21 Jun 2025 = Sat 7 Jun 2025; act by Fri 6 Jun 2025 (R6: Saturday is not a working day, moved earlier)")
    }

    func testHoursWorkingDaysEndOfMonthAndRollOff() {
        XCTAssertEqual(explain("2026-01-30", Period(24, .hours), .after, .se, label: "incident discovered", clause: "3.3", minutes: 22 * 60 + 15),
                       "24 hours after incident discovered Fri 30 Jan 2026 22:15 CET (3.3) = Sat 31 Jan 2026 22:15 CET (R7: exact time in Europe/Stockholm, no roll)")
        XCTAssertEqual(explain("2025-11-03", Period(20, .workingDays), .after, .se, label: "audit requested"),
                       "20 working days after audit requested Mon 3 Nov 2025 = Mon 1 Dec 2025 (R4: working days Mon–Fri, not public holidays in Sweden)")
        XCTAssertEqual(explain("2025-02-15", Period(3, .months), .after, .se, label: "notice given", endOfMonth: true),
                       "3 months after notice given Sat 15 Feb 2025 = Thu 15 May 2025, to the end of the month Sat 31 May 2025 (R8), rolled to Mon 2 Jun 2025 (R5: Saturday is not a deadline day in Sweden)")
        XCTAssertEqual(explain("2026-01-31", Period(1, .months), .after, .se, label: "agreement signed", roll: false),
                       "1 month after agreement signed Sat 31 Jan 2026 = Sat 28 Feb 2026 (R3: no 31 Feb, month end), not rolled (roll-forward off; Saturday is not a deadline day in Sweden)")
    }

    func testDaysLeft() {
        let c = engine.compute(DeadlineInput(anchor: d("2026-11-03"), period: Period(4, .weeks), direction: .after, calendar: .no))
        XCTAssertEqual(engine.daysLeft(c, today: d("2026-11-23")), 8)
        XCTAssertEqual(engine.daysLeft(c, today: d("2026-12-01")), 0)
        XCTAssertEqual(engine.daysLeft(c, today: d("2026-12-03")), -2)
        let before = engine.compute(DeadlineInput(anchor: d("2025-06-01"), period: Period(14, .days), direction: .before, calendar: .se))
        XCTAssertEqual(engine.daysLeft(before, today: d("2025-05-10")), 6) // counts to the act-by day 16 May
    }

    func testCodableRoundTrip() throws {
        let input = DeadlineInput(anchor: d("2025-06-18"), anchorMinutes: 600, period: Period(2, .workingDays),
                                  direction: .after, calendar: .se, roll: .noRoll, toEndOfMonth: true,
                                  workingDayOptions: .init(eveIsWorkingDay: false, saturdayIsWorkingDay: true),
                                  anchorLabel: "notice received", clause: "5.2")
        let c = engine.compute(input)
        let data = try JSONEncoder().encode(c)
        XCTAssertEqual(try JSONDecoder().decode(DeadlineComputation.self, from: data), c)
        let minimal = #"{"anchor":"2025-01-31","period":{"value":3,"unit":"months"},"direction":"after"}"#
        let decoded = try JSONDecoder().decode(DeadlineInput.self, from: Data(minimal.utf8))
        XCTAssertEqual(decoded, DeadlineInput(anchor: d("2025-01-31"), period: Period(3, .months), direction: .after))
        XCTAssertEqual(decoded.roll, .forward)
        XCTAssertNil(decoded.calendar)
    }

    func testRuleTitles() {
        XCTAssertEqual(DeadlineRule.allCases.map(\.rawValue), ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"])
        for rule in DeadlineRule.allCases { XCTAssertTrue(rule.title.hasPrefix(rule.rawValue + " ")) }
    }
}
