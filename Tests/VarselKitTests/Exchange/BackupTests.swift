import Foundation
import GRDB
import XCTest
@testable import VarselKit

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
}
