import Foundation
import XCTest

/// `import --merge` of a crafted file that rewrites an objection: refused, exit 2, one conflict per line.
final class ImportDecisionsCLITests: CLITestCase {
    func testCraftedMergeIsRefusedWithTheListOfConflicts() throws {
        let db = path("v.sqlite"), file = path("crafted.json"), today = "2026-11-23"
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        try Varsel.expect(0, ["object", "cn-0001", "--grounds", "No transfer impact assessment", "--db", db, "--today", today])
        let exported = try Varsel.expect(0, ["export", "--db", db]).stdout
        var doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        var notices = try XCTUnwrap(doc["changeNotices"] as? [[String: Any]])
        let ni = try XCTUnwrap(notices.firstIndex { $0["id"] as? String == "cn-0001" })
        notices[ni]["status"] = "accepted"
        doc["changeNotices"] = notices
        var objections = try XCTUnwrap(doc["objections"] as? [[String: Any]])
        objections[0]["grounds"] = "None"
        doc["objections"] = objections
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: file))
        let before = try sqlite(db, "SELECT status FROM change_notices WHERE id = 'cn-0001'; SELECT grounds FROM objections; SELECT count(*) FROM audit")
        let r = try Varsel.expect(2, ["import", "--merge", file, "--db", db, "--today", today])
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("varsel: error: The file would rewrite 3 recorded decisions") == true, r.stderr)
        XCTAssertTrue(lines.contains("  - changeNotices[\(ni)] \"cn-0001\": status objected in the database, accepted in the file"), r.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  - objections[0] ") && $0.contains("grounds \"No transfer impact assessment\" in the database, \"None\" in the file") }, r.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  - objections[0] ") && $0.hasSuffix("objects to change notice \"cn-0001\", which would be accepted") }, r.stderr)
        XCTAssertEqual(try sqlite(db, "SELECT status FROM change_notices WHERE id = 'cn-0001'; SELECT grounds FROM objections; SELECT count(*) FROM audit"), before)
        XCTAssertEqual(before.prefix(2), ["objected", "No transfer impact assessment"])
    }
}
