import Foundation

/// Compensating changes the workbench's `u` runs for removals: the record comes back as it was,
/// one transaction and one audit row; refused when something with its id exists again.
extension Portfolio {
    /// Puts back a removed notice rule with the open deadlines it had (as they were: snoozes and
    /// notes kept); the agreement's open deadlines are then recomputed as after any rule change.
    /// Handled deadlines are never touched (a rule with handled ones cannot be removed).
    @discardableResult
    public func restoreRule(_ rule: NoticeRule, deadlines: [Deadline]) throws -> Authored<NoticeRule> {
        try authoring(dryRun: false) { tx in
            let a = try tx.agreement(rule.agreementId)
            if try tx.record(NoticeRule.self, id: rule.id) != nil {
                throw VarselError(.conflict, "A notice rule with id \"\(rule.id)\" exists again", at: "rule", fix: "Nothing to restore")
            }
            try AuthoringValidation.rule(rule, agreement: a, clauses: try tx.clauses(agreementId: a.id))
            try tx.insert(rule)
            var back: [Deadline] = []
            for d in deadlines where d.state == .open && d.ruleId == rule.id {
                guard try !tx.deadlineExists(id: d.id) else { continue }
                try tx.insert(d)
                back.append(d)
            }
            let planned = try replan(tx, agreementId: a.id)
            let ids = Set(planned.map(\.id))
            let restored = planned + back.filter { !ids.contains($0.id) }
            return (Authored(record: rule, before: nil, deadlines: restored, withdrawn: [], dryRun: false),
                    AuditNote(action: "restore_rule", entityType: "notice_rule", entityId: rule.id,
                              summary: "Restored notice rule \(rule.title)"
                                  + (back.isEmpty ? "" : "; \(back.count) open deadline(s) back"), after: rule))
        }
    }

    /// Puts back a removed clause (same id, reference and text).
    @discardableResult
    public func restoreClause(_ clause: Clause) throws -> Authored<Clause> {
        try authoring(dryRun: false) { tx in
            let a = try tx.agreement(clause.agreementId)
            if try tx.record(Clause.self, id: clause.id) != nil {
                throw VarselError(.conflict, "A clause with id \"\(clause.id)\" exists again", at: "clause", fix: "Nothing to restore")
            }
            try AuthoringValidation.clause(clause, others: try tx.clauses(agreementId: a.id))
            try tx.insert(clause)
            return (Authored(record: clause, before: nil, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "restore_clause", entityType: "clause", entityId: clause.id,
                              summary: "Restored clause \(clause.reference) of \(a.title)", after: clause))
        }
    }

    /// Puts back a removed version entry; the agreement's version label becomes `label`.
    @discardableResult
    public func restoreVersion(_ version: AgreementVersion, label: String?) throws -> Authored<AgreementVersion> {
        try authoring(dryRun: false) { tx in
            var a = try tx.agreement(version.agreementId)
            if try tx.record(AgreementVersion.self, id: version.id) != nil {
                throw VarselError(.conflict, "A version entry with id \"\(version.id)\" exists again", at: "version", fix: "Nothing to restore")
            }
            try AuthoringValidation.version(version, agreement: a, others: try tx.versions(agreementId: a.id))
            try tx.insert(version)
            if a.version != label { a.version = label; try tx.update(a) }
            return (Authored(record: version, before: nil, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "restore_version", entityType: "agreement_version", entityId: version.id,
                              summary: "Restored version \(version.version) of \(a.title)", after: version))
        }
    }
}
