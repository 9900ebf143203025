import Foundation
import GRDB
import VarselKit

/// The one SQLite file that holds a portfolio: WAL, foreign keys, versioned migrations.
///
/// Opening refuses — without modifying it — a file that is not a Varsel database or whose
/// schema is newer than this binary. New files are created with mode 0600.
public final class VarselStore: Sendable {
    /// The GRDB writer (a `DatabasePool` for files, a `DatabaseQueue` in memory).
    public let writer: any DatabaseWriter
    /// File path, or ":memory:".
    public let path: String

    /// Set at open for reading when `PRAGMA quick_check` failed.
    private let damage = DamageNote()

    private init(writer: any DatabaseWriter, path: String) {
        self.writer = writer; self.path = path
    }

    /// Opens the database at `path` for `access` (`.create` by default: library callers and tests).
    ///
    /// - `.read` opens read-only: it never creates, migrates or writes (no WAL set-up), and reads a
    ///   file in a read-only folder as immutable. A file whose quick check fails is still opened,
    ///   with `damage` set, so the caller can warn.
    /// - `.write` refuses a missing or empty file, a read-only file or folder, and a damaged file.
    /// - `.create` also makes a missing or empty file into a new database (mode 0600).
    ///
    /// Every access refuses, without modifying it, a folder, a device, a file that is not SQLite,
    /// another application's SQLite file, a truncated file and a schema newer than this binary's.
    /// `path` is a plain file path: a relative path is taken from the current folder and
    /// `file:` or `:memory:` mean files of those names, never SQLite URIs.
    public static func open(path: String, access: DatabaseFile.Access = .create) throws -> VarselStore {
        let path = plainPath(path)
        let state = try DatabaseFile.inspect(path, for: access)
        if case .sqlite(let appID) = state, appID != Schema.applicationID, appID != 0 {
            throw foreign(path, "its application_id is \(String(format: "0x%08X", UInt32(bitPattern: appID)))")
        }
        if state == .missing { try createEmptyFile(path: path) }
        if state == .empty { chmod(path, 0o600) }
        // An existing file is checked on a read-only connection first, so that a foreign, newer
        // or damaged file is never opened for writing (GRDB's WAL set-up writes to the file).
        var status = SchemaStatus(pending: true, damage: nil)
        if case .sqlite = state {
            try refuseByIdentity(path: path)
            let probe = try connect(path: path, readOnly: true)
            do {
                // No transaction around the check: a damaged page makes SQLite refuse the COMMIT too.
                status = try checked(path) { try probe.unsafeRead { db in try inspectSchema(db, path: path) } }
            } catch {
                try? probe.close()
                throw error
            }
            if access != .read { try? probe.close() }
            if access == .read {
                if status.pending {
                    try? probe.close()
                    throw VarselError(.refusedDatabase, "\(path) has an older Varsel schema; commands that only read do not upgrade it", at: path,
                                      fix: "Nothing was changed. Open it once with a writing command or the workbench (`varsel --db \(path)`), which upgrades it")
                }
                let store = VarselStore(writer: probe, path: path)
                store.damage.value = status.damage
                return store
            }
            if let damage = status.damage { throw damaged(path, damage) }
        } else if access == .read {
            throw VarselError(.refusedDatabase, "\(path) is empty, not a Varsel database", at: path, fix: "Nothing was changed")
        }
        let writer = try connect(path: path, readOnly: false)
        do {
            if status.pending { try checked(path) { try Schema.migrator.migrate(writer) } }
        } catch {
            try? writer.close()
            throw error
        }
        return VarselStore(writer: writer, path: path)
    }

