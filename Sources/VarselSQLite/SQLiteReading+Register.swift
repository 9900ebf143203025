import Foundation
import GRDB
import VarselKit

/// The sub-processor register in pages: `GROUP BY name COLLATE NOCASE` in name order, with keyset
/// paging on the name (index `sub_processors_register` covers the scan). A filter keeps the
/// sub-processors whose name, org number, or any use's country, purpose or agreement title contains
/// it (SQL `LIKE`); the matching entry keeps all its uses. Grouping folds ASCII case only; the
/// filter folds Unicode (`SearchFold`) only when it holds a non-ASCII letter: folding every row in
/// Swift made a full scan ~3× slower, and an ASCII filter needs no more than `LIKE`.
extension SQLiteReading {
    func subProcessorVendors(filter: String?, after: String? = nil, before: String? = nil,
                                    last: Bool = false, limit: Int) throws -> [SubProcessorVendor] {
        guard let (having, hargs) = Self.registerFilter(filter) else {
            return try summaryVendors(after: after, before: before, last: last, limit: limit)
        }
        return try vendorPage("""
            SELECT min(s.name) AS name, min(s.org_number) AS org_number, count(DISTINCT s.agreement_id) AS agreements,
              count(*) AS uses, group_concat(DISTINCT s.country) AS countries, \(Schema.statusesSQL) AS statuses
            FROM sub_processors s INDEXED BY sub_processors_register
            """, key: "s.name COLLATE NOCASE", groupAndFilter: (" GROUP BY s.name COLLATE NOCASE HAVING " + having, hargs),
            after: after, before: before, last: last, limit: limit)
    }

    /// Unfiltered pages straight from `sub_processor_vendors` (one row per name, kept by
    /// triggers): a page costs its own rows, however many uses stand behind them.
    func summaryVendors(after: String?, before: String?, last: Bool, limit: Int) throws -> [SubProcessorVendor] {
        try vendorPage("SELECT name, org_number, agreements, uses, countries, statuses FROM sub_processor_vendors",
                       key: "name", after: after, before: before, last: last, limit: limit)
    }

    /// One keyset page of vendors ordered by `key`: the rows after `after`, the rows just before
    /// `before` (read backwards), or the last page; `groupAndFilter` goes between the keyset
    /// condition and the ORDER BY.
    private func vendorPage(_ select: String, key: String,
                            groupAndFilter: (String, [any DatabaseValueConvertible]) = ("", []),
                            after: String?, before: String?, last: Bool, limit: Int) throws -> [SubProcessorVendor] {
        try read { db in
            var sql = select + " WHERE 1"
            var args: [any DatabaseValueConvertible] = []
            var descending = last
            if let after {
                sql += " AND \(key) > ?"; args.append(after)
            } else if let before {
                sql += " AND \(key) < ?"; args.append(before); descending = true
            }
            sql += groupAndFilter.0
            args += groupAndFilter.1
            sql += descending ? " ORDER BY \(key) DESC LIMIT ?" : " ORDER BY \(key) LIMIT ?"
            args.append(limit)
            // Statuses come with the row (kept in the summary since v18_vendor_statuses; grouped for a filter).
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.vendor)
            return descending ? rows.reversed() : rows
        }
    }

    static func vendor(_ row: Row) -> SubProcessorVendor {
        let countries: String = row["countries"] ?? ""
        var v = SubProcessorVendor(name: row["name"], orgNumber: row["org_number"], agreements: row["agreements"],
                                   uses: row["uses"], countries: countries.split(separator: ",").map(String.init).sorted())
        let statuses: String = row["statuses"] ?? ""
        let found = Set(statuses.split(separator: ",").compactMap { SubProcessorStatus(rawValue: String($0)) })
        v.statuses = SubProcessorVendor.attentionOrder.filter(found.contains)
        return v
    }

    /// How many sub-processors (names without case) the register shows under `filter`.
    func subProcessorVendorCount(filter: String?) throws -> Int {
        try read { db in
            guard let (having, args) = Self.registerFilter(filter) else {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM sub_processor_vendors") ?? 0
            }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM sub_processors s INDEXED BY sub_processors_register
                GROUP BY s.name COLLATE NOCASE HAVING \(having))
                """, arguments: StatementArguments(args)) ?? 0
        }
    }

    /// The uses of one sub-processor (name without case), in agreement-title order, at most `limit`:
    /// read in order from `sub_processors_uses` (name, agreement title), so the cost is the rows
    /// returned, not all the name's uses. Counterparties come from `agreement_search`.
    func subProcessorUses(name: String, limit: Int = 500) throws -> [SubProcessorRegisterEntry.Use] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, s.agreement_title AS agreement_title, a.counterparty AS counterparty
                FROM sub_processors s INDEXED BY sub_processors_uses
                JOIN agreement_search a ON a.id = s.agreement_id
                WHERE s.name = ? COLLATE NOCASE
                ORDER BY s.agreement_title COLLATE NOCASE, s.id LIMIT ?
                """, arguments: [name, limit]).map { row in
                let s = try SubProcessor(row: row)
                return SubProcessorRegisterEntry.Use(subProcessorId: s.id, agreementId: s.agreementId,
                                                     agreementTitle: row["agreement_title"], counterparty: row["counterparty"],
                                                     country: s.country, purpose: s.purpose, status: s.status, since: s.since, statusText: s.statusText)
            }
        }
    }

    /// HAVING clause: some row of the group matches. Agreement titles are matched through
    /// `agreement_search` once per query, not once per row. An ASCII filter uses `LIKE` (which
    /// ignores ASCII case, fast); a filter with other letters ("åbo", "ØRE") compares
    /// `SearchFold`-folded text on both sides, so "åbo" finds "Åbo Datacenter Oy".
    static func registerFilter(_ filter: String?) -> (String, [any DatabaseValueConvertible])? {
        guard let f = filter?.trimmingCharacters(in: .whitespaces), !f.isEmpty else { return nil }
        if !f.utf8.allSatisfy({ $0 < 0x80 }) {
            let p = "%" + escapeLike(SearchFold.fold(f)) + "%"
            return ("""
                max(varsel_fold(s.name) LIKE ? ESCAPE '\\' OR varsel_fold(s.org_number) LIKE ? ESCAPE '\\'
                    OR varsel_fold(s.country) LIKE ? ESCAPE '\\' OR varsel_fold(s.purpose) LIKE ? ESCAPE '\\'
                    OR s.agreement_id IN (SELECT id FROM agreement_search WHERE varsel_fold(title) LIKE ? ESCAPE '\\'))
                """, [p, p, p, p, p])
        }
        let p = "%" + escapeLike(f) + "%"
        return ("""
            max(s.name LIKE ? ESCAPE '\\' OR s.org_number LIKE ? ESCAPE '\\' OR s.country LIKE ? ESCAPE '\\'
                OR s.purpose LIKE ? ESCAPE '\\' OR s.agreement_id IN (SELECT id FROM agreement_search WHERE title LIKE ? ESCAPE '\\'))
            """, [p, p, p, p, p])
    }
}
