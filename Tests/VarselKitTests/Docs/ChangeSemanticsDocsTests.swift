import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Keeps the worked examples of docs/deadline-rules.md on deemed acceptance, who gives notice,
/// anchor words, the effective date and transfers outside the EEA true to the services: each
/// text the services produce below must appear verbatim, in backticks, in the doc.
final class ChangeSemanticsDocsTests: XCTestCase {
    func docText() throws -> String {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/deadline-rules.md")
        return try String(contentsOf: docs, encoding: .utf8)
    }

    /// The texts of the worked examples, produced by the services on the demo portfolio.
    func exampleTexts() throws -> [String] {
        var texts: [String] = []
        // Deemed acceptance (PUB 5.2): notice received Mon 2 Nov 2026, no objection; settled Tue 17 Nov.
        let store = try VarselStore.inMemory()
        let p = try Fixture.demo(today: day("2026-11-10"), store: store)
        let (notice, preview) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded, receivedDate: day("2026-11-02"),
            summary: "Ny underleverantör", subProcessor: SubProcessorDraft(name: "Sinch AB", country: "SE", purpose: "SMS")))
        texts.append(preview.deadlines[0].explanation)
        let later = Portfolio(store: store, clock: .fixed(day("2026-11-17")), ids: TestIDs(), user: "tester")
        try later.settleDeemedAcceptances()
        let (n, sp, d) = try store.writer.read { db in
            (try ChangeNotice.fetchOne(db, key: notice.id)!, try SubProcessor.fetchOne(db, key: notice.subProcessorId!)!,
             try Deadline.fetchOne(db, key: preview.deadlines[0].id)!)
        }
        texts += [n.statusText, sp.statusText, d.handledNote ?? "?"]

        // Who gives notice (Mobilize Me 8.1): our notice, on time and late.
        let q = try Fixture.demo(today: day("2026-11-23"))
        let (_, onTime) = try q.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .termsChanged, receivedDate: day("2026-11-23"), summary: "Ny instruks",
            effectiveDate: day("2027-01-07"), givenBy: .us))
        texts += [onTime.deadlines[0].explanation, onTime.deadlines[0].handledNote ?? "?"]
        let (_, late) = try q.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .termsChanged, receivedDate: day("2026-11-23"), summary: "Ændring",
            effectiveDate: day("2026-12-10"), givenBy: .us))
        texts += late.warnings
        let (_, theirs) = try q.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .termsChanged, receivedDate: day("2026-11-20"), summary: "Deres ændring",
            effectiveDate: day("2026-12-01")))
        texts += theirs.warnings

        // Anchor words (Pureservice 7.2, Migrationsverket 8).
        let (_, defect) = try q.recordEvent(agreementId: "pureservice", kind: .defectOccurred, date: day("2026-11-02"), description: "x")
        texts.append(defect.first { $0.ruleId == "pureservice-defect-claim" }!.explanation)
        let (_, damage) = try q.recordEvent(agreementId: "migrationsverket-e-tjanster", kind: .damageDiscovered,
                                            date: day("2026-11-16"), description: "x")
        texts.append(damage[0].explanation)

        // No effective date (Mobilize Me 2.2).
        do {
            try q.previewChangeNotice(ChangeNoticeDraft(agreementId: "mobilize-me-dpa", kind: .subProcessorReplaced,
                                                        receivedDate: day("2026-11-23"), summary: "x",
                                                        subProcessor: SubProcessorDraft(name: "Y", country: "DK", purpose: "z")))
            XCTFail("no error for a missing effective date")
        } catch let e as VarselError {
            texts += [e.what, e.fix ?? "?"]
        }

        // Outside the EEA (Pureservice C.5, C.6).
        let us = try q.previewChangeNotice(ChangeNoticeDraft(
            agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: day("2026-11-23"), summary: "x",
            effectiveDate: day("2027-01-04"), subProcessor: SubProcessorDraft(name: "Zendesk, Inc.", country: "US", purpose: "Support")))
        texts += us.warnings
        return texts
    }

    func testWorkedExamplesInDocsMatchTheServices() throws {
        let text = try docText()
        let examples = try exampleTexts()
        XCTAssertEqual(examples.count, 13)
        for example in examples {
            XCTAssertTrue(text.contains("`\(example)`"), "docs/deadline-rules.md lacks: `\(example)`")
        }
    }
}
