import Foundation
import GRDB
import VarselKit

/// `PortfolioStorage` on the SQLite file: every entry point maps GRDB's `DatabaseError` to a
/// `VarselError`, so no caller outside this target ever sees an SQLite error type.
extension VarselStore: PortfolioStorage {
    public func reading(today: CivilDate, planner: DeadlinePlanner) -> any PortfolioReading {
        SQLiteReading(store: self, today: today, planner: planner)
    }

    public func read<T>(_ body: (any PortfolioRecords) throws -> T) throws -> T {
        try Self.mapped { try writer.read { db in try body(SQLiteTransaction(db: db)) } }
    }

    public func write<T>(user: String, at: Date, _ body: (any PortfolioTransaction) throws -> (T, AuditNote)) throws -> T {
        try Self.mapped { try auditedWrite(user: user, at: at) { db in try body(SQLiteTransaction(db: db)) } }
    }

    public func writeImport<T>(user: String, at: Date, _ body: (any PortfolioTransaction) throws -> (T, AuditNote?)) throws -> T {
        try Self.mapped {
            try writer.write { db in
                let (value, note) = try body(SQLiteTransaction(db: db))
                if let note { try AuditChain.append(db, at: AuditClock.iso(at), user: user, note: note) }
                return value
            }
        }
    }

    /// SQLite's `PRAGMA data_version` on the writer connection: it changes whenever another
    /// connection or process commits to the file. (Read on the writer because each pooled reader
    /// connection keeps its own counter.)
    public func changeToken() throws -> ChangeToken {
        try Self.mapped {
            ChangeToken(try writer.writeWithoutTransaction { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 })
        }
    }

    public func verifyAuditChain(anchor: String?, lastRows: Int?) throws -> AuditChain.Report {
        try Self.mapped { try writer.read { db in try AuditChain.verify(db, anchor: anchor, lastRows: lastRows) } }
    }

    public func exportDocument() throws -> PortfolioDocument {
        try Self.mapped { try writer.read { db in try PortfolioSnapshot.read(db) } }
    }

    public func backup(to path: String) throws { try Backup.take(sqlite: self, to: path) }

    /// Runs `body`, turning an SQLite error met while reading or writing into a `VarselError`.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError { throw runtimeError(error) }
    }

    /// An SQLite error during a read or write, said as what it means (nothing was written: the
    /// transaction rolled back).
    static func runtimeError(_ error: DatabaseError) -> VarselError {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return VarselError(.refusedDatabase, "the database file is damaged: \(error.message ?? "malformed")",
                               fix: "nothing was written; restore the last good backup (varsel restore BACKUP)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return VarselError(.io, "the database is busy: another program held a lock for more than \(Int(busyTimeout)) seconds",
                               fix: "nothing was written; try again")
        default:
            return VarselError(.conflict, "the database refused the change: \(error.message ?? "\(error)")",
                               fix: "nothing was written")
        }
    }
}
