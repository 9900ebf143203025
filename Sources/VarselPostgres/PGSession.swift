import Foundation
import Logging
import PostgresNIO
import VarselKit

/// One value of a bound parameter or a result cell, in the few types the schema uses.
enum PGValue: Sendable, Hashable {
    case null
    case text(String)
    case int(Int64)
    case bool(Bool)

    var string: String? { if case .text(let s) = self { return s }; return nil }
    var int: Int? {
        switch self {
        case .int(let i): return Int(i)
        case .text(let s): return Int(s)
        default: return nil
        }
    }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    var isNull: Bool { self == .null }
}

/// The columns of one result, shared by all its rows: names, and positions by name and by the
/// model's coding key (`entity_type` → `entityType`), worked out once per result, not per row.
final class PGColumns: Sendable {
    let names: [String]
    let byName: [String: Int]
    let byKey: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var byName: [String: Int] = [:], byKey: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            if byName[n] == nil { byName[n] = i }
            let key = PGRecordCoding.camel(n)
            if byKey[key] == nil { byKey[key] = i }
        }
        self.byName = byName; self.byKey = byKey
    }
}

/// One result row, copied out of postgres-nio (by column name and position).
struct PGRow: Sendable {
    let layout: PGColumns
    let values: [PGValue]

    init(columns: [String], values: [PGValue]) { self.init(layout: PGColumns(columns), values: values) }
    init(layout: PGColumns, values: [PGValue]) { self.layout = layout; self.values = values }

    var columns: [String] { layout.names }
    subscript(_ i: Int) -> PGValue { values[i] }
    subscript(_ name: String) -> PGValue {
        guard let i = layout.byName[name] else { return .null }
        return values[i]
    }
    func text(_ name: String) -> String { self[name].string ?? "" }
    func optionalText(_ name: String) -> String? { self[name].string }
}

/// Something that runs SQL on one connection, synchronously (a transaction or a read).
protocol PGExecutor {
    @discardableResult
    func query(_ sql: String, _ binds: [PGValue]) throws -> [PGRow]
}

extension PGExecutor {
    @discardableResult
    func query(_ sql: String) throws -> [PGRow] { try query(sql, []) }
    func one(_ sql: String, _ binds: [PGValue] = []) throws -> PGRow? { try query(sql, binds).first }
    func int(_ sql: String, _ binds: [PGValue] = []) throws -> Int { try one(sql, binds)?[0].int ?? 0 }
}

