
extension Agreement {
    /// The day the agreement ends by itself: its end date, or the last day of a fixed term.
    /// nil for agreements that run until terminated (and for ones that end with their parent
    /// but have no end date yet).
    public var ownEnd: CivilDate? {
        if let endDate { return endDate }
        guard term.kind == .fixed, let start = effectiveDate, let p = term.initialPeriod else { return nil }
        return RenewalSchedule.end(of: p, from: start)
    }
}

/// Keeps the follow-ons of a known end (data return, delete-or-return decisions) on the agenda
/// without anyone recording a termination: an agreement with a fixed end date or fixed term, or
/// one that ends with its parent, gets its `agreement_ends` deadlines (source `agreement_end`)
/// as soon as it is saved or imported, and they move when the end moves. Once a termination is
/// recorded, the termination's own follow-ons replace them.
enum AgreementEndings {
    /// The end that counts for `agreement`: the parent's end when it ends with its parent.
    static func end(_ tx: any PortfolioRecords, of agreement: Agreement, depth: Int = 0) throws -> CivilDate? {
        guard agreement.endsWithParent, let parentId = agreement.parentId, depth < 32,
              let parent = try tx.record(Agreement.self, id: parentId) else { return agreement.ownEnd }
        return try end(tx, of: parent, depth: depth + 1)
    }

    /// True when the agreement's end comes from a recorded (not withdrawn) termination (its own, or for one
    /// that ends with its parent, the parent's).
    static func terminated(_ tx: any PortfolioRecords, _ agreement: Agreement, depth: Int = 0) throws -> Bool {
        if try tx.activeTerminationCount(agreementId: agreement.id) > 0 { return true }
        guard agreement.endsWithParent, let parentId = agreement.parentId, depth < 32,
              let parent = try tx.record(Agreement.self, id: parentId) else { return false }
        return try terminated(tx, parent, depth: depth + 1)
    }

    /// The agreements that end with `id` (children, grandchildren, …), parents before children.
    static func dependants(_ tx: any PortfolioRecords, of id: String) throws -> [Agreement] {
        var out: [Agreement] = [], queue = [id], seen: Set<String> = [id]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for child in try tx.agreementsEnding(withParent: next)
            where !seen.contains(child.id) {
                seen.insert(child.id); out.append(child); queue.append(child.id)
            }
        }
        return out
    }

    /// Brings the end-date follow-ons of `ids` and of every agreement that ends with them in
    /// step with their current ends; returns the deadlines inserted or updated. Handled deadlines
    /// are never touched; open ones that no longer follow are removed.
    @discardableResult
    static func sync(_ tx: any PortfolioTransaction, agreementIds: some Sequence<String>, planner: DeadlinePlanner) throws -> [Deadline] {
        var done: Set<String> = [], changed: [Deadline] = []
        for id in agreementIds {
            guard !done.contains(id), let a = try tx.record(Agreement.self, id: id) else { continue }
            for agreement in [a] + (try dependants(tx, of: id)) where !done.contains(agreement.id) {
                done.insert(agreement.id)
                changed += try syncOne(tx, agreement, planner: planner)
            }
        }
        return changed
    }

    private static func syncOne(_ tx: any PortfolioTransaction, _ stored: Agreement, planner: DeadlinePlanner) throws -> [Deadline] {
        var agreement = stored
        let end = try end(tx, of: agreement)
        if agreement.endsWithParent, agreement.parentId != nil, agreement.endDate != end {
            agreement.endDate = end
            try tx.update(agreement)
        }
        let existing = try tx.deadlines(DeadlineFilter(agreementIds: [agreement.id], sourceKind: .agreementEnd))
        var wanted: [Deadline] = []
        if let end, try !terminated(tx, agreement) {
            let rules = try tx.rules(agreementId: agreement.id)
            wanted = planner.deadlines(forEnd: end, terminationId: agreement.id, rules: rules, calendar: agreement.calendar,
                                       sourceKind: .agreementEnd)
        }
        let byId = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let wantedIds = Set(wanted.map(\.id))
        for old in existing where old.state == .open && !wantedIds.contains(old.id) { try tx.delete(old) }
        var changed: [Deadline] = []
        for var d in wanted {
            guard let old = byId[d.id] else { try tx.insert(d); changed.append(d); continue }
            d.snoozedUntil = old.snoozedUntil; d.note = old.note
            guard old.state == .open, old != d else { continue }
            try tx.update(d); changed.append(d)
        }
        return changed
    }

    /// Removes the open end-date follow-ons of agreements a termination now ends.
    static func dropPlanned(_ tx: any PortfolioTransaction, agreementIds: [String]) throws {
        guard !agreementIds.isEmpty else { return }
        try tx.deleteDeadlines(DeadlineFilter(agreementIds: agreementIds, sourceKind: .agreementEnd, state: .open))
    }
}
