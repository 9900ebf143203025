import Foundation
import XCTest
@testable import VarselKit

/// Contract texts kept with their agreements (issue 11): saved with the intake bundle in its one
/// transaction and audit row, read back byte for byte, refused twice for the same file, immutable.
/// Runs on the test backend (SQLite, or PostgreSQL with VARSEL_TEST_BACKEND=postgres).
final class AgreementDocumentTests: XCTestCase {
    /// A title page, a preamble and text between clauses: what clause records alone lose.
    static let text = "AVTAL OM MOLNTJÄNST\nmellan Exempel Moln AB och Nordby kommun\n\nBakgrund: parterna vill 🇸🇪 samarbeta.\n\n"
        + "11 Avtalstid\n11.1 Avtalet gäller tills vidare med tre (3) månaders uppsägningstid.\n11.10 Uppsägning ska ske skriftligen.\n\nBilaga 1 Underbiträden\n"

    static func bundle(text: String = text) -> AgreementBundle {
        let clause = "11.1 Avtalet gäller tills vidare med tre (3) månaders uppsägningstid."
        return AgreementBundle(
            parties: [Party(id: "intake-party-1", name: "Exempel Moln AB", orgNumber: "556036-0793", country: "SE")],
            agreement: Agreement(id: "", title: "Avtal om molntjänst", kind: .serviceAgreement, counterpartyId: "intake-party-1",
                                 ourRole: .customer, language: "sv", governingLaw: "Swedish law", calendar: .se),
            clauses: [Clause(id: "", agreementId: "", reference: "11.1", heading: "", text: clause),
                      Clause(id: "", agreementId: "", reference: "11", heading: "Avtalstid", text: "11 Avtalstid")],
            rules: [], subProcessors: [],
            document: AgreementDocument(id: "", agreementId: "", fileName: "avtal.pdf", mediaType: .pdf, sha256: "",
                                        text: text, extractorVersion: "varsel-intake 1", language: "sv", importedAt: "", importedBy: ""))
    }

    let sha = String(repeating: "ab", count: 32)

    func testTheTextIsSavedWithTheBundleInItsOneAuditRowAndReadBackByteForByte() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let auditBefore = try p.queries.audit(limit: 10_000).count
        let saved = try p.addAgreementBundle(Self.bundle(), sourceFile: "avtal.pdf", sha256: sha)
        let docs = try p.queries.documents(agreementId: saved.record.id)
        XCTAssertEqual(docs.count, 1)
        let d = try XCTUnwrap(docs.first)
        XCTAssertEqual(Array(d.text.utf8), Array(Self.text.utf8), "byte for byte, flags and all")
        XCTAssertEqual(d.agreementId, saved.record.id)
        XCTAssertEqual(d.sha256, sha)
        XCTAssertEqual(d.fileName, "avtal.pdf")
        XCTAssertEqual(d.mediaType, .pdf)
        XCTAssertEqual(d.importedAt, "2026-11-23T09:00:00Z", "the injected clock")
        XCTAssertEqual(d.importedBy, "tester")
        XCTAssertEqual(d.language, "sv")
        XCTAssertEqual(d.extractorVersion, "varsel-intake 1")
        let audit = try p.queries.audit(limit: 10_000)
        XCTAssertEqual(audit.count, auditBefore + 1, "one audit row for agreement, clauses and text")
        XCTAssertTrue(audit[0].summary.contains("Intake of avtal.pdf (SHA-256 \(sha))"), audit[0].summary)
        XCTAssertTrue(audit[0].summary.contains("text kept as document \(d.id)"), audit[0].summary)
        // The same read inside a snapshot, and by SHA-256.
        XCTAssertEqual(try p.store.read { try $0.documents(sha256: sha) }, [d])
        XCTAssertEqual(try p.store.exportDocument().documents, [d])
    }

    func testTheSameFileTwiceIsRefusedWithNothingWrittenUnlessAgain() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let first = try p.addAgreementBundle(Self.bundle(), sourceFile: "avtal.pdf", sha256: sha)
        let before = try Fixture.tableCounts(p.store)
        let e = assertVarselError(.conflict) { try p.addAgreementBundle(Self.bundle(), sourceFile: "avtal.pdf", sha256: self.sha) }
        XCTAssertTrue(e?.what.contains("avtal.pdf was already imported on 2026-11-23: agreement \(first.record.id) (Avtal om molntjänst)") == true,
                      "\(String(describing: e))")
        XCTAssertTrue(e?.fix?.contains("--again") == true)
        XCTAssertEqual(try Fixture.tableCounts(p.store), before, "nothing written")
        let second = try p.addAgreementBundle(Self.bundle(), sourceFile: "avtal.pdf", sha256: sha, again: true)
        XCTAssertNotEqual(second.record.id, first.record.id)
        XCTAssertEqual(try p.queries.documents(agreementId: second.record.id).map(\.sha256), [sha])
        XCTAssertEqual(try p.store.read { try $0.documents(sha256: sha) }.count, 2)
    }

    func testAnEmptyTextIsRefusedAndAKeptTextCannotBeUpdated() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let before = try Fixture.tableCounts(p.store)
        assertVarselError(.invalidInput) { try p.addAgreementBundle(Self.bundle(text: ""), sourceFile: "scan.pdf", sha256: self.sha) }
        XCTAssertEqual(try Fixture.tableCounts(p.store), before)
        let saved = try p.addAgreementBundle(Self.bundle(), sourceFile: "avtal.pdf", sha256: sha)
        var d = try XCTUnwrap(try p.queries.documents(agreementId: saved.record.id).first)
        d.text += "tampered"
        XCTAssertThrowsError(try p.store.write(user: "t", at: Date()) { tx -> ((), AuditNote) in
            try tx.update(d)
            return ((), AuditNote(action: "x", entityType: "document", entityId: d.id, summary: "x"))
        })
        XCTAssertEqual(try p.queries.documents(agreementId: saved.record.id).first?.text, Self.text)
    }

    /// Clause places: the quoted text where it is verbatim; else the heading line, "11.1" not "11.10".
    func testClauseSpansPointIntoTheText() throws {
        let d = try XCTUnwrap(Self.bundle().document)
        let clauses = Self.bundle().clauses
        let span = try XCTUnwrap(d.span(of: clauses[0], among: clauses))
        XCTAssertEqual(d.span(start: span.lowerBound, end: span.upperBound).map(String.init), clauses[0].text)
        let moved = Clause(id: "c", agreementId: "", reference: "11.1", heading: "", text: "(not verbatim)")
        let start = try XCTUnwrap(d.offset(of: moved))
        XCTAssertTrue(d.span(start: start, end: start + 9).map(String.init) == "11.1 Avta", "\(start)")
        let heading = try XCTUnwrap(d.span(of: Clause(id: "h", agreementId: "", reference: "11", heading: "Avtalstid", text: "x"),
                                           among: clauses + [moved]))
        XCTAssertEqual(d.span(start: heading.lowerBound, end: heading.upperBound).map(String.init), "11 Avtalstid")
        XCTAssertNil(d.offset(of: Clause(id: "n", agreementId: "", reference: "12.3", heading: "", text: "nowhere at all")))
        XCTAssertEqual(d.line(at: start), 6)
    }
}
