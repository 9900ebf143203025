import VarselKit

/// `x` on an agreement: archive it — status ended with an end date; it leaves the agenda and
/// nothing is deleted. Asks on the confirmation line before it writes.
struct ArchiveAgreementForm: FormSpec {
    let agreement: Agreement
    var title: String { "Archive agreement" }

    static func make(agreement: Agreement, today: CivilDate) -> FormState {
        FormState(spec: ArchiveAgreementForm(agreement: agreement), subtitle: "\(agreement.title) (\(agreement.id), \(agreement.status.rawValue))",
                  fields: [FormField(id: "date", label: "Ended on", kind: .date, text: today.iso, required: true)],
                  info: [StyledLine("Status becomes ended with this end date; open duties after it are withdrawn. Nothing is deleted.", .role(.muted), indent: 2)])
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        do {
            let r = try portfolio.archiveAgreement(id: agreement.id, date: try form.date("date"), dryRun: true, loaded: RecordVersion(agreement))
            var lines = [StyledLine("Ends \(r.record.endDate?.iso ?? "?"); \(r.withdrawn.count) open duty occurrence\(r.withdrawn.count == 1 ? "" : "s") withdrawn",
                                    .role(.accent), indent: 2)]
            for d in r.deadlines { lines.append(StyledLine("Opens: \(d.what) — act by \(d.actByDate.iso)", .role(.hint), indent: 2)) }
            return FormPreview(lines: lines)
        } catch { return FormPreview(lines: [AuthoringText.notReady(error)]) }
    }

    func confirmation(_ form: FormState) -> String? {
        "Archive \(agreement.title) as ended \(form.value("date"))? It leaves the agenda; nothing is deleted."
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws {
        _ = try portfolio.archiveAgreement(id: agreement.id, date: try form.date("date"), dryRun: true, loaded: RecordVersion(agreement))
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let r = try portfolio.archiveAgreement(id: agreement.id, date: try form.date("date"), loaded: RecordVersion(agreement))
        return FormSaved("Archived \(r.record.title) (ended \(r.record.endDate?.iso ?? "?"))", undo: r.before.map { UndoStep.agreement(before: $0, after: r.record) })
    }
}

/// `x` on the Notice rules tab: remove a rule without history (its open deadlines are
/// withdrawn); a rule with a handled deadline is kept (edit it instead). Asks first.
struct RemoveRuleForm: FormSpec {
    let rules: [NoticeRule]
    var title: String { "Remove notice rule" }

    static func make(agreement: Agreement, rules: [NoticeRule]) -> FormState {
        var (pick, _) = RecordPicker.fields(rules.map { "\($0.clauseRef ?? "—") \($0.title)" }, label: "Rule")
        pick.hidden = false
        return FormState(spec: RemoveRuleForm(rules: rules), subtitle: agreement.title, fields: [pick],
                         info: [StyledLine("Its open deadlines are withdrawn; a rule with history is kept. u brings it back.", .role(.muted), indent: 2)])
    }

    func rule(_ form: FormState) throws -> NoticeRule {
        let i = RecordPicker.chosen(form)
        guard rules.indices.contains(i) else { throw VarselError(.notFound, "No rule chosen", at: RecordPicker.field) }
        return rules[i]
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        do {
            let r = try portfolio.removeRule(id: try rule(form).id, dryRun: true, loaded: RecordVersion(try rule(form)))
            return FormPreview(lines: [StyledLine("\(r.withdrawn.count) open deadline\(r.withdrawn.count == 1 ? "" : "s") withdrawn", .role(.accent), indent: 2)])
        } catch { return FormPreview(lines: [AuthoringText.notReady(error)]) }
    }

    func confirmation(_ form: FormState) -> String? {
        guard let r = try? rule(form) else { return nil }
        return "Remove notice rule \(r.clauseRef ?? "—") \(r.title)? Its open deadlines are withdrawn."
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { _ = try portfolio.removeRule(id: try rule(form).id, dryRun: true, loaded: RecordVersion(try rule(form))) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    /// Removes the rule; `u` puts it back with the open deadlines it had (read just before).
    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let chosen = try rule(form)
        let open = (try? portfolio.store.read { tx in
            try tx.deadlines(DeadlineFilter(agreementIds: [chosen.agreementId], ruleId: chosen.id, state: .open))
        }) ?? []
        let r = try portfolio.removeRule(id: chosen.id, loaded: RecordVersion(chosen))
        return FormSaved("Removed notice rule \(r.record.title)" + (r.withdrawn.isEmpty ? "" : "; \(r.withdrawn.count) open deadline(s) withdrawn"),
                         undo: .ruleRemoved(r.record, deadlines: open.filter { r.withdrawn.contains($0.id) }))
    }
}

/// `x` on the Sub-processors tab: the sub-processor is no longer used from a day (status
/// removed); the record stays as history. Asks first.
struct RemoveSubProcessorForm: FormSpec {
    let records: [SubProcessor]
    var title: String { "Remove sub-processor" }

    static func make(agreement: Agreement, records: [SubProcessor], today: CivilDate) -> FormState {
        var (pick, _) = RecordPicker.fields(records.map { "\($0.name) (\($0.status.rawValue))" }, label: "Sub-processor")
        pick.hidden = false
        return FormState(spec: RemoveSubProcessorForm(records: records), subtitle: agreement.title, fields: [
            pick, FormField(id: "date", label: "No longer used from", kind: .date, text: today.iso, required: true),
        ], info: [StyledLine("Status becomes removed from that day; the record stays as history.", .role(.muted), indent: 2)])
    }

    func record(_ form: FormState) throws -> SubProcessor {
        let i = RecordPicker.chosen(form)
        guard records.indices.contains(i) else { throw VarselError(.notFound, "No sub-processor chosen", at: RecordPicker.field) }
        return records[i]
    }

    func confirmation(_ form: FormState) -> String? {
        guard let s = try? record(form) else { return nil }
        return "Remove \(s.name) from \(form.value("date"))? The record stays as history."
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws {
        _ = try portfolio.removeSubProcessor(id: try record(form).id, date: try form.date("date"), dryRun: true, loaded: RecordVersion(try record(form)))
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let r = try portfolio.removeSubProcessor(id: try record(form).id, date: try form.date("date"), loaded: RecordVersion(try record(form)))
        return FormSaved("Removed sub-processor \(r.record.name) from \(r.record.since?.iso ?? "?")",
                         undo: r.before.map { UndoStep.subProcessor(before: $0, after: r.record) })
    }
}
