import Foundation
import VarselKit

/// `PortfolioTransaction` on one PostgreSQL connection inside `BEGIN … COMMIT` (a SERIALIZABLE
/// write, or a read-only snapshot): one parameterised statement per method.
struct PostgresTransaction: PortfolioTransaction {
    let db: PGSession
    let schema: PostgresColumns

    // MARK: Records by id

    func record<R: StoredRecord>(_ type: R.Type, id: String) throws -> R? {
        try db.one("SELECT * FROM \(try PGRecordCoding.table(type)) WHERE id = $1", [.text(id)])
            .map { try PGRecordCoding.decode(R.self, $0) }
    }

    func records<R: StoredRecord>(_ type: R.Type, ids: [String]) throws -> [R] {
        guard !ids.isEmpty else { return [] }
        return try fetch(R.self, "SELECT * FROM \(try PGRecordCoding.table(type)) WHERE id = ANY($1::text[])", [Self.array(ids)])
    }

    func fetch<R: Decodable>(_ type: R.Type, _ sql: String, _ binds: [PGValue] = []) throws -> [R] {
        try db.query(sql, binds).map { try PGRecordCoding.decode(R.self, $0) }
    }

    /// A text array literal as one parameter (`= ANY($n::text[])`).
    static func array(_ values: [String]) -> PGValue {
        .text("{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}")
    }

    // MARK: Relations

    func rules(agreementIds: [String]) throws -> [NoticeRule] {
        try fetch(NoticeRule.self, "SELECT * FROM notice_rules WHERE agreement_id = ANY($1::text[]) ORDER BY id", [Self.array(agreementIds)])
    }

    func clauses(agreementId: String) throws -> [Clause] {
        try fetch(Clause.self, "SELECT * FROM clauses WHERE agreement_id = $1 ORDER BY id", [.text(agreementId)])
    }

    func subProcessors(agreementId: String) throws -> [SubProcessor] {
        try fetch(SubProcessor.self, "SELECT * FROM sub_processors WHERE agreement_id = $1 ORDER BY id", [.text(agreementId)])
    }

    func documents(agreementId: String) throws -> [AgreementDocument] {
        try fetch(AgreementDocument.self, "SELECT * FROM agreement_documents WHERE agreement_id = $1 ORDER BY imported_at, id", [.text(agreementId)])
    }

    func documents(sha256: String) throws -> [AgreementDocument] {
        try fetch(AgreementDocument.self, "SELECT * FROM agreement_documents WHERE sha256 = $1 ORDER BY imported_at, id", [.text(sha256)])
    }

    func versions(agreementId: String) throws -> [AgreementVersion] {
        try fetch(AgreementVersion.self, "SELECT * FROM agreement_versions WHERE agreement_id = $1 ORDER BY id", [.text(agreementId)])
    }

    func agreementsEnding(withParent parentId: String) throws -> [Agreement] {
        try fetch(Agreement.self, "SELECT * FROM agreements WHERE parent_id = $1 AND ends_with_parent ORDER BY id", [.text(parentId)])
    }

    func autoRenewingAgreements() throws -> [Agreement] {
        try fetch(Agreement.self, "SELECT * FROM agreements WHERE term::jsonb ->> 'kind' = 'auto_renewal' ORDER BY id")
    }

    func changeNotices(agreementId: String, status: ChangeNoticeStatus) throws -> [ChangeNotice] {
        try fetch(ChangeNotice.self, "SELECT * FROM change_notices WHERE agreement_id = $1 AND status = $2 ORDER BY received_date DESC, id",
                  [.text(agreementId), .text(status.rawValue)])
    }

    func objections(changeNoticeId: String) throws -> [Objection] {
        try fetch(Objection.self, "SELECT * FROM objections WHERE change_notice_id = $1 ORDER BY id", [.text(changeNoticeId)])
    }

    func activeObjections(changeNoticeId: String) throws -> [Objection] {
        try fetch(Objection.self, "SELECT * FROM objections WHERE change_notice_id = $1 AND withdrawn_date IS NULL ORDER BY date DESC, id",
                  [.text(changeNoticeId)])
    }

    func activeTerminationCount(agreementId: String) throws -> Int {
        try db.int("SELECT count(*) FROM terminations WHERE agreement_id = $1 AND withdrawn_date IS NULL", [.text(agreementId)])
    }

