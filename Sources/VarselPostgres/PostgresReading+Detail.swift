import Foundation
import VarselKit

/// One agreement, the notices list, the sub-processor register: SQLite's queries on PostgreSQL.
extension PostgresReading {
    /// One agreement with everything that belongs to it, in ONE statement: each part is a JSON
    /// array (`json_agg` of whole rows) decoded through `PGRowDecoder` as if it had come as rows.
    /// The first cut sent sixteen statements (a round trip each); moving the cursor in the
    /// agreements list reads a detail, so round trips were most of a key's cost.
    func detail(agreementId: String) throws -> AgreementDetail {
        try one { db in
            guard let row = try db.cached(Self.detailSQL, [.text(agreementId)]).first,
                  let a = try PGJSONRows.rows(row["agreement"]).first.map({ try PGRecordCoding.decode(Agreement.self, $0) }) else {
                throw VarselError(.notFound, "No agreement with id \"\(agreementId)\"", fix: "List agreements with `varsel agreements`")
            }
            func records<R: Decodable>(_ type: R.Type, _ column: String) throws -> [R] {
                try PGJSONRows.rows(row[column]).map { try PGRecordCoding.decode(R.self, $0) }
            }
            let clauses = try records(Clause.self, "clauses")
            let rules = try records(NoticeRule.self, "rules")
                .enumerated().sorted { x, y in
                    ClauseOrder.areInOrder(x.element.clauseRef, y.element.clauseRef)
                        || (!ClauseOrder.areInOrder(y.element.clauseRef, x.element.clauseRef) && x.offset < y.offset)
                }.map(\.element)
            return AgreementDetail(
                agreement: a,
                counterparty: try records(Party.self, "counterparty").first ?? Party(id: a.counterpartyId, name: a.counterpartyId),
                ourParty: try records(Party.self, "our_party").first,
                parent: try PGJSONRows.rows(row["parent"]).first.map(Self.row),
                children: try PGJSONRows.rows(row["children"]).map(Self.row),
                versions: try records(AgreementVersion.self, "versions"),
                clauses: clauses,
                rules: (rules + StatutoryRules.rules(for: a)).map { context.ruleView($0, clauses: clauses, calendar: a.calendar) },
                subProcessors: try records(SubProcessor.self, "sub_processors"),
                changeNotices: try records(ChangeNotice.self, "notices"), objections: try records(Objection.self, "objections"),
                terminations: try records(TerminationNotice.self, "terminations"),
                events: try records(AgreementEvent.self, "events"),
                deadlines: try records(Deadline.self, "deadlines"),
                renewal: context.renewalDeadline(a), history: try records(AuditEntry.self, "history"))
        }
    }

    /// The detail's statement: one column per part, each a JSON array of rows in the order the
    /// SQLite backend reads them (`$1` the agreement's id).
    static let detailSQL: String = {
        func rows(_ alias: String, _ from: String, order: String) -> String {
            "(SELECT json_agg(\(alias) ORDER BY \(order))::text FROM \(from))"
        }
        let parts: [(String, String)] = [
            ("agreement", "(SELECT json_agg(x)::text FROM agreements x WHERE x.id = $1)"),
            ("counterparty", "(SELECT json_agg(x)::text FROM parties x WHERE x.id = (SELECT counterparty_id FROM agreements WHERE id = $1))"),
            ("our_party", "(SELECT json_agg(x)::text FROM parties x WHERE x.id = (SELECT our_party_id FROM agreements WHERE id = $1))"),
            ("parent", """
                (SELECT json_agg(x)::text FROM (SELECT a.id, a.title, a.kind, a.status, a.calendar, p.name AS counterparty, NULL AS next_act_by
                  FROM agreements a JOIN parties p ON p.id = a.counterparty_id
                  WHERE a.id = (SELECT parent_id FROM agreements WHERE id = $1)) x)
                """),
            ("children", rows("x", "(\(listSelect) WHERE a.parent_id = $1) x", order: "x.title, x.id")),
            ("versions", rows("x", "agreement_versions x WHERE x.agreement_id = $1", order: "x.id")),
            ("clauses", rows("x", "clauses x WHERE x.agreement_id = $1", order: "x.id")),
            ("rules", rows("x", "notice_rules x WHERE x.agreement_id = $1", order: "x.id")),
            ("sub_processors", rows("x", "sub_processors x WHERE x.agreement_id = $1", order: "x.name, x.id")),
            ("notices", rows("x", "change_notices x WHERE x.agreement_id = $1", order: "x.received_date DESC, x.id")),
            ("objections", rows("o", "objections o JOIN change_notices n ON n.id = o.change_notice_id WHERE n.agreement_id = $1",
                                order: "o.date, o.id")),
            ("terminations", rows("x", "terminations x WHERE x.agreement_id = $1", order: "x.notice_date, x.id")),
            ("events", rows("x", "events x WHERE x.agreement_id = $1", order: "x.date, x.id")),
            ("deadlines", rows("x", "deadlines x WHERE x.agreement_id = $1", order: "x.state DESC, x.act_by_date, x.id")),
            ("history", rows("h", "(\(historySQL)) h", order: "h.id DESC")),
        ]
        return "SELECT " + parts.map { "\($0.1) AS \($0.0)" }.joined(separator: ",\n  ")
    }()

