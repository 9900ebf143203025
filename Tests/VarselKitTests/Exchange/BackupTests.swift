import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

final class BackupTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "varsel-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func demoFile(_ name: String) throws -> VarselStore {
        let store = try VarselStore.open(path: dir + "/" + name)
        try DemoPortfolio.load(into: store, clock: ExchangeFixtures.clock, user: "tester")
        return store
    }

    func integrity(_ path: String) throws -> [String] {
        let q = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? q.close() }
        return try q.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    func testBackupWhileAnotherConnectionWrites() throws {
        let store = try demoFile("live.sqlite")
        let writer = try DatabasePool(path: store.path, configuration: VarselStore.configuration())
        let firstWrite = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let rows = 3000
        DispatchQueue.global().async {
            for i in 0..<rows {
                try? writer.write { db in
                    try db.execute(sql: "INSERT INTO parties (id, name) VALUES (?, ?)", arguments: ["bulk-\(i)", String(repeating: "x", count: 200)])
                }
                if i == 0 { firstWrite.signal() }
            }
            done.signal()
        }
        firstWrite.wait()
        var backups: [String] = []
        for n in 0..<4 {
            let path = dir + "/backup-\(n).sqlite"
            try Backup.take(store: store, to: path)
            backups.append(path)
        }
        done.wait()
        for path in backups {
            XCTAssertEqual(try integrity(path), ["ok"])
            let perms = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber
            XCTAssertEqual(perms.intValue & 0o777, 0o600)
            try Backup.check(path) // a Varsel database, schema not newer
            let copy = try VarselStore.open(path: path)
            let n = try copy.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM parties WHERE id LIKE 'bulk-%'")! }
            XCTAssertLessThanOrEqual(n, rows)
            XCTAssertEqual(try copy.writer.read { db in try Agreement.fetchCount(db) }, 6) // five agreements + the Hovedaftale placeholder
        }
        XCTAssertThrowsError(try Backup.take(store: store, to: backups[0])) { XCTAssertTrue("\($0)".contains("already exists")) }
    }

    func testRestoreKeepsReplacedFileAndAudits() throws {
        let store = try demoFile("live.sqlite")
        let backup = dir + "/b.sqlite"
        try Backup.take(store: store, to: backup)
        let original = try PortfolioExporter.exportJSON(store: store)
        // Change the live database after the backup.
        try store.auditedWrite(user: "tester", at: Date()) { db in
            try Party(id: "later", name: "Added after the backup").insert(db)
            return ((), AuditNote(action: "test", entityType: "party", entityId: "later", summary: "added"))
        }
        let changed = try PortfolioExporter.exportJSON(store: store)
        let result = try Backup.restore(from: backup, into: store.path, clock: ExchangeFixtures.clock, user: "tester")
        let kept = try XCTUnwrap(result.replacedPath)
        XCTAssertTrue(kept.hasPrefix(store.path + ".replaced-20261123T090000"), kept)
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: try VarselStore.open(path: kept)), changed)
        let restored = try VarselStore.open(path: store.path)
        var doc = try PortfolioExporter.document(store: restored)
        XCTAssertEqual(doc.audit.last?.action, "restore")
        XCTAssertTrue(doc.audit.last!.summary.contains(kept))
        doc.audit.removeLast()
        XCTAssertEqual(try PortfolioExporter.encodeJSON(doc), original)
        XCTAssertNil(try restored.writer.read { db in try Party.fetchOne(db, key: "later") })
    }

    func assertRefused(_ backup: String, _ fragment: String, line: UInt = #line) throws {
        let store = try VarselStore.open(path: dir + "/live.sqlite")
        let before = try PortfolioExporter.exportJSON(store: store)
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertThrowsError(try Backup.restore(from: backup, into: store.path, clock: ExchangeFixtures.clock), line: line) { error in
            XCTAssertEqual((error as? VarselError)?.kind, .refusedDatabase, "\(error)", line: line)
            XCTAssertTrue("\(error)".contains(fragment), "\(error)", line: line)
        }
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: store), before, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), filesBefore, "no replaced file", line: line)
    }

    func testRestoreRefusesCorruptedForeignAndEmptyFiles() throws {
        _ = try demoFile("live.sqlite")
        // Corrupted: a good backup with garbage written over its pages.
        let good = dir + "/good.sqlite"
        try Backup.take(store: try VarselStore.open(path: dir + "/live.sqlite"), to: good)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        for i in stride(from: 4096 + 8, to: bytes.count, by: 4096) { bytes.replaceSubrange(i..<(i + 64), with: Data(repeating: 0xA5, count: 64)) }
        let corrupt = dir + "/corrupt.sqlite"
        try bytes.write(to: URL(fileURLWithPath: corrupt))
        try assertRefused(corrupt, "corrupt.sqlite")
        // Foreign: an SQLite database of another program.
        let foreign = dir + "/foreign.sqlite"
        let q = try DatabaseQueue(path: foreign)
        try q.write { db in try db.execute(sql: "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('hi')") }
        try q.close()
        try assertRefused(foreign, "not a Varsel database")
        // Not a database at all.
        let text = dir + "/notes.txt"
        try Data("just text".utf8).write(to: URL(fileURLWithPath: text))
        try assertRefused(text, "not a Varsel database")
        let empty = dir + "/empty.sqlite"
        FileManager.default.createFile(atPath: empty, contents: Data())
        try assertRefused(empty, "empty")
    }

    /// Files in the folder other than the named ones (temporary files, journals, leftovers).
    func strayFiles(except names: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { !names.contains($0) && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted()
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func testBackupOfADamagedDatabaseFailsAndLeavesNoFile() throws {
        let store = try demoFile("live.sqlite")
        try store.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try store.writer.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/live.sqlite"))
        bytes[4096] ^= 0x01 // one bit flipped in page 2 (issue 15, bug 2)
        try bytes.write(to: URL(fileURLWithPath: dir + "/live.sqlite"))
        let damaged = try VarselStore.open(path: dir + "/live.sqlite", access: .read)
        XCTAssertThrowsError(try Backup.take(store: damaged, to: dir + "/b.sqlite")) { error in
            XCTAssertTrue("\(error)".contains("is damaged") && "\(error)".contains("No backup was written"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/b.sqlite"))
        XCTAssertEqual(try strayFiles(except: ["live.sqlite"]), [])
    }

    func testRestoreIsOneStepWithItsAuditRowAndLeavesOnlyPrivateFiles() throws {
        let old = umask(0)
        defer { umask(old) }
        let store = try demoFile("live.sqlite")
        try Backup.take(store: store, to: dir + "/b.sqlite")
        XCTAssertEqual(try mode(dir + "/b.sqlite"), 0o600)
        try store.auditedWrite(user: "tester", at: Date()) { db in
            try Party(id: "later", name: "Added after the backup").insert(db)
            return ((), AuditNote(action: "test", entityType: "party", entityId: "later", summary: "added"))
        }
        let headBefore = try store.writer.read { db in try AuditChain.verify(db).head }
        // Another connection stays open across the restore (as a workbench would).
        let watcher = try VarselStore.open(path: store.path, access: .read)
        let result = try Backup.restore(from: dir + "/b.sqlite", into: store.path, clock: ExchangeFixtures.clock, user: "tester")
        let kept = try XCTUnwrap(result.replacedPath)
        let last = try watcher.writer.read { db in try AuditEntry.order(Column("id").desc).fetchOne(db) }
        XCTAssertEqual(last?.action, "restore", "the restore row arrives with the restored content")
        XCTAssertTrue(last?.summary.contains(headBefore ?? "?") == true, last?.summary ?? "")
        XCTAssertTrue(try watcher.writer.read { db in try AuditChain.verify(db) }.ok)
        XCTAssertNil(try watcher.writer.read { db in try Party.fetchOne(db, key: "later") })
        for path in [store.path, kept, dir + "/b.sqlite"] { XCTAssertEqual(try mode(path), 0o600, path) }
        XCTAssertEqual(try strayFiles(except: ["live.sqlite", "b.sqlite", (kept as NSString).lastPathComponent]), [],
                       "no temporary file is left")
    }

    func testLeftoversOfAKilledRestoreAreRemovedNextTime() throws {
        let store = try demoFile("live.sqlite")
        try Backup.take(store: store, to: dir + "/b.sqlite")
        // A dead process's temporary file (pid 999999 does not exist).
        let stale = dir + "/.live.sqlite.restore-999999-1"
        FileManager.default.createFile(atPath: stale, contents: Data("partial".utf8))
        try Backup.restore(from: dir + "/b.sqlite", into: store.path, clock: ExchangeFixtures.clock, user: "tester")
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
    }
}
