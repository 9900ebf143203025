import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// One fixed test vector: input plus the expected raw, due and act-by dates (and due time for hours).
struct DeadlineVector {
    let id: String
    let input: DeadlineInput
    let raw: String
    let due: String
    let actBy: String
    let dueMinutes: Int?
}

func d(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> CivilDate {
    guard let date = CivilDate(iso: iso) else {
        XCTFail("bad test date \(iso)", file: file, line: line)
        return CivilDate(year: 2000, month: 1, day: 1)!
    }
    return date
}

/// Builds a vector; `act` defaults to `due`, `due` defaults to `raw`.
func v(_ id: String, _ anchor: String, _ n: Int, _ unit: PeriodUnit, _ direction: DeadlineDirection,
       _ calendar: CalendarID?, raw: String, due: String? = nil, act: String? = nil,
       roll: Bool = true, endOfMonth: Bool = false, options: WorkingDayOptions = .init(),
       minutes: Int? = nil, dueMinutes: Int? = nil) -> DeadlineVector {
    let input = DeadlineInput(anchor: d(anchor), anchorMinutes: minutes, period: Period(n, unit),
                              direction: direction, calendar: calendar,
                              roll: roll ? .forward : (direction == .before ? .backward : .noRoll),
                              toEndOfMonth: endOfMonth, workingDayOptions: options)
    let due = due ?? raw
    return DeadlineVector(id: id, input: input, raw: raw, due: due, actBy: act ?? due, dueMinutes: dueMinutes)
}

let eveOff = WorkingDayOptions(eveIsWorkingDay: false)
let saturdayOn = WorkingDayOptions(saturdayIsWorkingDay: true)

/// All vectors. Expected dates were worked out by hand from docs/deadline-rules.md and the holiday lists.
let deadlineVectors: [DeadlineVector] = [
    // Worked examples of DEADLINE-RULES.md (all 7; example 4 in three calendars).
    v("W1 3 months after 31 Jan 2025", "2025-01-31", 3, .months, .after, .se, raw: "2025-04-30"),
    v("W1 no calendar", "2025-01-31", 3, .months, .after, nil, raw: "2025-04-30"),
    v("W2 1 month after 31 Jan 2026 SE", "2026-01-31", 1, .months, .after, .se, raw: "2026-02-28", due: "2026-03-02"),
    v("W3 30 days after 21 May 2025 SE midsommarafton", "2025-05-21", 30, .days, .after, .se, raw: "2025-06-20", due: "2025-06-23"),
    v("W4 14 days after 10 Dec 2025 SE", "2025-12-10", 14, .days, .after, .se, raw: "2025-12-24", due: "2025-12-29"),
    v("W4 14 days after 10 Dec 2025 DK", "2025-12-10", 14, .days, .after, .dk, raw: "2025-12-24", due: "2025-12-29"),
    v("W4 14 days after 10 Dec 2025 NO", "2025-12-10", 14, .days, .after, .no, raw: "2025-12-24"),
    v("W5 2 weeks after 22 May 2025 DK Grundlovsdag", "2025-05-22", 2, .weeks, .after, .dk, raw: "2025-06-05", due: "2025-06-06"),
    v("W6 3 months after 17 Feb 2025 NO 17 May", "2025-02-17", 3, .months, .after, .no, raw: "2025-05-17", due: "2025-05-19"),
    v("W7 14 days before Mon 2 Jun 2025 SE", "2025-06-02", 14, .days, .before, .se, raw: "2025-05-19"),
    v("W7 14 days before Mon 2 Jun 2025 no calendar", "2025-06-02", 14, .days, .before, nil, raw: "2025-05-19"),

    // R1 days.
    v("R1 14 days Mon to Mon", "2025-03-10", 14, .days, .after, .se, raw: "2025-03-24"),
    v("R1 90 days after 1 Mar 2025 NO", "2025-03-01", 90, .days, .after, .no, raw: "2025-05-30"),
    v("R1 29 days to a Sunday, no calendar", "2025-02-01", 29, .days, .after, nil, raw: "2025-03-02", due: "2025-03-03"),
    v("R1 10 days over leap day 2024", "2024-02-20", 10, .days, .after, nil, raw: "2024-03-01"),
    v("R1 10 days over 28 Feb 2025 to Sunday SE", "2025-02-20", 10, .days, .after, .se, raw: "2025-03-02", due: "2025-03-03"),
    v("R1 year boundary to Saturday SE", "2025-12-20", 14, .days, .after, .se, raw: "2026-01-03", due: "2026-01-05"),
    v("R1 Epiphany SE", "2025-12-23", 14, .days, .after, .se, raw: "2026-01-06", due: "2026-01-07"),
    v("R1 6 Jan is a deadline day NO", "2025-12-23", 14, .days, .after, .no, raw: "2026-01-06"),
    v("R1 6 Jan is a deadline day DK", "2025-12-23", 14, .days, .after, .dk, raw: "2026-01-06"),
    v("R1 nyårsafton SE", "2024-12-01", 30, .days, .after, .se, raw: "2024-12-31", due: "2025-01-02"),
    v("R1 31 Dec deadline day NO", "2024-12-01", 30, .days, .after, .no, raw: "2024-12-31"),
    v("R1 New Year's Day SE", "2025-12-18", 14, .days, .after, .se, raw: "2026-01-01", due: "2026-01-02"),
    v("R1 31 Dec DK rolls past New Year", "2026-12-17", 14, .days, .after, .dk, raw: "2026-12-31", due: "2027-01-04"),
    v("R1 Good Friday SE", "2025-04-08", 10, .days, .after, .se, raw: "2025-04-18", due: "2025-04-22"),
    v("R1 Good Friday NO", "2025-04-08", 10, .days, .after, .no, raw: "2025-04-18", due: "2025-04-22"),
    v("R1 Maundy Thursday NO", "2025-04-07", 10, .days, .after, .no, raw: "2025-04-17", due: "2025-04-22"),
    v("R1 Maundy Thursday DK", "2025-04-07", 10, .days, .after, .dk, raw: "2025-04-17", due: "2025-04-22"),
    v("R1 Maundy Thursday is a deadline day SE", "2025-04-07", 10, .days, .after, .se, raw: "2025-04-17"),
    v("R1 Easter Monday 2026 SE", "2026-03-23", 14, .days, .after, .se, raw: "2026-04-06", due: "2026-04-07"),
    v("R1 Maundy Thursday 2026 NO", "2026-03-19", 14, .days, .after, .no, raw: "2026-04-02", due: "2026-04-07"),
    v("R1 Ascension 2025 SE", "2025-05-19", 10, .days, .after, .se, raw: "2025-05-29", due: "2025-05-30"),
    v("R1 May Day SE", "2025-04-17", 14, .days, .after, .se, raw: "2025-05-01", due: "2025-05-02"),
    v("R1 May Day is a deadline day DK", "2025-04-17", 14, .days, .after, .dk, raw: "2025-05-01"),
    v("R1 17 May 2024 NO rolls over Whitsun", "2024-05-03", 14, .days, .after, .no, raw: "2024-05-17", due: "2024-05-21"),
    v("R1 17 May 2024 is a deadline day SE", "2024-05-03", 14, .days, .after, .se, raw: "2024-05-17"),
    v("R1 17 May 2027 = Whit Monday NO", "2027-05-03", 14, .days, .after, .no, raw: "2027-05-17", due: "2027-05-18"),
    v("R1 National Day 6 Jun 2025 SE", "2025-05-23", 14, .days, .after, .se, raw: "2025-06-06", due: "2025-06-09"),
    v("R1 Whit Monday 2004 SE (before 2005)", "2004-05-17", 14, .days, .after, .se, raw: "2004-05-31", due: "2004-06-01"),
    v("R1 Whit Monday 2005 not a holiday SE", "2005-05-02", 14, .days, .after, .se, raw: "2005-05-16"),
    v("R1 6 June 2005 first National Day holiday SE", "2005-05-23", 14, .days, .after, .se, raw: "2005-06-06", due: "2005-06-07"),
    v("R1 midsommarafton 2026 SE", "2026-06-05", 14, .days, .after, .se, raw: "2026-06-19", due: "2026-06-22"),
    v("R1 Friday before All Saints' is a deadline day SE", "2025-10-17", 14, .days, .after, .se, raw: "2025-10-31"),
    v("R1 Store Bededag 2023 DK", "2023-04-21", 14, .days, .after, .dk, raw: "2023-05-05", due: "2023-05-08"),
    v("R1 Store Bededag abolished 2024 DK", "2024-04-12", 14, .days, .after, .dk, raw: "2024-04-26"),
    v("R1 Whit Monday DK 2025", "2025-05-26", 14, .days, .after, .dk, raw: "2025-06-09", due: "2025-06-10"),

    // R2 weeks.
    v("R2 4 weeks after Tue 3 Nov 2026 NO", "2026-11-03", 4, .weeks, .after, .no, raw: "2026-12-01"),
    v("R2 Store Bededag 2023 DK", "2023-04-28", 1, .weeks, .after, .dk, raw: "2023-05-05", due: "2023-05-08"),
    v("R2 26 Apr 2024 DK not a holiday", "2024-04-19", 1, .weeks, .after, .dk, raw: "2024-04-26"),
    v("R2 julafton 2026 DK", "2026-12-10", 2, .weeks, .after, .dk, raw: "2026-12-24", due: "2026-12-28"),
    v("R2 2 weeks across year end", "2025-12-22", 2, .weeks, .after, .se, raw: "2026-01-05"),
    v("R2 weeks before", "2025-06-02", 4, .weeks, .before, .no, raw: "2025-05-05"),

    // R3 months and years.
    v("R3 31 Jan + 1 month leap year", "2024-01-31", 1, .months, .after, nil, raw: "2024-02-29"),
    v("R3 31 Jan + 1 month non-leap", "2025-01-31", 1, .months, .after, nil, raw: "2025-02-28"),
    v("R3 30 Apr + 1 month", "2025-04-30", 1, .months, .after, .se, raw: "2025-05-30"),
    v("R3 31 Mar - 1 month", "2025-03-31", 1, .months, .before, .se, raw: "2025-02-28"),
    v("R3 31 Mar - 1 month leap year", "2024-03-31", 1, .months, .before, .se, raw: "2024-02-29"),
    v("R3 29 Feb + 1 year", "2024-02-29", 1, .years, .after, nil, raw: "2025-02-28"),
    v("R3 29 Feb + 12 months", "2024-02-29", 12, .months, .after, nil, raw: "2025-02-28"),
    v("R3 29 Feb + 4 years", "2024-02-29", 4, .years, .after, nil, raw: "2028-02-29"),
    v("R3 28 Feb 2027 + 1 year", "2027-02-28", 1, .years, .after, nil, raw: "2028-02-28"),
    v("R3 31 Aug + 6 months SE", "2025-08-31", 6, .months, .after, .se, raw: "2026-02-28", due: "2026-03-02"),
    v("R3 31 Oct + 3 months across year SE", "2025-10-31", 3, .months, .after, .se, raw: "2026-01-31", due: "2026-02-02"),
    v("R3 31 Dec + 2 months", "2025-12-31", 2, .months, .after, nil, raw: "2026-02-28", due: "2026-03-02"),
    v("R3 3 months termination SE", "2025-09-30", 3, .months, .after, .se, raw: "2025-12-30"),
    v("R3 3 months to julafton SE", "2025-09-24", 3, .months, .after, .se, raw: "2025-12-24", due: "2025-12-29"),
    v("R3 2 years", "2024-06-15", 2, .years, .after, .se, raw: "2026-06-15"),
    v("R3 3 months before across year", "2026-02-28", 3, .months, .before, .se, raw: "2025-11-28"),

    // R4 working days.
    v("R4 20 working days SE", "2025-11-03", 20, .workingDays, .after, .se, raw: "2025-12-01"),
    v("R4 1 working day from Friday", "2025-03-07", 1, .workingDays, .after, .se, raw: "2025-03-10"),
    v("R4 Easter SE", "2025-04-14", 5, .workingDays, .after, .se, raw: "2025-04-23"),
    v("R4 Easter NO", "2025-04-14", 5, .workingDays, .after, .no, raw: "2025-04-24"),
    v("R4 Easter DK", "2025-04-14", 5, .workingDays, .after, .dk, raw: "2025-04-24"),
    v("R4 Ascension SE", "2025-05-26", 4, .workingDays, .after, .se, raw: "2025-06-02"),
    v("R4 midsommarafton counted, then rolled SE", "2025-06-18", 2, .workingDays, .after, .se, raw: "2025-06-20", due: "2025-06-23"),
    v("R4 midsommarafton not a working day SE", "2025-06-18", 2, .workingDays, .after, .se, raw: "2025-06-23", options: eveOff),
    v("R4 Christmas SE", "2025-12-22", 3, .workingDays, .after, .se, raw: "2025-12-29"),
    v("R4 Christmas SE eves off", "2025-12-22", 3, .workingDays, .after, .se, raw: "2025-12-30", options: eveOff),
    v("R4 Christmas NO", "2025-12-22", 5, .workingDays, .after, .no, raw: "2025-12-31"),
    v("R4 New Year DK", "2025-12-29", 3, .workingDays, .after, .dk, raw: "2026-01-02"),
    v("R4 New Year and Epiphany SE", "2025-12-30", 4, .workingDays, .after, .se, raw: "2026-01-07"),
    v("R4 Store Bededag 2023 DK", "2023-05-03", 3, .workingDays, .after, .dk, raw: "2023-05-09"),
    v("R4 no Store Bededag 2024 DK", "2024-04-24", 3, .workingDays, .after, .dk, raw: "2024-04-29"),
    v("R4 17 May and Whit Monday 2024 NO", "2024-05-15", 4, .workingDays, .after, .no, raw: "2024-05-23"),
    v("R4 Saturday working day NO, then rolled", "2025-03-06", 2, .workingDays, .after, .no, raw: "2025-03-08", due: "2025-03-10", options: saturdayOn),
    v("R4 Saturday working day NO, roll off", "2025-03-06", 2, .workingDays, .after, .no, raw: "2025-03-08", roll: false, options: saturdayOn),
    v("R4 Saturday working day but Whitsun holidays NO", "2025-06-05", 3, .workingDays, .after, .no, raw: "2025-06-10", options: saturdayOn),
    v("R4 no calendar: weekends only", "2025-12-22", 3, .workingDays, .after, nil, raw: "2025-12-25"),
    v("R4 backward over Ascension SE", "2025-06-02", 5, .workingDays, .before, .se, raw: "2025-05-23"),
    v("R4 backward over Easter NO", "2025-04-23", 3, .workingDays, .before, .no, raw: "2025-04-15"),

    // R5 switched off.
    v("R5 off: 1 month to Saturday SE", "2026-01-31", 1, .months, .after, .se, raw: "2026-02-28", roll: false),
    v("R5 off: julafton SE", "2025-12-10", 14, .days, .after, .se, raw: "2025-12-24", roll: false),
    v("R5 off: 17 May NO", "2025-02-17", 3, .months, .after, .no, raw: "2025-05-17", roll: false),

    // R6 backward periods.
    v("R6 to Sunday SE", "2025-06-01", 14, .days, .before, .se, raw: "2025-05-18", act: "2025-05-16"),
    v("R6 to May Day SE", "2025-05-15", 14, .days, .before, .se, raw: "2025-05-01", act: "2025-04-30"),
    v("R6 to Easter Monday SE", "2025-05-21", 30, .days, .before, .se, raw: "2025-04-21", act: "2025-04-17"),
    v("R6 to Easter Monday NO", "2025-05-21", 30, .days, .before, .no, raw: "2025-04-21", act: "2025-04-16"),
    v("R6 to julafton SE", "2026-01-07", 14, .days, .before, .se, raw: "2025-12-24", act: "2025-12-23"),
    v("R6 to 24 Dec NO stays", "2026-01-07", 14, .days, .before, .no, raw: "2025-12-24"),
    v("R6 to Grundlovsdag DK", "2025-07-05", 30, .days, .before, .dk, raw: "2025-06-05", act: "2025-06-04"),
    v("R6 30 days before end of agreement DK", "2025-12-31", 30, .days, .before, .dk, raw: "2025-12-01"),
    v("R6 90 days before NO", "2025-09-01", 90, .days, .before, .no, raw: "2025-06-03"),
    v("R6 Saturday, no calendar", "2025-06-21", 14, .days, .before, nil, raw: "2025-06-07", act: "2025-06-06"),
    v("R6 Saturday then National Day SE", "2025-06-21", 14, .days, .before, .se, raw: "2025-06-07", act: "2025-06-05"),
    v("R6 roll-forward flag ignored", "2025-06-01", 14, .days, .before, .se, raw: "2025-05-18", act: "2025-05-16", roll: false),
    v("R6 end-of-month flag ignored", "2025-03-31", 1, .months, .before, .se, raw: "2025-02-28", endOfMonth: true),
    v("R6 before 1 Jan lands on 25 Dec DK", "2026-01-08", 2, .weeks, .before, .dk, raw: "2025-12-25", act: "2025-12-23"),

    // R7 hours.
    v("R7 24 hours to Saturday evening, no roll", "2026-01-30", 24, .hours, .after, .se, raw: "2026-01-31", minutes: 22 * 60 + 15, dueMinutes: 22 * 60 + 15),
    v("R7 across midnight", "2025-03-10", 1, .hours, .after, .se, raw: "2025-03-11", minutes: 23 * 60 + 30, dueMinutes: 30),
    v("R7 across month end to May Day", "2025-04-30", 6, .hours, .after, .se, raw: "2025-05-01", minutes: 20 * 60, dueMinutes: 2 * 60),
    v("R7 across year end", "2025-12-31", 72, .hours, .after, .no, raw: "2026-01-03", minutes: 18 * 60, dueMinutes: 18 * 60),
    v("R7 start of day when no time", "2025-06-20", 24, .hours, .after, .se, raw: "2025-06-21", dueMinutes: 0),
    v("R7 into leap day", "2024-02-28", 24, .hours, .after, nil, raw: "2024-02-29", minutes: 12 * 60, dueMinutes: 12 * 60),
    v("R7 48 hours before", "2025-06-02", 48, .hours, .before, .se, raw: "2025-05-31", minutes: 9 * 60, dueMinutes: 9 * 60),
    v("R7 anchor minutes beyond midnight normalised", "2025-03-10", 1, .hours, .after, .se, raw: "2025-03-11", minutes: 25 * 60, dueMinutes: 2 * 60),
    v("R7 before across midnight", "2025-03-01", 2, .hours, .before, .dk, raw: "2025-02-28", minutes: 60, dueMinutes: 23 * 60),

    // R8 to the end of the month.
    v("R8 1 month to end of April", "2025-03-10", 1, .months, .after, .se, raw: "2025-04-30", endOfMonth: true),
    v("R8 end of May 2025 Saturday, rolled SE", "2025-02-15", 3, .months, .after, .se, raw: "2025-05-31", due: "2025-06-02", endOfMonth: true),
    v("R8 already month end", "2025-01-31", 1, .months, .after, .se, raw: "2025-02-28", endOfMonth: true),
    v("R8 to nyårsafton SE", "2025-11-10", 1, .months, .after, .se, raw: "2025-12-31", due: "2026-01-02", endOfMonth: true),
    v("R8 31 Dec NO", "2025-11-10", 1, .months, .after, .no, raw: "2025-12-31", endOfMonth: true),
    v("R8 roll off", "2025-04-15", 1, .months, .after, .se, raw: "2025-05-31", roll: false, endOfMonth: true),
    v("R8 with days", "2025-02-10", 30, .days, .after, .dk, raw: "2025-03-31", endOfMonth: true),
]

final class DeadlineVectorTests: XCTestCase {
    let engine = DeadlineEngine()

    func testEnoughDistinctVectors() {
        XCTAssertGreaterThanOrEqual(deadlineVectors.count, 80)
        XCTAssertEqual(Set(deadlineVectors.map(\.id)).count, deadlineVectors.count, "duplicate vector ids")
        XCTAssertEqual(Set(deadlineVectors.map(\.input)).count, deadlineVectors.count, "duplicate vector inputs")
    }

    func testAllVectors() {
        for vector in deadlineVectors {
            let c = engine.compute(vector.input)
            XCTAssertEqual(c.rawDate.iso, vector.raw, "raw: \(vector.id) — \(c.explanation)")
            XCTAssertEqual(c.dueDate.iso, vector.due, "due: \(vector.id) — \(c.explanation)")
            XCTAssertEqual(c.actByDate.iso, vector.actBy, "act by: \(vector.id) — \(c.explanation)")
            XCTAssertEqual(c.dueMinutes, vector.dueMinutes, "due time: \(vector.id)")
            XCTAssertEqual(c.wasRolled, vector.raw != vector.due, "wasRolled: \(vector.id)")
            if vector.input.direction == .before {
                XCTAssertEqual(c.dueDate, c.rawDate, "before-periods never roll: \(vector.id)")
                XCTAssertLessThanOrEqual(c.actByDate, c.rawDate, "act-by never later: \(vector.id)")
            }
        }
    }

    func testRulesListed() {
        for vector in deadlineVectors {
            let c = engine.compute(vector.input)
            let unitRule: DeadlineRule = switch vector.input.period.unit {
            case .hours: .r7Hours
            case .days: .r1DaysForward
            case .weeks: .r2Weeks
            case .months, .years: .r3Months
            case .workingDays: .r4WorkingDays
            }
            XCTAssertEqual(c.rules.first, unitRule, vector.id)
            XCTAssertEqual(c.rules.contains(.r5RollForward), vector.raw != vector.due, vector.id)
            XCTAssertEqual(c.rules.contains(.r6Backward), vector.input.direction == .before, vector.id)
            let r8 = vector.input.toEndOfMonth && vector.input.direction == .after && vector.input.period.unit != .hours
            XCTAssertEqual(c.rules.contains(.r8EndOfMonth), r8, vector.id)
        }
    }
}