    /// An agreement's history, as on SQLite (`SQLiteReading.historySQL`): the audit rows of the
    /// agreement and of every record `RecordRegistry` links to it, through `audit_entity_id`.
    static let historySQL: String = {
        var ids = ["SELECT $1::text"]
        for kind in RecordRegistry.kinds {
            switch kind.agreementLink {
            case .none, .isAgreement:
                continue
            case .column(let column):
                ids.append("SELECT id FROM \(kind.table) WHERE \(column) = $1")
            case .through(let parentKey, let column):
                guard let parent = RecordRegistry.kind(key: parentKey), case .column(let parentColumn) = parent.agreementLink else {
                    preconditionFailure("\(kind.key) names its agreement through \(parentKey), which has no agreement column")
                }
                ids.append("SELECT c.id FROM \(kind.table) c JOIN \(parent.table) p ON p.id = c.\(column) WHERE p.\(parentColumn) = $1")
            }
        }
        return "SELECT * FROM audit WHERE entity_id IN (" + ids.joined(separator: " UNION ALL ") + ") ORDER BY id DESC"
    }()

    func notices(filter: String?, limit: Int) throws -> [NoticeRow] {
        try store.snapshot { tx in
            var rows: [NoticeRow] = []
            let changes = try tx.db.query("""
                SELECT n.*, a.title AS agreement_title__, s.name AS sub_name__ FROM change_notices n
                JOIN agreements a ON a.id = n.agreement_id LEFT JOIN sub_processors s ON s.id = n.sub_processor_id
                WHERE n.received_date >= coalesce((SELECT received_date FROM change_notices ORDER BY received_date DESC
                                                    LIMIT 1 OFFSET \(max(0, limit - 1))), '')
                ORDER BY n.received_date DESC, n.id
                """)
            let changeWindows = try Self.windows(tx, kind: "change_notice", openOnly: false, ids: changes.map { $0.text("id") })
            for row in changes {
                let n = try PGRecordCoding.decode(ChangeNotice.self, row)
                let window = changeWindows[n.id]
                let sub = row["sub_name__"].string
                rows.append(NoticeRow(kind: .change, id: n.id, agreementId: n.agreementId, agreementTitle: row.text("agreement_title__"),
                                      date: n.receivedDate, summary: (n.givenBy == .us ? "Our notice — " : "") + n.kind.label + ": " + (sub ?? n.summary),
                                      status: n.statusText, isOpen: n.status == .open, window: window, givenBy: n.givenBy,
                                      flag: n.transferFlag))
            }
            let terms = try tx.db.query("""
                SELECT t.*, a.title AS agreement_title__ FROM terminations t JOIN agreements a ON a.id = t.agreement_id
                WHERE t.notice_date >= coalesce((SELECT notice_date FROM terminations ORDER BY notice_date DESC
                                                 LIMIT 1 OFFSET \(max(0, limit - 1))), '')
                ORDER BY t.notice_date DESC, t.id
                """)
            let termWindows = try Self.windows(tx, kind: "termination", openOnly: true, ids: terms.map { $0.text("id") })
            for row in terms {
                let t = try PGRecordCoding.decode(TerminationNotice.self, row)
                let window = termWindows[t.id]
                rows.append(NoticeRow(kind: .termination, id: t.id, agreementId: t.agreementId, agreementTitle: row.text("agreement_title__"),
                                      date: t.noticeDate, summary: "Termination \(t.givenBy == .us ? "given by us" : "received") — ends \(t.endDate.iso)",
                                      status: t.withdrawnDate.map { "withdrawn \($0.iso)" } ?? (t.givenBy == .us ? "given" : "received"),
                                      isOpen: t.withdrawnDate == nil && t.endDate >= today, window: window, givenBy: t.givenBy))
            }
            if let f = filter?.lowercased(), !f.isEmpty {
                rows = rows.filter { ($0.summary + " " + $0.agreementTitle + " " + $0.id).lowercased().contains(f) }
            }
            return rows.sorted { ($0.isOpen ? 0 : 1, -$0.date.dayNumber, $0.id) < ($1.isOpen ? 0 : 1, -$1.date.dayNumber, $1.id) }
        }
    }

