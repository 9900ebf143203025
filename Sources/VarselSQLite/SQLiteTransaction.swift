import Foundation
import GRDB
import VarselKit

/// `PortfolioTransaction` on one GRDB connection: inside `VarselStore.write` a write
/// transaction, inside `VarselStore.read` a read snapshot (writes then fail with SQLite's
/// read-only error, mapped to `VarselError`).
struct SQLiteTransaction: PortfolioTransaction {
    let db: Database

    // MARK: Records by id

    func record<R: StoredRecord>(_ type: R.Type, id: String) throws -> R? {
        try Self.fetchOne(Self.table(type), as: R.self, db: db, id: id)
    }

    func records<R: StoredRecord>(_ type: R.Type, ids: [String]) throws -> [R] {
        var out: [R] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            out += try Self.fetchAll(Self.table(type), as: R.self, db: db, ids: chunk)
            start += 500
        }
        return out
    }

    /// The GRDB record type behind a stored record type (every `StoredRecord` is a `SnakeCaseRecord`).
    static func table<R: StoredRecord>(_ type: R.Type) throws -> any SnakeCaseRecord.Type {
        guard let t = type as? any SnakeCaseRecord.Type else {
            throw VarselError(.io, "\(R.self) has no SQLite table", fix: "Declare its table in Records+GRDB.swift")
        }
        return t
    }

    /// Every record of a stored type, in id order (an export's read).
    static func all<R: StoredRecord>(_ type: R.Type, db: Database) throws -> [R] {
        try fetchAllById(table(type), as: R.self, db: db)
    }

    private static func fetchAllById<T: SnakeCaseRecord, R>(_ t: T.Type, as _: R.Type, db: Database) throws -> [R] {
        let rows = try t.order(Column("id")).fetchAll(db)
        if let same = rows as? [R] { return same }
        return rows.compactMap { $0 as? R }
    }

    private static func fetchOne<T: SnakeCaseRecord, R>(_ t: T.Type, as _: R.Type, db: Database, id: String) throws -> R? {
        try t.fetchOne(db, key: id) as? R
    }

    private static func fetchAll<T: SnakeCaseRecord, R>(_ t: T.Type, as _: R.Type, db: Database, ids: [String]) throws -> [R] {
        try t.filter(keys: ids).fetchAll(db).compactMap { $0 as? R }
    }

    private static func persistable<R: StoredRecord>(_ record: R) throws -> any SnakeCaseRecord {
        guard let r = record as? any SnakeCaseRecord else {
            throw VarselError(.io, "\(R.self) has no SQLite table", fix: "Declare its table in Records+GRDB.swift")
        }
        return r
    }

    // MARK: Relations

    func rules(agreementIds: [String]) throws -> [NoticeRule] {
        if agreementIds.count == 1 {
            return try NoticeRule.filter(Column("agreement_id") == agreementIds[0]).order(Column("id")).fetchAll(db)
        }
        return try NoticeRule.filter(agreementIds.contains(Column("agreement_id"))).order(Column("id")).fetchAll(db)
    }

    func clauses(agreementId: String) throws -> [Clause] {
        try Clause.filter(Column("agreement_id") == agreementId).order(Column("id")).fetchAll(db)
    }

    func subProcessors(agreementId: String) throws -> [SubProcessor] {
        try SubProcessor.filter(Column("agreement_id") == agreementId).order(Column("id")).fetchAll(db)
    }

    func documents(agreementId: String) throws -> [AgreementDocument] {
        try AgreementDocument.filter(Column("agreement_id") == agreementId).order(Column("imported_at"), Column("id")).fetchAll(db)
    }

    func documents(sha256: String) throws -> [AgreementDocument] {
        try AgreementDocument.filter(Column("sha256") == sha256).order(Column("imported_at"), Column("id")).fetchAll(db)
    }

    func versions(agreementId: String) throws -> [AgreementVersion] {
        try AgreementVersion.filter(Column("agreement_id") == agreementId).order(Column("id")).fetchAll(db)
    }

    func agreementsEnding(withParent parentId: String) throws -> [Agreement] {
        try Agreement.filter(Column("parent_id") == parentId && Column("ends_with_parent") == true).order(Column("id")).fetchAll(db)
    }

    func autoRenewingAgreements() throws -> [Agreement] {
        try Agreement.fetchAll(db, sql: "SELECT * FROM agreements WHERE json_extract(term, '$.kind') = 'auto_renewal'")
    }

    func changeNotices(agreementId: String, status: ChangeNoticeStatus) throws -> [ChangeNotice] {
        try ChangeNotice.filter(Column("agreement_id") == agreementId && Column("status") == status.rawValue)
            .order(Column("received_date").desc, Column("id")).fetchAll(db)
    }

    func objections(changeNoticeId: String) throws -> [Objection] {
        try Objection.filter(Column("change_notice_id") == changeNoticeId).order(Column("id")).fetchAll(db)
    }

    func activeObjections(changeNoticeId: String) throws -> [Objection] {
        try Objection.filter(Column("change_notice_id") == changeNoticeId && Column("withdrawn_date") == nil)
            .order(Column("date").desc, Column("id")).fetchAll(db)
    }

    func activeTerminationCount(agreementId: String) throws -> Int {
        try TerminationNotice.filter(Column("agreement_id") == agreementId && Column("withdrawn_date") == nil).fetchCount(db)
    }

    func events(agreementId: String, kind: EventKind, madeBy: Actor) throws -> [AgreementEvent] {
        try AgreementEvent.filter(Column("agreement_id") == agreementId && Column("kind") == kind.rawValue
                                  && Column("made_by") == madeBy.rawValue).order(Column("date").desc).fetchAll(db)
    }

    func deadlines(_ filter: DeadlineFilter) throws -> [Deadline] {
        var request = Deadline.filter(Self.condition(filter))
        switch filter.order {
        case .none: break
        case .actByThenId: request = request.order(Column("act_by_date"), Column("id"))
        case .openFirstThenActBy: request = request.order(Column("state").desc, Column("act_by_date"))
        }
        return try request.fetchAll(db)
    }

    /// The filter as one SQL condition (the conjunction the services wrote by hand before).
    static func condition(_ f: DeadlineFilter) -> SQLExpression {
        var parts: [SQLExpression] = []
        if let ids = f.agreementIds {
            parts.append(ids.count == 1 ? Column("agreement_id") == ids[0] : ids.contains(Column("agreement_id")))
        }
        if let k = f.sourceKind { parts.append(Column("source_kind") == k.rawValue) }
        if let s = f.sourceId { parts.append(Column("source_id") == s) }
        if let r = f.ruleId { parts.append(Column("rule_id") == r) }
        if let s = f.state { parts.append(Column("state") == s.rawValue) }
        if let s = f.silenceIsApproval { parts.append(Column("silence_is_approval") == s) }
        if let r = f.resolution { parts.append(Column("resolution") == r.rawValue) }
        if let d = f.rawDateAfter { parts.append(Column("raw_date") > d.iso) }
        return parts.joined(operator: .and)
    }

    func lastAudit(action: String, entityType: String, entityId: String) throws -> AuditEntry? {
        try AuditEntry.fetchOne(db, sql: """
            SELECT * FROM audit WHERE action = ? AND entity_type = ? AND entity_id = ? ORDER BY id DESC LIMIT 1
            """, arguments: [action, entityType, entityId])
    }

    func lastChange(entityType: String, entityId: String) throws -> AuditEntry? {
        try AuditEntry.fetchOne(db, sql: """
            SELECT * FROM audit WHERE entity_type = ? AND entity_id = ? ORDER BY id DESC LIMIT 1
            """, arguments: [entityType, entityId])
    }

    func auditEntry(id: Int64) throws -> AuditEntry? { try AuditEntry.fetchOne(db, key: id) }

    func existingIDs() throws -> ExistingIDs {
        func ids(_ table: String) throws -> Set<String> { Set(try String.fetchAll(db, sql: "SELECT id FROM \(table)")) }
        let parties = try ids("parties")
        var agreements: [String: String?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, parent_id FROM agreements") { agreements[row["id"]] = row["parent_id"] as String? }
        let rules = try ids("notice_rules"), subProcessors = try ids("sub_processors")
        let changeNotices = try ids("change_notices"), terminations = try ids("terminations"), events = try ids("events")
        var clauses: [String: ExistingIDs.ClauseKey] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, agreement_id, reference FROM clauses") {
            clauses[row["id"]] = ExistingIDs.ClauseKey(agreementId: row["agreement_id"], reference: row["reference"])
        }
        let auditCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
        // Empty: no audit row and no row of any kind of the registry.
        var isEmpty = auditCount == 0
        for kind in RecordRegistry.kinds where isEmpty {
            isEmpty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(kind.table))") ?? true
        }
        return ExistingIDs(parties: parties, agreements: agreements, rules: rules, subProcessors: subProcessors,
                           changeNotices: changeNotices, terminations: terminations, events: events,
                           clauses: clauses, auditCount: auditCount, isEmpty: isEmpty)
    }

    // MARK: Writes

    func insert<R: StoredRecord>(_ record: R) throws { try Self.insert(try Self.persistable(record), db) }
    func update<R: StoredRecord>(_ record: R) throws { try Self.update(try Self.persistable(record), db) }
    func save<R: StoredRecord>(_ record: R) throws { try Self.save(try Self.persistable(record), db) }
    func delete<R: StoredRecord>(_ record: R) throws { try Self.delete(try Self.persistable(record), db) }

    private static func insert<T: SnakeCaseRecord>(_ r: T, _ db: Database) throws { try r.insert(db) }
    private static func update<T: SnakeCaseRecord>(_ r: T, _ db: Database) throws { try r.update(db) }
    private static func save<T: SnakeCaseRecord>(_ r: T, _ db: Database) throws { try r.save(db) }
    private static func delete<T: SnakeCaseRecord>(_ r: T, _ db: Database) throws { _ = try r.delete(db) }

    @discardableResult
    func deleteDeadlines(_ filter: DeadlineFilter) throws -> Int {
        try Deadline.filter(Self.condition(filter)).deleteAll(db)
    }

    func deadlineExists(id: String) throws -> Bool { try Deadline.exists(db, key: id) }

    func markSilenceWindowsFromRules() throws {
        try db.execute(sql: """
            UPDATE deadlines SET silence_is_approval = 1
            WHERE silence_is_approval = 0 AND rule_id IN (SELECT id FROM notice_rules WHERE silence_is_approval = 1)
            """)
    }

    func insertRestoredAudit(_ rows: [AuditEntry]) throws {
        for row in rows { try AuditChain.insert(db, row, imported: true) }
    }
}
