import Foundation
import VarselKit

/// Applies `PostgresSchema.migrations` in order, each in its own transaction, recording each in
/// `varsel_migrations`; refuses a database whose recorded migrations this binary does not know.
enum PostgresMigrator {
    static func prepare(_ db: PGSession, target: PostgresTarget, access: StorageAccess) throws {
        let exists = try db.one("SELECT to_regclass('varsel_migrations') IS NOT NULL AS present")?["present"].bool ?? false
        var applied: [String] = []
        if exists {
            applied = try db.query("SELECT id FROM varsel_migrations ORDER BY seq").compactMap { $0[0].string }
        } else {
            let tables = try db.int("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            if tables > 0 {
                throw VarselError(.refusedDatabase, "\(target.display) holds other tables and is not a Varsel portfolio",
                                  at: target.display, fix: "Nothing was changed. Name an empty database (createdb), or another schema")
            }
        }
        let known = PostgresSchema.migrations.map(\.id)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw VarselError(.refusedDatabase,
                              "\(target.display) was written by a newer Varsel (its schema is newer than this binary's: \(unknown))",
                              at: target.display, fix: "Nothing was changed. Upgrade varsel to open it")
        }
        let pending = PostgresSchema.migrations.filter { !applied.contains($0.id) }
        if pending.isEmpty { return }
        if access == .read {
            if exists { return }
            throw VarselError(.notFound, "\(target.display) holds no Varsel portfolio yet", at: target.display,
                              fix: "create it with `varsel team init \(target.display)`")
        }
        try db.query("SELECT pg_advisory_lock($1)", [.int(PGAudit.chainLock)])
        defer { _ = try? db.query("SELECT pg_advisory_unlock($1)", [.int(PGAudit.chainLock)]) }
        // Another process may have migrated while this one waited for the lock.
        let present = try exists || (db.one("SELECT to_regclass('varsel_migrations') IS NOT NULL")?[0].bool ?? false)
        let appliedNow: Set<String> = present ? Set(try db.query("SELECT id FROM varsel_migrations").compactMap { $0[0].string }) : []
        for m in PostgresSchema.migrations where !appliedNow.contains(m.id) {
            var sql = "BEGIN;\n"
            if appliedNow.isEmpty && m.id == PostgresSchema.migrations[0].id {
                sql += """
                    CREATE TABLE varsel_migrations (seq serial PRIMARY KEY, id text NOT NULL UNIQUE,
                        applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user);
                    \(PostgresSchema.functions)

                    """
            }
            sql += m.sql + "\nINSERT INTO varsel_migrations (id) VALUES ('\(m.id)');\nCOMMIT;"
            do { try db.script(sql) } catch {
                _ = try? db.query("ROLLBACK")
                throw error
            }
        }
    }
}

/// `varsel team init`: the schema and two roles, one that may only read the portfolio and one
/// that may edit it (neither may change or delete audit rows; the trigger refuses anyone).
public enum PostgresTeam {
    public struct Roles: Sendable, Equatable {
        public var readOnly: String, editor: String
    }

    /// The roles' names for a database: `<database>_readonly` and `<database>_editor`.
    public static func roles(for target: PostgresTarget) -> Roles {
        let base = target.database.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return Roles(readOnly: String(base) + "_readonly", editor: String(base) + "_editor")
    }

    /// Creates the schema (if missing) and the two roles (group roles without login: grant them
    /// to people's logins with `GRANT <role> TO anna`), and grants them what they may do.
    @discardableResult
    public static func initialize(url: String, environment: [String: String]) throws -> Roles {
        let store = try PostgresStorage.open(url: url, environment: environment, access: .create)
        let roles = roles(for: store.target)
        let db = store.session
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        try store.mapped {
            for role in [roles.readOnly, roles.editor] {
                try db.script("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role.replacingOccurrences(of: "'", with: "''"))') THEN
                            CREATE ROLE \(q(role)) NOLOGIN;
                        END IF;
                    END $$;
                    """)
            }
            let dbName = q(store.target.database), schema = q(store.target.schema ?? "public")
            try db.script("""
                GRANT CONNECT ON DATABASE \(dbName) TO \(q(roles.readOnly)), \(q(roles.editor));
                GRANT USAGE ON SCHEMA \(schema) TO \(q(roles.readOnly)), \(q(roles.editor));
                GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO \(q(roles.readOnly)), \(q(roles.editor));
                GRANT INSERT, UPDATE, DELETE ON parties, agreements, agreement_versions, clauses, agreement_documents, notice_rules,
                    sub_processors, change_notices, objections, events, terminations, deadlines, renewal_notices,
                    agreement_search, sub_processor_vendors
                    TO \(q(roles.editor));
                GRANT INSERT ON audit TO \(q(roles.editor));
                GRANT UPDATE ON change_seq TO \(q(roles.editor));
                REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM PUBLIC;
                """)
        }
        return roles
    }
}
