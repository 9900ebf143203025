import Foundation

/// How a command uses the database: read only, write, or write and create it if needed.
public enum StorageAccess: Sendable { case read, write, create }

/// A value that changes whenever anyone (this process or another) commits to the portfolio:
/// the change feed the workbench polls to reload after a CLI write.
public struct ChangeToken: Hashable, Sendable, CustomStringConvertible {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
    public var description: String { String(value) }
}

/// One backend holding a portfolio (today: SQLite in the `VarselSQLite` target).
///
/// Services, the CLI and the UI see only this protocol, `PortfolioReading` (what lists and views
/// ask), `PortfolioRecords` (loads inside a read or write), `PortfolioTransaction` (one write
/// unit) and `VarselError`. A backend maps its own errors to `VarselError`.
public protocol PortfolioStorage: AnyObject, Sendable {
    /// Where the portfolio lives, for messages: a file path, ":memory:", a server URL.
    var path: String { get }
    /// Set when the backend opened damaged data read-only (reads warn; writes are refused).
    var damageFound: String? { get }

    /// The read questions of lists, views and reports, on `today`.
    func reading(today: CivilDate, planner: DeadlinePlanner) -> any PortfolioReading

    /// Runs `body` on one consistent snapshot of the records (previews, dry runs).
    func read<T>(_ body: (any PortfolioRecords) throws -> T) throws -> T

    /// Runs `body` as ONE transaction that also appends exactly one audit row (the returned
    /// note, chained by `AuditChain`). Any error rolls everything back, the audit row included.
    func write<T>(user: String, at: Date, _ body: (any PortfolioTransaction) throws -> (T, AuditNote)) throws -> T

    /// An import (`PortfolioImporter`): one transaction that appends the returned audit row, or
    /// none when the body restored a whole document with its audit trail into an empty portfolio
    /// (copied with `insertRestoredAudit`, so the restored trail stays byte-identical).
    func writeImport<T>(user: String, at: Date, _ body: (any PortfolioTransaction) throws -> (T, AuditNote?)) throws -> T

    /// The change feed: a token that differs after any commit by anyone.
    func changeToken() throws -> ChangeToken

    /// Verifies the audit hash chain (`AuditChain.verify`): all rows, or the newest `lastRows`;
    /// with `anchor`, also that a row carries that hash.
    func verifyAuditChain(anchor: String?, lastRows: Int?) throws -> AuditChain.Report

    /// Every record, each kind in id order (audit by sequence), from one snapshot.
    func exportDocument() throws -> PortfolioDocument

    /// Writes a checked, consistent copy of the portfolio to the new file `path` (mode 0600).
    func backup(to path: String) throws
}

extension PortfolioStorage {
    /// Whether anything was committed since `token` was read (true when there is no token).
    public func hasChanged(since token: ChangeToken?) throws -> Bool {
        guard let token else { return true }
        return try changeToken() != token
    }

    /// The change token as a number (the name the workbench polled before the change feed).
    public func dataVersion() throws -> Int { Int(try changeToken().value) }

    /// Verifies the whole audit chain.
    public func verifyAuditChain() throws -> AuditChain.Report { try verifyAuditChain(anchor: nil, lastRows: nil) }
}
