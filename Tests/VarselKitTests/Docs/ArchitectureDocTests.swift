import Foundation
import XCTest

/// Keeps docs/architecture.md true to Package.swift and to the storage boundary.
final class ArchitectureDocTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.target(name:` and `.executableTarget(name:` of Package.swift has a row in the target
    /// table, and every row names a target of Package.swift.
    func testTargetTableMatchesPackageSwift() throws {
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declared = Set(Self.matches(#"\.(?:target|executableTarget)\(\s*name:\s*"([^"]+)""#, in: package))
        XCTAssertTrue(declared.contains("VarselSQLite"), "Package.swift parse found \(declared)")
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        // The rows of the table under the "| target | folder |" header.
        let lines = doc.components(separatedBy: "\n")
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| target | folder |") }, "no target table")
        let table = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        let documented = Set(table.flatMap { Self.matches(#"^\| `([^`]+)`"#, in: $0) })
        XCTAssertEqual(documented, declared, "docs/architecture.md's target table and Package.swift differ")
        // The count said above the table.
        let words = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        XCTAssertTrue(doc.contains("one SwiftPM package with \(words[declared.count]) targets"),
                      "docs/architecture.md should say \"one SwiftPM package with \(words[declared.count]) targets\"")
    }

    /// Only the SQLite target imports GRDB: services, UI and CLI see the storage interface.
    func testOnlyTheSQLiteTargetImportsGRDB() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 50)
        var importing: [String] = []
        for url in files where try String(contentsOf: url, encoding: .utf8).contains("import GRDB") {
            importing.append(url.path.replacingOccurrences(of: sources.path + "/", with: ""))
        }
        XCTAssertFalse(importing.isEmpty)
        XCTAssertEqual(importing.filter { !$0.hasPrefix("VarselSQLite/") }, [], "GRDB outside Sources/VarselSQLite")
    }

    /// Only the PostgreSQL target imports PostgresNIO (the CLI and the benchmark open it through
    /// `PostgresStorage`).
    func testOnlyThePostgresTargetImportsPostgresNIO() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var importing: [String] = []
        for url in files where try String(contentsOf: url, encoding: .utf8).contains("import PostgresNIO") {
            importing.append(url.path.replacingOccurrences(of: sources.path + "/", with: ""))
        }
        XCTAssertFalse(importing.isEmpty)
        XCTAssertEqual(importing.filter { !$0.hasPrefix("VarselPostgres/") }, [], "PostgresNIO outside Sources/VarselPostgres")
    }

    /// No SQL outside the SQLite target: services, UI and CLI never write a query.
    func testNoSQLOutsideTheSQLiteTarget() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let markers = ["SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "INDEXED BY", "json_extract", "COLLATE NOCASE", "Column(\""]
        var found: [String] = []
        for target in ["VarselKit", "VarselUI", "varsel", "VarselTerminal"] {
            let dir = sources.appendingPathComponent(target)
            for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
                let text = try String(contentsOf: url, encoding: .utf8)
                for m in markers where text.contains(m) { found.append("\(target)/\(url.lastPathComponent): \(m)") }
            }
        }
        XCTAssertEqual(found, [], "SQL belongs in Sources/VarselSQLite")
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
