import Foundation
import XCTest
@testable import VarselKit
@testable import varsel

/// `DeadlineJSON` (the fast writer behind `deadlines --format json`) must write exactly what
/// `JSONEncoder` with `JSONOutput`'s settings writes for `[DeadlineOutput]`, hostile text,
/// optional fields and odd dates included; both escape C1 and bidi controls (`JSONSafety`), which
/// JSONEncoder alone writes raw.
final class JSONTextTests: XCTestCase {
    let hostile = "Evil \"q\" \\ back\u{1B}[2J\u{07}\u{01}\u{7F} / ✓ åäö 東京 🙂\nline2\r\t\u{08}\u{0C} \u{202E}rtl \u{9B}31m \u{85}\u{2066}\u{2028}\u{061C} ®‐€"

    func item(_ n: Int, text: String, clause: String?, minutes: Int?, date: CivilDate, flags: Bool) -> AgendaItem {
        let d = Deadline(id: "dl-\(n)-\(text.prefix(3))", agreementId: "ag-\(n)", ruleId: nil, sourceKind: .changeNotice,
                         sourceId: "cn-\(n)", what: "Object \(text)", actor: flags ? .us : .them, clauseRef: clause,
                         anchorDate: date.adding(days: -30), rawDate: date.adding(days: 1), dueDate: date, actByDate: date,
                         dueMinutes: minutes, explanation: "rule: \(text)", assumed: flags, writtenForm: !flags,
                         groundsRequired: flags, snoozedUntil: flags ? date.adding(days: -2) : nil, note: flags ? "note \(text)" : nil)
        let today = CivilDate(year: 2026, month: 11, day: 23)!
        let left = today.days(until: date)
        return AgendaItem(deadline: d, agreementTitle: text, counterparty: "Part \(text) AB", daysLeft: left,
                          window: AgendaWindow(daysLeft: left), status: d.status(today: today))
    }

    func testC1AndBidiAreEscapedOnlyInsideStrings() throws {
        let json = try JSONOutput.encode(["k\u{9B}": hostile])
        for raw in ["\u{9B}", "\u{85}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{061C}", "\u{1B}"] {
            XCTAssertFalse(json.contains(raw), "raw \(raw.debugDescription) in \(json)")
        }
        for escaped in ["\\u009b31m", "\\u0085", "\\u202ertl", "\\u2066", "\\u2028", "\\u061c", "\"k\\u009b\""] {
            XCTAssertTrue(json.contains(escaped), "no \(escaped) in \(json)")
        }
        // Printable non-ASCII (®, ‐, €, å, 東, 🙂) is written as it is, and the text decodes back exactly.
        XCTAssertTrue(json.contains("✓ åäö 東京 🙂") && json.contains("®‐€"), json)
        XCTAssertEqual(try JSONDecoder().decode([String: String].self, from: Data(json.utf8)), ["k\u{9B}": hostile])
        XCTAssertEqual(JSONSafety.escapeInvisible(json), json, "idempotent")
    }

    func testSameBytesAsJSONEncoder() throws {
        let items = [
            item(1, text: hostile, clause: nil, minutes: nil, date: CivilDate(year: 2026, month: 1, day: 5)!, flags: true),
            item(2, text: "", clause: "8.6.3", minutes: 9 * 60 + 5, date: CivilDate(year: 2027, month: 12, day: 31)!, flags: false),
            item(3, text: "x/y", clause: hostile, minutes: 0, date: CivilDate(year: 987, month: 10, day: 10)!, flags: true),
            item(4, text: "Øresund", clause: "", minutes: 23 * 60 + 59, date: CivilDate(year: 9999, month: 2, day: 28)!, flags: false),
        ]
        for list in [items, [items[0]], [items[1]], []] {
            let expected = try JSONOutput.encode(list.map(DeadlineOutput.init))
            let actual = String(decoding: DeadlineJSON.bytes(list), as: UTF8.self)
            XCTAssertEqual(actual, expected)
        }
        // Built in chunks on several threads (large outputs): the same bytes once joined.
        let many = (0..<4_500).map { items[$0 % items.count] }
        let expected = try JSONOutput.encode(many.map(DeadlineOutput.init))
        for parts in [1, 2, 3] {
            let joined = DeadlineJSON.chunks(many, parts: parts).flatMap { $0 }
            XCTAssertEqual(String(decoding: joined, as: UTF8.self), expected, "parts \(parts)")
        }
    }
}
