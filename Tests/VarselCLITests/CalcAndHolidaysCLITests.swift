import Foundation
import XCTest

/// `varsel calc` reproduces every worked example of DEADLINE-RULES.md, in table and JSON form;
/// `varsel holidays` lists each country's days with their names.
final class CalcAndHolidaysCLITests: CLITestCase {
    struct Example {
        var name: String, from: String, period: String, direction: String, calendar: String
        var raw: String, due: String, actBy: String
        /// Lines the table output must contain.
        var lines: [String]
    }

    static let examples: [Example] = [
        Example(name: "3 months after 31 Jan 2025", from: "2025-01-31", period: "3 months", direction: "after", calendar: "se",
                raw: "2025-04-30", due: "2025-04-30", actBy: "2025-04-30",
                lines: ["raw:    Wed 30 Apr 2025", "due:    Wed 30 Apr 2025", "act by: Wed 30 Apr 2025"]),
        Example(name: "1 month after 31 Jan 2026, SE", from: "2026-01-31", period: "1 month", direction: "after", calendar: "se",
                raw: "2026-02-28", due: "2026-03-02", actBy: "2026-03-02",
                lines: ["raw:    Sat 28 Feb 2026", "due:    Mon 2 Mar 2026 (rolled)", "act by: Mon 2 Mar 2026"]),
        Example(name: "30 days after Wed 21 May 2025, SE", from: "2025-05-21", period: "30 days", direction: "after", calendar: "se",
                raw: "2025-06-20", due: "2025-06-23", actBy: "2025-06-23",
                lines: ["raw:    Fri 20 Jun 2025", "due:    Mon 23 Jun 2025 (rolled)", "act by: Mon 23 Jun 2025"]),
        Example(name: "14 days after 10 Dec 2025, SE", from: "2025-12-10", period: "14 days", direction: "after", calendar: "se",
                raw: "2025-12-24", due: "2025-12-29", actBy: "2025-12-29",
                lines: ["raw:    Wed 24 Dec 2025", "due:    Mon 29 Dec 2025 (rolled)"]),
        Example(name: "14 days after 10 Dec 2025, DK", from: "2025-12-10", period: "14 days", direction: "after", calendar: "dk",
                raw: "2025-12-24", due: "2025-12-29", actBy: "2025-12-29",
                lines: ["raw:    Wed 24 Dec 2025", "due:    Mon 29 Dec 2025 (rolled)"]),
        Example(name: "14 days after 10 Dec 2025, NO", from: "2025-12-10", period: "14 days", direction: "after", calendar: "no",
                raw: "2025-12-24", due: "2025-12-24", actBy: "2025-12-24",
                lines: ["raw:    Wed 24 Dec 2025", "due:    Wed 24 Dec 2025", "act by: Wed 24 Dec 2025"]),
        Example(name: "2 weeks after Thu 22 May 2025, DK", from: "2025-05-22", period: "2 weeks", direction: "after", calendar: "dk",
                raw: "2025-06-05", due: "2025-06-06", actBy: "2025-06-06",
                lines: ["raw:    Thu 5 Jun 2025", "due:    Fri 6 Jun 2025 (rolled)", "act by: Fri 6 Jun 2025"]),
        Example(name: "3 months after 17 Feb 2025, NO", from: "2025-02-17", period: "3 months", direction: "after", calendar: "no",
                raw: "2025-05-17", due: "2025-05-19", actBy: "2025-05-19",
                lines: ["raw:    Sat 17 May 2025", "due:    Mon 19 May 2025 (rolled)", "act by: Mon 19 May 2025"]),
        Example(name: "at least 14 days before a change on Mon 2 Jun 2025", from: "2025-06-02", period: "14 days",
                direction: "before", calendar: "se", raw: "2025-05-19", due: "2025-05-19", actBy: "2025-05-19",
                lines: ["raw:    Mon 19 May 2025", "act by: Mon 19 May 2025"]),
    ]

    func testCalcReproducesEveryWorkedExample() throws {
        for e in Self.examples {
            let args = ["calc", "--from", e.from, "--period", e.period, "--direction", e.direction, "--calendar", e.calendar]
            let table = try Varsel.expect(0, args)
            for line in e.lines {
                XCTAssertTrue(table.stdout.split(separator: "\n").contains(Substring(line)), "\(e.name): no line \"\(line)\" in\n\(table.stdout)")
            }
            XCTAssertEqual(table.stderr, "", e.name)

            let json = try XCTUnwrap(try Varsel.expect(0, args + ["--format", "json"]).json() as? [String: Any], e.name)
            XCTAssertEqual(json["from"] as? String, e.from, e.name)
            XCTAssertEqual(json["rawDate"] as? String, e.raw, e.name)
            XCTAssertEqual(json["dueDate"] as? String, e.due, e.name)
            XCTAssertEqual(json["actByDate"] as? String, e.actBy, e.name)
            XCTAssertEqual(json["rolled"] as? Bool, e.raw != e.due, e.name)
            XCTAssertEqual(json["calendar"] as? String, e.calendar, e.name)
            XCTAssertFalse((json["explanation"] as? String ?? "").isEmpty, e.name)
        }
    }

