import Foundation
import VarselKit

/// `PortfolioReading` on PostgreSQL: the SQLite backend's queries in PostgreSQL's dialect — the
/// same rows in the same order. SQLite's `COLLATE NOCASE` is `varsel_nocase(…)` over `"C"` text,
/// `json_extract` is `::jsonb ->>`, the folded filter is `LIKE '%…%'` on `agreement_search.folded` (a `pg_trgm` index).
/// Each call reads one REPEATABLE READ snapshot.
struct PostgresReading: PortfolioReading {
    let store: PostgresStorage
    let context: ReadContext
    var today: CivilDate { context.today }

    func read<T>(_ body: (PGSession) throws -> T) throws -> T { try store.snapshot { tx in try body(tx.db) } }
    /// A read of one statement (no transaction round trips; see `PostgresStorage.statement`).
    func one<T>(_ body: (PGSession) throws -> T) throws -> T { try store.statement(body) }

    // MARK: Agenda

    func agenda(within: Int) throws -> [AgendaItem] {
        let horizon = today.adding(days: within)
        return try read { db in
            let stored = try storedItems(db, horizon: horizon)
            let renewals = try renewalItems(db, horizon: horizon)
            return ReadContext.merge(stored, renewals, by: Self.before)
        }
    }

    static func before(_ a: AgendaItem, _ b: AgendaItem) -> Bool {
        (a.deadline.actByDate, a.deadline.id) < (b.deadline.actByDate, b.deadline.id)
    }

    func agendaHead(limit: Int) throws -> AgendaHead {
        let horizon = today.adding(days: 90)
        let d14 = today.adding(days: 14), d30 = today.adding(days: 30)
        return try read { db in
            let stored = try storedItems(db, horizon: horizon, limit: limit)
            let renewals = try renewalItems(db, horizon: horizon, limit: limit)
            let items = Array(ReadContext.merge(stored, renewals, by: Self.before).prefix(limit))
            var counts = AgendaCounts()
            let handled = try Self.storedRenewalIds(db)
            let handledClause = handled.isEmpty ? "" : """
                AND 'dl-term-' || r.agreement_id || '-' || (r.term + 1) NOT IN
                  (SELECT id FROM deadlines WHERE id >= 'dl-term-' AND id < 'dl-term.')
                """
            let t = today.iso
            if let row = try db.one("""
                SELECT count(*) FILTER (WHERE act_by < $1), count(*) FILTER (WHERE act_by >= $1 AND act_by <= $2),
                       count(*) FILTER (WHERE act_by > $2 AND act_by <= $3), count(*) FILTER (WHERE act_by > $3 AND act_by <= $4)
                FROM (
                  SELECT d.act_by_date AS act_by FROM deadlines d WHERE d.state = 'open' AND d.act_by_date <= $4
                  UNION ALL
                  SELECT r.act_by_date FROM renewal_notices r
                  WHERE \(Self.renewalDue("$1")) AND r.act_by_date <= $4 \(handledClause)) AS due
                """, [.text(t), .text(d14.iso), .text(d30.iso), .text(horizon.iso)]) {
                let deemed = try db.int("""
                    SELECT count(*) FROM deadlines WHERE state = 'open' AND silence_is_approval AND act_by_date < $1
                    """, [.text(t)])
                counts.overdue = (row[0].int ?? 0) - deemed; counts.within14 = row[1].int ?? 0
                counts.within30 = row[2].int ?? 0; counts.within90 = row[3].int ?? 0
            }
            // Snoozed, not overdue (few): counted in their bands as on SQLite.
            if let snoozed = try db.one("""
                SELECT count(*) FILTER (WHERE act_by_date <= $2), count(*) FILTER (WHERE act_by_date > $2 AND act_by_date <= $3),
                       count(*) FILTER (WHERE act_by_date > $3)
                FROM deadlines WHERE state = 'open' AND act_by_date >= $1 AND act_by_date <= $4 AND snoozed_until > $1
                """, [.text(t), .text(d14.iso), .text(d30.iso), .text(horizon.iso)]) {
                counts.snoozed14 = snoozed[0].int ?? 0; counts.snoozed30 = snoozed[1].int ?? 0; counts.snoozed90 = snoozed[2].int ?? 0
            }
            return AgendaHead(items: items, counts: counts)
        }
    }

