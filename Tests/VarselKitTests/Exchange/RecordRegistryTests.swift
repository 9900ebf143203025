import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The record registry is the one list of record kinds: every stored type and every table of the
/// schema must be declared there (or be a documented derived table), with links that name real columns.
final class RecordRegistryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Type names that conform to `StoredRecord` anywhere in Sources/ (by declaration or extension).
    static func storedRecordTypesInSources() throws -> Set<String> {
        // `Name: A, StoredRecord, B` before any `where` clause or `{`.
        let conformances = #"\s*:(?:(?!\bwhere\b)[^{\n])*\bStoredRecord\b"#
        let patterns = [#"extension\s+([A-Za-z_][A-Za-z0-9_.]*)"# + conformances,
                        #"(?:struct|enum|class)\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:<[^>]*>)?"# + conformances]
        var names = Set<String>()
        let sources = root.appendingPathComponent("Sources")
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for p in patterns { names.formUnion(ArchitectureDocTests.matches(p, in: text)) }
        }
        // Generic code over the protocol (`where R: StoredRecord`) is not a record type.
        return names.filter { $0.first?.isUppercase == true && $0 != "StoredRecord" }
    }

    func testEveryStoredRecordTypeIsInTheRegistry() throws {
        let registered = RecordRegistry.kinds.map { String(describing: $0.recordType) }
        XCTAssertEqual(registered.count, Set(registered).count, "a type is registered twice")
        let declared = try Self.storedRecordTypesInSources()
        XCTAssertGreaterThanOrEqual(declared.count, 11, "the source scan found too few StoredRecord types: \(declared.sorted())")
        XCTAssertEqual(declared.subtracting(registered).sorted(), [],
                       "StoredRecord types missing from RecordRegistry.kinds (docs/architecture.md, \"How to add a record type\")")
        XCTAssertEqual(Set(registered).subtracting(declared).sorted(), [])
    }

    func testEverySchemaTableIsAKindOrADerivedTable() throws {
        let store = try VarselStore.inMemory()
        let tables = Set(try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        })
        let kindTables = RecordRegistry.kinds.map { $0.table }
        XCTAssertEqual(kindTables.count, Set(kindTables).count, "two kinds share a table")
        XCTAssertEqual(tables.subtracting(kindTables).subtracting(RecordRegistry.derivedTables).sorted(), [],
                       "tables neither in RecordRegistry.kinds nor in RecordRegistry.derivedTables")
        XCTAssertEqual(Set(kindTables).subtracting(tables).sorted(), [], "registered tables the schema lacks")
        XCTAssertTrue(RecordRegistry.derivedTables.isDisjoint(with: kindTables))
    }

    func testLinksAndGRDBTablesFollowTheRegistry() throws {
        let store = try VarselStore.inMemory()
        for kind in RecordRegistry.kinds {
            let grdb = try XCTUnwrap(kind.recordType as? any SnakeCaseRecord.Type, "\(kind.key) has no GRDB conformance")
            XCTAssertEqual(grdb.databaseTableName, kind.table)
            let columns = try store.writer.read { db in try db.columns(in: kind.table).map(\.name) }
            switch kind.agreementLink {
            case .none, .isAgreement:
                break
            case .column(let c):
                XCTAssertTrue(columns.contains(c), "\(kind.table) has no column \(c)")
            case .through(let parentKey, let c):
                XCTAssertTrue(columns.contains(c), "\(kind.table) has no column \(c)")
                let parent = try XCTUnwrap(RecordRegistry.kind(key: parentKey), "\(kind.key): no kind \(parentKey)")
                guard case .column = parent.agreementLink else { return XCTFail("\(parentKey) must name its agreement in a column") }
            }
        }
        XCTAssertEqual(RecordRegistry.kinds.filter { $0.agreementLink == .isAgreement }.map { $0.key }, ["agreements"])
    }

    /// The document's keys, its shape and the registry agree, in insert order (parents first).
    func testDocumentKeysAndShapeAreTheRegistrysKeys() throws {
        let keys = RecordRegistry.kinds.map { $0.key }
        XCTAssertEqual(keys.count, Set(keys).count, "two kinds share a key")
        // Insert order: what a kind belongs to comes before it.
        for (i, kind) in RecordRegistry.kinds.enumerated() {
            switch kind.agreementLink {
            case .none, .isAgreement: break
            case .column: XCTAssertLessThan(try XCTUnwrap(keys.firstIndex(of: "agreements")), i, kind.key)
            case .through(let parent, _): XCTAssertLessThan(try XCTUnwrap(keys.firstIndex(of: parent)), i, kind.key)
            }
        }
        XCTAssertLessThan(try XCTUnwrap(keys.firstIndex(of: "parties")), try XCTUnwrap(keys.firstIndex(of: "agreements")))
        let json = try JSONSerialization.jsonObject(with: PortfolioExporter.encodeJSON(PortfolioDocument())) as! [String: Any]
        XCTAssertEqual(Set(json.keys), Set(keys + ["format", "formatVersion", "audit"]))
        guard case .object(let shape) = DocumentShape.document else { return XCTFail("the document's shape is not an object") }
        XCTAssertEqual(Set(shape.keys), Set(json.keys))
    }

    /// An agreement's edit document holds what belongs to it and can be authored, not recorded decisions.
    func testTheEditDocumentHoldsTheAuthoredKinds() {
        XCTAssertEqual(RecordRegistry.kinds.filter { $0.inAgreementEdit }.map { $0.key },
                       ["parties", "agreements", "versions", "clauses", "noticeRules", "subProcessors"])
    }
}
