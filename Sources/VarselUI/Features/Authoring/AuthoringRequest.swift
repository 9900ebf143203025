import VarselKit

/// An authoring form to open and what it reads first (a `FormRequest` case, run as an effect).
public enum AuthoringRequest: Hashable, Sendable {
    case newAgreement
    case editAgreement(String), archiveAgreement(String), editParty(String), addClause(String), addVersion(String)
    case addRule(String), editRule(String), removeRule(String)
    case addSubProcessor(String), editSubProcessor(String), removeSubProcessor(String)
    case editClause(String), removeClause(String), editVersion(String), removeVersion(String)

    var agreementId: String? {
        switch self {
        case .newAgreement: nil
        case .editAgreement(let id), .archiveAgreement(let id), .editParty(let id), .addClause(let id), .addVersion(let id),
             .addRule(let id), .editRule(let id), .removeRule(let id),
             .addSubProcessor(let id), .editSubProcessor(let id), .removeSubProcessor(let id),
             .editClause(let id), .removeClause(let id), .editVersion(let id), .removeVersion(let id): id
        }
    }

    /// Every party, for the counterparty type-ahead.
    @MainActor static func parties(_ p: Portfolio) -> [Party] {
        let all = (try? p.store.read { tx in try tx.records(Party.self, ids: Array(try tx.existingIDs().parties)) }) ?? []
        return all.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    /// Reads what the form needs and lays it out, or says why it cannot open.
    @MainActor func open(_ data: WorkbenchData) -> FormRequest.Opened {
        let p = data.portfolio, today = p.clock.today
        guard let id = agreementId else {
            return .form(AgreementForm.make(base: nil, parties: Self.parties(p), counterparty: nil, parentId: nil))
        }
        guard let d = data.detail(id) else {
            return .refused(StatusMessage(text: "Agreement \(id) is not in the database any more", isError: true))
        }
        let a = d.agreement
        func refuse(_ text: String) -> FormRequest.Opened { .refused(StatusMessage(text: text, isError: true)) }
        switch self {
        case .newAgreement: return refuse("")
        case .editAgreement:
            return .form(AgreementForm.make(base: a, parties: Self.parties(p), counterparty: d.counterparty, parentId: a.parentId))
        case .archiveAgreement:
            guard a.status != .ended else { return refuse("\(a.title) is already archived (ended \(a.endDate?.iso ?? "?"))") }
            return .form(ArchiveAgreementForm.make(agreement: a, today: today))
        case .editParty:
            return .form(PartyForm.make(parties: [d.counterparty] + (d.ourParty.map { [$0] } ?? []), agreementTitle: a.title))
        case .addClause:
            return .form(ClauseForm.make(agreement: a))
        case .addVersion:
            return .form(VersionForm.make(agreement: a, today: today))
        case .editClause, .removeClause:
            guard !d.clauses.isEmpty else { return refuse("\(a.title) has no clauses; n adds one") }
            if case .removeClause = self { return .form(RemoveClauseForm.make(agreement: a, records: d.clauses)) }
            return .form(ClauseForm.make(agreement: a, records: d.clauses))
        case .editVersion, .removeVersion:
            guard !d.versions.isEmpty else { return refuse("\(a.title) has no version entries; n adds one") }
            if case .removeVersion = self { return .form(RemoveVersionForm.make(agreement: a, records: d.versions)) }
            return .form(VersionForm.make(agreement: a, today: today, records: d.versions))
        case .addRule:
            return .form(RuleForm.make(agreement: a, clauses: d.clauses, rules: []))
        case .editRule, .removeRule:
            // Statutory rules (GDPR Art. 33) are not stored: they cannot be edited or removed.
            let rules = d.rules.map(\.rule).filter { !StatutoryRules.references.contains($0.clauseRef ?? "") }
            guard !rules.isEmpty else { return refuse("\(a.title) has no notice rules of its own (statutory ones cannot be changed); n adds one") }
            if case .removeRule = self { return .form(RemoveRuleForm.make(agreement: a, rules: rules)) }
            return .form(RuleForm.make(agreement: a, clauses: d.clauses, rules: rules))
        case .addSubProcessor:
            return .form(SubProcessorForm.make(agreement: a, records: [], today: today))
        case .editSubProcessor:
            guard !d.subProcessors.isEmpty else { return refuse("\(a.title) has no sub-processors; n adds one") }
            return .form(SubProcessorForm.make(agreement: a, records: d.subProcessors, today: today))
        case .removeSubProcessor:
            let inUse = d.subProcessors.filter { $0.status != .removed }
            guard !inUse.isEmpty else { return refuse("\(a.title) has no sub-processor in use") }
            return .form(RemoveSubProcessorForm.make(agreement: a, records: inUse, today: today))
        }
    }
}
