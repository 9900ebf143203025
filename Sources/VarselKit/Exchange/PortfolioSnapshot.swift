/// Writes a whole `PortfolioDocument` through a transaction, parents before children (the
/// storage reads it back in stable order: `PortfolioStorage.exportDocument`).
package enum PortfolioSnapshot {
    /// Inserts every record of `doc` but its audit rows (parents before children).
    static func insert(_ doc: PortfolioDocument, into tx: any PortfolioTransaction) throws {
        for p in doc.parties { try tx.insert(p) }
        // Parents first, so parent_id references resolve.
        for a in orderedByParent(doc.agreements) { try tx.insert(a) }
        for v in doc.versions { try tx.insert(v) }
        for c in doc.clauses { try tx.insert(c) }
        for r in doc.noticeRules { try tx.insert(r) }
        for s in doc.subProcessors { try tx.insert(s) }
        for n in doc.changeNotices { try tx.insert(n) }
        for o in doc.objections { try tx.insert(o) }
        for t in doc.terminations { try tx.insert(t) }
        for e in doc.events { try tx.insert(e) }
        for d in doc.deadlines { try tx.insert(d) }
    }

    package static func orderedByParent(_ agreements: [Agreement]) -> [Agreement] {
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
