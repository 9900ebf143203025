import Foundation
import GRDB

/// The one SQLite file that holds a portfolio: WAL, foreign keys, versioned migrations.
///
/// Opening refuses — without modifying it — a file that is not a Varsel database or whose
/// schema is newer than this binary. New files are created with mode 0600.
public final class VarselStore: Sendable {
    /// The GRDB writer (a `DatabasePool` for files, a `DatabaseQueue` in memory).
    public let writer: any DatabaseWriter
    /// File path, or ":memory:".
    public let path: String

    private init(writer: any DatabaseWriter, path: String) {
        self.writer = writer; self.path = path
    }

    /// Opens (and if needed creates) the database at `path`.
    public static func open(path: String) throws -> VarselStore {
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if exists {
            try refuseForeign(path: path)
        } else {
            try createEmptyFile(path: path)
        }
        var config = configuration()
        config.busyMode = .timeout(5)
        config.label = "varsel"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw VarselError(.refusedDatabase, "Cannot open \(path) as a database: \(error)",
                              fix: "Check the file and its permissions, or point --db at another file")
        }
        // A read first: migrating always opens a write transaction (and syncs the log), which a
        // read-only command on an up-to-date file should not pay for.
        let current = exists ? ((try? pool.read { try Schema.migrator.hasCompletedMigrations($0) }) ?? false) : false
        if !current { try Schema.migrator.migrate(pool) }
        return VarselStore(writer: pool, path: path)
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

    /// Checks an existing file read-only before anything can write to it.
    private static func refuseForeign(path: String) throws {
        // stat(2), not FileManager's attributes (which also look up the owner's user and group names).
        var info = stat()
        if stat(path, &info) == 0, info.st_size == 0 { return }
        try checkVarselDatabase(path: path, allowEmpty: true)
    }

    /// Opens `path` read-only and refuses it unless it is a Varsel database whose schema is not newer
    /// than this binary's. `allowEmpty` accepts an SQLite file with no tables at all (a new database);
    /// `integrity` also runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`.
    /// Never modifies the file.
    static func checkVarselDatabase(path: String, allowEmpty: Bool, integrity: Bool = false) throws {
        var config = configuration()
        config.readonly = true
        // Another process may be writing (checkpointing the WAL): wait for it as the real open does,
        // never report a busy file as foreign (issue 15 bug 7, scripts/concurrency.py).
        config.busyMode = .timeout(5)
        do {
            let queue = try checkingQueue(path: path, configuration: config)
            try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if appID != Schema.applicationID && !(appID == 0 && tables == 0) {
                    throw VarselError(.refusedDatabase, "\(path) is not a Varsel database (application_id \(appID))",
                                      fix: "Nothing was changed. Use --db to name a Varsel database, or a new file name to create one")
                }
                if try db.tableExists("grdb_migrations"), try Schema.migrator.hasBeenSuperseded(db) {
                    throw VarselError(.refusedDatabase, "\(path) was written by a newer Varsel (its schema is newer than this binary's)",
                                      fix: "Nothing was changed. Upgrade varsel to open it")
                }
                if try !allowEmpty && (appID != Schema.applicationID || !db.tableExists("grdb_migrations")) {
                    throw VarselError(.refusedDatabase, "\(path) is not a Varsel database (it holds no Varsel schema)",
                                      fix: "Nothing was changed. Name a file made by `varsel backup`")
                }
                if integrity {
                    let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                    if result != ["ok"] {
                        throw VarselError(.refusedDatabase, "\(path) fails the SQLite integrity check: \(result.prefix(3).joined(separator: "; "))",
                                          fix: "Nothing was changed. The file is damaged; use another backup")
                    }
                    if let fk = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                        throw VarselError(.refusedDatabase, "\(path) has a broken reference in table \(fk[0] as String? ?? "?")",
                                          fix: "Nothing was changed. The file is damaged; use another backup")
                    }
                }
            }
            try queue.close()
        } catch let error as VarselError {
            throw error
        } catch {
            throw VarselError(.refusedDatabase, "\(path) is not a Varsel database (\(error))",
                              fix: "Nothing was changed. Use --db to name a Varsel database, or a new file name to create one")
        }
    }

    /// A read-only connection for the check. A read-only connection to a WAL database leaves `-wal` and
    /// `-shm` files behind; when there is no `-wal` (nobody has the file open in WAL mode) the file is
    /// read as immutable, which creates nothing next to it. Falls back to a plain read-only open where
    /// SQLite does not take URI file names.
    private static func checkingQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        if !FileManager.default.fileExists(atPath: path + "-wal"),
           let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed),
           let queue = try? DatabaseQueue(path: "file:" + encoded + "?immutable=1", configuration: configuration) {
            return queue
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Creates the parent folder (0700) and an empty file with mode 0600.
    private static func createEmptyFile(path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw VarselError(.io, "Cannot create database file \(path): \(String(cString: strerror(errno)))",
                              fix: "Check that the folder exists and is writable")
        }
        close(fd)
    }
}
