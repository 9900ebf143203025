import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The store opens its own files in WAL with foreign keys, creates them 0600, and refuses —
/// without changing a byte — anything that is not a Varsel database of this or an older schema.
final class VarselStoreTests: XCTestCase {
    var tmp: TempFolder!

    override func setUpWithError() throws { tmp = try TempFolder() }
    override func tearDown() { tmp.remove() }

    func testFileDatabaseUsesWALAndForeignKeys() throws {
        let store = try VarselStore.open(path: tmp.path("v.sqlite"))
        let (mode, fk) = try store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(fk, 1)
        // Foreign keys are enforced, not just reported: a clause of an agreement that does not exist is refused.
        XCTAssertThrowsError(try store.writer.write { db in
            try Clause(id: "c1", agreementId: "nope", reference: "1", heading: "h", text: "t").insert(db)
        })
    }

    func testNewFileIsCreatedWithMode0600AndIsAVarselDatabase() throws {
        // A missing folder is refused, not created (a mistyped --db must not make a database).
        XCTAssertThrowsError(try VarselStore.open(path: tmp.path("sub/dir/new.sqlite"))) { error in
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.path("sub")))
        let old = umask(0)
        defer { umask(old) }
        let path = tmp.path("new.sqlite")
        let store = try VarselStore.open(path: path)
        let perms = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(perms?.intValue, 0o600)
        let appID = try store.writer.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        XCTAssertEqual(appID, 0x5652_534C)
        // Reopening our own file works.
        XCTAssertNoThrow(try VarselStore.open(path: path))
    }

    func testRefusesANonSQLiteFileAndLeavesItUnchanged() throws {
        let path = tmp.path("notes.sqlite")
        let bytes = Data(String(repeating: "Avtal: Pureservice, uppsägning 3 månader.\n", count: 200).utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        try assertRefusedAndUnchanged(path)
    }

    func testRefusesAForeignSQLiteFileAndLeavesItUnchanged() throws {
        let path = tmp.path("foreign.sqlite")
        do {
            let q = try DatabaseQueue(path: path)
            try q.write { db in
                try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
                try db.execute(sql: "INSERT INTO invoices (amount) VALUES (12.5), (99)")
            }
            let appID = try q.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
            XCTAssertEqual(appID, 0)
            try q.close()
        }
        try assertRefusedAndUnchanged(path)
    }

    func testRefusesADatabaseWrittenByANewerSchemaAndLeavesItUnchanged() throws {
        let path = tmp.path("newer.sqlite")
        do {
            let store = try VarselStore.open(path: path)
            try (store.writer as? DatabasePool)?.close()
        }
        do {
            // A newer binary would have applied a migration this one does not know.
            let q = try DatabaseQueue(path: path)
            try q.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
            try q.close()
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "precondition: checkpointed")
        let error = try assertRefusedAndUnchanged(path)
        XCTAssertTrue(error?.what.contains("newer") == true, error?.what ?? "")
    }

    func testAuditTrailRejectsUpdateAndDelete() throws {
        let store = try VarselStore.open(path: tmp.path("audit.sqlite"))
        try store.auditedWrite(user: "tester", at: Date(timeIntervalSince1970: 0)) { _ in
            ((), AuditNote(action: "test", entityType: "test", entityId: "1", summary: "first row"))
        }
        XCTAssertEqual(try Fixture.auditCount(store), 1)
        XCTAssertThrowsError(try store.writer.write { db in try db.execute(sql: "UPDATE audit SET user = 'mallory'") }) { error in
            XCTAssertTrue("\(error)".contains("append-only"), "\(error)")
        }
        XCTAssertThrowsError(try store.writer.write { db in try db.execute(sql: "DELETE FROM audit") }) { error in
            XCTAssertTrue("\(error)".contains("append-only"), "\(error)")
        }
        let row = try Fixture.lastAudit(store)
        XCTAssertEqual(row?.user, "tester")
        XCTAssertEqual(row?.at, "1970-01-01T00:00:00Z")
        XCTAssertEqual(try Fixture.auditCount(store), 1)
    }

    func testAFailingAuditedWriteLeavesNoAuditRow() throws {
        let store = try VarselStore.open(path: tmp.path("rollback.sqlite"))
        XCTAssertThrowsError(try store.auditedWrite(user: "tester", at: Date()) { db -> ((), AuditNote) in
            try Party(id: "p", name: "Half-written").insert(db)
            throw VarselError(.invalidInput, "stop", at: "test")
        })
        XCTAssertEqual(try Fixture.tableCounts(store)["parties"], 0)
        XCTAssertEqual(try Fixture.auditCount(store), 0)
    }

    // MARK: helpers

    @discardableResult
    private func assertRefusedAndUnchanged(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> VarselError? {
        let fm = FileManager.default
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let beforeMode = try fm.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        let error = assertVarselError(.refusedDatabase, file: file, line: line) { try VarselStore.open(path: path) }
        XCTAssertTrue(error?.fix?.contains("Nothing was changed") == true, "\(String(describing: error))", file: file, line: line)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(after, before, "the refused file was modified", file: file, line: line)
        XCTAssertEqual(try fm.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber, beforeMode, file: file, line: line)
        XCTAssertFalse(fm.fileExists(atPath: path + "-wal"), "a -wal file appeared", file: file, line: line)
        XCTAssertFalse(fm.fileExists(atPath: path + "-shm"), "a -shm file appeared", file: file, line: line)
        return error
    }
}
