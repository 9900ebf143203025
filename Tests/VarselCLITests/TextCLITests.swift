import Foundation
import XCTest

/// `varsel intake FILE --save` keeps the extracted text with the agreement (issue 11), and
/// `varsel text AGREEMENT [--clause REF] [--document N]` prints it: the Mobilize Me data
/// processing agreement, title page and all.
final class TextCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }
    var file: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/contracts/dk-mobilize-me-databehandleraftale.txt").path
    }

    /// The UTF-16 slice `start..<end` of `text`.
    func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        String(decoding: Array(text.utf16)[start..<end], as: UTF16.self)
    }

    func testSaveKeepsTheTextByteForByteSoProposalOffsetsStillPointAtTheirQuotes() throws {
        let proposal = try XCTUnwrap(try Varsel.expect(0, ["intake", file, "--format", "json"]).json() as? [String: Any])
        try Varsel.expect(0, ["intake", file, "--save", "--accept-all", "--create", "--db", db, "--today", today])
        let export = try XCTUnwrap(try Varsel.expect(0, ["export", "--db", db]).json() as? [String: Any])
        let docs = try XCTUnwrap(export["documents"] as? [[String: Any]])
        XCTAssertEqual(docs.count, 1)
        let text = try XCTUnwrap(docs[0]["text"] as? String)
        // The source is UTF-8 with "\n" line ends: the kept text is its bytes exactly.
        XCTAssertEqual(Array(text.utf8), Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        XCTAssertEqual(docs[0]["fileName"] as? String, "dk-mobilize-me-databehandleraftale.txt")
        XCTAssertEqual(docs[0]["mediaType"] as? String, "txt")
        XCTAssertEqual(docs[0]["language"] as? String, "da")
        // The audit row's instant (the CLI's clock: --today fixes the day, not the time).
        let at = try XCTUnwrap(docs[0]["importedAt"] as? String)
        XCTAssertNotNil(at.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression), at)
        let rules = try XCTUnwrap(proposal["rules"] as? [[String: Any]])
        XCTAssertFalse(rules.isEmpty)
        for r in rules {
            let start = try XCTUnwrap(r["start"] as? Int), end = try XCTUnwrap(r["end"] as? Int)
            XCTAssertEqual(slice(text, start, end), r["quote"] as? String)
        }
        for c in try XCTUnwrap(proposal["clauses"] as? [[String: Any]]) {
            XCTAssertEqual(slice(text, try XCTUnwrap(c["start"] as? Int), try XCTUnwrap(c["end"] as? Int)), c["text"] as? String)
        }
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit WHERE summary LIKE '%text kept as document%'"), ["1"])
    }

    func testTextPrintsTheWholeTextOrOneClause() throws {
        try Varsel.expect(0, ["intake", file, "--save", "--create", "--db", db, "--today", today])
        let id = try XCTUnwrap(try sqlite(db, "SELECT id FROM agreements").first)
        let whole = try Varsel.expect(0, ["text", id, "--db", db, "--today", today]).stdout
        // The title page, which no clause record holds.
        XCTAssertTrue(whole.hasPrefix("DATABEHANDLERAFTALE\nMellem Institutionsnavn:\nCVR nummer: (herefter ”institutionen”)\nOg MOBILIZE ME ApS\n"), whole)
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM clauses WHERE text LIKE '%Mellem Institutionsnavn%'"), ["0"])
        // Clause 9.2 ("Behandling"): its span in the kept text, which is the clause record's text.
        let clause = try Varsel.expect(0, ["text", id, "--clause", "9.2", "--db", db, "--today", today]).stdout
        let export = try XCTUnwrap(try Varsel.expect(0, ["export", "--db", db]).json() as? [String: Any])
        let clauses = try XCTUnwrap(export["clauses"] as? [[String: Any]])
        let stored = try XCTUnwrap(clauses.first { $0["reference"] as? String == "9.2" }?["text"] as? String)
        XCTAssertEqual(clause, stored + "\n")
        XCTAssertTrue(clause.hasPrefix("9.2"), clause)
        let missing = try Varsel.expect(2, ["text", id, "--clause", "99.9", "--db", db, "--today", today])
        XCTAssertTrue(missing.stderr.contains("has no clause \"99.9\""), missing.stderr)
        let noDoc = try Varsel.expect(2, ["text", id, "--document", "2", "--db", db, "--today", today])
        XCTAssertTrue(noDoc.stderr.contains("Use 1…1: 1 dk-mobilize-me-databehandleraftale.txt"), noDoc.stderr)
        XCTAssertEqual(try Varsel.expect(0, ["text", id, "--document", "1", "--db", db, "--today", today]).stdout, whole)
    }

    func testTheSameFileTwiceIsRefusedUnlessAgainAndAgreementsWithoutTextSaySo() throws {
        try Varsel.expect(0, ["intake", file, "--save", "--create", "--db", db, "--today", today])
        let id = try XCTUnwrap(try sqlite(db, "SELECT id FROM agreements").first)
        let before = try Varsel.expect(0, ["export", "--db", db]).stdout
        let refused = try Varsel.expect(2, ["intake", file, "--save", "--db", db, "--today", today])
        XCTAssertTrue(refused.stderr.contains("dk-mobilize-me-databehandleraftale.txt was already imported on "), refused.stderr)
        XCTAssertTrue(refused.stderr.contains(": agreement \(id) (DATABEHANDLERAFTALE) keeps it as document doc-"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--again"), refused.stderr)
        XCTAssertEqual(try Varsel.expect(0, ["export", "--db", db]).stdout, before, "nothing written")
        try Varsel.expect(2, ["intake", file, "--again", "--db", db, "--today", today])  // --again needs --save
        try Varsel.expect(0, ["intake", file, "--save", "--again", "--db", db, "--today", today])
        XCTAssertEqual(try sqlite(db, "SELECT count(DISTINCT agreement_id), count(*) FROM agreement_documents"), ["2|2"])

        let demo = path("demo.sqlite")
        try Varsel.expect(0, ["demo", "--db", demo, "--today", today])
        let none = try Varsel.expect(2, ["text", "pureservice", "--db", demo, "--today", today])
        XCTAssertTrue(none.stderr.contains("No contract text is kept for pureservice"), none.stderr)
    }
}
