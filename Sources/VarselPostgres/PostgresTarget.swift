import Foundation
import VarselKit

/// Where a PostgreSQL portfolio lives and how to log in, as libpq users expect: the URL
/// `postgres://user:password@host:port/dbname?sslmode=require`, each missing part from `PGHOST`,
/// `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`, then libpq's defaults (localhost,
/// 5432, the login name, a database named as the user); a missing password from `~/.pgpass`
/// (or `PGPASSFILE`).
public struct PostgresTarget: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// `sslmode=require`, `verify-ca` or `verify-full`: connect with TLS or not at all.
    public var requireTLS: Bool
    /// `verify-ca` / `verify-full`: also check the server's certificate.
    public var verifyCertificate: Bool
    /// `prefer` (libpq's default): TLS when the server offers it, else a plain connection.
    public var preferTLS: Bool
    /// The schema the portfolio lives in (`options=-c search_path=NAME` in the URL, or
    /// `PGOPTIONS`); nil: the user's default (`public`). Lets several portfolios share a database.
    public var schema: String?

    /// Whether `location` names a PostgreSQL database rather than a file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// For messages: the URL without the password.
    public var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?options=-csearch_path%3D\($0)" } ?? "")
    }

    public init(url: String, environment: [String: String], loginName: String = OSUser.current()) throws {
        guard Self.isURL(url), let parts = URLComponents(string: url) else {
            throw VarselError(.invalidInput, "\"\(url)\" is not a PostgreSQL URL", at: "--db",
                              fix: "write it as postgres://user@host:5432/dbname")
        }
        let env = environment
        host = parts.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? env["PGHOST"] ?? "localhost"
        if let p = parts.port { port = p } else if let p = env["PGPORT"] {
            guard let n = Int(p), (1...65535).contains(n) else {
                throw VarselError(.invalidInput, "PGPORT \"\(p)\" is not a port number", at: "PGPORT", fix: "set it to e.g. 5432")
            }
            port = n
        } else { port = 5432 }
        user = parts.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? env["PGUSER"] ?? loginName
        let path = String(parts.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        database = path.isEmpty ? (env["PGDATABASE"] ?? user) : path
        var mode = env["PGSSLMODE"] ?? "prefer"
        schema = env["PGOPTIONS"].flatMap(Self.searchPath)
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode": mode = item.value ?? mode
            case "user": if let v = item.value { user = v }
            case "password": password = item.value
            case "host": if let v = item.value { host = v }
            case "port": if let v = item.value.flatMap(Int.init) { port = v }
            case "dbname": if let v = item.value { database = v }
            case "options": if let v = item.value { schema = Self.searchPath(v) ?? schema }
            default: break
            }
        }
        switch mode {
        case "disable", "allow": requireTLS = false; verifyCertificate = false; preferTLS = false
        case "prefer": requireTLS = false; verifyCertificate = false; preferTLS = true
        case "require": requireTLS = true; verifyCertificate = false; preferTLS = true
        case "verify-ca", "verify-full": requireTLS = true; verifyCertificate = true; preferTLS = true
        default:
            throw VarselError(.invalidInput, "sslmode \"\(mode)\" is not one libpq knows", at: "sslmode",
                              fix: "use disable, prefer, require, verify-ca or verify-full")
        }
        if password == nil { password = parts.password?.removingPercentEncoding ?? env["PGPASSWORD"] }
        if password == nil {
            let file = env["PGPASSFILE"] ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
            password = Self.pgpass(file: file, host: host, port: port, database: database, user: user)
        }
    }

    /// The schema of `-c search_path=NAME` (or `--search_path=NAME`) in libpq's `options`.
    static func searchPath(_ options: String) -> String? {
        let flat = options.replacingOccurrences(of: "-c ", with: "-c").replacingOccurrences(of: "--", with: "-c")
        for part in flat.split(separator: " ") where part.hasPrefix("-csearch_path=") {
            let name = part.dropFirst("-csearch_path=".count)
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }

    /// The password of the first `host:port:database:user:password` line of a pgpass file that
    /// matches (`*` matches anything; `\:` and `\\` are escapes). libpq ignores a file others can read.
    static func pgpass(file: String, host: String, port: Int, database: String, user: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            return nil
        }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [], current = "", escaped = false
            for ch in line {
                if escaped { current.append(ch); escaped = false } else if ch == "\\" { escaped = true } else if ch == ":" {
                    fields.append(current); current = ""
                } else { current.append(ch) }
            }
            fields.append(current)
            guard fields.count >= 5 else { continue }
            let wanted = [host, String(port), database, user]
            let hostMatches = fields[0] == "*" || fields[0] == host || (fields[0] == "localhost" && host == "127.0.0.1")
            if hostMatches && zip(fields[1...3], wanted[1...3]).allSatisfy({ $0 == "*" || $0 == $1 }) {
                return fields[4...].joined(separator: ":")
            }
        }
        return nil
    }
}
