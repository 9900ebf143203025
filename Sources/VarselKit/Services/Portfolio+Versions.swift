import Foundation

/// Editing and removing an agreement's version entries: validated against the agreement, one
/// transaction and one audit row with before/after; a save from a form that opened an older
/// version of the entry (`loaded`) is refused ("Changed by … since you opened it").
extension Portfolio {
    /// What the agreement's version label becomes when an entry is removed.
    public enum VersionLabelAfterRemoval: Hashable, Sendable {
        /// The newest remaining entry's label when the removed entry was the current one; kept as
        /// it is when no entry remains or another entry was current.
        case newestRemaining
        /// Exactly this label (undoing an added entry puts the label it replaced back).
        case exactly(String?)
    }

    /// Edits a version entry; when its label changes and the agreement's current version is that
    /// label, the agreement's label follows.
    @discardableResult
    public func editVersion(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil,
                            _ change: (inout AgreementVersion) throws -> Void) throws -> Authored<AgreementVersion> {
        try authoring(dryRun: dryRun) { tx in
            let before = try version(tx, id)
            try requireUnchanged(before, since: loaded, entityType: "agreement_version", tx)
            var v = before
            try change(&v)
            v.id = before.id; v.agreementId = before.agreementId
            v.version = v.version.trimmingCharacters(in: .whitespaces)
            guard v != before else {
                throw VarselError(.invalidInput, "Nothing to change on version \(before.version)", at: "version",
                                  fix: "Give at least one option with a new value")
            }
            var a = try tx.agreement(v.agreementId)
            try AuthoringValidation.version(v, agreement: a, others: try tx.versions(agreementId: a.id))
            try tx.update(v)
            if v.version != before.version, a.version == before.version {
                a.version = v.version
                try tx.update(a)
            }
            return (Authored(record: v, before: before, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "edit_version", entityType: "agreement_version", entityId: v.id,
                              summary: "Edited version \(v.version) of \(a.title)", before: before, after: v))
        }
    }

    /// Removes a version entry. Nothing else stores a version entry's id; the agreement's current
    /// version label, which names it, follows `label`.
    @discardableResult
    public func removeVersion(id: String, dryRun: Bool = false, loaded: RecordVersion? = nil,
                              label: VersionLabelAfterRemoval = .newestRemaining) throws -> Authored<AgreementVersion> {
        try authoring(dryRun: dryRun) { tx in
            let v = try version(tx, id)
            try requireUnchanged(v, since: loaded, entityType: "agreement_version", tx)
            var a = try tx.agreement(v.agreementId)
            try tx.delete(v)
            let newLabel: String?
            switch label {
            case .exactly(let l): newLabel = l
            case .newestRemaining:
                let rest = try tx.versions(agreementId: a.id)
                let newest = rest.max { ($0.date?.iso ?? "", $0.id) < ($1.date?.iso ?? "", $1.id) }
                newLabel = a.version == v.version ? (newest?.version ?? a.version) : a.version
            }
            if newLabel != a.version {
                a.version = newLabel
                try tx.update(a)
            }
            return (Authored(record: v, before: v, deadlines: [], withdrawn: [], dryRun: false),
                    AuditNote(action: "remove_version", entityType: "agreement_version", entityId: v.id,
                              summary: "Removed version \(v.version) of \(a.title)"
                                  + (newLabel == v.version ? "" : "; the agreement is now version \(newLabel ?? "—")"),
                              before: v))
        }
    }

    func version(_ tx: any PortfolioRecords, _ id: String) throws -> AgreementVersion {
        guard let v = try tx.record(AgreementVersion.self, id: id) else {
            throw VarselError(.notFound, "No version entry with id \"\(id)\"", at: "version",
                              fix: "See the version entries with `varsel show AGREEMENT --format json`")
        }
        return v
    }
}