    /// Open stored deadlines up to the horizon (overdue included), in (act-by, id) order.
    func storedItems(_ db: PGSession, horizon: CivilDate, limit: Int = -1) throws -> [AgendaItem] {
        try db.query("""
            SELECT d.*, a.title AS agreement_title__, p.name AS counterparty__
            FROM deadlines d JOIN agreements a ON a.id = d.agreement_id JOIN parties p ON p.id = a.counterparty_id
            WHERE d.state = 'open' AND d.act_by_date <= $1 AND NOT (d.silence_is_approval AND d.act_by_date < $2)
            ORDER BY d.act_by_date, d.id \(limit < 0 ? "" : "LIMIT \(limit)")
            """, [.text(horizon.iso), .text(today.iso)]).map { row in
            context.item(try PGRecordCoding.decode(Deadline.self, row), title: row.text("agreement_title__"),
                         counterparty: row.text("counterparty__"))
        }
    }

    /// The renewal terms due from `today` on (see SQLite's `renewalDue`).
    static func renewalDue(_ today: String) -> String {
        "r.act_by_date >= \(today) AND r.active AND (r.prev_act_by_date IS NULL OR r.prev_act_by_date < \(today))"
    }

    static func storedRenewalIds(_ db: PGSession) throws -> Set<String> {
        Set(try db.query("SELECT id FROM deadlines WHERE id >= 'dl-term-' AND id < 'dl-term.'").compactMap { $0[0].string })
    }

    /// The next renewal notice of each auto-renewing agreement still running, unless handled.
    func renewalItems(_ db: PGSession, horizon: CivilDate, limit: Int = -1) throws -> [AgendaItem] {
        let handled = try Self.storedRenewalIds(db)
        let rows = try db.query("""
            SELECT a.id, a.title, a.calendar, coalesce(a.effective_date, a.signed_date) AS start,
              t."initialPeriod" ->> 'value', t."initialPeriod" ->> 'unit',
              t."renewalPeriod" ->> 'value', t."renewalPeriod" ->> 'unit',
              t."noticePeriod" ->> 'value', t."noticePeriod" ->> 'unit',
              p.name AS counterparty, r.term AS current_term
            FROM renewal_notices r JOIN agreements a ON a.id = r.agreement_id JOIN parties p ON p.id = a.counterparty_id
              -- The term's JSON parsed once per row (six `::jsonb #>>` parsed it six times: half the query).
              CROSS JOIN LATERAL jsonb_to_record(a.term::jsonb) AS t("initialPeriod" jsonb, "renewalPeriod" jsonb, "noticePeriod" jsonb)
            WHERE \(Self.renewalDue("$1")) AND r.act_by_date <= $2
            ORDER BY r.act_by_date, 'dl-term-' || r.agreement_id || '-' || (r.term + 1)
            \(limit < 0 ? "" : "LIMIT \(limit + handled.count)")
            """, [.text(today.iso), .text(horizon.iso)])
        var items: [AgendaItem] = []
        for row in rows {
            let id = row[0].string ?? "?"
            func period(_ i: Int) throws -> Period {
                guard let value = row[i].int, let unitText = row[i + 1].string, let unit = PeriodUnit(rawValue: unitText) else {
                    throw VarselError(.invalidInput, "Agreement \(id) has an incomplete renewal term", at: "agreements.term")
                }
                return Period(value, unit)
            }
            guard let calendar = row[2].string.flatMap(CalendarID.init(rawValue:)), let start = row[3].string.flatMap(CivilDate.init(iso:)) else {
                throw VarselError(.invalidInput, "Agreement \(id) has no start date or calendar", at: "agreements")
            }
            let term = row[11].int ?? 0
            if handled.contains(ReadContext.renewalDeadlineId(agreementId: id, term: term)) { continue }
            let schedule = RenewalSchedule(start: start, initial: try period(4), renewal: try period(6),
                                           notice: try period(8), calendar: calendar)
            let d = context.renewalDeadline(agreementId: id, schedule: schedule, term: term)
            guard d.actByDate <= horizon else { continue }
            items.append(context.item(d, title: row[1].string ?? "", counterparty: row[10].string ?? ""))
            if limit >= 0 && items.count >= limit { break }
        }
        if !items.isSorted(by: Self.before) { items.sort(by: Self.before) }
        return items
    }