    /// The window shown beside each of `ids` (see SQLite's `windows`), in one query for the list
    /// (the first cut read one per notice: 500 round trips for a full Notices view).
    static func windows(_ tx: PostgresTransaction, kind: String, openOnly: Bool, ids: [String]) throws -> [String: Deadline] {
        guard !ids.isEmpty else { return [:] }
        let all = try tx.fetch(Deadline.self, """
            SELECT * FROM deadlines WHERE source_kind = $1 AND source_id = ANY($2::text[])
            \(openOnly ? "AND state = 'open'" : "") ORDER BY source_id, state DESC, act_by_date, id
            """, [.text(kind), PostgresTransaction.array(ids)])
        var first: [String: Deadline] = [:]
        for d in all where first[d.sourceId] == nil { first[d.sourceId] = d }
        return first
    }

    // MARK: Sub-processor register

    /// "`column` contains the filter": SQLite's `LIKE` (ASCII case ignored) for an ASCII filter,
    /// the folded text on both sides (`SearchFold`) for any other.
    static func contains(_ column: String, _ n: Int, folded: Bool) -> String {
        folded ? "strpos(varsel_fold(\(column)), $\(n)) > 0" : "strpos(varsel_nocase(\(column)), varsel_nocase($\(n))) > 0"
    }

    func subProcessorRegister(filter: String?, agreementId: String?) throws -> [SubProcessorRegisterEntry] {
        try store.snapshot { tx in
            var sql = """
                SELECT s.*, a.title AS agreement_title__, p.name AS counterparty__
                FROM sub_processors s JOIN agreements a ON a.id = s.agreement_id JOIN parties p ON p.id = a.counterparty_id
                WHERE true
                """
            var binds: [PGValue] = []
            if let agreementId { binds.append(.text(agreementId)); sql += " AND s.agreement_id = $\(binds.count)" }
            if let f = filter?.trimmingCharacters(in: .whitespaces), !f.isEmpty {
                binds.append(.text(f))
                let n = binds.count
                sql += " AND (" + ["s.name", "s.purpose", "s.country", "a.title"].map { Self.contains($0, n, folded: false) }
                    .joined(separator: " OR ") + ")"
            }
            sql += " ORDER BY varsel_nocase(s.name), varsel_nocase(a.title), s.id"
            var entries: [SubProcessorRegisterEntry] = []
            for row in try tx.db.query(sql, binds) {
                let s = try PGRecordCoding.decode(SubProcessor.self, row)
                let use = SubProcessorRegisterEntry.Use(subProcessorId: s.id, agreementId: s.agreementId,
                                                        agreementTitle: row.text("agreement_title__"), counterparty: row.text("counterparty__"),
                                                        country: s.country, purpose: s.purpose, status: s.status, since: s.since, statusText: s.statusText)
                if let last = entries.indices.last, entries[last].name.lowercased() == s.name.lowercased() {
                    entries[last].uses.append(use)
                    if entries[last].orgNumber == nil { entries[last].orgNumber = s.orgNumber }
                } else {
                    entries.append(SubProcessorRegisterEntry(name: s.name, orgNumber: s.orgNumber, uses: [use]))
                }
            }
            return entries
        }
    }

