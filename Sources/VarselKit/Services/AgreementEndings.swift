import GRDB

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
    static func end(_ db: Database, of agreement: Agreement, depth: Int = 0) throws -> CivilDate? {
        guard agreement.endsWithParent, let parentId = agreement.parentId, depth < 32,
              let parent = try Agreement.fetchOne(db, key: parentId) else { return agreement.ownEnd }
        return try end(db, of: parent, depth: depth + 1)
    }

    /// True when the agreement's end comes from a recorded (not withdrawn) termination (its own, or for one
    /// that ends with its parent, the parent's).
    static func terminated(_ db: Database, _ agreement: Agreement, depth: Int = 0) throws -> Bool {
        if try TerminationNotice.filter(Column("agreement_id") == agreement.id && Column("withdrawn_date") == nil).fetchCount(db) > 0 { return true }
        guard agreement.endsWithParent, let parentId = agreement.parentId, depth < 32,
              let parent = try Agreement.fetchOne(db, key: parentId) else { return false }
        return try terminated(db, parent, depth: depth + 1)
    }

    /// The agreements that end with `id` (children, grandchildren, …), parents before children.
    static func dependants(_ db: Database, of id: String) throws -> [Agreement] {
        var out: [Agreement] = [], queue = [id], seen: Set<String> = [id]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for child in try Agreement.filter(Column("parent_id") == next && Column("ends_with_parent") == true).order(Column("id")).fetchAll(db)
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
    static func sync(_ db: Database, agreementIds: some Sequence<String>, planner: DeadlinePlanner) throws -> [Deadline] {
        var done: Set<String> = [], changed: [Deadline] = []
        for id in agreementIds {
            guard !done.contains(id), let a = try Agreement.fetchOne(db, key: id) else { continue }
            for agreement in [a] + (try dependants(db, of: id)) where !done.contains(agreement.id) {
                done.insert(agreement.id)
                changed += try syncOne(db, agreement, planner: planner)
            }
        }
        return changed
    }

    private static func syncOne(_ db: Database, _ stored: Agreement, planner: DeadlinePlanner) throws -> [Deadline] {
        var agreement = stored
        let end = try end(db, of: agreement)
        if agreement.endsWithParent, agreement.parentId != nil, agreement.endDate != end {
            agreement.endDate = end
            try agreement.update(db)
        }
        let existing = try Deadline.filter(Column("agreement_id") == agreement.id
                                           && Column("source_kind") == DeadlineSourceKind.agreementEnd.rawValue).fetchAll(db)
        var wanted: [Deadline] = []
        if let end, try !terminated(db, agreement) {
            let rules = try NoticeRule.filter(Column("agreement_id") == agreement.id).order(Column("id")).fetchAll(db)
            wanted = planner.deadlines(forEnd: end, terminationId: agreement.id, rules: rules, calendar: agreement.calendar,
                                       sourceKind: .agreementEnd)
        }
        let byId = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let wantedIds = Set(wanted.map(\.id))
        for old in existing where old.state == .open && !wantedIds.contains(old.id) { try old.delete(db) }
        var changed: [Deadline] = []
        for var d in wanted {
            guard let old = byId[d.id] else { try d.insert(db); changed.append(d); continue }
            d.snoozedUntil = old.snoozedUntil; d.note = old.note
            guard old.state == .open, old != d else { continue }
            try d.update(db); changed.append(d)
        }
        return changed
    }

    /// Removes the open end-date follow-ons of agreements a termination now ends.
    static func dropPlanned(_ db: Database, agreementIds: [String]) throws {
        guard !agreementIds.isEmpty else { return }
        try Deadline.filter(agreementIds.contains(Column("agreement_id"))
                            && Column("source_kind") == DeadlineSourceKind.agreementEnd.rawValue
                            && Column("state") == DeadlineState.open.rawValue).deleteAll(db)
    }
}
