import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

final class PeriodTests: XCTestCase {
    func testParsesEnglishAndNordic() throws {
        let cases: [(String, Int, PeriodUnit)] = [
            ("14 days", 14, .days), ("1 day", 1, .days), ("4 weeks", 4, .weeks), ("2 weeks", 2, .weeks),
            ("1 week", 1, .weeks), ("3 months", 3, .months), ("1 month", 1, .months), ("1 year", 1, .years),
            ("2 years", 2, .years), ("20 working days", 20, .workingDays), ("1 working day", 1, .workingDays),
            ("24 hours", 24, .hours), ("1 hour", 1, .hours), ("10 business days", 10, .workingDays),
            ("14 dagar", 14, .days), ("30 dage", 30, .days), ("90 dager", 90, .days), ("1 dag", 1, .days),
            ("2 veckor", 2, .weeks), ("2 uger", 2, .weeks), ("4 uker", 4, .weeks), ("1 vecka", 1, .weeks),
            ("3 månader", 3, .months), ("3 måneder", 3, .months), ("1 månad", 1, .months), ("6 måned", 6, .months),
            ("2 år", 2, .years), ("24 timmar", 24, .hours), ("24 timer", 24, .hours),
            ("20 arbetsdagar", 20, .workingDays), ("10 arbejdsdage", 10, .workingDays),
            ("5 arbeidsdager", 5, .workingDays), ("3 virkedager", 3, .workingDays),
            ("  14   Days  ", 14, .days), ("14days", 14, .days), ("3 MONTHS", 3, .months),
            ("four weeks", 4, .weeks), ("fyra veckor", 4, .weeks), ("tre måneder", 3, .months), ("ett år", 1, .years),
            ("3 ma\u{030A}nader", 3, .months), // decomposed å
            ("20 working-days", 20, .workingDays), ("+7 days", 7, .days),
            // Abbreviations contract managers write (issue 14): "3 mdr" is Danish/Norwegian for months.
            ("3 mdr", 3, .months), ("3 mdr.", 3, .months), ("3 mnd", 3, .months), ("3 mån", 3, .months),
            ("3 Mån.", 3, .months), ("14 d", 14, .days), ("14 dgr", 14, .days), ("2 v", 2, .weeks), ("2 vkr", 2, .weeks),
        ]
        for (text, value, unit) in cases {
            XCTAssertEqual(try Period.parse(text), Period(value, unit), text)
        }
    }

    func testErrors() {
        let cases: [(String, PeriodParseError)] = [
            ("", .empty), ("   ", .empty),
            ("days", .missingNumber("days")), ("a few days", .missingNumber("a few days")),
            ("-3 days", .notPositive(-3)), ("0 days", .notPositive(0)), ("− 2 weeks", .notPositive(-2)),
            ("1.5 days", .notWholeNumber("1.5 days")), ("2,5 veckor", .notWholeNumber("2,5 veckor")),
            ("14", .missingUnit(14)), ("14 fortnights", .unknownUnit("fortnights")),
            ("3 moons", .unknownUnit("moons")), ("200 years", .tooLarge(200, .years)),
            ("99999999999 days", .tooLarge(Int.max, .days)), ("40000 days", .tooLarge(40_000, .days)),
            ("promptly", .vague("promptly")), ("skyndsamt", .vague("skyndsamt")),
            ("uden ugrundet ophold", .vague("uden ugrundet ophold")), ("inom rimelig tid", .vague("rimelig tid")),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try Period.parse(text), text) { error in
                XCTAssertEqual(error as? PeriodParseError, expected, text)
                let message = (error as? PeriodParseError)?.message ?? ""
                XCTAssertFalse(message.isEmpty, text)
                XCTAssertTrue(message.contains("e.g."), "message without an example: \(message)")
            }
        }
    }

    func testDescription() {
        XCTAssertEqual(Period(3, .months).description, "3 months")
        XCTAssertEqual(Period(1, .months).description, "1 month")
        XCTAssertEqual(Period(20, .workingDays).description, "20 working days")
        XCTAssertEqual(Period(1, .workingDays).description, "1 working day")
        XCTAssertEqual(Period(24, .hours).description, "24 hours")
        XCTAssertEqual(Period(1, .years).description, "1 year")
    }

    func testRoundTripThroughDescription() throws {
        for unit in PeriodUnit.allCases {
            for value in [1, 2, 14, 30] {
                XCTAssertEqual(try Period.parse(Period(value, unit).description), Period(value, unit))
            }
        }
    }

    func testCodable() throws {
        let data = try JSONEncoder().encode(Period(20, .workingDays))
        let decoded = try JSONDecoder().decode(Period.self, from: data)
        XCTAssertEqual(decoded, Period(20, .workingDays))
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"working_days\""))
    }
}
