import Foundation
import GRDB
import VarselKit

/// Keeps `renewal_notices` in step with an agreement's term: one row per term with the day
/// notice must be given by, for 40 years from the start (at most 5,000 terms).
enum RenewalIndex {
    static let years = 40

    /// Rewrites the rows of one agreement (none unless it renews automatically), each with the
    /// previous term's act-by day and whether the agreement is active. Rows stay when it stops
    /// being active (`active` = 0); the `renewal_notices_status` trigger keeps `active` in step
    /// with a status changed by any other means, so nothing can hide or resurrect a renewal.
    static func refresh(_ db: Database, agreement: Agreement) throws {
        try db.execute(sql: "DELETE FROM renewal_notices WHERE agreement_id = ?", arguments: [agreement.id])
        guard let schedule = RenewalSchedule(agreement: agreement) else { return }
        let limit = schedule.start.adding(years: years)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO renewal_notices (agreement_id, term, term_end, act_by_date, prev_act_by_date, active)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        let active = agreement.status == .active
        var previous: CivilDate? = nil
        var k = 0
        // Bounded by the 40 years; the row cap only guards against absurdly short renewal periods.
        while k < 5_000 {
            let end = schedule.termEnd(k)
            if end > limit { break }
            let actBy = schedule.noticeDeadline(k).actByDate
            try statement.execute(arguments: [agreement.id, k, end, actBy, previous, active])
            previous = actBy
            k += 1
        }
    }
}
