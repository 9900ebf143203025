import Foundation
import GRDB
import VarselKit

/// `PortfolioReading` on SQLite: the SQL of every list, view and report.
///
/// Lists page with keyset queries and the agenda reads open deadlines through the
/// `deadlines_agenda` index, so costs grow with what is shown, not with the portfolio.
struct SQLiteReading: PortfolioReading {
    let store: VarselStore
    let context: ReadContext
    var today: CivilDate { context.today }
    var planner: DeadlinePlanner { context.planner }

    init(store: VarselStore, today: CivilDate, planner: DeadlinePlanner = DeadlinePlanner()) {
        self.store = store; self.context = ReadContext(today: today, planner: planner)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T { try VarselStore.mapped { try store.writer.read(body) } }

    // MARK: Agenda

    /// Every open deadline with an act-by day up to today + `within` days, plus all overdue ones,
    /// sorted by act-by day. Includes the next renewal notice of auto-renewing agreements.
    func agenda(within: Int) throws -> [AgendaItem] {
        let horizon = today.adding(days: within)
        // Stored deadlines, and renewal notices due in the first and the second half of the window,
        // are read on three threads (the pool allows concurrent readers; on two cores the three
        // jobs share the work more evenly than two unequal halves).
        let middle = today.adding(days: within / 2)
        let parts = try Concurrently.run([
            { @Sendable in try self.read { db in try self.storedItems(db, horizon: horizon) } },
            { @Sendable in try self.read { db in try self.renewalItems(db, horizon: middle) } },
            { @Sendable in try self.read { db in try self.renewalItems(db, after: middle, horizon: horizon) } },
        ])
        var stored = parts[0], renewals = parts[1]
        renewals.append(contentsOf: parts[2])
        // Each list arrives in (act-by, id) order from SQL; checked in Swift's order (a pass, not a
        // sort, unless an id's collation differs), then merged: sorting thousands of large items
        // costs more than the query.
        let before: (AgendaItem, AgendaItem) -> Bool = { ($0.deadline.actByDate, $0.deadline.id) < ($1.deadline.actByDate, $1.deadline.id) }
        if !stored.isSorted(by: before) { stored.sort(by: before) }
        if !renewals.isSorted(by: before) { renewals.sort(by: before) }
        return ReadContext.merge(stored, renewals, by: before)
    }

    /// Open stored deadlines up to the horizon (overdue included), through `deadlines_agenda`.
    func storedItems(_ db: Database, horizon: CivilDate, limit: Int = -1) throws -> [AgendaItem] {
        // A cursor decodes each row straight from the statement (no copied rows): thousands at 100,000 agreements.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(Deadline.selection(alias: "d")), a.title, p.name
            FROM deadlines d
            JOIN agreements a ON a.id = d.agreement_id
            JOIN parties p ON p.id = a.counterparty_id
            WHERE d.state = 'open' AND d.act_by_date <= ? AND \(Self.notDeemed)
            ORDER BY d.act_by_date, d.id LIMIT ?
            """, arguments: [horizon, today, limit])
        let n = Deadline.positionalColumns.count
        var items: [AgendaItem] = []
        while let row = try rows.next() {
            items.append(context.item(try Deadline(positional: row), title: row[n], counterparty: row[n + 1]))
        }
        return items
    }

    /// Excludes silence-is-approval windows past their act-by day (bind today): they are deemed
    /// accepted, never overdue, even before `Portfolio.settleDeemedAcceptances()` closes them.
    static let notDeemed = "NOT (d.silence_is_approval = 1 AND d.act_by_date < ?)"

    /// Next renewal notice day of each auto-renewing agreement still running, unless already handled:
    /// the first term whose notice day is today or later (`renewalsDue`).
    func renewalItems(_ db: Database, after: CivilDate? = nil, horizon: CivilDate, limit: Int = -1) throws -> [AgendaItem] {
        // Handled terms are skipped below; a limited read asks for that many more rows.
        let handled = try Self.storedRenewalIds(db)
        // Only the columns a renewal needs; the term's periods come out of its JSON in SQL,
        // which is much cheaper than decoding thousands of whole agreements. Rows come in agenda
        // order (act-by day, then deadline id; SQLite sorts only within a day) so the caller need
        // not move thousands of items.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT a.id, a.title, a.calendar, coalesce(a.effective_date, a.signed_date) AS start,
              json_extract(a.term, '$.initialPeriod.value') AS iv, json_extract(a.term, '$.initialPeriod.unit') AS iu,
              json_extract(a.term, '$.renewalPeriod.value') AS rv, json_extract(a.term, '$.renewalPeriod.unit') AS ru,
              json_extract(a.term, '$.noticePeriod.value') AS nv, json_extract(a.term, '$.noticePeriod.unit') AS nu,
              p.name AS counterparty, r.term AS current_term
            FROM renewal_notices r INDEXED BY renewal_notices_due
            JOIN agreements a ON a.id = r.agreement_id
            JOIN parties p ON p.id = a.counterparty_id
            WHERE \(Self.renewalDue) AND r.act_by_date <= :horizon AND r.act_by_date > :after
            ORDER BY r.act_by_date, 'dl-term-' || r.agreement_id || '-' || (r.term + 1) LIMIT :limit
            """, arguments: ["today": today, "after": after ?? today.adding(days: -1), "horizon": horizon,
                          "limit": limit < 0 ? -1 : limit + handled.count])
        var items: [AgendaItem] = []
        // Columns by position (0 id, 1 title, 2 calendar, 3 start, 4–9 periods, 10 counterparty, 11 term).
        while let row = try rows.next() {
            let id: String = row[0]
            func period(_ i: Int) throws -> Period {
                guard let value: Int = row[i], let unitText: String = row[i + 1], let unit = PeriodUnit(rawValue: unitText) else {
                    throw VarselError(.invalidInput, "Agreement \(id) has an incomplete renewal term", at: "agreements.term")
                }
                return Period(value, unit)
            }
            guard let calendarText: String = row[2], let calendar = CalendarID(rawValue: calendarText),
                  let start = CivilDate.fromDatabaseValue(row[3]) else {
                throw VarselError(.invalidInput, "Agreement \(id) has no start date or calendar", at: "agreements")
            }
            let term: Int = row[11]
            // Handled already: the stored (handled) deadline stands in for it.
            if !handled.isEmpty && handled.contains(ReadContext.renewalDeadlineId(agreementId: id, term: term)) { continue }
            let schedule = RenewalSchedule(start: start, initial: try period(4), renewal: try period(6),
                                           notice: try period(8), calendar: calendar)
            // The index already named the current term: compute that one term only.
            let d = context.renewalDeadline(agreementId: id, schedule: schedule, term: term)
            guard d.actByDate <= horizon else { continue }
            items.append(context.item(d, title: row[1], counterparty: row[10]))
            if limit >= 0 && items.count >= limit { break }
        }
        return items
    }

