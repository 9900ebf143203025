import Foundation
import VarselKit
import VarselSQLite

/// The executable's one contact with a storage backend (SQLite): opening, creating, restoring.
/// Everything else in the CLI works on `PortfolioStorage` and catches only `VarselError`.
enum Backend {
    static func open(path: String, access: StorageAccess) throws -> any PortfolioStorage {
        try SQLiteStorage.open(path: path, access: access)
    }

    static func inMemory() throws -> any PortfolioStorage { try SQLiteStorage.inMemory() }

    static func location(explicit: String?, environment: [String: String]) -> String {
        SQLiteStorage.location(explicit: explicit, environment: environment)
    }

    static func restore(from backup: String, into path: String, clock: VarselClock) throws -> Backup.RestoreResult {
        try SQLiteStorage.restore(from: backup, into: path, clock: clock)
    }
}
