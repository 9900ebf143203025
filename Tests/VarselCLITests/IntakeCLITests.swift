import Foundation
import XCTest

/// `varsel intake` (docs/intake.md): the JSON shape with the field names, nothing written,
/// hostile contract text sanitised in the table.
final class IntakeCLITests: CLITestCase {
    let contract = """
    Tjänsteavtal
    11. Avtalstid
    11.1 Vardera parten får säga upp avtalet skriftligen med en uppsägningstid om tre (3) månader.
    12. Underbiträden
    • Exempel Drift AB, org.nr 556036-0793, Sverige
    """

    func testJSONShapeAndNothingWritten() throws {
        let file = path("avtal.txt")
        try Data(contract.utf8).write(to: URL(fileURLWithPath: file))
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let r = try Varsel.expect(0, ["intake", file, "--format", "json"])
        let doc = try XCTUnwrap(try r.json() as? [String: Any])
        for key in ["language", "title", "kind", "governingLaw", "parties", "clauses", "rules", "subProcessors", "warnings"] {
            XCTAssertTrue(doc.keys.contains(key), key)
        }
        XCTAssertEqual(doc["language"] as? String, "sv")
        let rule = try XCTUnwrap((doc["rules"] as? [[String: Any]])?.first)
        for key in ["value", "unit", "direction", "anchor", "actor", "writtenForm", "groundsRequired", "clause", "quote", "start", "end", "pattern"] {
            XCTAssertTrue(rule.keys.contains(key), key)
        }
        XCTAssertEqual(rule["value"] as? Int, 3)
        XCTAssertEqual(rule["unit"] as? String, "months")
        XCTAssertEqual(rule["direction"] as? String, "after")
        XCTAssertEqual(rule["anchor"] as? String, "termination_notice")
        XCTAssertEqual(rule["actor"] as? String, "either")
        XCTAssertEqual(rule["writtenForm"] as? Bool, true)
        XCTAssertEqual(rule["clause"] as? String, "11.1")
        let start = try XCTUnwrap(rule["start"] as? Int), end = try XCTUnwrap(rule["end"] as? Int)
        XCTAssertEqual((contract as NSString).substring(with: NSRange(location: start, length: end - start)), rule["quote"] as? String)
        let clause = try XCTUnwrap((doc["clauses"] as? [[String: Any]])?.first { $0["ref"] as? String == "11.1" })
        for key in ["ref", "heading", "text", "start", "end"] { XCTAssertTrue(clause.keys.contains(key), key) }
        let sub = try XCTUnwrap((doc["subProcessors"] as? [[String: Any]])?.first)
        for key in ["name", "orgNumber", "country", "purpose", "quote"] { XCTAssertTrue(sub.keys.contains(key), key) }
        XCTAssertEqual(sub["name"] as? String, "Exempel Drift AB")
        XCTAssertEqual(sub["orgNumber"] as? String, "556036-0793")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), before, "intake writes nothing")
    }

    func testTableIsSanitisedAndErrorsAreClear() throws {
        let file = path("evil.txt")
        try Data((contract + "\n13. Evil\u{1B}]0;pwned\u{07}\u{202E} heading\n• Ond\u{1B}[2J Data AB, org.nr 556036-0793\n").utf8).write(to: URL(fileURLWithPath: file))
        let r = try Varsel.expect(0, ["intake", file], environment: ["COLUMNS": "100"])
        XCTAssertFalse(r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, r.stdout)
        XCTAssertTrue(r.stdout.contains("3 months"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Nothing was written."), r.stdout)
        let missing = try Varsel.expect(2, ["intake", path("nope.txt")])
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
        let lang = try Varsel.expect(2, ["intake", file, "--language", "fi"])
        XCTAssertTrue(lang.stderr.contains("use auto, sv, da, nb, nn or en"), lang.stderr)
    }
}
