import Foundation
import XCTest
@testable import VarselKit

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
