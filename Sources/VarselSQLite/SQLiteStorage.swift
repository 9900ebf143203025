import Foundation
import VarselKit

/// The one factory of the SQLite backend: the executable opens every `--db` through it and sees
/// only `PortfolioStorage` (and `VarselError`) afterwards.
public enum SQLiteStorage {
    /// Opens the database file at `path` for `access` (see `VarselStore.open`: refuses, without
    /// modifying it, a foreign, damaged, truncated or newer file; creates new files with mode 0600).
    public static func open(path: String, access: StorageAccess = .create) throws -> any PortfolioStorage {
        try VarselStore.open(path: path, access: access)
    }

    /// A private in-memory database (tests, dry runs).
    public static func inMemory() throws -> any PortfolioStorage { try VarselStore.inMemory() }

    /// Where the database lives: `--db PATH`, else `$VARSEL_DB`, else
    /// `$XDG_DATA_HOME/varsel/varsel.sqlite`.
    public static func location(explicit: String?, environment: [String: String]) -> String {
        DatabaseLocation.resolve(explicit: explicit, environment: environment)
    }

    /// Replaces the database at `databasePath` with the checked backup at `backupPath`, atomically
    /// (`Backup.restore`).
    @discardableResult
    public static func restore(from backupPath: String, into databasePath: String, clock: VarselClock,
                               user: String = OSUser.current()) throws -> Backup.RestoreResult {
        try Backup.restore(from: backupPath, into: databasePath, clock: clock, user: user)
    }
}