    func events(agreementId: String, kind: EventKind, madeBy: Actor) throws -> [AgreementEvent] {
        try fetch(AgreementEvent.self, "SELECT * FROM events WHERE agreement_id = $1 AND kind = $2 AND made_by = $3 ORDER BY date DESC",
                  [.text(agreementId), .text(kind.rawValue), .text(madeBy.rawValue)])
    }

    func deadlines(_ filter: DeadlineFilter) throws -> [Deadline] {
        let (condition, binds) = Self.condition(filter)
        var sql = "SELECT * FROM deadlines WHERE " + condition
        switch filter.order {
        case .none: break
        case .actByThenId: sql += " ORDER BY act_by_date, id"
        case .openFirstThenActBy: sql += " ORDER BY state DESC, act_by_date"
        }
        return try fetch(Deadline.self, sql, binds)
    }

    /// The filter as one SQL conjunction with its parameters.
    static func condition(_ f: DeadlineFilter) -> (String, [PGValue]) {
        var parts: [String] = [], binds: [PGValue] = []
        func add(_ sql: String, _ value: PGValue) { binds.append(value); parts.append(sql.replacingOccurrences(of: "?", with: "$\(binds.count)")) }
        if let ids = f.agreementIds { add("agreement_id = ANY(?::text[])", array(ids)) }
        if let k = f.sourceKind { add("source_kind = ?", .text(k.rawValue)) }
        if let s = f.sourceId { add("source_id = ?", .text(s)) }
        if let r = f.ruleId { add("rule_id = ?", .text(r)) }
        if let s = f.state { add("state = ?", .text(s.rawValue)) }
        if let s = f.silenceIsApproval { add("silence_is_approval = ?", .bool(s)) }
        if let r = f.resolution { add("resolution = ?", .text(r.rawValue)) }
        if let d = f.rawDateAfter { add("raw_date > ?", .text(d.iso)) }
        return (parts.isEmpty ? "true" : parts.joined(separator: " AND "), binds)
    }

    func lastAudit(action: String, entityType: String, entityId: String) throws -> AuditEntry? {
        try fetch(AuditEntry.self, "SELECT * FROM audit WHERE action = $1 AND entity_type = $2 AND entity_id = $3 ORDER BY id DESC LIMIT 1",
                  [.text(action), .text(entityType), .text(entityId)]).first
    }

    func lastChange(entityType: String, entityId: String) throws -> AuditEntry? {
        try fetch(AuditEntry.self, "SELECT * FROM audit WHERE entity_type = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1",
                  [.text(entityType), .text(entityId)]).first
    }

    func auditEntry(id: Int64) throws -> AuditEntry? {
        try fetch(AuditEntry.self, "SELECT * FROM audit WHERE id = $1", [.int(id)]).first
    }

    func existingIDs() throws -> ExistingIDs {
        func ids(_ table: String) throws -> Set<String> { Set(try db.query("SELECT id FROM \(table)").compactMap { $0[0].string }) }
        let parties = try ids("parties")
        var agreements: [String: String?] = [:]
        for row in try db.query("SELECT id, parent_id FROM agreements") { agreements[row.text("id")] = row["parent_id"].string }
        let rules = try ids("notice_rules"), subProcessors = try ids("sub_processors")
        let changeNotices = try ids("change_notices"), terminations = try ids("terminations"), events = try ids("events")
        var clauses: [String: ExistingIDs.ClauseKey] = [:]
        for row in try db.query("SELECT id, agreement_id, reference FROM clauses") {
            clauses[row.text("id")] = ExistingIDs.ClauseKey(agreementId: row.text("agreement_id"), reference: row.text("reference"))
        }
        let auditCount = try db.int("SELECT count(*) FROM audit")
        var total = auditCount + parties.count + agreements.count + rules.count + subProcessors.count
        total += changeNotices.count + terminations.count + events.count + clauses.count
        for table in ["agreement_versions", "agreement_documents", "objections", "deadlines"] { total += try db.int("SELECT count(*) FROM \(table)") }
        return ExistingIDs(parties: parties, agreements: agreements, rules: rules, subProcessors: subProcessors,
                           changeNotices: changeNotices, terminations: terminations, events: events,
                           clauses: clauses, auditCount: auditCount, isEmpty: total == 0)
    }

    // MARK: Writes

