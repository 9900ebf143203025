import VarselKit

/// Authoring in the Agreements view (issue 10): `a` a new agreement, `e` edit, `n` add, `x`
/// archive or remove (in the detail; asks first), `p` the parties, `C` a clause, `E` the agreement as YAML in
/// $EDITOR. What `e`, `n` and `x` act on follows the detail tab: Overview the agreement (`n` a
/// version entry), Notice rules the rules, Sub-processors the sub-processors, Clauses the
/// clauses, Versions the version entries.
enum AuthoringFeature {
    static let bindings: [Binding] = [
        Binding([.char("a")], .newAgreement, "New agreement (form)", [.agreementList], hint: "new"),
        Binding([.char("e")], .editRecord, "Edit the agreement, or the tab's rule, sub-processor, clause or version entry",
                [.agreementList, .agreementDetail], hint: "edit"),
        Binding([.char("n")], .addRecord, "Add a version entry, notice rule, sub-processor or clause (by tab)", [.agreementDetail], hint: "add"),
        Binding([.char("C")], .addClause, "Add a clause", [.agreementDetail]),
        Binding([.char("p")], .editParty, "Edit the counterparty or our party", [.agreementList, .agreementDetail, .agreementText]),
        Binding([.char("x")], .removeRecord, "Archive the agreement, or remove the tab's rule, sub-processor, clause or version entry",
                [.agreementDetail], hint: "archive"),
        Binding([.char("E")], .editInEditor, "Edit the agreement as YAML in $EDITOR", [.agreementList, .agreementDetail, .agreementText]),
    ]

    static func reduce(_ state: inout WorkbenchState, _ action: AuthoringAction, _ data: Loaded) -> [Effect] {
        func refuse(_ text: String) -> [Effect] {
            state.status = StatusMessage(text: text, isError: true)
            return []
        }
        if action == .newAgreement { return [.openForm(.authoring(.newAgreement))] }
        guard let id = data.detail?.agreement.id ?? data.agreementRow(at: state.agreements.selected)?.id else {
            return refuse("Select an agreement first (a adds one)")
        }
        let tab: DetailTab = state.context == .agreementDetail ? state.detailTab : .overview
        let request: AuthoringRequest?
        switch (action, tab) {
        case (.editInEditor, _): return [.editInEditor(agreementId: id)]
        case (.editParty, _): request = .editParty(id)
        case (.addClause, _): request = .addClause(id)
        case (.editRecord, .overview): request = .editAgreement(id)
        case (.editRecord, .rules): request = .editRule(id)
        case (.editRecord, .subProcessors): request = .editSubProcessor(id)
        case (.addRecord, .overview): request = .addVersion(id)
        case (.addRecord, .rules): request = .addRule(id)
        case (.addRecord, .subProcessors): request = .addSubProcessor(id)
        case (.removeRecord, .overview): request = .archiveAgreement(id)
        case (.removeRecord, .rules): request = .removeRule(id)
        case (.removeRecord, .subProcessors): request = .removeSubProcessor(id)
        case (.editRecord, .clauses): request = .editClause(id)
        case (.addRecord, .clauses): request = .addClause(id)
        case (.removeRecord, .clauses): request = .removeClause(id)
        case (.editRecord, .versions): request = .editVersion(id)
        case (.addRecord, .versions): request = .addVersion(id)
        case (.removeRecord, .versions): request = .removeVersion(id)
        default: request = nil
        }
        guard let request else {
            return refuse("e, n and x work on the Overview, Notice rules, Sub-processors, Clauses and Versions tabs; notices have their own keys (o, c, t)")
        }
        return [.openForm(.authoring(request))]
    }
}

/// The authoring keys' actions.
public enum AuthoringAction: Hashable, Sendable {
    case newAgreement, editRecord, addRecord, addClause, editParty, removeRecord, editInEditor
}

extension Action {
    public static let newAgreement = Action.authoring(.newAgreement)
    public static let editRecord = Action.authoring(.editRecord)
    public static let addRecord = Action.authoring(.addRecord)
    public static let addClause = Action.authoring(.addClause)
    public static let editParty = Action.authoring(.editParty)
    public static let removeRecord = Action.authoring(.removeRecord)
    public static let editInEditor = Action.authoring(.editInEditor)
}
