import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Keeps the "Recurrence" and "Statutory deadlines" sections of docs/deadline-rules.md true: every
/// explanation quoted there is what the planner produces for that rule and occurrence.
final class RecurrenceDocsTests: XCTestCase {
    static func rule(_ id: String, clause: String, from: String) -> NoticeRule {
        NoticeRule(id: id, agreementId: "a", clauseRef: clause, title: "t", trigger: .recurring, period: Period(12, .months),
                   direction: .after, actor: .us, recursFrom: CivilDate(iso: from)!)
    }

    func testRecurrenceExamplesInDocsMatchThePlanner() throws {
        let text = try Self.deadlineRulesDoc()
        let planner = DeadlinePlanner()
        let backup = Self.rule("r", clause: "Underbilaga 1, 7.3", from: "2024-02-29")
        var pentest = Self.rule("p", clause: "C.2", from: "2024-08-01")
        pentest.actor = .them
        pentest.roll = .safeDefault(direction: .after, actor: .them)
        let cases: [(NoticeRule, Int, CalendarID, String)] = [
            (backup, 1, .se, "2025-02-28"), (backup, 2, .se, "2026-03-02"), (backup, 3, .se, "2027-03-01"),
            (backup, 4, .se, "2028-02-29"), (pentest, 3, .no, "2027-07-30"),
        ]
        for (rule, k, calendar, actBy) in cases {
            let d = try XCTUnwrap(planner.occurrence(k, of: rule, calendar: calendar))
            XCTAssertEqual(d.actByDate.iso, actBy)
            XCTAssertTrue(text.contains("`\(d.explanation)`"), "docs/deadline-rules.md lacks: \(d.explanation)")
        }
        // The worked day: on 23 Nov 2026 occurrence 3 is the first still to come.
        XCTAssertEqual(planner.firstOccurrence(of: backup, calendar: .se, actByOnOrAfter: CivilDate(iso: "2026-11-23")!), 3)
    }

    func testArt33ExampleInDocsMatchesThePlanner() throws {
        let text = try Self.deadlineRulesDoc()
        let agreement = Agreement(id: "a", title: "a", kind: .dataProcessingAgreement, counterpartyId: "p", ourRole: .controller,
                                  language: "sv", governingLaw: "Swedish law", calendar: .se)
        let event = AgreementEvent(id: "e", agreementId: "a", kind: .incidentDiscovered, date: CivilDate(iso: "2026-01-30")!,
                                   minutes: 22 * 60 + 15, description: "")
        let d = try XCTUnwrap(DeadlinePlanner().statutoryDeadlines(for: event, agreement: agreement).first)
        XCTAssertTrue(text.contains("`\(d.explanation)`"), "docs/deadline-rules.md lacks: \(d.explanation)")
        let autumn = AgreementEvent(id: "e", agreementId: "a", kind: .incidentDiscovered, date: CivilDate(iso: "2026-10-24")!,
                                    minutes: 12 * 60, description: "")
        let dst = try XCTUnwrap(DeadlinePlanner().statutoryDeadlines(for: autumn, agreement: agreement).first)
        XCTAssertTrue(text.contains("`\(dst.explanation)`"), "docs/deadline-rules.md lacks: \(dst.explanation)")
    }

    static func deadlineRulesDoc() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/deadline-rules.md")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
