import Foundation
import GRDB
import VarselKit

/// The workbench's agreements list through `agreement_search` (migrations v2-search, v3-folded-search):
/// the same rows, order and filter as `agreements(filter:after:limit:)` — title without case (ASCII)
/// then id; a filter matches when the folded title, counterparty name or id contains the folded
/// filter (`SearchFold`: Unicode lowercase, "øre" finds "Øresund") — but a filter scans a narrow
/// table clustered in list order instead of every agreement row and its party.
extension SQLiteReading {
    /// A page of the list in list order: the first page, the rows after `after`, or (with `before`)
    /// the rows just before it.
    func searchAgreements(filter: String?, includeArchived: Bool = true, after: AgreementRow? = nil,
                          before: AgreementRow? = nil, limit: Int) throws -> [AgreementRow] {
        try read { db in
            var (sql, args) = Self.searchSQL(filter: filter, includeArchived: includeArchived)
            var descending = false
            if let after {
                sql += " AND (s.title, s.id) > (?, ?)"
                args += [after.title, after.id]
            } else if let before {
                sql += " AND (s.title, s.id) < (?, ?)"
                args += [before.title, before.id]
                descending = true
            }
            sql += descending ? " ORDER BY s.title DESC, s.id DESC LIMIT ?" : " ORDER BY s.title, s.id LIMIT ?"
            args.append(limit)
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.agreementRow)
            return descending ? rows.reversed() : rows
        }
    }

    /// The last `limit` rows of the (filtered) list, in list order.
    func searchLastAgreements(filter: String?, includeArchived: Bool = true, limit: Int) throws -> [AgreementRow] {
        try read { db in
            var (sql, args) = Self.searchSQL(filter: filter, includeArchived: includeArchived)
            sql += " ORDER BY s.title DESC, s.id DESC LIMIT ?"
            args.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.agreementRow).reversed()
        }
    }

    /// How many agreements match `filter` (all agreements without one). Without `includeArchived`,
    /// the archived ones that match are counted through `agreements_archived` (few rows) and taken
    /// off, so the count never joins every agreement.
    func searchCount(filter: String?, includeArchived: Bool = true) throws -> Int {
        try read { db in
            let all: Int
            if let (clause, args) = Self.searchFilter(filter) {
                all = try Int.fetchOne(db, sql: "SELECT count(*) FROM agreement_search s WHERE " + clause,
                                       arguments: StatementArguments(args)) ?? 0
            } else {
                all = try Int.fetchOne(db, sql: "SELECT count(*) FROM agreement_search") ?? 0
            }
            guard !includeArchived else { return all }
            let (sql, args) = Self.archivedCountSQL(filter: filter, before: nil)
            return all - (try Int.fetchOne(db, sql: sql, arguments: StatementArguments(args)) ?? 0)
        }
    }

    /// Counts the archived agreements matching `filter` (before `before` in list order, if given),
    /// reading only the partial index `agreements_archived` and, with a filter, their search rows.
    static func archivedCountSQL(filter: String?, before: AgreementRow?) -> (String, [any DatabaseValueConvertible]) {
        var sql = "SELECT count(*) FROM agreements a INDEXED BY agreements_archived"
        var args: [any DatabaseValueConvertible] = []
        let match = searchFilter(filter)
        if match != nil { sql += " JOIN agreement_search s ON s.id = a.id" }
        sql += " WHERE a.status = 'ended'"
        if let before {
            sql += " AND (a.title COLLATE NOCASE < ? OR (a.title COLLATE NOCASE = ? AND a.id < ?))"
            args += [before.title, before.title, before.id]
        }
        if let (clause, fargs) = match {
            sql += " AND " + clause
            args += fargs
        }
        return (sql, args)
    }

    /// Where an agreement sits in the (filtered) list: its 0-based index and row; nil when the
    /// filter hides it or it does not exist.
    func searchPosition(id: String, filter: String?, includeArchived: Bool = true) throws -> (index: Int, row: AgreementRow)? {
        try read { db in
            var (sql, args) = Self.searchSQL(filter: filter, includeArchived: includeArchived)
            sql += " AND s.id = ?"
            args.append(id)
            guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(args)).map(Self.agreementRow) else { return nil }
            var countSQL = "SELECT count(*) FROM agreement_search s WHERE (s.title, s.id) < (?, ?)"
            var countArgs: [any DatabaseValueConvertible] = [row.title, row.id]
            if let (clause, fargs) = Self.searchFilter(filter) {
                countSQL += " AND " + clause
                countArgs += fargs
            }
            var index = try Int.fetchOne(db, sql: countSQL, arguments: StatementArguments(countArgs)) ?? 0
            if !includeArchived {
                let (archivedSQL, archivedArgs) = Self.archivedCountSQL(filter: filter, before: row)
                index -= try Int.fetchOne(db, sql: archivedSQL, arguments: StatementArguments(archivedArgs)) ?? 0
            }
            return (index, row)
        }
    }

    /// The filter on `agreement_search s`, or nil when there is none (or only spaces).
    static func searchFilter(_ filter: String?) -> (String, [any DatabaseValueConvertible])? {
        foldedMatch("s.folded", filter)
    }

    /// "`column` contains the trimmed, folded filter" (`column` holds an `agreement_search.folded`
    /// key), or nil when the filter is empty. A filter holding the key's field separator (U+001F)
    /// could only match across two fields, so it matches nothing.
    ///
    /// The test is `LIKE '%…%'` with the folded filter escaped: both sides are already lowercase, so
    /// LIKE's ASCII case rule changes nothing, and on SQLite 3.40 it scans ~1.5× faster than `instr`.
    static func foldedMatch(_ column: String, _ filter: String?) -> (String, [any DatabaseValueConvertible])? {
        guard let f = filter?.trimmingCharacters(in: .whitespaces), !f.isEmpty else { return nil }
        let needle = SearchFold.fold(f)
        if needle.utf8.contains(SearchFold.separator) { return ("0", []) }
        return ("\(column) LIKE ? ESCAPE '\\'", ["%" + escapeLike(needle) + "%"])
    }

    /// The list query up to its WHERE clause: the filter is tested on the narrow table first, and
    /// only matching rows are joined to the `agreements_list` index (kind, status, calendar); title
    /// and counterparty come from `agreement_search` itself, so no wide agreement row is read.
    static func searchSQL(filter: String?, includeArchived: Bool = true) -> (String, [any DatabaseValueConvertible]) {
        var sql = """
            SELECT s.id, s.title, a.kind, a.status, a.calendar, s.counterparty,
              (SELECT min(d.act_by_date) FROM deadlines d WHERE d.agreement_id = s.id AND d.state = 'open') AS next_act_by
            FROM agreement_search s
            CROSS JOIN agreements a INDEXED BY agreements_list ON a.id = s.id
            WHERE 1
            """
        // The status comes from the agreements_list index the join reads anyway: no extra row is read.
        if !includeArchived { sql += " AND " + activeCondition("a") }
        var args: [any DatabaseValueConvertible] = []
        if let (clause, fargs) = searchFilter(filter) {
            sql += " AND " + clause
            args += fargs
        }
        return (sql, args)
    }
}