    func testCalcRuleTextAndNoRoll() throws {
        let r = try Varsel.expect(0, ["calc", "--from", "2026-01-31", "--period", "1 month", "--calendar", "se"])
        XCTAssertEqual(r.stdout.split(separator: "\n").map(String.init), [
            "raw:    Sat 28 Feb 2026",
            "due:    Mon 2 Mar 2026 (rolled)",
            "act by: Mon 2 Mar 2026",
            "rules:  R3, R5",
            "1 month after anchor date Sat 31 Jan 2026 = Sat 28 Feb 2026 (R3: no 31 Feb, month end), "
                + "rolled to Mon 2 Mar 2026 (R5: Saturday is not a deadline day in Sweden)",
        ])
        let json = try XCTUnwrap(try Varsel.expect(0, ["calc", "--from", "2026-01-31", "--period", "1 month", "--calendar", "se",
                                                      "--no-roll", "--format", "json"]).json() as? [String: Any])
        XCTAssertEqual(json["rawDate"] as? String, "2026-02-28")
        XCTAssertEqual(json["dueDate"] as? String, "2026-02-28")
        XCTAssertEqual(json["rolled"] as? Bool, false)
        // Hours: exact time, no roll (R7).
        let hours = try XCTUnwrap(try Varsel.expect(0, ["calc", "--from", "2025-12-24", "--time", "22:30", "--period", "24 hours",
                                                       "--calendar", "se", "--format", "json"]).json() as? [String: Any])
        XCTAssertEqual(hours["dueDate"] as? String, "2025-12-25")
        XCTAssertEqual(hours["dueTime"] as? String, "22:30")
        // A bad period says what and where.
        let bad = try Varsel.expect(2, ["calc", "--from", "2025-01-31", "--period", "3 moons"])
        XCTAssertTrue(bad.stderr.contains("where: --period \"3 moons\""), bad.stderr)
        XCTAssertEqual(bad.stdout, "")
    }

    /// The per-rule options of issue 13 on the command line: cap (R10), roll earlier (R9), bank days (R4),
    /// hours across the end of summer time (R7), and the R6 refusal.
    func testCalcCapRollBankDaysAndSummerTime() throws {
        let capped = try XCTUnwrap(try Varsel.expect(0, ["calc", "--from", "2026-11-07", "--period", "4 weeks", "--calendar", "no",
                                                        "--before-event", "2026-12-05", "--format", "json"]).json() as? [String: Any])
        XCTAssertEqual(capped["actByDate"] as? String, "2026-12-04")
        XCTAssertEqual(capped["rules"] as? [String], ["R2", "R5", "R10"])
        let table = try Varsel.expect(0, ["calc", "--from", "2026-11-07", "--period", "4 weeks", "--calendar", "no", "--before-event", "2026-12-05"])
        XCTAssertTrue(table.stdout.contains("due:    Fri 4 Dec 2026 (capped)"), table.stdout)
        let earlier = try XCTUnwrap(try Varsel.expect(0, ["calc", "--from", "2026-11-30", "--period", "3 months", "--calendar", "se",
                                                         "--roll", "backward", "--format", "json"]).json() as? [String: Any])
        XCTAssertEqual(earlier["dueDate"] as? String, "2027-02-28")
        XCTAssertEqual(earlier["actByDate"] as? String, "2027-02-26")
        let bank = try XCTUnwrap(try Varsel.expect(0, ["calc", "--from", "2027-01-18", "--period", "20 working days", "--direction",
                                                      "before", "--calendar", "se", "--bank-days", "--format", "json"]).json() as? [String: Any])
        XCTAssertEqual(bank["actByDate"] as? String, "2026-12-14")
        let dst = try XCTUnwrap(try Varsel.expect(0, ["calc", "--from", "2026-10-24", "--time", "12:00", "--period", "24 hours",
                                                     "--calendar", "se", "--format", "json"]).json() as? [String: Any])
        XCTAssertEqual(dst["dueDate"] as? String, "2026-10-25")
        XCTAssertEqual(dst["dueTime"] as? String, "11:00")
        let refused = try Varsel.expect(2, ["calc", "--from", "2026-11-30", "--period", "3 months", "--direction", "before", "--roll", "forward"])
        XCTAssertTrue(refused.stderr.contains("never rolled forward (R6)"), refused.stderr)
    }

