import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselPostgres
@testable import VarselSQLite

/// The backend the service and query tests run on: one suite, two backends. SQLite (in memory)
/// unless `VARSEL_TEST_BACKEND=postgres`, which needs `VARSEL_TEST_POSTGRES_URL` (set by
/// `scripts/postgres-server run`); each store is then a fresh schema of that database.
enum TestBackend {
    case sqlite, postgres

    static let current: TestBackend = ProcessInfo.processInfo.environment["VARSEL_TEST_BACKEND"] == "postgres" ? .postgres : .sqlite

    /// The server's URL, when tests may use one.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["VARSEL_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A new, empty store on the current backend.
    static func makeStore() throws -> any PortfolioStorage {
        switch current {
        case .sqlite: return try VarselStore.inMemory()
        case .postgres: return try freshPostgres()
        }
    }

    /// Two connections to one new, empty portfolio (two users' processes): on PostgreSQL two
    /// sessions on one fresh schema, on SQLite two stores on one file (removed at tear-down).
    static func sharedPair(_ test: XCTestCase) throws -> (any PortfolioStorage, any PortfolioStorage) {
        switch current {
        case .postgres:
            let first = try freshPostgres()
            return (first, try PostgresStorage.open(url: first.target.display, environment: [:], access: .write))
        case .sqlite:
            let folder = try TempFolder()
            test.addTeardownBlock { folder.remove() }
            let path = folder.path("shared.sqlite")
            let first = try SQLiteStorage.open(path: path, access: .create)
            return (first, try SQLiteStorage.open(path: path, access: .write))
        }
    }

    /// A new, empty portfolio in its own schema of the test server.
    static func freshPostgres() throws -> PostgresStorage {
        guard let url = postgresURL else {
            throw VarselError(.io, "VARSEL_TEST_BACKEND=postgres needs VARSEL_TEST_POSTGRES_URL",
                              fix: "run the tests under scripts/postgres-server run")
        }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        return try PostgresStorage.open(url: url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)",
                                        environment: [:], access: .create)
    }
}

extension PortfolioRecords {
    /// The demo's Twilio sub-processor (by name, as the tests knew it).
    func twilio() throws -> SubProcessor? {
        try records(SubProcessor.self, ids: Array(try existingIDs().subProcessors)).first { $0.name == "Twilio Ireland Ltd" }
    }
}

extension TestBackend {
    /// Runs SQL that both dialects accept on the store's database, outside Varsel's writes (tests
    /// that set up states the services would not write).
    static func execute(_ store: any PortfolioStorage, _ sql: String) throws {
        if let pg = store as? PostgresStorage {
            try pg.session.script(sql)
        } else {
            try store.writer.write { db in try db.execute(sql: sql) }
        }
    }
}

extension PortfolioStorage {
    /// Writes test set-up records in one transaction without an audit row (as a restore does).
    func seed<T>(_ body: (any PortfolioTransaction) throws -> T) throws -> T {
        try writeImport(user: "setup", at: Date(timeIntervalSince1970: 0)) { tx in (try body(tx), nil) }
    }
}
