import Foundation
import GRDB
import VarselKit

extension SQLiteReading {
    /// The list query up to its WHERE clause, with the same columns and filter as `agreements(filter:after:limit:)`:
    /// the folded filter of `searchAgreements`, tested once per query on `agreement_search`.
    /// Archived agreements (status ended) only with `includeArchived`.
    static func agreementListSQL(filter: String?, includeArchived: Bool = true) -> (String, [any DatabaseValueConvertible]) {
        var sql = """
            SELECT a.id, a.title, a.kind, a.status, a.calendar, p.name AS counterparty,
              (SELECT min(d.act_by_date) FROM deadlines d WHERE d.agreement_id = a.id AND d.state = 'open') AS next_act_by
            FROM agreements a JOIN parties p ON p.id = a.counterparty_id
            WHERE 1
            """
        if !includeArchived { sql += " AND " + activeCondition("a") }
        var args: [any DatabaseValueConvertible] = []
        if let (clause, fargs) = foldedMatch("s.folded", filter) {
            sql += " AND a.id IN (SELECT s.id FROM agreement_search s WHERE \(clause))"
            args += fargs
        }
        return (sql, args)
    }

    /// "Not archived" on the agreements row `alias` (read from the `agreements_list` index).
    static func activeCondition(_ alias: String) -> String { "\(alias).status <> 'ended'" }
}
