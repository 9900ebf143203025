import Foundation

/// Backups and an atomic restore (docs/reliability.md); SQLite's are in `VarselSQLite` (online backup API).
///
/// - `take` copies a consistent snapshot (one read transaction) while other connections keep
///   writing, into a hidden temporary file (mode 0600) beside the target, checks the copy with
///   `PRAGMA integrity_check`, syncs it and only then links it to its name: a killed backup leaves
///   no file under that name, a damaged database gives no backup and a clear error. It never
///   overwrites an existing file.
/// - `restore` refuses, without touching anything, a copy that fails `PRAGMA integrity_check`,
///   is not a Varsel database, or has a newer schema. It keeps the current database beside itself
///   (`varsel.sqlite.replaced-20261123T101500`, a checked-or-raw copy, 0600), prepares the restored
///   content in a temporary file — copied, migrated, checked, its `restore` audit row appended —
///   and then copies that file into the live database in ONE write transaction (the backup API).
///   A restore killed at any moment leaves either the old content or the new content with its
///   audit row; connections other processes hold stay valid (no file is renamed under them).
public enum Backup {
    public struct RestoreResult: Sendable {
        /// Where the replaced database was kept (nil when there was none).
        public var replacedPath: String?
        public var agreements: Int
        public var auditRows: Int

        public init(replacedPath: String?, agreements: Int, auditRows: Int) {
            self.replacedPath = replacedPath; self.agreements = agreements; self.auditRows = auditRows
        }
    }

    /// Takes a checked backup of the portfolio into the new file `path` (mode 0600).
    public static func take(store: any PortfolioStorage, to path: String) throws { try store.backup(to: path) }
}
