import Foundation
import GRDB

/// Backups with SQLite's online backup API, and a checked restore.
///
/// - `take` copies a consistent snapshot (one read transaction) while other connections keep
///   writing, into a new file created with mode 0600. It never overwrites an existing file.
/// - `restore` refuses, without touching anything, a copy that fails `PRAGMA integrity_check`,
///   is not a Varsel database, or has a newer schema. Otherwise it first copies the current
///   database beside itself (`varsel.sqlite.replaced-20261123T101500`, 0600), then copies the
///   backup into the live database through the backup API (one write transaction, so other open
///   connections see either the old or the new content), migrates it if older, and appends a
///   `restore` audit row to the restored database.
public enum Backup {
    public struct RestoreResult: Sendable {
        /// Where the replaced database was kept (nil when there was none).
        public var replacedPath: String?
        public var agreements: Int
        public var auditRows: Int
    }

    /// Takes a backup of `store` into the new file `path` (mode 0600).
    public static func take(store: VarselStore, to path: String) throws {
        try createPrivateFile(path)
        do {
            let dest = try DatabaseQueue(path: path, configuration: VarselStore.configuration())
            try store.writer.backup(to: dest)
            try dest.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw VarselError(.io, "The backup to \(path) failed: \(error)", at: path, fix: "The incomplete file was removed; try again")
        }
        chmod(path, 0o600)
    }

    /// Checks `backupPath` read-only: integrity, Varsel schema not newer. Never modifies it.
    public static func check(_ backupPath: String) throws {
        guard FileManager.default.fileExists(atPath: backupPath) else {
            throw VarselError(.notFound, "No file \(backupPath)", at: backupPath, fix: "Name a file made by `varsel backup`")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: backupPath)[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 {
            throw VarselError(.refusedDatabase, "\(backupPath) is empty, not a Varsel backup",
                              fix: "Nothing was changed. Name a file made by `varsel backup`")
        }
        let sidecars = existingSidecars(backupPath)
        defer { removeNewSidecars(backupPath, existed: sidecars) }
        do {
            try VarselStore.checkVarselDatabase(path: backupPath, allowEmpty: false, integrity: true)
        } catch var error as VarselError {
            error.fix = "Nothing was changed. Name a file made by `varsel backup` that is intact"
            throw error
        }
    }

    /// Which of `path`-wal and `path`-shm exist.
    static func existingSidecars(_ path: String) -> Set<String> {
        Set(["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) })
    }

    /// Reading a WAL-mode file read-only makes SQLite create `-wal`/`-shm` beside it; remove the ones
    /// that were not there before, so checking a backup leaves its folder as it was.
    static func removeNewSidecars(_ path: String, existed: Set<String>) {
        for suffix in ["-wal", "-shm"] where !existed.contains(suffix) {
            let p = path + suffix
            if suffix == "-wal", let size = (try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? NSNumber, size.intValue > 0 { continue }
            try? FileManager.default.removeItem(atPath: p)
        }
    }

    /// Replaces the database at `databasePath` with the checked backup at `backupPath`.
    @discardableResult
    public static func restore(from backupPath: String, into databasePath: String, clock: VarselClock,
                               user: String = OSUser.current()) throws -> RestoreResult {
        try check(backupPath)
        let sidecars = existingSidecars(backupPath)
        defer { removeNewSidecars(backupPath, existed: sidecars) }
        var config = VarselStore.configuration()
        config.readonly = true
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: backupPath, configuration: config)
        } catch {
            throw VarselError(.refusedDatabase, "Cannot open \(backupPath): \(error)", fix: "Nothing was changed")
        }
        defer { try? source.close() }

        let existed = FileManager.default.fileExists(atPath: databasePath)
        let target = try VarselStore.open(path: databasePath) // refuses a foreign or newer target
        var replaced: String?
        if existed {
            let keep = try replacedName(for: databasePath, at: clock.now())
            try take(store: target, to: keep)
            replaced = keep
        }
        do {
            try source.backup(to: target.writer)
            try Schema.migrator.migrate(target.writer)
        } catch {
            throw VarselError(.io, "Restoring \(backupPath) into \(databasePath) failed: \(error)",
                              fix: replaced.map { "The previous database is kept at \($0)" } ?? "Try again")
        }
        let counts = try target.writer.read { db in
            (try Agreement.fetchCount(db), try AuditEntry.fetchCount(db))
        }
        let name = (backupPath as NSString).lastPathComponent
        try target.auditedWrite(user: user, at: clock.now()) { _ in
            ((), AuditNote(action: "restore", entityType: "database", entityId: name,
                           summary: "Database restored from \(backupPath) (\(counts.0) agreements, \(counts.1) audit rows)"
                               + (replaced.map { "; the replaced database is kept at \($0)" } ?? "")))
        }
        return RestoreResult(replacedPath: replaced, agreements: counts.0, auditRows: counts.1 + 1)
    }

    /// "varsel.sqlite.replaced-20261123T101500", with "-2", "-3", … if taken.
    static func replacedName(for path: String, at date: Date) throws -> String {
        let stamp = CalendarExport.timestamp(date).dropLast() // no "Z": local file name
        let base = "\(path).replaced-\(stamp)"
        var candidate = base, n = 1
        while FileManager.default.fileExists(atPath: candidate) { n += 1; candidate = "\(base)-\(n)" }
        return candidate
    }

    static func createPrivateFile(_ path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "the file already exists" : String(cString: strerror(errno))
            throw VarselError(.io, "Cannot create \(path): \(reason)", at: path,
                              fix: errno == EEXIST ? "Name a new file; backups never overwrite" : "Check that the folder exists and is writable")
        }
        close(fd)
    }
}
