import Foundation
import VarselKit
import VarselPostgres
import VarselSQLite

/// The executable's one contact with the storage backends: SQLite for a file path (the default),
/// PostgreSQL for a `postgres://` URL. Everything else in the CLI works on `PortfolioStorage` and
/// catches only `VarselError`.
enum Backend {
    static func open(path: String, access: StorageAccess) throws -> any PortfolioStorage {
        if PostgresTarget.isURL(path) {
            return try PostgresStorage.open(url: path, environment: ProcessInfo.processInfo.environment, access: access)
        }
        return try SQLiteStorage.open(path: path, access: access)
    }

    static func inMemory() throws -> any PortfolioStorage { try SQLiteStorage.inMemory() }

    /// `--db`, else `$VARSEL_DB` (a path or a postgres:// URL), else the default SQLite file.
    static func location(explicit: String?, environment: [String: String]) -> String {
        SQLiteStorage.location(explicit: explicit, environment: environment)
    }

    /// Whether the location names a PostgreSQL database (no file to create, back up or restore).
    static func isServer(_ location: String) -> Bool { PostgresTarget.isURL(location) }

    static func restore(from backup: String, into path: String, clock: VarselClock) throws -> Backup.RestoreResult {
        if isServer(path) {
            throw VarselError(.invalidInput, "restore replaces a database file; \(path) is a PostgreSQL database", at: "--db",
                              fix: "import the backup's export into an empty database instead, or use pg_restore (docs/teams.md)")
        }
        return try SQLiteStorage.restore(from: backup, into: path, clock: clock)
    }

    /// Whether the store's user may write (on PostgreSQL a read-only role may not; a file that
    /// opened for writing may).
    static func mayWrite(_ store: any PortfolioStorage) -> Bool {
        (store as? PostgresStorage)?.mayWrite() ?? true
    }

    /// `varsel team init`: the schema and the read-only and editor roles.
    static func teamInit(url: String) throws -> PostgresTeam.Roles {
        try PostgresTeam.initialize(url: url, environment: ProcessInfo.processInfo.environment)
    }
}
