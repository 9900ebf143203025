import Foundation
import VarselKit

/// `PortfolioStorage` on a PostgreSQL database shared by a team.
///
/// Writes take a session advisory lock (one Varsel writer at a time, as on SQLite), run
/// `SERIALIZABLE`, and are run again (up to `maxAttempts`) when the server reports a
/// serialization failure (SQLSTATE 40001, e.g. against another program's writes): services are
/// functions of what they load, so a retry is safe. The audit chain stays one line. Calls block
/// the calling thread on postgres-nio's futures (never its event loop); one connection per store,
/// one transaction at a time.
public final class PostgresStorage: PortfolioStorage, @unchecked Sendable {
    let session: PGSession
    let columns = PostgresColumns()
    public let target: PostgresTarget
    public var path: String { target.display }
    public var damageFound: String? { nil }
    /// Attempts of one write before a serialization failure reaches the caller.
    static let maxAttempts = 10
    /// The LISTEN connection behind `changeToken`, started on its first call (only the workbench
    /// polls; a command never opens it).
    private var feed: PGChangeFeed?
    private var feedFailed = false
    private let feedLock = NSLock()

    init(session: PGSession, target: PostgresTarget) { self.session = session; self.target = target }

    deinit { session.close() }

    /// Opens the portfolio at `url` (missing parts from the PG* environment and ~/.pgpass). With
    /// `.write`/`.create`, an empty database gets the schema; a schema newer than this binary's is
    /// refused without changing anything; with `.read` an older one is read as it is.
    public static func open(url: String, environment: [String: String], access: StorageAccess = .create) throws -> PostgresStorage {
        let target = try PostgresTarget(url: url, environment: environment)
        let session = try PGSession.connect(target)
        let store = PostgresStorage(session: session, target: target)
        if let schema = target.schema {
            let name = "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            try store.mapped {
                let exists = try session.one("SELECT 1 FROM pg_namespace WHERE nspname = $1", [.text(schema)]) != nil
                if !exists && access != .read { try session.query("CREATE SCHEMA \(name)") }
                try session.query("SET search_path TO \(name)")
            }
        }
        try store.mapped { try PostgresMigrator.prepare(session, target: target, access: access) }
        return store
    }

    public func reading(today: CivilDate, planner: DeadlinePlanner) -> any PortfolioReading {
        PostgresReading(store: self, context: ReadContext(today: today, planner: planner))
    }

    public func read<T>(_ body: (any PortfolioRecords) throws -> T) throws -> T {
        try snapshot { tx in try body(tx) }
    }

    /// Runs `body` in one read-only REPEATABLE READ transaction (one consistent snapshot).
    func snapshot<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        try mapped {
            session.lock.lock(); defer { session.lock.unlock() }
            try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let value = try body(PostgresTransaction(db: session, schema: columns))
                try session.query("COMMIT")
                return value
            } catch {
                _ = try? session.query("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs a read of ONE statement without `BEGIN`/`COMMIT`: a single statement already sees one
    /// snapshot, so the transaction would only add two round trips to each page or count.
    func statement<T>(_ body: (PGSession) throws -> T) throws -> T {
        try mapped {
            session.lock.lock(); defer { session.lock.unlock() }
            return try body(session)
        }
    }

    public func write<T>(user: String, at: Date, _ body: (any PortfolioTransaction) throws -> (T, AuditNote)) throws -> T {
        try writeImport(user: user, at: at) { tx in
            let (value, note) = try body(tx)
            return (value, Optional(note))
        }
    }

    public func writeImport<T>(user: String, at: Date, _ body: (any PortfolioTransaction) throws -> (T, AuditNote?)) throws -> T {
        try mapped {
            session.lock.lock(); defer { session.lock.unlock() }
            // One Varsel writer at a time on this database, taken before the transaction starts so
            // its snapshot already sees the previous writer's commit (and audit row): the chain
            // stays one line and writers do not fail each other. Released on COMMIT/ROLLBACK
            // below, or by the server if this process dies.
            try session.query("SELECT pg_advisory_lock($1)", [.int(PGAudit.chainLock)])
            defer { _ = try? session.query("SELECT pg_advisory_unlock($1)", [.int(PGAudit.chainLock)]) }
            var attempt = 1
            while true {
                try session.query("BEGIN ISOLATION LEVEL SERIALIZABLE")
                do {
                    let (value, note) = try body(PostgresTransaction(db: session, schema: columns))
                    if let note { try PGAudit.append(session, at: AuditClock.iso(at), user: user, note: note) }
                    let seq = Int64(try session.int("SELECT seq FROM change_seq"))
                    try session.query("COMMIT")
                    // Our own write moves our token now (its NOTIFY arrives later, the same number).
                    feedLock.withLock { feed }?.advance(to: seq)
                    return value
                } catch {
                    _ = try? session.query("ROLLBACK")
                    if PGError.sqlState(error) == "40001" && attempt < Self.maxAttempts {
                        attempt += 1
                        usleep(UInt32.random(in: 1_000...20_000) * UInt32(attempt))
                        continue
                    }
                    throw error
                }
            }
        }
    }

    /// `change_seq.seq`, bumped by a statement trigger on every audit append (every write
    /// appends one), in whichever process it ran. Read from the LISTEN/NOTIFY feed (no query);
    /// from the table when the feed cannot be started or its connection was lost.
    public func changeToken() throws -> ChangeToken {
        if let feed = liveFeed() { return ChangeToken(feed.token) }
        return try mapped { ChangeToken(Int64(try session.int("SELECT seq FROM change_seq"))) }
    }

    /// The feed, started on first use; nil (and a query instead) after it failed or died.
    func liveFeed() -> PGChangeFeed? {
        feedLock.lock(); defer { feedLock.unlock() }
        if let feed, feed.isAlive { return feed }
        if feed != nil { feed = nil; feedFailed = false }
        guard !feedFailed else { return nil }
        do { feed = try PGChangeFeed.start(target) } catch { feedFailed = true }
        return feed
    }

    /// Whether this database user may write the portfolio (the editor role); a read-only user's
    /// reading commands then leave deemed acceptances to an editor.
    public func mayWrite() -> Bool {
        (try? session.one("SELECT has_table_privilege('audit', 'INSERT')")?[0].bool) ?? false
    }

    public func verifyAuditChain(anchor: String?, lastRows: Int?) throws -> AuditChain.Report {
        try snapshot { tx in try PGAudit.verify(tx.db, anchor: anchor, lastRows: lastRows) }
    }

    /// Every record from one REPEATABLE READ snapshot, each kind in id order (audit by id).
    public func exportDocument() throws -> PortfolioDocument {
        try snapshot { tx in
            var reader = PGExportReader(tx: tx)
            for kind in RecordRegistry.kinds { try kind.accept(&reader) }
            reader.doc.audit = try tx.fetch(AuditEntry.self, "SELECT * FROM audit ORDER BY id")
            return reader.doc
        }
    }

    /// A backup of a team database is the lossless export document (or `pg_dump`, docs/teams.md).
    public func backup(to path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw VarselError(.io, "Cannot create \(path): the file already exists", at: path, fix: "Name a new file; backups never overwrite")
        }
        let data = try PortfolioExporter.encodeJSON(try exportDocument())
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw VarselError(.io, "Cannot create \(path)", at: path, fix: "No backup was written; check the folder")
        }
    }

    /// Runs `body`, turning postgres-nio's and the server's errors into `VarselError`.
    func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw PGError.map(error) }
    }
}

/// Reads every kind of `RecordRegistry` in id order into an export document (SQLite's
/// `PortfolioSnapshot` reader, on PostgreSQL).
struct PGExportReader: RecordKindVisitor {
    let tx: PostgresTransaction
    var doc = PortfolioDocument()

    mutating func visit<R: StoredRecord>(_ kind: RecordKind<R>) throws {
        kind.setRows(try tx.fetch(R.self, "SELECT * FROM \(kind.table) ORDER BY id"), in: &doc)
    }
}