    /// Runs `body`, turning an SQLite error into a message that says what it means.
    private static func checked<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError { throw describe(error, path: path) }
    }

    /// Opens the live database that a restore will replace: it may be damaged (that is often why it
    /// is restored) but must not be another application's file. A missing file is created (0600).
    /// No check, no migration: the restore overwrites every page.
    static func openForReplacement(path: String) throws -> (store: VarselStore, hadContent: Bool) {
        let path = plainPath(path)
        let state = try DatabaseFile.inspect(path, for: .create)
        if case .sqlite(let appID) = state, appID != Schema.applicationID, appID != 0 {
            throw foreign(path, "its application_id is \(String(format: "0x%08X", UInt32(bitPattern: appID)))")
        }
        if state == .missing { try createEmptyFile(path: path) }
        var config = configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "varsel"
        do {
            if case .sqlite(0) = state {
                // The header's application_id may not be checkpointed yet: ask SQLite, read-only.
                let probe = try connect(path: path, readOnly: true)
                let found = try? probe.read { db in
                    (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
                }
                try? probe.close()
                if let (appID, tables) = found, appID != Schema.applicationID && tables > 0 {
                    throw foreign(path, "it holds tables but no Varsel schema")
                }
            }
            let pool = try DatabasePool(path: path, configuration: config)
            let hadContent: Bool
            if case .sqlite = state { hadContent = true } else { hadContent = false }
            return (VarselStore(writer: pool, path: path), hadContent)
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        }
    }

    /// What the quick check found wrong with the file when it was opened for reading (nil: nothing).
    public var damageFound: String? { damage.value }

    /// The plain file path SQLite will open: absolute, so that no name is taken as a URI.
    static func plainPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    /// A pool with a busy timeout; read-only pools skip GRDB's WAL set-up. A read-only open that
    /// SQLite refuses because it cannot create `-shm` beside the file (a read-only folder, a full
    /// disk) reads the file as immutable instead, when no committed page waits in the WAL.
    private static func connect(path: String, readOnly: Bool) throws -> any DatabaseWriter {
        var config = configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "varsel"
        config.readonly = readOnly
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            // The first read creates -wal/-shm if needed: fail here (not later) on a full disk,
            // so a read-only open can still fall back to reading the file as immutable.
            if readOnly { try pool.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") } }
            return pool
        } catch let error as DatabaseError {
            if readOnly, walIsEmpty(path),
               let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed),
               let queue = try? DatabaseQueue(path: "file:" + encoded + "?immutable=1", configuration: config) {
                return queue
            }
            throw describe(error, path: path)
        }
    }

    /// No `-wal` beside the file, or an empty one (a failed open on a full disk leaves 0 bytes):
    /// every committed page is in the file itself, so reading it as immutable misses nothing.
    static func walIsEmpty(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) != 0 || info.st_size == 0
    }

    struct SchemaStatus { var pending: Bool; var damage: String? }

    /// Files up to this size (2 MB: several hundred agreements with their history) get a full
    /// `PRAGMA quick_check` on every open, about 3 ms per MB here. Larger files check the tables
    /// every write touches first (schema, migrations, audit trail), so that opening stays fast (the
    /// 1,000-agreement benchmark's first frame went from 12 to 28 ms with a full check of its 4 MB);
    /// damage elsewhere is reported when SQLite reads the page ("damaged") and by `varsel backup`'s
    /// full `integrity_check`.
    static let fullQuickCheckLimit: Int64 = 2 << 20

    static func quickCheckSQL(path: String) -> String {
        var info = stat()
        if stat(path, &info) == 0, Int64(info.st_size) > fullQuickCheckLimit {
            return "SELECT * FROM pragma_quick_check('grdb_migrations') UNION ALL SELECT * FROM pragma_quick_check('audit')"
        }
        return "PRAGMA quick_check"
    }

    /// When no `-wal` exists, reads the file as immutable (which creates nothing beside it) to
    /// refuse another application's file or a newer schema before a normal connection would
    /// leave `-wal`/`-shm` next to it. Only a clear verdict counts: an SQLite error here (say a
    /// page being checkpointed by another process) leaves the decision to the normal connection.
    private static func refuseByIdentity(path: String) throws {
        guard !FileManager.default.fileExists(atPath: path + "-wal"),
              let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else { return }
        var config = configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: "file:" + encoded + "?immutable=1", configuration: config) else { return }
        defer { try? queue.close() }
        do {
            try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if tables == 0 && appID == 0 { return }
                if appID != Schema.applicationID { throw foreign(path, "it holds tables but no Varsel schema") }
                if try db.tableExists("grdb_migrations"), try Schema.migrator.hasBeenSuperseded(db) {
                    throw VarselError(.refusedDatabase, "\(path) was written by a newer Varsel (its schema is newer than this binary's)", at: path,
                                      fix: "Nothing was changed. Upgrade varsel to open it")
                }
            }
        } catch let error as VarselError {
            throw error
        } catch {
            return
        }
    }

    /// Checks, on the opened connection (so under the busy timeout), that this is a Varsel schema
    /// not newer than the binary's, whether migrations are pending, and `PRAGMA quick_check`.
    private static func inspectSchema(_ db: Database, path: String) throws -> SchemaStatus {
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if tables == 0 && appID == 0 { return SchemaStatus(pending: true, damage: nil) }
        if appID != Schema.applicationID { throw foreign(path, "it holds tables but no Varsel schema") }
        do {
            if try db.tableExists("grdb_migrations"), try Schema.migrator.hasBeenSuperseded(db) {
                throw VarselError(.refusedDatabase, "\(path) was written by a newer Varsel (its schema is newer than this binary's)", at: path,
                                  fix: "Nothing was changed. Upgrade varsel to open it")
            }
            let pending = try !Schema.migrator.hasCompletedMigrations(db)
            let check = try String.fetchAll(db, sql: quickCheckSQL(path: path))
            let problems = check.filter { $0 != "ok" }
            return SchemaStatus(pending: pending, damage: problems.isEmpty ? nil : problems.prefix(3).joined(separator: "; "))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            // A damaged page: reads go on with a warning where they can; writes are refused.
            return SchemaStatus(pending: false, damage: error.message ?? "a malformed page")
        }
    }

    static func foreign(_ path: String, _ why: String) -> VarselError {
        VarselError(.refusedDatabase, "\(path) is not a Varsel database: \(why) (another application's file?)", at: path,
                    fix: "Nothing was changed. Use --db to name a Varsel database, or a new file name with --create")
    }

    /// `change`: a write was under way (its transaction was rolled back).
    static func diskFull(_ path: String, change: Bool = false) -> VarselError {
        VarselError(.io, "The disk holding \(path) is full" + (change ? ": the change was not saved" : ""), at: path,
                    fix: "Nothing was written. Free some space on that disk (df -h \(DatabaseFile.folder(of: path))) and try again")
    }

    static func damaged(_ path: String, _ detail: String) -> VarselError {
        VarselError(.refusedDatabase, "\(path) is damaged: SQLite's check found \(detail)", at: path,
                    fix: "Nothing was written. Restore the last good backup (varsel restore BACKUP --db \(path)); commands that only read still work, with a warning")
    }

    /// How long a connection waits for another program's lock before giving up. Eight writers on a
    /// busy 2-core machine queued for more than 5 s (scripts/concurrency.py); SQLite's busy handler
    /// is not first-come first-served, so the wait is generous: a cron job would rather wait than fail.
    static let busyTimeout: TimeInterval = 30

    /// An SQLite error at open time, said as what it means for the user.
    static func describe(_ error: DatabaseError, path: String) -> VarselError {
        // SQLite reports a disk that cannot take the -wal/-shm files as an I/O error or "unable to open".
        if error.resultCode == .SQLITE_FULL || [.SQLITE_IOERR, .SQLITE_CANTOPEN].contains(error.resultCode) && DatabaseFile.diskIsFull(path) {
            return diskFull(path)
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return VarselError(.io, "\(path) is busy: another program has held a lock on it for more than \(Int(busyTimeout)) seconds", at: path,
                               fix: "Nothing was changed. Try again when the other program has finished writing")
        case .SQLITE_NOTADB:
            return VarselError(.refusedDatabase, "\(path) is not a Varsel database: SQLite does not recognise it", at: path,
                               fix: "Nothing was changed. Use --db to name a Varsel database")
        case .SQLITE_CORRUPT:
            return damaged(path, error.message ?? "a malformed page")
        case .SQLITE_READONLY:
            return VarselError(.io, "\(path) cannot be written: \(error.message ?? "read-only")", at: path,
                               fix: "Nothing was changed. Check the permissions of the file, its -wal and -shm files and its folder")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return VarselError(.io, "\(path) cannot be opened: \(error.message ?? "unable to open")", at: path,
                               fix: "Check the permissions of the file, its -wal and -shm files and its folder")
        default:
            return VarselError(.io, "\(path) could not be opened: \(error.message ?? "\(error)")", at: path,
                               fix: "Nothing was changed. Check the file and its permissions")
        }
    }

    /// A private in-memory database (tests, dry runs).
    public static func inMemory() throws -> VarselStore {
        let queue = try DatabaseQueue(configuration: configuration())
        try Schema.migrator.migrate(queue)
        return VarselStore(writer: queue, path: ":memory:")
    }

    /// The base configuration of every connection to a Varsel database: it registers the SQL
    /// functions the schema needs (`varsel_fold`, used by the `agreement_search` triggers), so
    /// every connection can write agreements and parties and run the migrations.
    public static func configuration() -> Configuration {
        var config = Configuration()
        config.prepareDatabase { db in db.add(function: SearchFold.sqlFunction) }
        return config
    }

    /// Checks `path` read-only without modifying it: a Varsel database, schema not newer, and with
    /// `integrity` `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. Used for backups.
    static func checkVarselDatabase(path: String, integrity: Bool) throws {
        let path = plainPath(path)
        let state = try DatabaseFile.inspect(path, for: .read)
        if case .sqlite(let appID) = state, appID != Schema.applicationID {
            throw foreign(path, appID == 0 ? "it holds no Varsel schema" : "its application_id is \(String(format: "0x%08X", UInt32(bitPattern: appID)))")
        }
        var config = configuration()
        config.readonly = true
        // Another process may be writing (checkpointing the WAL): wait for it as the real open does,
        // never report a busy file as foreign (issue 15 bug 7, scripts/concurrency.py).
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue: DatabaseQueue
            if !FileManager.default.fileExists(atPath: path + "-wal"),
               let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed),
               let q = try? DatabaseQueue(path: "file:" + encoded + "?immutable=1", configuration: config) {
                queue = q
            } else {
                queue = try DatabaseQueue(path: path, configuration: config)
            }
            defer { try? queue.close() }
            try queue.read { db in
                if try !db.tableExists("grdb_migrations") { throw foreign(path, "it holds no Varsel schema") }
                if try Schema.migrator.hasBeenSuperseded(db) {
                    throw VarselError(.refusedDatabase, "\(path) was written by a newer Varsel (its schema is newer than this binary's)", at: path,
                                      fix: "Nothing was changed. Upgrade varsel to open it")
                }
                guard integrity else { return }
                let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if result != ["ok"] { throw damaged(path, result.prefix(3).joined(separator: "; ")) }
                if let fk = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                    throw damaged(path, "a broken reference in table \(fk[0] as String? ?? "?")")
                }
            }
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        }
    }

    /// Creates an empty file with mode 0600 (its folder exists: `DatabaseFile.inspect` checked).
    private static func createEmptyFile(path: String) throws {
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw VarselError(.io, "Cannot create database file \(path): \(String(cString: strerror(errno)))",
                              fix: "Check that the folder exists and is writable")
        }
        close(fd)
    }
}

/// Holds the quick-check finding of a read-only open (written once, during `open`).
final class DamageNote: @unchecked Sendable {
    private let lock = NSLock()
    private var _value: String?
    var value: String? {
        get { lock.lock(); defer { lock.unlock() }; return _value }
        set { lock.lock(); _value = newValue; lock.unlock() }
    }
}
