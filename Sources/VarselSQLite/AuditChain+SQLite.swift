import Foundation
import GRDB
import VarselKit

extension AuditChain {
    /// Appends one chained row in the current transaction.
    static func append(_ db: Database, at: String, user: String, note: AuditNote) throws {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"))
        let seq = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'")) ?? 0
        let id = max(seq, last?["id"] ?? 0) + 1
        let prev: String = last?["hash"] ?? genesis
        var e = AuditEntry(id: id, at: at, user: user, action: note.action, entityType: note.entityType,
                           entityId: note.entityId, summary: note.summary, before: note.before, after: note.after)
        e.prevHash = prev
        e.hash = hash(e, prevHash: prev)
        try insert(db, e, imported: false)
    }

    /// Reads audit rows without Codable (verification walks every row).
    static func entries(_ db: Database, after id: Int64, limit: Int) throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: """
            SELECT id, at, user, action, entity_type, entity_id, summary, before, after, prev_hash, hash, imported
            FROM audit WHERE id > ? ORDER BY id LIMIT ?
            """, arguments: [id, limit]).map { r in
            AuditEntry(id: r[0], at: r[1], user: r[2], action: r[3], entityType: r[4], entityId: r[5], summary: r[6],
                       before: r[7], after: r[8], prevHash: r[9], hash: r[10], imported: r[11])
        }
    }

    /// The one INSERT of an audit row: appended by a write, or copied verbatim (`imported`) by a restore.
    static func insert(_ db: Database, _ e: AuditEntry, imported: Bool) throws {
        try db.cachedStatement(sql: """
            INSERT INTO audit (id, at, user, action, entity_type, entity_id, summary, before, after, prev_hash, hash, imported)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [e.id, e.at, e.user, e.action, e.entityType, e.entityId, e.summary, e.before, e.after,
                                     e.prevHash, e.hash, imported])
    }

    /// Walks the stored chain (see `verify(start:anchor:pageSize:page:)`); with `lastRows`, only the newest rows.
    static func verify(_ db: Database, anchor: String? = nil, lastRows: Int? = nil) throws -> Report {
        var start: (id: Int64, hash: String)?
        if let lastRows, let id = try Int64.fetchOne(db, sql: "SELECT id FROM audit ORDER BY id DESC LIMIT 1 OFFSET ?", arguments: [lastRows]) {
            start = (id, try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = ?", arguments: [id]) ?? genesis)
        }
        return try verify(start: start, anchor: anchor) { after, limit in try entries(db, after: after, limit: limit) }
    }
}
