import Foundation

/// Clauses, notice rules, sub-processors and version entries of an agreement: each write
/// validated against its agreement, one transaction and one audit row with before/after.
extension Portfolio {
    // MARK: Clauses

    @discardableResult
    public func addClause(_ draft: Clause, dryRun: Bool = false) throws -> Authored<Clause> {
        try authoring(dryRun: dryRun) { tx in
            var c = draft
            let a = try tx.agreement(c.agreementId)
            if c.id.trimmingCharacters(in: .whitespaces).isEmpty { c.id = ids.make("cl") }
            c.reference = c.reference.trimmingCharacters(in: .whitespaces)
            try AuthoringValidation.clause(c, others: try tx.clauses(agreementId: a.id))
            if try tx.record(Clause.self, id: c.id) != nil {
                throw VarselError(.conflict, "A clause with id \"\(c.id)\" exists", at: "id", fix: "Give another --id, or leave it out")
            }
            try tx.insert(c)
            return (Authored(record: c, before: nil, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "add_clause", entityType: "clause", entityId: c.id,
                              summary: "Added clause \(c.reference) to \(a.title)", after: c))
        }
    }

    /// Edits a clause; a new reference is carried over to the rules that cite the old one.
    @discardableResult
    public func editClause(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil,
                           _ change: (inout Clause) throws -> Void) throws -> Authored<Clause> {
        try authoring(dryRun: dryRun) { tx in
            let before = try clause(tx, id)
            try requireUnchanged(before, since: loaded, entityType: "clause", tx)
            var c = before
            try change(&c)
            c.id = before.id; c.agreementId = before.agreementId
            c.reference = c.reference.trimmingCharacters(in: .whitespaces)
            guard c != before else {
                throw VarselError(.invalidInput, "Nothing to change on clause \(before.reference)", fix: "Give at least one option with a new value")
            }
            try AuthoringValidation.clause(c, others: try tx.clauses(agreementId: c.agreementId))
            try tx.update(c)
            if c.reference != before.reference {
                for var r in try tx.rules(agreementId: c.agreementId) where r.clauseRef == before.reference {
                    r.clauseRef = c.reference
                    try tx.update(r)
                }
            }
            return (Authored(record: c, before: before, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "edit_clause", entityType: "clause", entityId: c.id,
                              summary: "Edited clause \(c.reference)", before: before, after: c))
        }
    }

    /// Removes a clause nothing cites: no notice rule (its clause or written-form clause), no
    /// sub-processor's approval and not the agreement's transfer-consent clause. A refusal names them all.
    @discardableResult
    public func removeClause(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil) throws -> Authored<Clause> {
        try authoring(dryRun: dryRun) { tx in
            let c = try clause(tx, id)
            try requireUnchanged(c, since: loaded, entityType: "clause", tx)
            let a = try tx.agreement(c.agreementId)
            var citing = try tx.rules(agreementId: c.agreementId)
                .filter { $0.clauseRef == c.reference || $0.writtenFormClause == c.reference }
                .map { "notice rule \($0.id) (\($0.title))" }
            citing += try tx.subProcessors(agreementId: c.agreementId).filter { $0.approvalClause == c.reference }
                .map { "sub-processor \($0.id) (\($0.name))" }
            if a.transferConsentClause == c.reference { citing.append("the agreement's transfer-consent clause") }
            if !citing.isEmpty {
                throw VarselError(.conflict, "Clause \(c.reference) is cited by " + citing.joined(separator: ", "), at: "clause",
                                  fix: "Change or remove those first (e.g. `varsel rule edit RULE --clause …`), then remove the clause")
            }
            try tx.delete(c)
            return (Authored(record: c, before: c, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "remove_clause", entityType: "clause", entityId: c.id,
                              summary: "Removed clause \(c.reference)", before: c))
        }
    }

    func clause(_ tx: any PortfolioRecords, _ id: String) throws -> Clause {
        guard let c = try tx.record(Clause.self, id: id) else {
            throw VarselError(.notFound, "No clause with id \"\(id)\"", at: "clause", fix: "See the clauses with `varsel show AGREEMENT --format json`")
        }
        return c
    }

    // MARK: Notice rules

    /// Adds a notice rule; recurring duties get their next occurrence, and the open windows of
    /// the agreement are recomputed.
    @discardableResult
    public func addRule(_ draft: NoticeRule, dryRun: Bool = false) throws -> Authored<NoticeRule> {
        try authoring(dryRun: dryRun) { tx in
            var r = draft
            let a = try tx.agreement(r.agreementId)
            if r.id.trimmingCharacters(in: .whitespaces).isEmpty { r.id = ids.make("rule") }
            if try tx.record(NoticeRule.self, id: r.id) != nil {
                throw VarselError(.conflict, "A notice rule with id \"\(r.id)\" exists", at: "id", fix: "Give another --id, or leave it out")
            }
            try AuthoringValidation.rule(r, agreement: a, clauses: try tx.clauses(agreementId: a.id))
            try tx.insert(r)
            let planned = try replan(tx, agreementId: a.id)
            return (Authored(record: r, before: nil, deadlines: planned, withdrawn: [], dryRun: false),
                    AuditNote(action: "add_rule", entityType: "notice_rule", entityId: r.id,
                              summary: "Added notice rule \(r.title) to \(a.title)", after: r))
        }
    }

