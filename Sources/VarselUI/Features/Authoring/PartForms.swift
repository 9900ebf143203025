import VarselKit

/// `n` (add) and `e` (edit) on the Sub-processors tab: name, org number (checked for its
/// country), country, purpose, status, since and the transfer mechanism. An edit carries the
/// version it opened on: a colleague's change meanwhile is refused, not overwritten.
struct SubProcessorForm: FormSpec {
    let agreementId: String
    /// The sub-processors to choose from when editing (empty: a new one).
    let records: [SubProcessor]
    var title: String { records.isEmpty ? "New sub-processor" : "Edit sub-processor" }
    static let statuses = SubProcessorStatus.allCases

    static func make(agreement: Agreement, records: [SubProcessor], today: CivilDate) -> FormState {
        var fields: [FormField] = []
        var held: FormField?
        if !records.isEmpty {
            let (pick, h) = RecordPicker.fields(records.map { "\($0.name) (\($0.status.rawValue))" }, label: "Sub-processor")
            fields.append(pick); held = h
        }
        fields += [
            FormField(id: "name", label: "Name", kind: .text, required: true),
            FormField(id: "org-number", label: "Org number", kind: .text),
            FormField(id: "country", label: "Country", kind: .text, required: true),
            FormField(id: "purpose", label: "Purpose", kind: .text, required: true),
            FormField(id: "status", label: "Status", kind: .choice(statuses.map(\.rawValue))),
            FormField(id: "since", label: "Since", kind: .date, text: records.isEmpty ? today.iso : ""),
            FormField(id: "transfer", label: "Transfer mechanism", kind: .text),
        ]
        if let held { fields.append(held) }
        var state = FormState(spec: SubProcessorForm(agreementId: agreement.id, records: records), subtitle: agreement.title, fields: fields)
        if let first = records.first { fill(&state, first) }
        return FormState(reopening: state)
    }

    static func fill(_ form: inout FormState, _ s: SubProcessor) {
        form.set("name") { $0.text = s.name }
        form.set("org-number") { $0.text = s.orgNumber ?? "" }
        form.set("country") { $0.text = s.country }
        form.set("purpose") { $0.text = s.purpose }
        form.set("status") { $0.choice = statuses.firstIndex(of: s.status) ?? 0 }
        form.set("since") { $0.text = s.since?.iso ?? "" }
        form.set("transfer") { $0.text = s.transferMechanism ?? "" }
        for i in form.fields.indices { form.fields[i].charactersAfterCursor = 0 }
    }

    func base(_ form: FormState) -> SubProcessor? {
        let i = RecordPicker.chosen(form)
        return records.indices.contains(i) ? records[i] : nil
    }

    func adjust(_ form: inout FormState) {
        if !records.isEmpty, let i = RecordPicker.moved(&form), records.indices.contains(i) { Self.fill(&form, records[i]) }
    }

    func draft(_ form: FormState) throws -> SubProcessor {
        var s = base(form) ?? SubProcessor(id: "", agreementId: agreementId, name: "", country: "", purpose: "", status: .approved)
        s.name = form.value("name").trimmingCharacters(in: .whitespaces)
        s.orgNumber = AuthoringText.optional(form, "org-number")
        s.country = form.value("country").trimmingCharacters(in: .whitespaces)
        s.purpose = form.value("purpose").trimmingCharacters(in: .whitespaces)
        s.status = Self.statuses[form["status"]?.choice ?? 0]
        if s.status != .approved { s.approvalBasis = nil }
        s.since = try form.date("since", optional: true)
        s.transferMechanism = AuthoringText.optional(form, "transfer")
        return s
    }