/// One PostgreSQL connection used from synchronous code: each call waits on postgres-nio's future
/// on the calling thread, never on the event loop (the architecture's bridge: callers run the
/// synchronous protocols off the main actor and the event loop). A lock keeps one caller at a time.
final class PGSession: PGExecutor, @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let lock = NSRecursiveLock()
    /// Statements sent so far (tests check that polling the change feed sends none).
    private(set) var statements = 0

    init(connection: PostgresConnection, logger: Logger) { self.connection = connection; self.logger = logger }

    /// Connects (blocking the calling thread until the server answered).
    static func connect(_ target: PostgresTarget) throws -> PGSession {
        var logger = Logger(label: "varsel.postgres")
        logger.logLevel = .critical
        let tls: PostgresConnection.Configuration.TLS
        if target.requireTLS || target.preferTLS {
            var config = TLSConfiguration.makeClientConfiguration()
            // require / prefer encrypt without checking the certificate (libpq's meaning);
            // verify-ca / verify-full check it.
            if !target.verifyCertificate { config.certificateVerification = .none }
            let context: NIOSSLContext
            do { context = try NIOSSLContext(configuration: config) } catch {
                throw VarselError(.io, "cannot set up TLS for \(target.display): \(error)", fix: "check the sslmode in the URL")
            }
            tls = target.requireTLS ? .require(context) : .prefer(context)
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(host: target.host, port: target.port, username: target.user,
                                                             password: target.password, database: target.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
            return PGSession(connection: connection, logger: logger)
        } catch {
            throw PGError.map(error, while: "connecting to \(target.display)")
        }
    }

    func close() { try? connection.close().wait() }

    @discardableResult
    func query(_ sql: String, _ binds: [PGValue]) throws -> [PGRow] {
        var bindings = PostgresBindings(capacity: binds.count)
        for b in binds {
            switch b {
            case .null: bindings.appendNull()
            case .text(let s): bindings.append(s)
            case .int(let i): bindings.append(i)
            case .bool(let v): bindings.append(v)
            }
        }
        let q = PostgresQuery(unsafeSQL: sql, binds: bindings)
        lock.lock(); defer { lock.unlock() }
        statements += 1
        let result: PostgresQueryResult = try connection.query(q, logger: logger).wait()
        guard let first = result.rows.first else { return [] }
        let layout = PGColumns(first.map(\.columnName))
        return try result.rows.map { try Self.row($0, layout) }
    }

    /// Statements prepared on this connection, by their SQL (`cached`).
    private var prepared: [String: PreparedQuery] = [:]
    /// At most this many prepared statements are kept; then all are deallocated and prepared anew.
    static let maxPrepared = 64

    /// Runs `sql` as a prepared statement of this connection: prepared (parsed and planned) on its
    /// first use, then only executed, so the server plans a read the workbench repeats on every
    /// key (an agreement's detail, a page, a vendor's uses) once instead of each time — planning
    /// was most of their cost. Only for SQL whose best plan does not depend on its parameters'
    /// values (never a filter pattern: its plan does) and whose parameters are all text; anything
    /// else runs as `query`. A statement the server can no longer use (its table changed under a
    /// running workbench: SQLSTATE 0A000) is prepared again once.
    @discardableResult
    func cached(_ sql: String, _ binds: [PGValue]) throws -> [PGRow] {
        guard binds.allSatisfy({ if case .int = $0 { return false }; if case .bool = $0 { return false }; return true }) else {
            return try query(sql, binds)
        }
        lock.lock(); defer { lock.unlock() }
        let data = binds.map { b -> PostgresData in
            if case .text(let s) = b { return PostgresData(string: s) }
            return PostgresData.null
        }
        for attempt in 1...2 {
            let statement: PreparedQuery
            if let p = prepared[sql] {
                statement = p
            } else {
                if prepared.count >= Self.maxPrepared {
                    for p in prepared.values { _ = try? p.deallocate().wait() }
                    prepared.removeAll()
                }
                statements += 1
                statement = try connection.prepare(query: sql).wait()
                prepared[sql] = statement
            }
            statements += 1
            do {
                let rows = try statement.execute(data).wait()
                guard let first = rows.first else { return [] }
                let layout = PGColumns(first.map(\.columnName))
                return try rows.map { try Self.binaryRow($0, layout) }
            } catch where attempt == 1 && PGError.sqlState(error) == "0A000" {
                prepared[sql] = nil
                _ = try? statement.deallocate().wait()
            }
        }
        return try query(sql, binds)
    }

    /// Several statements, one after the other on this connection (schema set-up). postgres-nio
    /// speaks only the extended protocol (one statement per message), so the script is split.
    func script(_ sql: String) throws {
        lock.lock(); defer { lock.unlock() }
        for statement in Self.statements(sql) { try query(statement, []) }
    }

    /// `sql` split at semicolons outside quotes, `$$` bodies and `--` comments.
    static func statements(_ sql: String) -> [String] {
        var out: [String] = [], current = ""
        var inQuote = false, inDollar = false, inComment = false
        let chars = Array(sql)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if inComment {
                if c == "\n" { inComment = false }
                current.append(c)
            } else if inQuote {
                current.append(c)
                if c == "'" { inQuote = false }
            } else if inDollar {
                current.append(c)
                if c == "$" && next == "$" { current.append("$"); i += 1; inDollar = false }
            } else if c == "-" && next == "-" {
                inComment = true; current.append(c)
            } else if c == "'" {
                inQuote = true; current.append(c)
            } else if c == "$" && next == "$" {
                inDollar = true; current.append("$$"); i += 1
            } else if c == ";" {
                let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty && !t.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }) { out.append(t) }
                current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty && !t.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }) { out.append(t) }
        return out
    }

    /// A row of a prepared statement. postgres-nio asks for binary results but hands such rows
    /// the statement's description with its text format codes, so its decoders misread integers
    /// and booleans: the cells are read here from their binary form (big-endian integers, one
    /// byte per boolean, UTF-8 text). Prepared reads return only these types.
    static func binaryRow(_ row: PostgresRow, _ layout: PGColumns) throws -> PGRow {
        var values: [PGValue] = []
        values.reserveCapacity(layout.names.count)
        for cell in row {
            guard var bytes = cell.bytes else { values.append(.null); continue }
            switch cell.dataType {
            case .bool: values.append(.bool((bytes.readInteger(as: UInt8.self) ?? 0) != 0))
            case .int2: values.append(.int(Int64(bytes.readInteger(as: Int16.self) ?? 0)))
            case .int4: values.append(.int(Int64(bytes.readInteger(as: Int32.self) ?? 0)))
            case .int8: values.append(.int(bytes.readInteger(as: Int64.self) ?? 0))
            case .text, .varchar, .name, .bpchar, .json:
                values.append(.text(bytes.readString(length: bytes.readableBytes) ?? ""))
            default:
                throw VarselError(.io, "a prepared read returned a column \(cell.columnName) of type \(cell.dataType)",
                                  fix: "report this: prepared reads return text, integers and booleans only")
            }
        }
        return PGRow(layout: layout, values: values)
    }

    static func row(_ row: PostgresRow, _ layout: PGColumns) throws -> PGRow {
        var values: [PGValue] = []
        values.reserveCapacity(layout.names.count)
        for cell in row {
            guard cell.bytes != nil else { values.append(.null); continue }
            switch cell.dataType {
            case .bool: values.append(.bool(try cell.decode(Bool.self)))
            case .int2, .int4, .int8: values.append(.int(try cell.decode(Int64.self)))
            case .numeric: values.append(.int(Int64(try cell.decode(String.self)) ?? 0))
            default: values.append(.text(try cell.decode(String.self)))
            }
        }
        return PGRow(layout: layout, values: values)
    }
}

