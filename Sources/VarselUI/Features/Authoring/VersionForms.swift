import VarselKit

/// `n` on the Overview or Versions tab (add) and `e` on the Versions tab (edit): a version entry
/// (label, date, what changed); the agreement's current version follows it. An edit carries the
/// version of the entry it opened on: a colleague's change meanwhile is refused.
struct VersionForm: FormSpec {
    let agreementId: String
    /// The agreement's version label when the form opened (what undoing an added entry puts back).
    var label: String? = nil
    /// The entries to choose from when editing (empty: a new entry).
    var records: [AgreementVersion] = []
    var title: String { records.isEmpty ? "New version entry" : "Edit version entry" }

    static func make(agreement: Agreement, today: CivilDate, records: [AgreementVersion] = []) -> FormState {
        var fields: [FormField] = []
        var held: FormField?
        if !records.isEmpty {
            let (pick, h) = RecordPicker.fields(records.map { "\($0.version) (\(Format.date($0.date)))" }, label: "Entry")
            fields.append(pick); held = h
        }
        fields += [
            FormField(id: "version", label: "Version", kind: .text, required: true),
            FormField(id: "date", label: "Date", kind: .date, text: records.isEmpty ? today.iso : ""),
            FormField(id: "changes", label: "What changed", kind: .longText),
        ]
        if let held { fields.append(held) }
        var state = FormState(spec: VersionForm(agreementId: agreement.id, label: agreement.version, records: records),
                              subtitle: "\(agreement.title) (now version \(agreement.version ?? "—"))", fields: fields)
        if let first = records.first { fill(&state, first) }
        return FormState(reopening: state)
    }

    static func fill(_ form: inout FormState, _ v: AgreementVersion) {
        form.set("version") { $0.text = v.version }
        form.set("date") { $0.text = v.date?.iso ?? "" }
        form.set("changes") { $0.text = v.changes }
        for i in form.fields.indices { form.fields[i].charactersAfterCursor = 0 }
    }

    func base(_ form: FormState) -> AgreementVersion? {
        let i = RecordPicker.chosen(form)
        return records.indices.contains(i) ? records[i] : nil
    }

    func adjust(_ form: inout FormState) {
        if !records.isEmpty, let i = RecordPicker.moved(&form), records.indices.contains(i) { Self.fill(&form, records[i]) }
    }

    func draft(_ form: FormState) throws -> AgreementVersion {
        var v = base(form) ?? AgreementVersion(id: "", agreementId: agreementId, version: "", date: nil, changes: "")
        v.version = form.value("version").trimmingCharacters(in: .whitespaces)
        v.date = try form.date("date", optional: true)
        v.changes = form.value("changes")
        return v
    }

    @MainActor func write(_ form: FormState, portfolio: Portfolio, dryRun: Bool) throws -> Authored<AgreementVersion> {
        let v = try draft(form)
        guard let before = base(form) else { return try portfolio.addVersion(v, dryRun: dryRun) }
        return try portfolio.editVersion(id: before.id, dryRun: dryRun, loaded: RecordVersion(before)) { $0 = v }
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        if let b = base(form), (try? draft(form)) == b { return FormPreview(lines: [StyledLine("No change yet.", .role(.muted), indent: 2)]) }
        do { _ = try write(form, portfolio: portfolio, dryRun: true); return FormPreview() }
        catch { return FormPreview(lines: [AuthoringText.notReady(error)]) }
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { _ = try write(form, portfolio: portfolio, dryRun: true) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let r = try write(form, portfolio: portfolio, dryRun: false)
        guard let before = r.before else {
            return FormSaved("Version \(r.record.version) added (\(r.record.id))",
                             undo: .version(before: nil, after: r.record, label: label))
        }
        return FormSaved("Version entry \(r.record.version) changed", undo: .version(before: before, after: r.record, label: label))
    }
}

/// `x` on the Versions tab: remove a version entry recorded by mistake, after the confirmation
/// line; when it was the current version, the newest remaining entry becomes current.
struct RemoveVersionForm: FormSpec {
    let label: String?
    let records: [AgreementVersion]
    var title: String { "Remove version entry" }

    static func make(agreement: Agreement, records: [AgreementVersion]) -> FormState {
        var (pick, _) = RecordPicker.fields(records.map { "\($0.version) (\(Format.date($0.date)))" }, label: "Entry")
        pick.hidden = false
        return FormState(spec: RemoveVersionForm(label: agreement.version, records: records), subtitle: agreement.title, fields: [pick],
                         info: [StyledLine("The entry goes; u puts it back.", .role(.muted), indent: 2)])
    }

    func record(_ form: FormState) throws -> AgreementVersion {
        let i = RecordPicker.chosen(form)
        guard records.indices.contains(i) else { throw VarselError(.notFound, "No version entry chosen", at: RecordPicker.field) }
        return records[i]
    }

    @MainActor func remove(_ form: FormState, portfolio: Portfolio, dryRun: Bool) throws -> Authored<AgreementVersion> {
        let v = try record(form)
        return try portfolio.removeVersion(id: v.id, dryRun: dryRun, loaded: RecordVersion(v))
    }

    func confirmation(_ form: FormState) -> String? {
        guard let v = try? record(form) else { return nil }
        return "Remove version entry \(v.version) (\(Format.date(v.date)))?"
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { _ = try remove(form, portfolio: portfolio, dryRun: true) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let r = try remove(form, portfolio: portfolio, dryRun: false)
        return FormSaved("Removed version entry \(r.record.version)", undo: .version(before: r.record, after: nil, label: label))
    }
}
