import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The audit trail is a hash chain: editing, deleting or reordering a row — even with the
/// append-only triggers dropped, as anyone with sqlite3 can — breaks verification at that row.
final class AuditChainTests: XCTestCase {
    var tmp: TempFolder!

    override func setUpWithError() throws { tmp = try TempFolder() }
    override func tearDown() { tmp.remove() }

    /// A demo database file (7 audit rows) and a raw connection to tamper with it.
    func demoFile() throws -> (VarselStore, DatabaseQueue) {
        let store = try VarselStore.open(path: tmp.path("v.sqlite"))
        try DemoPortfolio.load(into: store, clock: ExchangeFixtures.clock, user: "tester")
        let raw = try DatabaseQueue(path: store.path)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_chained")
        }
        return (store, raw)
    }

    func verify(_ store: VarselStore, anchor: String? = nil) throws -> AuditChain.Report {
        try store.writer.read { db in try AuditChain.verify(db, anchor: anchor) }
    }

    func testEveryWriteExtendsAVerifiedChain() throws {
        let (store, _) = try demoFile()
        let report = try verify(store)
        let rows = try store.writer.read { db in try AuditEntry.order(Column("id")).fetchAll(db) }
        XCTAssertGreaterThan(rows.count, 3)
        XCTAssertTrue(report.ok, "\(String(describing: report.firstBreak))")
        XCTAssertEqual(report.rows, rows.count)
        XCTAssertEqual(report.head, rows.last?.hash)
        XCTAssertEqual(rows.first?.prevHash, AuditChain.genesis)
        for (a, b) in zip(rows, rows.dropFirst()) { XCTAssertEqual(b.prevHash, a.hash) }
        // The hash is SHA-256 of the canonical bytes (FIPS 180-4 test vector "abc" checks the primitive).
        XCTAssertEqual(AuditChain.sha256Hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testAnEditedRowFailsAtThatRow() throws {
        let (store, raw) = try demoFile()
        try raw.write { db in try db.execute(sql: "UPDATE audit SET summary = summary || '!' WHERE id = 3") }
        let broken = try XCTUnwrap(try verify(store).firstBreak)
        XCTAssertEqual(broken.rowId, 3)
        XCTAssertTrue(broken.problem.contains("edited"), broken.problem)
        XCTAssertEqual(try verify(store).rows, 2, "the rows before it still verify")
    }

    func testADeletedRowFailsAtTheRowAfterIt() throws {
        let (store, raw) = try demoFile()
        try raw.write { db in try db.execute(sql: "DELETE FROM audit WHERE id = 3") }
        let broken = try XCTUnwrap(try verify(store).firstBreak)
        XCTAssertEqual(broken.rowId, 4)
        XCTAssertTrue(broken.problem.contains("row 2"), broken.problem)
    }

    func testReorderedRowsFailAtTheFirstMovedRow() throws {
        let (store, raw) = try demoFile()
        try raw.write { db in
            try db.execute(sql: "UPDATE audit SET id = -1 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = -1")
        }
        XCTAssertEqual(try XCTUnwrap(try verify(store).firstBreak).rowId, 2)
    }

    func testAForgedRowWithoutHashIsRefusedAndDetected() throws {
        // With the guard in place, a row without its chain cannot be inserted …
        let guarded = try ExchangeFixtures.demoStore()
        XCTAssertThrowsError(try guarded.writer.write { db in
            try db.execute(sql: "INSERT INTO audit (at, user, action, entity_type, entity_id, summary) VALUES ('2026-01-01T00:00:00Z', 'x', 'x', 'x', 'x', 'x')")
        })
        let (store, raw) = try demoFile()
        // … and with it dropped, the row is found.
        try raw.write { db in
            try db.execute(sql: "INSERT INTO audit (at, user, action, entity_type, entity_id, summary) VALUES ('2026-01-01T00:00:00Z', 'x', 'x', 'x', 'x', 'x')")
        }
        let broken = try XCTUnwrap(try verify(store).firstBreak)
        XCTAssertTrue(broken.problem.contains("no hash"), broken.problem)
    }

    func testAnAnchorCatchesAFullyRechainedRewrite() throws {
        let (store, raw) = try demoFile()
        let anchor = try XCTUnwrap(try verify(store).head)
        XCTAssertTrue(try verify(store, anchor: anchor).ok)
        // Rewrite row 2 and recompute every hash after it: the chain alone verifies again …
        try raw.write { db in
            try db.execute(sql: "UPDATE audit SET user = 'someone-else' WHERE id = 2")
            var prev = AuditChain.genesis
            for e in try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id") {
                let h = AuditChain.hash(e, prevHash: prev)
                try db.execute(sql: "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [prev, h, e.id])
                prev = h
            }
        }
        XCTAssertTrue(try verify(store).ok)
        // … but the anchor kept outside the database is no longer in it.
        let report = try verify(store, anchor: anchor)
        XCTAssertFalse(report.ok)
        XCTAssertTrue(report.firstBreak!.problem.contains("anchor"), report.firstBreak!.problem)
    }

    func testTheWorkbenchCheckOfTheNewestRowsFindsAnEdit() throws {
        let (store, raw) = try demoFile()
        XCTAssertTrue(try store.writer.read { db in try AuditChain.verify(db, lastRows: 3) }.ok)
        try raw.write { db in try db.execute(sql: "UPDATE audit SET summary = 'x' WHERE id = (SELECT max(id) FROM audit)") }
        XCTAssertFalse(try store.writer.read { db in try AuditChain.verify(db, lastRows: 3) }.ok)
    }

    func testTheMigrationChainsRowsWrittenBeforeIt() throws {
        let path = tmp.path("old.sqlite")
        do {
            let q = try DatabaseQueue(path: path, configuration: VarselStore.configuration())
            try Schema.migrator.migrate(q, upTo: "v5-vendor-summary")
            try q.write { db in
                for i in 1...3 {
                    try db.execute(sql: "INSERT INTO audit (at, user, action, entity_type, entity_id, summary) VALUES (?, 'old', 'test', 't', ?, 'row')",
                                   arguments: ["2026-01-0\(i)T00:00:00Z", "\(i)"])
                }
            }
            try q.close()
        }
        let store = try VarselStore.open(path: path, access: .write)
        let report = try verify(store)
        XCTAssertTrue(report.ok)
        XCTAssertEqual(report.rows, 3)
        // The update guard is back after the migration.
        XCTAssertThrowsError(try store.writer.write { db in try db.execute(sql: "UPDATE audit SET summary = 'x'") })
    }

    func testImportRefusesAnExportWhoseChainWasEdited() throws {
        let store = try ExchangeFixtures.demoStore()
        var doc = try PortfolioExporter.document(store: store)
        doc.audit[1].summary += " (edited)"
        let target = try VarselStore.inMemory()
        XCTAssertThrowsError(try ExchangeFixtures.importer(target).importData(try ExchangeFixtures.json(doc), fileName: "x.json")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("does not verify at row \(doc.audit[1].id)") && text.contains("audit[1]"), text)
        }
        XCTAssertEqual(try ExchangeFixtures.counts(target)["agreements"], 0)
        // The unedited export restores, every row marked imported, the chain intact.
        let clean = try PortfolioExporter.exportJSON(store: store)
        let plan = try ExchangeFixtures.importer(target).importData(clean, fileName: "clean.json")
        XCTAssertTrue(plan.auditChainVerified)
        let rows = try target.writer.read { db in try AuditEntry.fetchAll(db) }
        XCTAssertTrue(rows.allSatisfy(\.imported))
        XCTAssertTrue(try verify(target).ok)
    }

    /// 5,000 rows: verification pages through 2,000 rows at a time, across page boundaries, and
    /// finds an edit in the third page. Prints the cost of one chained append and of verifying a row.
    func testALongChainVerifiesAcrossPagesAndCostsMicroseconds() throws {
        let store = try VarselStore.inMemory()
        let n = 5000
        let start = Date()
        try store.writer.write { db in
            for i in 0..<n {
                try AuditChain.append(db, at: "2026-11-23T09:00:00Z", user: "tester",
                                      note: AuditNote(action: "test", entityType: "t", entityId: "\(i)", summary: "row \(i)"))
            }
        }
        let appended = Date().timeIntervalSince(start)
        let verifyStart = Date()
        let report = try verify(store)
        let verified = Date().timeIntervalSince(verifyStart)
        XCTAssertTrue(report.ok)
        XCTAssertEqual(report.rows, n)
        let rows = try store.writer.read { db in try AuditEntry.fetchAll(db) }
        let hashStart = Date()
        for e in rows { _ = AuditChain.hash(e, prevHash: e.prevHash!) }
        let hashed = Date().timeIntervalSince(hashStart)
        print(String(format: "audit chain: %.1f µs per chained append, %.1f µs per verified row, %.1f µs per hash (%d rows)",
                     appended / Double(n) * 1e6, verified / Double(n) * 1e6, hashed / Double(n) * 1e6, n))
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET entity_id = 'x' WHERE id = 4321")
        }
        XCTAssertEqual(try verify(store).firstBreak?.rowId, 4321)
        XCTAssertEqual(try verify(store).rows, 4320)
    }
}