    func passedSilenceWindows(before day: CivilDate) throws -> [Deadline] {
        try store.snapshot { tx in
            try tx.fetch(Deadline.self, """
                SELECT * FROM deadlines WHERE state = 'open' AND silence_is_approval AND act_by_date < $1 ORDER BY act_by_date, id
                """, [.text(day.iso)])
        }
    }

    // MARK: Agreements list (title without ASCII case, then id)

    static let listSelect = """
        SELECT a.id, a.title, a.kind, a.status, a.calendar, p.name AS counterparty,
          (SELECT min(d.act_by_date) FROM deadlines d WHERE d.agreement_id = a.id AND d.state = 'open') AS next_act_by
        FROM agreements a JOIN parties p ON p.id = a.counterparty_id
        """

    /// Where the list's ids come from, in list order (`key`, then `id`), with their conditions:
    /// unfiltered, the agreements themselves; filtered, `agreement_search` alone (its folded key,
    /// sort key and archived flag, `pg8-search-order`), so a filter never joins a row it rejects.
    struct ListSource {
        var from: String, key: String, id: String
        var conditions: [String]
        var binds: [PGValue]

        var whereSQL: String { " WHERE " + (conditions.isEmpty ? "true" : conditions.joined(separator: " AND ")) }
        /// The ids in list order after (`>`) or before (`<`) a row, its title and id bound next.
        mutating func keyset(_ op: String, title: String, id rowId: String) {
            binds += [.text(title), .text(rowId)]
            conditions.append("(\(key), \(id)) \(op) (varsel_nocase($\(binds.count - 1)), $\(binds.count))")
        }
        var countSQL: String { "SELECT count(*) FROM \(from)" + whereSQL }
    }

    /// The list's source under `filter`; archived agreements (status ended) only with `includeArchived`.
    static func listSource(filter: String?, includeArchived: Bool) -> ListSource {
        guard let f = filter?.trimmingCharacters(in: .whitespaces), !f.isEmpty else {
            return ListSource(from: "agreements a", key: "varsel_nocase(a.title)", id: "a.id",
                              conditions: includeArchived ? [] : ["a.status <> 'ended'"], binds: [])
        }
        let needle = SearchFold.fold(f)
        var source = ListSource(from: "agreement_search s", key: "s.sort_key", id: "s.id",
                                conditions: includeArchived ? [] : ["NOT s.archived"], binds: [])
        if needle.utf8.contains(SearchFold.separator) { source.conditions.append("false"); return source }
        source.binds.append(likePattern(needle))
        source.conditions.insert("s.folded LIKE $1", at: 0)
        return source
    }

    /// `%needle%` for `LIKE` (backslash escapes `\`, `%` and `_`): the form the `pg_trgm` index
    /// on `agreement_search.folded` answers (`strpos` would read every row).
    static func likePattern(_ needle: String) -> PGValue {
        var escaped = ""
        for ch in needle.unicodeScalars {
            if ch == "\\" || ch == "%" || ch == "_" { escaped += "\\" }
            escaped.unicodeScalars.append(ch)
        }
        return .text("%" + escaped + "%")
    }

    static func row(_ r: PGRow) -> AgreementRow {
        AgreementRow(id: r.text("id"), title: r.text("title"), counterparty: r.text("counterparty"),
                     kind: AgreementKind(rawValue: r.text("kind")) ?? .other,
                     status: AgreementStatus(rawValue: r.text("status")) ?? .active,
                     calendar: CalendarID(rawValue: r.text("calendar")) ?? .se,
                     nextActBy: r["next_act_by"].string.flatMap(CivilDate.init(iso:)))
    }

