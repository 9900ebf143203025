import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Keeps docs/deadline-rules.md true to the code: every explanation quoted in its worked-examples table
/// must be exactly what the engine produces.
final class DocsConsistencyTests: XCTestCase {
    static let examples: [DeadlineInput] = [
        .init(anchor: d("2025-01-31"), period: Period(3, .months), direction: .after, calendar: .se, anchorLabel: "notice given"),
        .init(anchor: d("2026-01-31"), period: Period(1, .months), direction: .after, calendar: .se, anchorLabel: "agreement signed"),
        .init(anchor: d("2025-05-21"), period: Period(30, .days), direction: .after, calendar: .se, anchorLabel: "notice received"),
        .init(anchor: d("2025-12-10"), period: Period(14, .days), direction: .after, calendar: .se, anchorLabel: "notice received"),
        .init(anchor: d("2025-12-10"), period: Period(14, .days), direction: .after, calendar: .dk, anchorLabel: "notice received"),
        .init(anchor: d("2025-12-10"), period: Period(14, .days), direction: .after, calendar: .no, anchorLabel: "notice received"),
        .init(anchor: d("2025-05-22"), period: Period(2, .weeks), direction: .after, calendar: .dk, anchorLabel: "delivery"),
        .init(anchor: d("2025-02-17"), period: Period(3, .months), direction: .after, calendar: .no, anchorLabel: "defect found"),
        .init(anchor: d("2025-06-02"), period: Period(14, .days), direction: .before, calendar: .se, anchorLabel: "change applies"),
        // R10 cap (Pureservice 8.6.3): a timely notice and a late one.
        .init(anchor: d("2026-11-03"), period: Period(4, .weeks), direction: .after, calendar: .no, anchorLabel: "notice received",
              clause: "8.6.3", capBefore: d("2026-12-01"), capLabel: "the change applies"),
        .init(anchor: d("2026-11-20"), period: Period(4, .weeks), direction: .after, calendar: .no, anchorLabel: "notice received",
              clause: "8.6.3", capBefore: d("2026-12-01"), capLabel: "the change applies"),
        // R9 roll earlier (PUB-avtal 9.2) and no roll.
        .init(anchor: d("2026-11-30"), period: Period(3, .months), direction: .after, calendar: .se, roll: .backward,
              anchorLabel: "agreement ends", clause: "9.2"),
        .init(anchor: d("2025-06-01"), period: Period(14, .days), direction: .before, calendar: .se, roll: .noRoll,
              anchorLabel: "change applies"),
        // R4 per rule: PUB-avtal 2.1 bank days against the default, over Christmas.
        .init(anchor: d("2027-01-18"), period: Period(20, .workingDays), direction: .before, calendar: .se,
              workingDayOptions: .init(eveIsWorkingDay: false), anchorLabel: "audit planned", clause: "6.2"),
        .init(anchor: d("2027-01-18"), period: Period(20, .workingDays), direction: .before, calendar: .se,
              anchorLabel: "audit planned", clause: "6.2"),
        // R7 across the end of summer time, in Europe/Stockholm.
        .init(anchor: d("2026-10-24"), anchorMinutes: 12 * 60, period: Period(24, .hours), direction: .after, calendar: .se,
              anchorLabel: "incident discovered", clause: "3.3"),
        .init(anchor: d("2027-03-27"), anchorMinutes: 12 * 60, period: Period(24, .hours), direction: .after, calendar: .se,
              anchorLabel: "incident discovered", clause: "3.3"),
    ]

    func testWorkedExamplesInDocsMatchEngine() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/deadline-rules.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let engine = DeadlineEngine()
        for input in Self.examples {
            let c = engine.compute(input)
            XCTAssertTrue(text.contains("`\(c.explanation)`"), "docs/deadline-rules.md lacks: \(c.explanation)")
        }
    }
}