    private func holidays(_ calendar: String, _ year: Int) throws -> [(date: String, name: String, kind: String)] {
        let list = try XCTUnwrap(try Varsel.expect(0, ["holidays", "--calendar", calendar, "--year", "\(year)", "--format", "json"])
            .json() as? [[String: Any]])
        return list.map { ($0["date"] as? String ?? "", $0["name"] as? String ?? "", $0["kind"] as? String ?? "") }
    }

    func testHolidays2025ForAllThreeCountries() throws {
        // Easter Sunday 2025 = 20 Apr: Maundy Thursday 17 Apr, Good Friday 18 Apr, Easter Monday 21 Apr,
        // Ascension 29 May (E+39), Whit Sunday 8 Jun (E+49), Whit Monday 9 Jun (E+50).
        let se = try holidays("se", 2025)
        XCTAssertEqual(se.map(\.date), ["2025-01-01", "2025-01-06", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01",
                                        "2025-05-29", "2025-06-06", "2025-06-08", "2025-06-20", "2025-06-21", "2025-11-01",
                                        "2025-12-24", "2025-12-25", "2025-12-26", "2025-12-31"])
        XCTAssertEqual(se.filter { $0.kind == "non_deadline_day" }.map(\.date), ["2025-06-20", "2025-12-24", "2025-12-31"])
        XCTAssertEqual(Set(se.map(\.kind)), ["public_holiday", "non_deadline_day"])
        XCTAssertTrue(se.allSatisfy { !$0.name.isEmpty })
        XCTAssertEqual(se.first { $0.date == "2025-04-18" }?.name, "Långfredag (Good Friday)")
        XCTAssertEqual(se.first { $0.date == "2025-05-29" }?.name, "Kristi himmelsfärdsdag (Ascension Day)")
        XCTAssertEqual(se.first { $0.date == "2025-06-20" }?.name, "Midsommarafton (Midsummer Eve)")
        XCTAssertEqual(se.first { $0.date == "2025-06-21" }?.name, "Midsommardagen (Midsummer Day)")
        XCTAssertEqual(se.first { $0.date == "2025-11-01" }?.name, "Alla helgons dag (All Saints' Day)")

        let dk = try holidays("dk", 2025)
        XCTAssertEqual(dk.map(\.date), ["2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29",
                                        "2025-06-05", "2025-06-08", "2025-06-09", "2025-12-24", "2025-12-25", "2025-12-26",
                                        "2025-12-31"])
        XCTAssertEqual(dk.filter { $0.kind == "non_deadline_day" }.map(\.date), ["2025-06-05", "2025-12-24", "2025-12-31"])
        XCTAssertEqual(dk.first { $0.date == "2025-06-05" }?.name, "Grundlovsdag (Constitution Day)")
        XCTAssertEqual(dk.first { $0.date == "2025-04-17" }?.name, "Skærtorsdag (Maundy Thursday)")
        XCTAssertFalse(dk.contains { $0.name.contains("bededag") }, "Store Bededag was abolished from 2024")

        let no = try holidays("no", 2025)
        XCTAssertEqual(no.map(\.date), ["2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01",
                                        "2025-05-17", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26"])
        XCTAssertTrue(no.allSatisfy { $0.kind == "public_holiday" })
        XCTAssertEqual(no.first { $0.date == "2025-05-17" }?.name, "Grunnlovsdag (Constitution Day)")
        XCTAssertEqual(no.first { $0.date == "2025-06-09" }?.name, "Andre pinsedag (Whit Monday)")
    }

    func testStoreBededagUntil2023Only() throws {
        // Easter 2023 = 9 Apr → Store Bededag 5 May 2023 (E+26); Easter 2024 = 31 Mar → would be 26 Apr 2024.
        XCTAssertEqual(try holidays("dk", 2023).first { $0.date == "2023-05-05" }?.name, "Store bededag (General Prayer Day)")
        XCTAssertNil(try holidays("dk", 2024).first { $0.date == "2024-04-26" })
        let table = try Varsel.expect(0, ["holidays", "--calendar", "dk", "--year", "2023"])
        XCTAssertTrue(table.stdout.contains("2023-05-05  Fri  Store bededag (General Prayer Day)"), table.stdout)
    }
}
