import Foundation
import VarselKit

/// The hash-chained audit trail on PostgreSQL (`AuditChain` computes; this stores and reads).
enum PGAudit {
    /// Serialises appends to the chain across every writer of this database for the rest of the
    /// transaction (`pg_advisory_xact_lock`), so each row follows the newest one.
    static let chainLock: Int64 = 0x5652_534C_4155_4454

    /// Appends one chained row in the current transaction.
    static func append(_ db: PGSession, at: String, user: String, note: AuditNote) throws {
        try db.query("SELECT pg_advisory_xact_lock($1)", [.int(chainLock)])
        let last = try db.one("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
        let id = Int64(last?["id"].int ?? 0) + 1
        let prev = last?["hash"].string ?? AuditChain.genesis
        var e = AuditEntry(id: id, at: at, user: user, action: note.action, entityType: note.entityType,
                           entityId: note.entityId, summary: note.summary, before: note.before, after: note.after)
        e.prevHash = prev
        e.hash = AuditChain.hash(e, prevHash: prev)
        try insert(db, e, imported: false)
    }

    /// The one INSERT of an audit row (the server adds `db_user`).
    static func insert(_ db: PGSession, _ e: AuditEntry, imported: Bool) throws {
        func text(_ s: String?) -> PGValue { s.map(PGValue.text) ?? .null }
        try db.query("""
            INSERT INTO audit (id, at, "user", action, entity_type, entity_id, summary, before, after, prev_hash, hash, imported)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """, [.int(e.id), .text(e.at), .text(e.user), .text(e.action), .text(e.entityType), .text(e.entityId),
                  .text(e.summary), text(e.before), text(e.after), text(e.prevHash), text(e.hash), .bool(imported)])
    }

    static func entries(_ db: PGSession, after id: Int64, limit: Int) throws -> [AuditEntry] {
        try db.query("SELECT * FROM audit WHERE id > $1 ORDER BY id LIMIT $2", [.int(id), .int(Int64(limit))])
            .map { try PGRecordCoding.decode(AuditEntry.self, $0) }
    }

    static func verify(_ db: PGSession, anchor: String?, lastRows: Int?) throws -> AuditChain.Report {
        var start: (id: Int64, hash: String)?
        if let lastRows, let row = try db.one("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1 OFFSET $1", [.int(Int64(lastRows))]),
           let id = row["id"].int {
            start = (Int64(id), row["hash"].string ?? AuditChain.genesis)
        }
        return try AuditChain.verify(start: start, anchor: anchor) { after, limit in try entries(db, after: after, limit: limit) }
    }
}

/// Keeps `renewal_notices` in step with an agreement's term, as `RenewalIndex` does on SQLite:
/// one row per term for 40 years from the start (at most 5,000 terms).
enum PGRenewalIndex {
    static let years = 40

    static func refresh(_ db: PGSession, agreement: Agreement) throws {
        try db.query("DELETE FROM renewal_notices WHERE agreement_id = $1", [.text(agreement.id)])
        try insert(db, agreements: [agreement])
    }

    /// Writes the rows of new agreements (none stored yet) in one statement.
    static func insert(_ db: PGSession, agreements: [Agreement]) throws {
        var ids: [String?] = [], terms: [String?] = [], ends: [String?] = [], actBys: [String?] = [], prevs: [String?] = []
        var actives: [String?] = []
        for agreement in agreements {
            guard let schedule = RenewalSchedule(agreement: agreement) else { continue }
            let limit = schedule.start.adding(years: years)
            var previous: CivilDate? = nil
            var k = 0
            while k < 5_000 {
                let end = schedule.termEnd(k)
                if end > limit { break }
                let actBy = schedule.noticeDeadline(k).actByDate
                ids.append(agreement.id); terms.append(String(k)); ends.append(end.iso); actBys.append(actBy.iso)
                prevs.append(previous?.iso); actives.append(agreement.status == .active ? "t" : "f")
                previous = actBy
                k += 1
            }
        }
        guard !terms.isEmpty else { return }
        try db.query("""
            INSERT INTO renewal_notices (agreement_id, term, term_end, act_by_date, prev_act_by_date, active)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::boolean[])
            """, [ids, terms, ends, actBys, prevs, actives].map(PGArray.literal))
    }
}