    /// Edits a notice rule; the open deadlines it gave move in the same transaction (handled ones stay).
    @discardableResult
    public func editRule(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil,
                         _ change: (inout NoticeRule) throws -> Void) throws -> Authored<NoticeRule> {
        try authoring(dryRun: dryRun) { tx in
            let before = try rule(tx, id)
            try requireUnchanged(before, since: loaded, entityType: "notice_rule", tx)
            var r = before
            try change(&r)
            r.id = before.id; r.agreementId = before.agreementId
            guard r != before else {
                throw VarselError(.invalidInput, "Nothing to change on rule \(before.title)", fix: "Give at least one option with a new value")
            }
            let a = try tx.agreement(r.agreementId)
            try AuthoringValidation.rule(r, agreement: a, clauses: try tx.clauses(agreementId: a.id))
            try tx.update(r)
            var withdrawn: [String] = [], reopened: [Deadline] = []
            let recurrenceChanged = r.period != before.period || r.recursFrom != before.recursFrom || r.actor != before.actor
            if !Recurrence.isOpenable(r) || recurrenceChanged {
                // The open occurrence was counted on the old interval: it goes, and the next one is
                // counted afresh (after the last handled one, not before today); handled ones stay.
                let stored = try tx.deadlines(DeadlineFilter(agreementIds: [a.id], sourceKind: .recurrence, ruleId: r.id))
                for d in stored where d.state == .open { try tx.delete(d); withdrawn.append(d.id) }
                if Recurrence.isOpenable(r) {
                    let last = stored.filter { $0.state == .handled }.compactMap { Recurrence.parse(sourceId: $0.sourceId)?.occurrence }.max()
                    let k = max((last ?? 0) + 1, planner.firstOccurrence(of: r, calendar: a.calendar, actByOnOrAfter: clock.today))
                    if let d = try Recurrence.openOccurrence(tx, k, of: r, agreement: a, planner: planner) {
                        reopened.append(d)
                        withdrawn.removeAll { $0 == d.id }
                    }
                }
            }
            let moved = reopened + (try replan(tx, agreementId: a.id))
            withdrawn += try dropInapplicable(tx, rule: r, agreement: a)
            let words = moved.isEmpty ? "" : "; \(moved.count) open deadline(s) moved"
            return (Authored(record: r, before: before, deadlines: moved, withdrawn: withdrawn, dryRun: false),
                    AuditNote(action: "edit_rule", entityType: "notice_rule", entityId: r.id,
                              summary: "Edited notice rule \(r.title)\(words)", before: before, after: r))
        }
    }

    /// Removes a notice rule and withdraws its open deadlines. A rule with history (a handled
    /// deadline, a termination counted by it) is kept: edit it instead.
    @discardableResult
    public func removeRule(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil) throws -> Authored<NoticeRule> {
        try authoring(dryRun: dryRun) { tx in
            let r = try rule(tx, id)
            try requireUnchanged(r, since: loaded, entityType: "notice_rule", tx)
            let own = try tx.deadlines(DeadlineFilter(agreementIds: [r.agreementId], ruleId: r.id))
            if let handled = own.first(where: { $0.state == .handled }) {
                throw VarselError(.conflict, "Notice rule \(r.id) has history: deadline \(handled.id) was handled", at: "rule",
                                  fix: "Keep the rule and change it with `varsel rule edit \(r.id)`")
            }
            let open = own.filter { $0.state == .open }
            for d in open { try tx.delete(d) }
            try tx.delete(r)
            return (Authored(record: r, before: r, deadlines: [], withdrawn: open.map(\.id), dryRun: false),
                    AuditNote(action: "remove_rule", entityType: "notice_rule", entityId: r.id,
                              summary: "Removed notice rule \(r.title)" + (open.isEmpty ? "" : "; \(open.count) open deadline(s) withdrawn"),
                              before: r))
        }
    }

    /// The open deadlines a change notice or an event gave under `rule` that the rule no longer
    /// gives (its trigger, change kinds or event kind changed) are withdrawn; handled ones stay.
    func dropInapplicable(_ tx: any PortfolioTransaction, rule: NoticeRule, agreement a: Agreement) throws -> [String] {
        var dropped: [String] = []
        for d in try tx.deadlines(DeadlineFilter(agreementIds: [a.id], ruleId: rule.id, state: .open)) {
            let stillGiven: Bool
            switch d.sourceKind {
            case .changeNotice:
                guard let n = try tx.record(ChangeNotice.self, id: d.sourceId) else { continue }
                stillGiven = !planner.deadlines(for: n, rules: [rule], calendar: a.calendar, agreementEnd: a.ownEnd).isEmpty
            case .event:
                guard let e = try tx.record(AgreementEvent.self, id: d.sourceId) else { continue }
                stillGiven = !planner.deadlines(for: e, rules: [rule], calendar: a.calendar, agreementEnd: a.ownEnd).isEmpty
            default:
                continue
            }
            if !stillGiven { try tx.delete(d); dropped.append(d.id) }
        }
        return dropped
    }

