import Foundation
import GRDB
import VarselKit

extension VarselStore {
    /// Runs `body` in one transaction that also appends exactly one audit row.
    /// Any error rolls the whole write back, the audit row included.
    /// A full disk, a file system made read-only, a lock held too long or a damaged page surface
    /// as a `VarselError` that says so (the transaction was rolled back: nothing was written).
    public func auditedWrite<T>(user: String, at: Date, _ body: (Database) throws -> (T, AuditNote)) throws -> T {
        do {
            return try writer.write { db in
                let (value, note) = try body(db)
                try AuditChain.append(db, at: AuditClock.iso(at), user: user, note: note)
                return value
            }
        } catch let error as DatabaseError {
            throw Self.describeWriteFailure(error, path: path) ?? error
        }
    }

    /// What went wrong with the disk or the file during a write, or nil for other SQLite errors
    /// (a constraint, which the services' validation is there to prevent).
    static func describeWriteFailure(_ error: DatabaseError, path: String) -> VarselError? {
        let detail = error.message ?? "\(error.resultCode)"
        if error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR && DatabaseFile.diskIsFull(path) {
            return diskFull(path, change: true)
        }
        switch error.resultCode {
        case .SQLITE_READONLY:
            return VarselError(.io, "\(path) cannot be written (\(detail)): the file, its folder or its disk became read-only", at: path,
                               fix: "Nothing was written. Make the file and its folder writable (or remount the disk read-write) and try again")
        case .SQLITE_IOERR:
            return VarselError(.io, "\(path) could not be written: \(detail)", at: path,
                               fix: "Nothing was written. Check that the disk is present, writable and not full, then try again")
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return describe(error, path: path)
        default:
            return nil
        }
    }
}
