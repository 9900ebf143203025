import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Keeps docs/data-model.md true: its schema block must match a fresh database exactly.
final class DataModelDocTests: XCTestCase {
    func testSchemaBlockMatchesFreshDatabase() throws {
        let docURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/data-model.md")
        let doc = try String(contentsOf: docURL, encoding: .utf8)
        guard let start = doc.range(of: "```sql\n"), let end = doc.range(of: "```", range: start.upperBound..<doc.endIndex) else {
            return XCTFail("docs/data-model.md has no ```sql block")
        }
        let documented = Self.normalise(String(doc[start.upperBound..<end.lowerBound]))
        let store = try VarselStore.inMemory()
        let actual = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'sqlite_sequence' ORDER BY rowid")
        }
        let actualText = Self.normalise(actual.map { $0 + ";" }.joined(separator: "\n"))
        XCTAssertEqual(documented, actualText, "Regenerate the block with: sqlite3 FILE .schema")
    }

    /// Collapses whitespace so formatting differences do not matter, content does.
    static func normalise(_ s: String) -> String {
        s.replacingOccurrences(of: "CREATE TABLE sqlite_sequence(name,seq);", with: "")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