    func rule(_ tx: any PortfolioRecords, _ id: String) throws -> NoticeRule {
        guard let r = try tx.record(NoticeRule.self, id: id) else {
            throw VarselError(.notFound, "No notice rule with id \"\(id)\"", at: "rule", fix: "See the rules with `varsel show AGREEMENT`")
        }
        return r
    }

    // MARK: Sub-processors

    @discardableResult
    public func addSubProcessor(_ draft: SubProcessor, dryRun: Bool = false) throws -> Authored<SubProcessor> {
        try authoring(dryRun: dryRun) { tx in
            var s = try AuthoringValidation.subProcessor(draft)
            let a = try tx.agreement(s.agreementId)
            if s.id.trimmingCharacters(in: .whitespaces).isEmpty { s.id = ids.make("sp") }
            if try tx.record(SubProcessor.self, id: s.id) != nil {
                throw VarselError(.conflict, "A sub-processor with id \"\(s.id)\" exists", at: "id", fix: "Give another --id, or leave it out")
            }
            if let since = s.since, let start = a.signedDate, since < start {
                throw VarselError(.invalidInput, "Since \(since.iso) is before the agreement was signed (\(start.iso))", at: "since", fix: "Check the date")
            }
            try tx.insert(s)
            return (Authored(record: s, before: nil, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "add_sub_processor", entityType: "sub_processor", entityId: s.id,
                              summary: "Added sub-processor \(s.name) to \(a.title)", after: s))
        }
    }

    @discardableResult
    public func editSubProcessor(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil,
                                 _ change: (inout SubProcessor) throws -> Void) throws -> Authored<SubProcessor> {
        try authoring(dryRun: dryRun) { tx in
            let before = try subProcessor(tx, id)
            try requireUnchanged(before, since: loaded, entityType: "sub_processor", tx)
            var s = before
            try change(&s)
            s.id = before.id; s.agreementId = before.agreementId
            s = try AuthoringValidation.subProcessor(s)
            guard s != before else {
                throw VarselError(.invalidInput, "Nothing to change on \(before.name)", fix: "Give at least one option with a new value")
            }
            try tx.update(s)
            return (Authored(record: s, before: before, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "edit_sub_processor", entityType: "sub_processor", entityId: s.id,
                              summary: "Edited sub-processor \(s.name)", before: before, after: s))
        }
    }

    /// Removes a sub-processor from use: status removed from `date`; the record stays as history.
    @discardableResult
    public func removeSubProcessor(id: String, date: CivilDate? = nil, dryRun: Bool = false,
                                   loaded: RecordVersion? = nil) throws -> Authored<SubProcessor> {
        try authoring(dryRun: dryRun) { tx in
            let before = try subProcessor(tx, id)
            try requireUnchanged(before, since: loaded, entityType: "sub_processor", tx)
            guard before.status != .removed else {
                throw VarselError(.conflict, "\(before.name) is already removed (since \(before.since?.iso ?? "?"))", at: "sub-processor",
                                  fix: "Nothing to do")
            }
            let date = date ?? clock.today
            if let since = before.since, date < since {
                throw VarselError(.invalidInput, "Removal date \(date.iso) is before it was engaged (\(since.iso))", at: "date", fix: "Give --date \(since.iso) or later")
            }
            var s = before
            s.status = .removed; s.since = date
            s.approvalBasis = nil
            try tx.update(s)
            return (Authored(record: s, before: before, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "remove_sub_processor", entityType: "sub_processor", entityId: s.id,
                              summary: "Removed sub-processor \(s.name) from \(date.iso)", before: before, after: s))
        }
    }

    func subProcessor(_ tx: any PortfolioRecords, _ id: String) throws -> SubProcessor {
        guard let s = try tx.record(SubProcessor.self, id: id) else {
            throw VarselError(.notFound, "No sub-processor with id \"\(id)\"", at: "sub-processor", fix: "See them with `varsel subprocessors --agreement AGREEMENT`")
        }
        return s
    }

    // MARK: Versions

    /// Adds a version entry; the agreement's current version label follows it.
    @discardableResult
    public func addVersion(_ draft: AgreementVersion, dryRun: Bool = false) throws -> Authored<AgreementVersion> {
        try authoring(dryRun: dryRun) { tx in
            var v = draft
            var a = try tx.agreement(v.agreementId)
            if v.id.trimmingCharacters(in: .whitespaces).isEmpty { v.id = ids.make("ver") }
            v.version = v.version.trimmingCharacters(in: .whitespaces)
            try AuthoringValidation.version(v, agreement: a, others: try tx.versions(agreementId: a.id))
            try tx.insert(v)
            a.version = v.version
            try tx.update(a)
            return (Authored(record: v, before: nil, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "add_version", entityType: "agreement_version", entityId: v.id,
                              summary: "Added version \(v.version) of \(a.title)", after: v))
        }
    }
}
