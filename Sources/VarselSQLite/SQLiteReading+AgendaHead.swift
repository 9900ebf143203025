import Foundation
import GRDB
import VarselKit

extension SQLiteReading {
    /// The first `limit` agenda items (exactly those `agenda(within: 90)` starts with, except
    /// possibly for ties on the last day fetched) and counts of the whole 90-day agenda, by SQL.
    func agendaHead(limit: Int) throws -> AgendaHead {
        let horizon = today.adding(days: 90)
        let d14 = today.adding(days: 14), d30 = today.adding(days: 30)
        // One connection, one snapshot (a second reader thread costs more than it saves here:
        // opening a connection and parsing the schema).
        return try read { db in
            AgendaHead(items: try agendaHeadItems(db, horizon: horizon, limit: limit),
                       counts: try agendaCounts(db, horizon: horizon, d14: d14, d30: d30))
        }
    }

    /// Window counts of the whole 90-day agenda by SQL.
    func agendaCounts(_ db: Database, horizon: CivilDate, d14: CivilDate, d30: CivilDate) throws -> AgendaCounts {
        var counts = AgendaCounts()
        // Handled renewals are few (usually none): without any, no per-row test is needed.
        let handledClause = try Self.storedRenewalIds(db).isEmpty ? "" : """
            AND 'dl-term-' || r.agreement_id || '-' || (r.term + 1) NOT IN
              (SELECT id FROM deadlines WHERE id >= 'dl-term-' AND id < 'dl-term.')
            """
        // Same rows as `storedItems` and `renewalItems`, counted instead of built, from two index
        // ranges (`deadlines_agenda`, `renewal_notices_due`): no table row is read.
        let sql = """
            SELECT sum(act_by < :today), sum(act_by >= :today AND act_by <= :d14),
                   sum(act_by > :d14 AND act_by <= :d30), sum(act_by > :d30 AND act_by <= :horizon)
            FROM (
              SELECT d.act_by_date AS act_by FROM deadlines d
              WHERE d.state = 'open' AND d.act_by_date <= :horizon
              UNION ALL
              SELECT r.act_by_date FROM renewal_notices r INDEXED BY renewal_notices_due
              WHERE \(Self.renewalDue) AND r.act_by_date <= :horizon \(handledClause))
            """
        // Passed silence-is-approval windows are deemed accepted, not overdue: subtracted through the
        // partial index `deadlines_silence` (index only, as the counts above).
        let deemed = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM deadlines INDEXED BY deadlines_silence
            WHERE state = 'open' AND silence_is_approval = 1 AND act_by_date < ?
            """, arguments: [today]) ?? 0
        if let row = try Row.fetchOne(db, sql: sql, arguments: ["today": today, "d14": d14, "d30": d30, "horizon": horizon]) {
            counts.overdue = (row[0] ?? 0) - deemed; counts.within14 = row[1] ?? 0
            counts.within30 = row[2] ?? 0; counts.within90 = row[3] ?? 0
        }
        let snoozed = try Row.fetchOne(db, sql: Self.snoozedCountsSQL, arguments: ["today": today, "d14": d14, "d30": d30, "horizon": horizon])
        if let snoozed {
            counts.snoozed14 = snoozed[0] ?? 0; counts.snoozed30 = snoozed[1] ?? 0; counts.snoozed90 = snoozed[2] ?? 0
        }
        return counts
    }

    /// Snoozed, not overdue (few), per window: a range of the partial index `deadlines_snoozed`,
    /// which holds only open snoozed deadlines (index only; `deadlines_agenda` would read every
    /// open row of the range for its snooze day).
    static let snoozedCountsSQL = """
        SELECT sum(act_by_date <= :d14), sum(act_by_date > :d14 AND act_by_date <= :d30), sum(act_by_date > :d30)
        FROM deadlines INDEXED BY deadlines_snoozed
        WHERE state = 'open' AND act_by_date >= :today AND act_by_date <= :horizon AND snoozed_until > :today
        """

    /// The first `limit` items of the agenda (stored deadlines and renewals merged).
    func agendaHeadItems(_ db: Database, horizon: CivilDate, limit: Int) throws -> [AgendaItem] {
        var stored = try storedItems(db, horizon: horizon, limit: limit)
        var renewals = try renewalItems(db, horizon: horizon, limit: limit)
        let before: (AgendaItem, AgendaItem) -> Bool = { ($0.deadline.actByDate, $0.deadline.id) < ($1.deadline.actByDate, $1.deadline.id) }
        if !stored.isSorted(by: before) { stored.sort(by: before) }
        if !renewals.isSorted(by: before) { renewals.sort(by: before) }
        return Array(ReadContext.merge(stored, renewals, by: before).prefix(limit))
    }
}
