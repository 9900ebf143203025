import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Keeps the worked examples of docs/deadline-rules.md's sections on endings, parents, termination
/// rights and cure periods true to the code: each text quoted in backticks there is exactly what the
/// services produce for the demo portfolio on the stated days.
final class EndingsDocsTests: XCTestCase {
    static func docs() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/deadline-rules.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func assertQuoted(_ text: String, in docs: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(docs.contains("`\(text)`"), "docs/deadline-rules.md lacks: `\(text)`", file: file, line: line)
    }

    /// Endings: a fixed term plans its follow-on; terminating Pureservice opens the return-or-deletion choice.
    func testEndingsExamples() throws {
        let docs = try Self.docs()
        let fixed = DeadlinePlanner().deadlines(forEnd: day("2026-12-31"), terminationId: "fixed",
                                                rules: EndingsTests.fixedTermDocument().noticeRules, calendar: .se,
                                                sourceKind: .agreementEnd)
        assertQuoted(try XCTUnwrap(fixed.first).explanation, in: docs)
        let p = try Fixture.demo(today: day("2026-11-23"))
        let pure = try p.previewTermination(agreementId: "pureservice", by: .us, date: day("2026-11-23"))
        assertQuoted(pure.explanation, in: docs)
        assertQuoted(try XCTUnwrap(pure.followOn.first).explanation, in: docs)
        for w in pure.warnings { assertQuoted(w, in: docs) }
    }

    /// Parents: the Mobilize Me main agreement ends, the DPA ends with it, 9.2 counts back from that end.
    func testParentExamples() throws {
        let docs = try Self.docs()
        let p = try Fixture.demo(today: day("2026-11-23"))
        let refused = assertVarselError(.conflict) {
            try p.previewTermination(agreementId: "mobilize-me-dpa", by: .us, date: day("2026-11-23"))
        }
        assertQuoted(try XCTUnwrap(refused?.what), in: docs)
        let later = try Fixture.demo(today: day("2027-01-25"))
        let main = try later.previewTermination(agreementId: "mobilize-me-hovedaftale", by: .them, date: day("2027-01-25"))
        assertQuoted(try XCTUnwrap(main.followOn.first).explanation, in: docs)
        for w in main.warnings { assertQuoted(w, in: docs) }
    }

    /// End dates entered by hand: Pureservice (no period: none computed) and Migrationsverket 11.1
    /// (computed 3 months, a later end agreed), on Mon 23 Nov 2026.
    func testEnteredEndExamples() throws {
        let docs = try Self.docs()
        let p = try Fixture.demo(today: day("2026-11-23"))
        let pure = try p.previewTermination(TerminationRequest(agreementId: "pureservice", by: .us, date: day("2026-11-23"),
                                                               end: day("2026-12-31"), endReason: "agreed with Pureservice in the letter of 23 Nov 2026"))
        assertQuoted(pure.explanation, in: docs)
        assertQuoted(try XCTUnwrap(pure.followOn.first).explanation, in: docs)
        XCTAssertEqual(pure.warnings, [], "the entered end leaves time for 8.10.1's choice")
        let mv = try p.previewTermination(TerminationRequest(agreementId: "migrationsverket-e-tjanster", by: .us, date: day("2026-11-23"),
                                                             end: day("2027-03-31"), endReason: "agreed with Migrationsverket in the letter of 23 Nov 2026"))
        assertQuoted(mv.explanation, in: docs)
        for w in mv.warnings { assertQuoted(w, in: docs) }
        let refused = assertVarselError(.invalidInput) {
            try p.previewTermination(TerminationRequest(agreementId: "pureservice", by: .us, date: day("2026-11-23"), end: day("2026-12-31")))
        }
        assertQuoted(try XCTUnwrap(refused?.what), in: docs)
    }

    /// Termination rights: Migrationsverket 11.2 after an objection and immediate.
    func testTerminationRightExamples() throws {
        let docs = try Self.docs()
        let p = try Fixture.demo(today: day("2026-11-23"))
        try p.recordObjection(noticeId: "cn-0002", date: day("2026-11-23"), grounds: "BankID", channel: .email)
        let after = try p.previewTermination(TerminationRequest(agreementId: "migrationsverket-e-tjanster", by: .us, date: day("2026-11-23"),
                                                                right: .afterObjection, changeNoticeId: "cn-0002"))
        assertQuoted(after.explanation, in: docs)
        let now = try p.previewTermination(TerminationRequest(agreementId: "migrationsverket-e-tjanster", by: .them, date: day("2026-11-20"),
                                                              right: .forCause))
        assertQuoted(now.explanation, in: docs)
        let refused = assertVarselError(.invalidInput) {
            try p.previewTermination(TerminationRequest(agreementId: "migrationsverket-e-tjanster", by: .us, date: day("2026-11-23"), right: .forCause))
        }
        assertQuoted(try XCTUnwrap(refused?.what), in: docs)
    }

    /// Cure periods: PUB-avtal 9.1, our demand on Mon 2 Nov 2026.
    func testCurePeriodExamples() throws {
        let docs = try Self.docs()
        let p = try Fixture.demo(today: day("2026-11-02"))
        let (_, opened) = try p.recordEvent(agreementId: "pub-avtal-bilaga3", kind: .breachDemand, date: day("2026-11-02"),
                                            description: "Loggar saknas", madeBy: .us)
        let cure = try XCTUnwrap(opened.first)
        assertQuoted(cure.what, in: docs)
        assertQuoted(cure.explanation, in: docs)
        let later = Portfolio(store: p.store, clock: .fixed(day("2026-11-18")), ids: TestIDs(), user: "t")
        let early = assertVarselError(.conflict) {
            try later.previewTermination(TerminationRequest(agreementId: "pub-avtal-bilaga3", by: .us, date: day("2026-11-17"), right: .forCause))
        }
        assertQuoted(try XCTUnwrap(early?.what), in: docs)
        let t = try later.previewTermination(TerminationRequest(agreementId: "pub-avtal-bilaga3", by: .us, date: day("2026-11-18"), right: .forCause))
        assertQuoted(t.explanation, in: docs)
        assertQuoted(try XCTUnwrap(t.followOn.first).explanation, in: docs)
        let theirs = try Fixture.demo(today: day("2026-12-10"))
        let (_, ours) = try theirs.recordEvent(agreementId: "pub-avtal-bilaga3", kind: .breachDemand, date: day("2026-12-10"),
                                               description: "Kunden kräver rättelse", madeBy: .them)
        assertQuoted(try XCTUnwrap(ours.first).what, in: docs)
        assertQuoted(try XCTUnwrap(ours.first).explanation, in: docs)
    }
}
