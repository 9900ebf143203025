import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselPostgres

/// A date from "YYYY-MM-DD"; traps on a typo so a test can never run on a wrong day.
func day(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return date
}

/// Sequential ids with a prefix, so ids made by a test never collide with the demo's own `cn-0001`.
struct TestIDs: IDGenerating {
    let seq = SequentialIDGenerator()
    func make(_ prefix: String) -> String { seq.make("t" + prefix) }
}

/// A folder under the temporary directory, removed by `tearDown`.
final class TempFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-kit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum Fixture {
    /// Watches the audit chain of every store the fixture makes (see `AuditChainWatch`).
    nonisolated(unsafe) static let watching: Void = AuditChainWatch.register()

    /// An in-memory store holding the demo portfolio dated around `today`, and a portfolio service on it.
    static func demo(today: CivilDate, store: (any PortfolioStorage)? = nil) throws -> Portfolio {
        let store = try store ?? TestBackend.makeStore()
        let clock = VarselClock.fixed(today)
        try DemoPortfolio.load(into: store, clock: clock, user: "tester")
        Fixture.watching
        AuditChainWatch.watch(store)
        return Portfolio(store: store, clock: clock, ids: TestIDs(), user: "tester")
    }

    /// Row counts of every table of the schema (the whole content, as far as a failed write could touch it).
    static func tableCounts(_ store: any PortfolioStorage) throws -> [String: Int] {
        if let pg = store as? PostgresStorage {
            var counts: [String: Int] = [:]
            for row in try pg.session.query("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1") {
                let t = row[0].string ?? ""
                counts[t] = try pg.session.int("SELECT count(*) FROM \"\(t)\"")
            }
            return counts
        }
        return try store.writer.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            var counts: [String: Int] = [:]
            for t in tables { counts[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(t)\"") ?? -1 }
            return counts
        }
    }

    static func auditCount(_ store: any PortfolioStorage) throws -> Int {
        try store.read { try $0.existingIDs().auditCount }
    }

    static func lastAudit(_ store: any PortfolioStorage) throws -> AuditEntry? {
        try store.reading(today: day("2000-01-01"), planner: DeadlinePlanner()).audit(limit: 1).first
    }
}

extension XCTestCase {
    /// Asserts that `body` throws a `VarselError` of `kind` (and, if given, at `location`); returns it.
    @discardableResult
    func assertVarselError<T>(_ kind: VarselError.Kind, at location: String? = nil, file: StaticString = #filePath,
                              line: UInt = #line, _ body: () throws -> T) -> VarselError? {
        do {
            _ = try body()
            XCTFail("expected VarselError.\(kind), nothing was thrown", file: file, line: line)
        } catch let e as VarselError {
            XCTAssertEqual(e.kind, kind, "\(e)", file: file, line: line)
            if let location { XCTAssertEqual(e.location, location, "\(e)", file: file, line: line) }
            return e
        } catch {
            XCTFail("expected VarselError.\(kind), got \(error)", file: file, line: line)
        }
        return nil
    }
}

extension PortfolioStorage {
    /// The SQLite file behind the storage interface, for tests that check rows directly.
    var writer: any DatabaseWriter { (self as! VarselStore).writer }
}