    /// The grouped register's filter as a HAVING clause (some row of the group matches), its
    /// parameter being `$n`.
    static func registerHaving(_ filter: String?, _ n: Int) -> (String, PGValue)? {
        guard let f = filter?.trimmingCharacters(in: .whitespaces), !f.isEmpty else { return nil }
        let folded = !f.utf8.allSatisfy { $0 < 0x80 }
        let tests = ["s.name", "s.org_number", "s.country", "s.purpose"].map { contains($0, n, folded: folded) }
            + ["s.agreement_id IN (SELECT id FROM agreements WHERE \(contains("title", n, folded: folded)))"]
        return ("bool_or(coalesce(" + tests.joined(separator: ", false) OR coalesce(") + ", false))",
                .text(folded ? SearchFold.fold(f) : f))
    }

    /// One keyset page of the register: unfiltered from the `sub_processor_vendors` table (one row
    /// per name, its statuses included: one query per page), filtered by grouping the matching
    /// names' rows as SQLite does.
    func subProcessorVendors(filter: String?, after: String?, before: String?, last: Bool, limit: Int) throws -> [SubProcessorVendor] {
        try one { db in
            var binds: [PGValue] = []
            var sql: String
            let key: String
            var descending = last
            var keyset = ""
            if let after { binds.append(.text(after)); keyset = " > varsel_nocase($1)" }
            else if let before { binds.append(.text(before)); keyset = " < varsel_nocase($1)"; descending = true }
            if let (having, value) = Self.registerHaving(filter, binds.count + 1) {
                binds.append(value)
                key = "varsel_nocase(s.name)"
                sql = """
                    SELECT min(s.name) AS name, min(s.org_number) AS org_number, count(DISTINCT s.agreement_id) AS agreements,
                      count(*) AS uses, string_agg(DISTINCT s.country, ',') AS countries, string_agg(DISTINCT s.status, ',') AS statuses
                    FROM sub_processors s WHERE true \(keyset.isEmpty ? "" : "AND " + key + keyset)
                    GROUP BY \(key) HAVING \(having)
                    """
            } else {
                key = "key"
                sql = "SELECT name, org_number, agreements, uses, countries, statuses FROM sub_processor_vendors WHERE true"
                    + (keyset.isEmpty ? "" : " AND " + key + keyset)
            }
            sql += descending ? " ORDER BY \(key) DESC" : " ORDER BY \(key)"
            sql += " LIMIT \(max(0, limit))"
            let filtered = key != "key"
            let rows = try (filtered ? db.query(sql, binds) : db.cached(sql, binds)).map { r in
                var v = SubProcessorVendor(name: r.text("name"), orgNumber: r["org_number"].string, agreements: r["agreements"].int ?? 0,
                                           uses: r["uses"].int ?? 0,
                                           countries: (r["countries"].string ?? "").split(separator: ",").map(String.init).sorted())
                let found = Set((r["statuses"].string ?? "").split(separator: ",").compactMap { SubProcessorStatus(rawValue: String($0)) })
                v.statuses = SubProcessorVendor.attentionOrder.filter(found.contains)
                return v
            }
            return descending ? rows.reversed() : rows
        }
    }

    func subProcessorVendorCount(filter: String?) throws -> Int {
        try one { db in
            guard let (having, value) = Self.registerHaving(filter, 1) else {
                return try db.int("SELECT count(*) FROM sub_processor_vendors")
            }
            return try db.int("SELECT count(*) FROM (SELECT 1 FROM sub_processors s GROUP BY varsel_nocase(s.name) HAVING \(having)) AS v",
                              [value])
        }
    }

    func subProcessorUses(name: String, limit: Int) throws -> [SubProcessorRegisterEntry.Use] {
        try one { db in
            try db.cached("""
                SELECT s.*, a.title AS agreement_title__, p.name AS counterparty__
                FROM sub_processors s JOIN agreements a ON a.id = s.agreement_id JOIN parties p ON p.id = a.counterparty_id
                WHERE varsel_nocase(s.name) = varsel_nocase($1)
                ORDER BY varsel_nocase(a.title), s.id LIMIT \(max(0, limit))
                """, [.text(name)]).map { row in
                let s = try PGRecordCoding.decode(SubProcessor.self, row)
                return SubProcessorRegisterEntry.Use(subProcessorId: s.id, agreementId: s.agreementId,
                                                     agreementTitle: row.text("agreement_title__"), counterparty: row.text("counterparty__"),
                                                     country: s.country, purpose: s.purpose, status: s.status, since: s.since, statusText: s.statusText)
            }
        }
    }
}
