import Foundation
import XCTest
@testable import VarselKit
@testable import VarselPostgres
@testable import VarselSQLite

/// The PostgreSQL backend's direct row coder (`PGRowEncoder`, `PGRowDecoder`) against the JSON
/// round trip it replaced, on every record of every kind of the demo portfolio: the same columns
/// and cells written, the same record read back. Needs no server.
final class PGRecordCodingTests: XCTestCase {
    /// The coder before: the model's JSON, split into top-level fields (nested values as sorted JSON).
    static func referenceColumns<R: Encodable>(_ record: R) throws -> [(String, PGValue)] {
        let data = try JSONEncoder().encode(record)
        guard case .object(let fields) = try JSONDecoder().decode(JSONValue.self, from: data) else { throw CocoaError(.coderInvalidValue) }
        let sorted = JSONEncoder()
        sorted.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try fields.keys.sorted().map { key in
            let value: PGValue
            switch fields[key]! {
            case .null: value = .null
            case .bool(let b): value = .bool(b)
            case .int(let i): value = .int(i)
            case .double(let d): value = .text(String(d))
            case .string(let s): value = .text(s)
            case .array, .object: value = .text(String(decoding: try sorted.encode(fields[key]!), as: UTF8.self))
            }
            return (PGRecordCoding.snake(key), value)
        }
    }

    /// The row a SELECT * gives for these columns: every column of the table, NULL where absent.
    static func row(_ columns: [(String, PGValue)], extra: [String] = ["agreement_title__"]) -> PGRow {
        PGRow(columns: columns.map(\.0) + extra, values: columns.map(\.1) + extra.map { _ in .text("x") })
    }

    struct Check: RecordKindVisitor {
        let doc: PortfolioDocument
        var checked: [String: Int] = [:]
        mutating func visit<R: StoredRecord>(_ kind: RecordKind<R>) throws {
            for record in kind.get(doc) {
                let direct = try PGRecordCoding.columns(record)
                let reference = try PGRecordCodingTests.referenceColumns(record)
                XCTAssertEqual(direct.map(\.0), reference.map(\.0), "\(kind.key) \(record.id)")
                XCTAssertEqual(direct.map(\.1), reference.map(\.1), "\(kind.key) \(record.id)")
                XCTAssertEqual(try PGRecordCoding.decode(R.self, PGRecordCodingTests.row(direct)), record, "\(kind.key) \(record.id)")
                checked[kind.key, default: 0] += 1
            }
        }
    }

    func testDirectCoderEqualsTheJSONRoundTripForEveryKind() throws {
        let p = try Fixture.demo(today: day("2026-11-23"), store: try VarselStore.inMemory())
        let doc = try p.store.exportDocument()
        var check = Check(doc: doc)
        for kind in RecordRegistry.kinds { try kind.accept(&check) }
        // Every kind that the demo holds was checked (documents are added by intake, not the demo).
        for kind in RecordRegistry.kinds where !kind.ids(in: doc).isEmpty {
            XCTAssertGreaterThan(check.checked[kind.key] ?? 0, 0, kind.key)
        }
        XCTAssertGreaterThanOrEqual(check.checked.count, 9)
        for entry in doc.audit.prefix(50) {
            let direct = try PGRecordCoding.columns(entry)
            XCTAssertEqual(direct.map(\.1), try Self.referenceColumns(entry).map(\.1))
            XCTAssertEqual(try PGRecordCoding.decode(AuditEntry.self, Self.row(direct)), entry)
        }
    }

    /// A NULL where the model needs a value, or a cell of the wrong type, is an error naming the
    /// column, not a crash or a default.
    func testBadRowsAreErrorsThatNameTheColumn() throws {
        let p = try Fixture.demo(today: day("2026-11-23"), store: try VarselStore.inMemory())
        let d = try XCTUnwrap(p.store.exportDocument().deadlines.first)
        var columns = try PGRecordCoding.columns(d)
        let i = try XCTUnwrap(columns.firstIndex { $0.0 == "act_by_date" })
        columns[i].1 = .null
        XCTAssertThrowsError(try PGRecordCoding.decode(Deadline.self, Self.row(columns))) { e in
            XCTAssertTrue("\(e)".contains("act_by_date"), "\(e)")
        }
        columns[i].1 = .int(20261123)
        XCTAssertThrowsError(try PGRecordCoding.decode(Deadline.self, Self.row(columns))) { e in
            XCTAssertTrue("\(e)".contains("act_by_date"), "\(e)")
        }
        columns[i].1 = .text("2026-13-45")
        XCTAssertThrowsError(try PGRecordCoding.decode(Deadline.self, Self.row(columns)))
    }
}
