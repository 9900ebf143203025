import Foundation
import GRDB
import VarselKit

/// Read helpers for the workbench's paged agreements list: scrolling back, jumping to the end,
/// and finding where one agreement sits in the list (keyset order: title without case, then id).
extension SQLiteReading {
    /// The rows just before `before` in list order, returned in list order (for scrolling up).
    func agreements(filter: String? = nil, before: AgreementRow, limit: Int) throws -> [AgreementRow] {
        try read { db in
            var (sql, args) = Self.agreementListSQL(filter: filter)
            sql += " AND (a.title COLLATE NOCASE, a.id) < (?, ?) ORDER BY a.title COLLATE NOCASE DESC, a.id DESC LIMIT ?"
            args += [before.title, before.id, limit]
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.agreementRow).reversed()
        }
    }

    /// The last `limit` rows of the list, in list order (for `G`).
    func lastAgreements(filter: String? = nil, limit: Int) throws -> [AgreementRow] {
        try read { db in
            var (sql, args) = Self.agreementListSQL(filter: filter)
            sql += " ORDER BY a.title COLLATE NOCASE DESC, a.id DESC LIMIT ?"
            args.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.agreementRow).reversed()
        }
    }

    /// Where an agreement sits in the (filtered) list: its 0-based index and row; nil when the
    /// filter hides it or it does not exist.
    func agreementPosition(id: String, filter: String? = nil) throws -> (index: Int, row: AgreementRow)? {
        try read { db in
            var (sql, args) = Self.agreementListSQL(filter: filter)
            sql += " AND a.id = ?"
            args.append(id)
            guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(args)).map(Self.agreementRow) else { return nil }
            var (countSQL, countArgs) = Self.agreementListSQL(filter: filter)
            countSQL = "SELECT count(*) FROM (" + countSQL + " AND (a.title COLLATE NOCASE, a.id) < (?, ?))"
            countArgs += [row.title, row.id]
            let index = try Int.fetchOne(db, sql: countSQL, arguments: StatementArguments(countArgs)) ?? 0
            return (index, row)
        }
    }

    /// The list query up to its WHERE clause, with the same columns and filter as `agreements(filter:after:limit:)`:
    /// the folded filter of `searchAgreements`, tested once per query on `agreement_search`.
    static func agreementListSQL(filter: String?) -> (String, [any DatabaseValueConvertible]) {
        var sql = """
            SELECT a.id, a.title, a.kind, a.status, a.calendar, p.name AS counterparty,
              (SELECT min(d.act_by_date) FROM deadlines d WHERE d.agreement_id = a.id AND d.state = 'open') AS next_act_by
            FROM agreements a JOIN parties p ON p.id = a.counterparty_id
            WHERE 1
            """
        var args: [any DatabaseValueConvertible] = []
        if let (clause, fargs) = foldedMatch("s.folded", filter) {
            sql += " AND a.id IN (SELECT s.id FROM agreement_search s WHERE \(clause))"
            args += fargs
        }
        return (sql, args)
    }
}