    func dryRun(_ s: SubProcessor, loaded: RecordVersion?, portfolio: Portfolio) throws {
        if records.isEmpty { _ = try portfolio.addSubProcessor(s, dryRun: true) } else { _ = try portfolio.editSubProcessor(id: s.id, dryRun: true, loaded: loaded) { $0 = s } }
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        do {
            let s = try draft(form)
            if s == base(form) { return FormPreview(lines: [StyledLine("No change yet.", .role(.muted), indent: 2)]) }
            let checked = try AuthoringValidation.subProcessor(s)
            var lines: [StyledLine] = []
            if let org = checked.orgNumber { lines.append(StyledLine("Org number \(org) checked for \(checked.country)", .role(.success), indent: 2)) }
            if checked.isOutsideEEA { lines.append(StyledLine("⚠ Outside the EEA (\(checked.country)): a transfer mechanism is expected", CellStyle(.error, bold: true), indent: 2)) }
            try dryRun(s, loaded: base(form).map(RecordVersion.init), portfolio: portfolio)
            return FormPreview(lines: lines)
        } catch {
            return FormPreview(lines: [AuthoringText.notReady(error)])
        }
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { try dryRun(try draft(form), loaded: base(form).map(RecordVersion.init), portfolio: portfolio) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let s = try draft(form)
        if records.isEmpty {
            let r = try portfolio.addSubProcessor(s).record
            return FormSaved("Sub-processor \(r.name) added (\(r.id))", undo: .subProcessor(before: nil, after: r))
        }
        let r = try portfolio.editSubProcessor(id: s.id, loaded: base(form).map(RecordVersion.init)) { $0 = s }
        return FormSaved("Sub-processor \(r.record.name) changed", undo: .subProcessor(before: r.before, after: r.record))
    }
}

/// `p` on an agreement: its counterparty (or our own party): name, org number, country. Saving
/// carries the version the form opened on: a colleague's change meanwhile is refused.
struct PartyForm: FormSpec {
    let parties: [Party]
    var title: String { "Edit party" }

    static func make(parties: [Party], agreementTitle: String) -> FormState {
        let (pick, held) = RecordPicker.fields(parties.map { "\($0.name) (\($0.id))" }, label: "Party")
        var state = FormState(spec: PartyForm(parties: parties), subtitle: agreementTitle, fields: [
            pick,
            FormField(id: "name", label: "Name", kind: .text, required: true),
            FormField(id: "org-number", label: "Org number", kind: .text),
            FormField(id: "country", label: "Country", kind: .text),
            held,
        ], info: [StyledLine("SE, DK and NO numbers are checked (Luhn, modulus 11) and saved in the country's format.", .role(.muted), indent: 2)])
        if let first = parties.first { fill(&state, first) }
        return FormState(reopening: state)
    }

    static func fill(_ form: inout FormState, _ p: Party) {
        form.set("name") { $0.text = p.name }
        form.set("org-number") { $0.text = p.orgNumber ?? "" }
        form.set("country") { $0.text = p.country ?? "" }
        for i in form.fields.indices { form.fields[i].charactersAfterCursor = 0 }
    }

    func adjust(_ form: inout FormState) {
        if let i = RecordPicker.moved(&form), parties.indices.contains(i) { Self.fill(&form, parties[i]) }
    }

    /// The version of the chosen party as the form opened on it.
    func loaded(_ form: FormState) -> RecordVersion? {
        let i = RecordPicker.chosen(form)
        return parties.indices.contains(i) ? RecordVersion(parties[i]) : nil
    }

    func draft(_ form: FormState) throws -> Party {
        let i = RecordPicker.chosen(form)
        guard parties.indices.contains(i) else { throw VarselError(.notFound, "No party chosen", at: RecordPicker.field) }
        var p = parties[i]
        p.name = form.value("name").trimmingCharacters(in: .whitespaces)
        p.orgNumber = AuthoringText.optional(form, "org-number")
        p.country = AuthoringText.optional(form, "country")
        return p
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        do {
            let p = try AuthoringValidation.party(try draft(form))
            return FormPreview(lines: [StyledLine("Saved as: \(DetailTabs.party(p))", .role(.success), indent: 2)])
        } catch { return FormPreview(lines: [AuthoringText.notReady(error)]) }
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws {
        let p = try draft(form)
        _ = try portfolio.editParty(id: p.id, dryRun: true, loaded: loaded(form)) { $0 = p }
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let p = try draft(form)
        let r = try portfolio.editParty(id: p.id, loaded: loaded(form)) { $0 = p }
        return FormSaved("Party \(r.record.name) changed" + (r.record.orgNumber.map { " (org \($0))" } ?? ""),
                         undo: r.before.map { UndoStep.party(before: $0, after: r.record) })
    }
}
