import Foundation

/// The benchmark on PostgreSQL (`varsel-bench --db postgres://…`): each size in a schema of its
/// own (`bench_<n>_s<seed>`), its size from the catalogue, and the floor is `psql` reading the
/// same rows as `varsel deadlines --within 90 --format json`.
enum PostgresBench {
    static func isURL(_ s: String) -> Bool { s.hasPrefix("postgres://") || s.hasPrefix("postgresql://") }

    /// The server URL pointed at `schema` (libpq's `options=-csearch_path=…`, which varsel reads too).
    static func url(_ base: String, schema: String) -> String {
        base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema
    }

    /// The real psql (Debian's /usr/bin/psql is a Perl wrapper that would add its start-up to the floor).
    static let psql: String = {
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for d in dirs.sorted(by: >) where FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(d)/bin/psql") {
            return "/usr/lib/postgresql/\(d)/bin/psql"
        }
        return "/usr/bin/psql"
    }()

    static func query(_ url: String, _ sql: String) -> String {
        Child.run(psql, ["-X", "-q", "-At", url, "-c", sql]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// After a bulk load, what autovacuum would soon do: statistics for the planner, and the
    /// `pg_trgm` GIN index's pending list merged (the filter's plan depends on both).
    static func vacuumAnalyze(_ url: String) {
        _ = query(url, "VACUUM ANALYZE")
    }

    static func hasPortfolio(_ url: String) -> Bool {
        (Int(query(url, "SELECT count(*) FROM agreements")) ?? 0) > 0
    }

    static func dropSchema(_ base: String, _ schema: String) {
        _ = Child.run(psql, ["-X", "-q", base, "-c", "DROP SCHEMA IF EXISTS \(schema) CASCADE"])
    }

    /// Tables, indexes and TOAST of the portfolio's schema.
    static func sizeMB(_ url: String) -> Double {
        let bytes = query(url, """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')
            """)
        return (Double(bytes) ?? 0) / 1_048_576
    }

    /// `varsel deadlines --within 90 --format json` next to psql reading the same rows (as JSON)
    /// from the same schema.
    static func deadlinesFloor(varsel: String, url: String, today: String) -> (ms: Double, floorMs: Double, rows: Int) {
        let horizon = DeadlinesFloor.dateAdding(today, days: 90)
        let sql = """
            SELECT json_agg(t) FROM (SELECT d.*, a.title AS agreement, p.name AS counterparty FROM deadlines d
              JOIN agreements a ON a.id = d.agreement_id JOIN parties p ON p.id = a.counterparty_id
              WHERE d.state = 'open' AND d.act_by_date <= '\(horizon)' ORDER BY d.act_by_date, d.id) t;
            SELECT json_agg(t) FROM (SELECT a.*, p.name AS counterparty, r.term FROM renewal_notices r
              JOIN agreements a ON a.id = r.agreement_id JOIN parties p ON p.id = a.counterparty_id
              WHERE r.act_by_date >= '\(today)' AND r.act_by_date <= '\(horizon)' AND r.active
                AND (r.prev_act_by_date IS NULL OR r.prev_act_by_date < '\(today)')
              ORDER BY r.agreement_id) t;
            """
        let command = ["deadlines", "--db", url, "--today", today, "--within", "90", "--format", "json"]
        var rows = 0
        let counted = Child.run(varsel, command)
        if let data = counted.stdout.data(using: .utf8), let arr = try? JSONSerialization.jsonObject(with: data) as? [Any] { rows = arr.count }
        let floorArgs = ["-X", "-q", "-At", url, "-c", sql]
        _ = Child.run(psql, floorArgs, discardOutput: true)
        var ours: [Double] = [], floor: [Double] = []
        for _ in 0..<9 {
            ours.append(Spawn.wallMs(varsel, command))
            floor.append(Spawn.wallMs(psql, floorArgs))
        }
        return (Stats.median(ours), Stats.median(floor), rows)
    }
}
