import VarselKit

/// `C` or `n` on the Clauses tab (add) and `e` there (edit): reference, heading and the text
/// quoted from the agreement (multi-line: Enter starts a new line). An edit carries the version
/// of the clause it opened on: a colleague's change meanwhile is refused, not overwritten.
struct ClauseForm: FormSpec {
    let agreementId: String
    /// The clauses to choose from when editing (empty: a new clause).
    var records: [Clause] = []
    var title: String { records.isEmpty ? "New clause" : "Edit clause" }

    static func make(agreement: Agreement, records: [Clause] = []) -> FormState {
        var fields: [FormField] = []
        var held: FormField?
        if !records.isEmpty {
            let (pick, h) = RecordPicker.fields(records.map { "\($0.reference) \($0.heading)" }, label: "Clause")
            fields.append(pick); held = h
        }
        fields += [
            FormField(id: "ref", label: "Reference", kind: .text, required: true),
            FormField(id: "heading", label: "Heading", kind: .text),
            FormField(id: "text", label: "Text", kind: .longText),
        ]
        if let held { fields.append(held) }
        var state = FormState(spec: ClauseForm(agreementId: agreement.id, records: records), subtitle: agreement.title, fields: fields)
        if let first = records.first { fill(&state, first) }
        return FormState(reopening: state)
    }

    static func fill(_ form: inout FormState, _ c: Clause) {
        form.set("ref") { $0.text = c.reference }
        form.set("heading") { $0.text = c.heading }
        form.set("text") { $0.text = c.text }
        for i in form.fields.indices { form.fields[i].charactersAfterCursor = 0 }
    }

    func base(_ form: FormState) -> Clause? {
        let i = RecordPicker.chosen(form)
        return records.indices.contains(i) ? records[i] : nil
    }

    func adjust(_ form: inout FormState) {
        if !records.isEmpty, let i = RecordPicker.moved(&form), records.indices.contains(i) { Self.fill(&form, records[i]) }
    }

    func draft(_ form: FormState) -> Clause {
        var c = base(form) ?? Clause(id: "", agreementId: agreementId, reference: "", heading: "", text: "")
        c.reference = form.value("ref").trimmingCharacters(in: .whitespaces)
        c.heading = form.value("heading").trimmingCharacters(in: .whitespaces)
        c.text = form.value("text")
        return c
    }

    @MainActor func write(_ form: FormState, portfolio: Portfolio, dryRun: Bool) throws -> Authored<Clause> {
        let c = draft(form)
        guard let before = base(form) else { return try portfolio.addClause(c, dryRun: dryRun) }
        return try portfolio.editClause(id: before.id, dryRun: dryRun, loaded: RecordVersion(before)) { $0 = c }
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        if let b = base(form), draft(form) == b { return FormPreview(lines: [StyledLine("No change yet.", .role(.muted), indent: 2)]) }
        do {
            let r = try write(form, portfolio: portfolio, dryRun: true)
            guard let b = r.before, b.reference != r.record.reference else { return FormPreview() }
            return FormPreview(lines: [StyledLine("Rules citing \(b.reference) will cite \(r.record.reference)", .role(.accent), indent: 2)])
        } catch { return FormPreview(lines: [AuthoringText.notReady(error)]) }
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { _ = try write(form, portfolio: portfolio, dryRun: true) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let r = try write(form, portfolio: portfolio, dryRun: false)
        guard let before = r.before else {
            return FormSaved("Clause \(r.record.reference) added (\(r.record.id))", undo: .clause(before: nil, after: r.record))
        }
        return FormSaved("Clause \(r.record.reference) changed", undo: .clause(before: before, after: r.record))
    }
}

/// `x` on the Clauses tab: remove a clause nothing cites, after the confirmation line. A clause a
/// notice rule, a sub-processor's approval or the transfer-consent term cites is refused, naming them.
struct RemoveClauseForm: FormSpec {
    let records: [Clause]
    var title: String { "Remove clause" }

    static func make(agreement: Agreement, records: [Clause]) -> FormState {
        var (pick, _) = RecordPicker.fields(records.map { "\($0.reference) \($0.heading)" }, label: "Clause")
        pick.hidden = false
        return FormState(spec: RemoveClauseForm(records: records), subtitle: agreement.title, fields: [pick],
                         info: [StyledLine("Only a clause nothing cites can go; u puts it back.", .role(.muted), indent: 2)])
    }

    func record(_ form: FormState) throws -> Clause {
        let i = RecordPicker.chosen(form)
        guard records.indices.contains(i) else { throw VarselError(.notFound, "No clause chosen", at: RecordPicker.field) }
        return records[i]
    }

    @MainActor func remove(_ form: FormState, portfolio: Portfolio, dryRun: Bool) throws -> Authored<Clause> {
        let c = try record(form)
        return try portfolio.removeClause(id: c.id, dryRun: dryRun, loaded: RecordVersion(c))
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        do { _ = try remove(form, portfolio: portfolio, dryRun: true); return FormPreview() }
        catch { return FormPreview(lines: [AuthoringText.notReady(error)]) }
    }

    func confirmation(_ form: FormState) -> String? {
        guard let c = try? record(form) else { return nil }
        return "Remove clause \(c.reference) \(c.heading)?"
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { _ = try remove(form, portfolio: portfolio, dryRun: true) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let r = try remove(form, portfolio: portfolio, dryRun: false)
        return FormSaved("Removed clause \(r.record.reference)", undo: .clauseRemoved(r.record))
    }
}
