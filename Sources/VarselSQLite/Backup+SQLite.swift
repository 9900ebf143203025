import Foundation
import GRDB
import VarselKit

/// Backups with SQLite's online backup API, and an atomic restore (see `Backup`).
extension Backup {
    /// Takes a backup of `store` into the new file `path` (mode 0600), checked before it is named.
    static func take(sqlite store: VarselStore, to path: String) throws {
        try copy(store.writer, to: VarselStore.plainPath(path), checked: true, sourceName: store.path)
    }

    /// Copies `source` to the new file `path` through a temporary file; with `checked`, the copy
    /// must pass `PRAGMA integrity_check` before it gets its name.
    static func copy(_ source: any DatabaseReader, to path: String, checked: Bool, sourceName: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw VarselError(.io, "Cannot create \(path): the file already exists", at: path, fix: "Name a new file; backups never overwrite")
        }
        let tmp = try temporaryFile(beside: path, tag: "part")
        defer { for suffix in ["", "-journal", "-wal", "-shm"] { unlink(tmp + suffix) } }
        do {
            let dest = try DatabaseQueue(path: tmp, configuration: VarselStore.configuration())
            try source.backup(to: dest)
            try dest.close()
        } catch {
            throw VarselError(.io, "The backup to \(path) failed: \(error)", at: path, fix: "No backup was written; try again")
        }
        if checked {
            do {
                try VarselStore.checkVarselDatabase(path: tmp, integrity: true)
            } catch let error as VarselError {
                throw VarselError(.refusedDatabase, "\(sourceName) is damaged: its copy fails the check (\(error.what.replacingOccurrences(of: tmp + " ", with: "")))",
                                  at: sourceName, fix: "No backup was written. Keep the damaged file as it is, and restore the last good backup: varsel restore BACKUP --db \(sourceName)")
            }
        }
        try syncFile(tmp)
        guard link(tmp, path) == 0 else {
            let reason = errno == EEXIST ? "the file already exists" : String(cString: strerror(errno))
            throw VarselError(.io, "Cannot create \(path): \(reason)", at: path,
                              fix: errno == EEXIST ? "Name a new file; backups never overwrite" : "Check that the folder exists and is writable")
        }
        chmod(path, 0o600)
        syncFile(DatabaseFile.folder(of: path), directory: true)
    }

    /// A new hidden file (mode 0600 whatever the umask) beside `path`: ".NAME.TAG-PID-RANDOM".
    static func temporaryFile(beside path: String, tag: String) throws -> String {
        let dir = DatabaseFile.folder(of: path)
        let name = (path as NSString).lastPathComponent
        removeStale(in: dir, name: name, tag: tag)
        let tmp = "\(dir)/.\(name).\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw VarselError(.io, "Cannot create a file in \(dir): \(String(cString: strerror(errno)))", at: dir,
                              fix: "Check that the folder exists and is writable")
        }
        fchmod(fd, 0o600)
        close(fd)
        return tmp
    }

    /// Removes temporary files (and their journals) left by a killed backup or restore whose
    /// process is gone.
    static func removeStale(in dir: String, name: String, tag: String) {
        let prefix = ".\(name).\(tag)-"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where file.hasPrefix(prefix) {
            let pidText = file.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: dir + "/" + file)
        }
    }

    static func syncFile(_ path: String, directory: Bool = false) {
        let fd = open(path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
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
            try VarselStore.checkVarselDatabase(path: backupPath, integrity: true)
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

    /// Replaces the database at `databasePath` with the checked backup at `backupPath`, atomically.
    @discardableResult
    public static func restore(from backupPath: String, into databasePath: String, clock: VarselClock,
                               user: String = OSUser.current()) throws -> RestoreResult {
        let backupPath = VarselStore.plainPath(backupPath)
        let databasePath = VarselStore.plainPath(databasePath)
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

        // The live database: a Varsel file (damaged or not), an empty file, or none.
        let target = try VarselStore.openForReplacement(path: databasePath)
        var replaced: String?
        var replacedHead = "none"
        if target.hadContent {
            let keep = try replacedName(for: databasePath, at: clock.now())
            try copy(target.store.writer, to: keep, checked: false, sourceName: databasePath)
            replaced = keep
            replacedHead = (try? target.store.writer.read { db in
                try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
            }).flatMap { $0 } ?? "none"
        }

        // The restored content, complete with its audit row, in a temporary file first.
        let tmp = try temporaryFile(beside: databasePath, tag: "restore")
        defer { for suffix in ["", "-journal", "-wal", "-shm"] { unlink(tmp + suffix) } }
        let counts: (Int, Int)
        do {
            let prepared = try DatabaseQueue(path: tmp, configuration: VarselStore.configuration())
            try source.backup(to: prepared)
            try Schema.migrator.migrate(prepared)
            let chain = try prepared.read { db in try AuditChain.verify(db) }
            counts = try prepared.read { db in (try Agreement.fetchCount(db), try AuditEntry.fetchCount(db)) }
            let name = (backupPath as NSString).lastPathComponent
            let summary = "Database restored from \(backupPath) (\(counts.0) agreements, \(counts.1) audit rows; "
                + (chain.firstBreak.map { "its audit chain is broken at \($0)" } ?? "its audit chain verifies")
                + (replaced.map { "); the replaced database is kept at \($0), its audit head \(replacedHead)" } ?? ")")
            try prepared.write { db in
                try AuditChain.append(db, at: AuditClock.iso(clock.now()), user: user,
                                      note: AuditNote(action: "restore", entityType: "database", entityId: name, summary: summary))
            }
            let integrity = try prepared.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard integrity == ["ok"] else {
                throw VarselError(.io, "The prepared copy of \(backupPath) fails the integrity check", fix: "Nothing was changed; try again")
            }
            try prepared.close()
            syncFile(tmp)
        } catch let error as VarselError {
            throw error
        } catch {
            throw VarselError(.io, "Preparing the restore of \(backupPath) failed: \(error)",
                              fix: "Nothing was changed" + (replaced.map { "; a copy of the database is also kept at \($0)" } ?? ""))
        }

        // One write transaction of the live database: old content, or new content with its audit row.
        do {
            let prepared = try DatabaseQueue(path: tmp, configuration: config)
            defer { try? prepared.close() }
            try prepared.backup(to: target.store.writer)
        } catch {
            throw VarselError(.io, "Restoring \(backupPath) into \(databasePath) failed: \(error)",
                              fix: "Nothing was changed" + (replaced.map { "; a copy of the database is also kept at \($0)" } ?? ""))
        }
        try? target.store.writer.close()
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

}