    /// All of the table's columns with the record's values (NULL where the record has none).
    private func row<R: StoredRecord>(_ record: R) throws -> (table: String, columns: [String], values: [PGValue]) {
        let table = try PGRecordCoding.table(R.self)
        let encoded = Dictionary(uniqueKeysWithValues: try PGRecordCoding.columns(record))
        let columns = try schema.columns(of: table, db)
        for key in encoded.keys where !columns.contains(key) {
            throw VarselError(.io, "\(table) has no column \(key)", fix: "add it in a PostgreSQL migration (PostgresSchema)")
        }
        return (table, columns, columns.map { encoded[$0] ?? .null })
    }

    func insert<R: StoredRecord>(_ record: R) throws {
        let (table, columns, values) = try row(record)
        let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        try db.query("INSERT INTO \(table) (\(columns.map(PGRecordCoding.quoted).joined(separator: ", "))) VALUES (\(placeholders))", values)
        try afterSave(record)
    }

    func update<R: StoredRecord>(_ record: R) throws {
        let (table, columns, values) = try row(record)
        let sets = columns.enumerated().map { "\(PGRecordCoding.quoted($1)) = $\($0 + 1)" }.joined(separator: ", ")
        let changed = try db.query("UPDATE \(table) SET \(sets) WHERE id = $\(columns.count + 1) RETURNING id", values + [.text(record.id)])
        if changed.isEmpty {
            throw VarselError(.notFound, "No \(table) row with id \"\(record.id)\" to update", fix: "reload and try again")
        }
        try afterSave(record)
    }

    func save<R: StoredRecord>(_ record: R) throws {
        let (table, columns, values) = try row(record)
        let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        let sets = columns.filter { $0 != "id" }.map { "\(PGRecordCoding.quoted($0)) = EXCLUDED.\(PGRecordCoding.quoted($0))" }
        try db.query("""
            INSERT INTO \(table) (\(columns.map(PGRecordCoding.quoted).joined(separator: ", "))) VALUES (\(placeholders))
            ON CONFLICT (id) DO UPDATE SET \(sets.joined(separator: ", "))
            """, values)
        try afterSave(record)
    }

    func delete<R: StoredRecord>(_ record: R) throws {
        try db.query("DELETE FROM \(try PGRecordCoding.table(R.self)) WHERE id = $1", [.text(record.id)])
    }

    /// Every write of an agreement rewrites its renewal notice days (`PGRenewalIndex`).
    private func afterSave<R: StoredRecord>(_ record: R) throws {
        if let agreement = record as? Agreement { try PGRenewalIndex.refresh(db, agreement: agreement) }
    }

    @discardableResult
    func deleteDeadlines(_ filter: DeadlineFilter) throws -> Int {
        let (condition, binds) = Self.condition(filter)
        return try db.query("DELETE FROM deadlines WHERE \(condition) RETURNING id", binds).count
    }

    func deadlineExists(id: String) throws -> Bool {
        try db.one("SELECT 1 FROM deadlines WHERE id = $1", [.text(id)]) != nil
    }

    func markSilenceWindowsFromRules() throws {
        try db.query("""
            UPDATE deadlines SET silence_is_approval = true
            WHERE NOT silence_is_approval AND rule_id IN (SELECT id FROM notice_rules WHERE silence_is_approval)
            """)
    }

    func insertRestoredAudit(_ rows: [AuditEntry]) throws {
        for row in rows { try PGAudit.insert(db, row, imported: true) }
    }
}

/// The columns of each table, read once per connection from the catalogue.
final class PostgresColumns: @unchecked Sendable {
    private var cache: [String: [String]] = [:]
    private var typeCache: [String: [String]] = [:]
    private let lock = NSLock()

    func columns(of table: String, _ db: PGSession) throws -> [String] {
        if let c = lock.withLock({ cache[table] }) { return c }
        let c = try db.query("""
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [.text(table)]).compactMap { $0[0].string }
        lock.withLock { cache[table] = c }
        return c
    }

    /// Each column's type name (`udt_name`: text, bool, int8), in `columns(of:)` order.
    func types(of table: String, _ db: PGSession) throws -> [String] {
        if let t = lock.withLock({ typeCache[table] }) { return t }
        let t = try db.query("""
            SELECT udt_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [.text(table)]).compactMap { $0[0].string }
        lock.withLock { typeCache[table] = t }
        return t
    }
}
