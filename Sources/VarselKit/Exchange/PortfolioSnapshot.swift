/// Writes a whole `PortfolioDocument` through a transaction, parents before children (the
/// storage reads it back in stable order: `PortfolioStorage.exportDocument`).
package enum PortfolioSnapshot {
    /// Inserts every record of `doc` but its audit rows, kind by kind in `RecordRegistry` order
    /// (parents before children).
    static func insert(_ doc: PortfolioDocument, into tx: any PortfolioTransaction) throws {
        for kind in RecordRegistry.kinds { try kind.insert(doc, into: tx) }
    }

    /// Agreements with their parents first, so parent_id references resolve.
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