    /// The condition on `renewal_notices r` (read through `renewal_notices_due`) for the renewal
    /// terms due from `:today` on (add the horizon): for each active auto-renewing agreement, the
    /// first term whose act-by day is today or later — its previous term's is before today, or it
    /// has none. One index range in act-by order: no grouping, no agreement rows.
    static let renewalDue = """
        r.act_by_date >= :today AND r.active = 1 AND (r.prev_act_by_date IS NULL OR r.prev_act_by_date < :today)
        """

    /// Ids of renewal notice deadlines stored (handled), read through the primary key by their
    /// "dl-term-" prefix: a handful, instead of one look-up per renewal due.
    static func storedRenewalIds(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT id FROM deadlines WHERE id >= 'dl-term-' AND id < 'dl-term.'"))
    }

    // MARK: Agreements

    /// A page of the agreements list, ordered by title; `after` is the last row of the previous page.
    func agreements(filter: String? = nil, includeArchived: Bool = true, after: AgreementRow? = nil,
                    limit: Int = 200) throws -> [AgreementRow] {
        try read { db in
            var (sql, args) = Self.agreementListSQL(filter: filter, includeArchived: includeArchived)
            if let after {
                sql += " AND (a.title COLLATE NOCASE, a.id) > (?, ?)"
                args += [after.title, after.id]
            }
            sql += " ORDER BY a.title COLLATE NOCASE, a.id LIMIT ?"
            args.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.agreementRow)
        }
    }

    /// Whether there is any agreement at all (one index step, whatever the portfolio's size).
    func hasAgreements() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM agreements)") ?? false }
    }

    /// How many agreements match a filter (the folded filter of `searchAgreements`).
    func agreementCount(filter: String? = nil, includeArchived: Bool = true) throws -> Int {
        guard includeArchived else { return try searchCount(filter: filter, includeArchived: false) }
        return try read { db in
            if let (clause, args) = Self.foldedMatch("s.folded", filter) {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM agreement_search s WHERE " + clause,
                                        arguments: StatementArguments(args)) ?? 0
            }
            return try Agreement.fetchCount(db)
        }
    }

    static func agreementRow(_ row: Row) -> AgreementRow {
        AgreementRow(id: row["id"], title: row["title"], counterparty: row["counterparty"],
                     kind: AgreementKind(rawValue: row["kind"]) ?? .other,
                     status: AgreementStatus(rawValue: row["status"]) ?? .active,
                     calendar: CalendarID(rawValue: row["calendar"]) ?? .se, nextActBy: row["next_act_by"])
    }

    static func escapeLike(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// Finds an agreement by exact id, or by a fragment of its title, counterparty name or id (folded,
    /// as the list filter) that matches exactly one agreement.
    func resolveAgreement(_ ref: String) throws -> Agreement {
        try read { db in
            if let a = try Agreement.fetchOne(db, key: ref) { return a }
            var matches: [Agreement] = []
            if let (clause, args) = Self.foldedMatch("s.folded", ref) {
                matches = try Agreement.fetchAll(db, sql: """
                    SELECT a.* FROM agreements a WHERE a.id IN (SELECT s.id FROM agreement_search s WHERE \(clause))
                    ORDER BY a.title LIMIT 6
                    """, arguments: StatementArguments(args))
            }
            return try AgreementResolution.pick(matches, for: ref)
        }
    }

    func passedSilenceWindows(before day: CivilDate) throws -> [Deadline] {
        try read { db in
            try Deadline.fetchAll(db, sql: """
                SELECT * FROM deadlines INDEXED BY deadlines_silence
                WHERE state = 'open' AND silence_is_approval = 1 AND act_by_date < ? ORDER BY act_by_date, id
                """, arguments: [day])
        }
    }

    func allClauses() throws -> [Clause] { try read { db in try Clause.fetchAll(db) } }

    func documents(agreementId: String) throws -> [AgreementDocument] {
        try read { db in try SQLiteTransaction(db: db).documents(agreementId: agreementId) }
    }
}
