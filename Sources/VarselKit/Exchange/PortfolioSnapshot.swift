import GRDB

/// Reads and writes a whole `PortfolioDocument` in a database, in stable order.
enum PortfolioSnapshot {
    /// Every record, each table ordered by id (audit by sequence).
    static func read(_ db: Database) throws -> PortfolioDocument {
        let byId = [Column("id")]
        return PortfolioDocument(
            parties: try Party.order(byId).fetchAll(db),
            agreements: try Agreement.order(byId).fetchAll(db),
            versions: try AgreementVersion.order(byId).fetchAll(db),
            clauses: try Clause.order(byId).fetchAll(db),
            noticeRules: try NoticeRule.order(byId).fetchAll(db),
            subProcessors: try SubProcessor.order(byId).fetchAll(db),
            changeNotices: try ChangeNotice.order(byId).fetchAll(db),
            objections: try Objection.order(byId).fetchAll(db),
            terminations: try TerminationNotice.order(byId).fetchAll(db),
            events: try AgreementEvent.order(byId).fetchAll(db),
            deadlines: try Deadline.order(byId).fetchAll(db),
            audit: try AuditEntry.order(byId).fetchAll(db))
    }

    /// Inserts every record of `doc` (parents before children). Audit rows of the document are
    /// appended as they are (ids preserved) when `includeAudit` is set.
    static func insert(_ doc: PortfolioDocument, into db: Database, includeAudit: Bool) throws {
        for p in doc.parties { try p.insert(db) }
        // Parents first, so parent_id references resolve.
        for a in orderedByParent(doc.agreements) { try a.insert(db) }
        for v in doc.versions { try v.insert(db) }
        for c in doc.clauses { try c.insert(db) }
        for r in doc.noticeRules { try r.insert(db) }
        for s in doc.subProcessors { try s.insert(db) }
        for n in doc.changeNotices { try n.insert(db) }
        for o in doc.objections { try o.insert(db) }
        for t in doc.terminations { try t.insert(db) }
        for e in doc.events { try e.insert(db) }
        for d in doc.deadlines { try d.insert(db) }
        if includeAudit { for a in doc.audit { try a.insert(db) } }
    }

    static func orderedByParent(_ agreements: [Agreement]) -> [Agreement] {
        var done = Set<String>(), result: [Agreement] = [], pending = agreements
        let ids = Set(agreements.map(\.id))
        while !pending.isEmpty {
            let (ready, rest) = pending.reduce(into: ([Agreement](), [Agreement]())) { acc, a in
                if a.parentId == nil || done.contains(a.parentId!) || !ids.contains(a.parentId!) { acc.0.append(a) } else { acc.1.append(a) }
            }
            if ready.isEmpty { return result + rest } // a cycle: let the foreign key check report it
            result += ready; ready.forEach { done.insert($0.id) }; pending = rest
        }
        return result
    }
}