    /// One keyset page: after `after`, just before `before` (read backwards), or the last page.
    func page(filter: String?, includeArchived: Bool, after: AgreementRow?, before: AgreementRow?, last: Bool,
              limit: Int) throws -> [AgreementRow] {
        try one { db in
            var source = Self.listSource(filter: filter, includeArchived: includeArchived)
            var descending = last
            if let after {
                source.keyset(">", title: after.title, id: after.id)
            } else if let before {
                source.keyset("<", title: before.title, id: before.id)
                descending = true
            }
            let order = descending ? "\(source.key) DESC, \(source.id) DESC" : "\(source.key), \(source.id)"
            let ids = "SELECT \(source.id) AS id FROM \(source.from)" + source.whereSQL + " ORDER BY \(order) LIMIT \(max(0, limit))"
            // The page's ids first, then their columns, counterparty and next act-by day: those are
            // read for the rows shown, not for every row the filter matched before the sort.
            let pageSQL = Self.listSelect + " JOIN (" + ids + ") AS page ON page.id = a.id ORDER BY varsel_nocase(a.title), a.id"
            // Unfiltered pages are prepared once (their plan does not depend on the keyset's values);
            // a filter's plan depends on its pattern, so it is planned each time.
            let unfiltered = filter?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
            return try (unfiltered ? db.cached(pageSQL, source.binds) : db.query(pageSQL, source.binds)).map(Self.row)
        }
    }

    func agreements(filter: String?, includeArchived: Bool, after: AgreementRow?, limit: Int) throws -> [AgreementRow] {
        try page(filter: filter, includeArchived: includeArchived, after: after, before: nil, last: false, limit: limit)
    }
    func searchAgreements(filter: String?, includeArchived: Bool, after: AgreementRow?, before: AgreementRow?,
                          limit: Int) throws -> [AgreementRow] {
        try page(filter: filter, includeArchived: includeArchived, after: after, before: before, last: false, limit: limit)
    }
    func searchLastAgreements(filter: String?, includeArchived: Bool, limit: Int) throws -> [AgreementRow] {
        try page(filter: filter, includeArchived: includeArchived, after: nil, before: nil, last: true, limit: limit)
    }

    func searchPosition(id: String, filter: String?, includeArchived: Bool) throws -> (index: Int, row: AgreementRow)? {
        try read { db in
            var source = Self.listSource(filter: filter, includeArchived: includeArchived)
            var member = source
            member.binds.append(.text(id))
            member.conditions.append("\(source.id) = $\(member.binds.count)")
            guard try db.one("SELECT 1 FROM \(member.from)" + member.whereSQL, member.binds) != nil,
                  let row = try db.one(Self.listSelect + " WHERE a.id = $1", [.text(id)]).map(Self.row) else { return nil }
            source.keyset("<", title: row.title, id: row.id)
            return (try db.int(source.countSQL, source.binds), row)
        }
    }

    func hasAgreements() throws -> Bool { try one { db in try db.one("SELECT 1 FROM agreements LIMIT 1") != nil } }

    /// The count of the list under `filter`, from its source alone (every agreement has its
    /// counterparty, so the list's join to parties and its next act-by day would only cost).
    func agreementCount(filter: String?, includeArchived: Bool) throws -> Int {
        try one { db in
            let source = Self.listSource(filter: filter, includeArchived: includeArchived)
            if source.binds.isEmpty { return try db.cached(source.countSQL, []).first?[0].int ?? 0 }
            return try db.int(source.countSQL, source.binds)
        }
    }
    func searchCount(filter: String?, includeArchived: Bool) throws -> Int {
        try agreementCount(filter: filter, includeArchived: includeArchived)
    }

    func resolveAgreement(_ ref: String) throws -> Agreement {
        try store.snapshot { tx in
            if let a = try tx.record(Agreement.self, id: ref) { return a }
            var matches: [Agreement] = []
            if let f = Optional(ref.trimmingCharacters(in: .whitespaces)), !f.isEmpty,
               !SearchFold.fold(f).utf8.contains(SearchFold.separator) {
                matches = try tx.fetch(Agreement.self, """
                    SELECT a.* FROM agreements a WHERE a.id IN (SELECT s.id FROM agreement_search s WHERE s.folded LIKE $1)
                    ORDER BY a.title LIMIT 6
                    """, [Self.likePattern(SearchFold.fold(f))])
            }
            return try AgreementResolution.pick(matches, for: ref)
        }
    }

    func allClauses() throws -> [Clause] { try store.snapshot { tx in try tx.fetch(Clause.self, "SELECT * FROM clauses ORDER BY id") } }

    func documents(agreementId: String) throws -> [AgreementDocument] {
        try store.snapshot { tx in try tx.documents(agreementId: agreementId) }
    }

    func audit(limit: Int) throws -> [AuditEntry] {
        try store.snapshot { tx in try tx.fetch(AuditEntry.self, "SELECT * FROM audit ORDER BY id DESC LIMIT \(max(0, limit))") }
    }
}