/// postgres-nio's and the server's errors, said as `VarselError`.
enum PGError {
    /// The server's SQLSTATE of an error, if it came from the server.
    static func sqlState(_ error: any Error) -> String? {
        if let e = error as? PSQLError { return e.serverInfo?[.sqlState] }
        // Prepared statements (`PGSession.cached`) report through postgres-nio's older error type.
        if case .server(let e)? = error as? PostgresError { return e.fields[.sqlState] }
        return nil
    }

    /// What went wrong on this side (postgres-nio hides details from `description`).
    static func clientMessage(_ error: any Error) -> String {
        guard let e = error as? PSQLError else { return String(describing: error) }
        var text = "\(e.code)"
        if let underlying = e.underlying { text += ": \(underlying)" }
        return text
    }

    static func serverMessage(_ error: any Error) -> String? {
        if let e = error as? PSQLError { return e.serverInfo?[.message] }
        if case .server(let e)? = error as? PostgresError { return e.fields[.message] }
        return nil
    }

    static func map(_ error: any Error, while doing: String? = nil) -> any Error {
        if error is VarselError { return error }
        // A caller's own error thrown through a transaction (a dry run's rollback) passes as it is;
        // only postgres-nio's and SwiftNIO's errors are the connection's.
        let module = String(reflecting: type(of: error)).prefix { $0 != "." }
        if doing == nil && !["PostgresNIO", "NIOCore", "NIOPosix", "NIOSSL"].contains(String(module)) { return error }
        let state = sqlState(error)
        let message = serverMessage(error) ?? clientMessage(error)
        switch state {
        case "42501", "25006":
            return VarselError(.conflict, "this database user may only read the portfolio (\(message))",
                               fix: "nothing was written; ask whoever ran `varsel team init` to grant you the editor role")
        case "40001", "40P01":
            return VarselError(.conflict, "another user changed the same records at the same time",
                               fix: "nothing was written; try again")
        case "28000", "28P01":
            return VarselError(.refusedDatabase, "the server refused the login: \(message)",
                               fix: "check the user and password (URL, PGPASSWORD or ~/.pgpass)")
        case "3D000":
            return VarselError(.refusedDatabase, "no such database: \(message)", fix: "create it first (createdb), then `varsel team init`")
        case .some:
            return VarselError(.conflict, "the database refused the change: \(message)", fix: "nothing was written")
        case nil:
            let what = doing.map { " while \($0)" } ?? ""
            return VarselError(.io, "PostgreSQL connection failed\(what): \(message)",
                               fix: "check that the server runs and the URL (host, port, database) is right")
        }
    }
}
