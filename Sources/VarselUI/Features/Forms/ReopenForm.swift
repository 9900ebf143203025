import VarselKit

/// Reopen a handled deadline of any kind — a notice's window, an event's, a renewal notice, a
/// recurring duty — chosen from an agreement's handled deadlines (as `varsel reopen ID --note`).
/// Saving asks first (y/n); the reopen is one audited write.
struct ReopenForm: FormSpec {
    /// The handled deadlines offered, in the order of the choice field.
    let deadlines: [Deadline]
    let agreementTitle: String
    var title: String { "Reopen a handled deadline" }

    /// The handled deadlines of `detail` (those of `sourceId` only, when given) that reopening
    /// may apply to, the most recently handled first. A window deemed accepted is a decision, not
    /// a handled step, and is left out.
    static func candidates(_ detail: AgreementDetail, sourceId: String?) -> [Deadline] {
        detail.deadlines
            .filter { $0.state == .handled && $0.resolution != .deemedAccepted && (sourceId == nil || $0.sourceId == sourceId) }
            .enumerated()
            .sorted { ($0.element.handledDate ?? $0.element.actByDate, $1.offset) > ($1.element.handledDate ?? $1.element.actByDate, $0.offset) }
            .map(\.element)
    }

    /// One line per deadline, act-by day first (the choice field is narrow; the info below
    /// shows the chosen one in full).
    static func label(_ d: Deadline) -> String { "act by \(d.actByDate.iso) · \(d.what)" }

    static let footer = [
        StyledLine("It is open again and on the agenda; when and how it was handled stays in the audit trail.", .role(.muted), indent: 2),
        StyledLine("←/→ or Space choose · Enter on the last field or Ctrl-S asks before reopening · Esc leaves it.",
                   CellStyle(.hint, bold: true), indent: 2),
    ]

    static func make(deadlines: [Deadline], agreementTitle: String) -> FormState {
        let spec = ReopenForm(deadlines: deadlines, agreementTitle: agreementTitle)
        var form = FormState(spec: spec,
                             subtitle: "\(agreementTitle): \(deadlines.count) handled deadline\(deadlines.count == 1 ? "" : "s")",
                             fields: [
                                FormField(id: "deadline", label: "Deadline", kind: .choice(deadlines.map(label))),
                                FormField(id: "note", label: "Note (optional)", kind: .text),
                             ])
        form.take(spec.describe(form))
        return form
    }

    /// The chosen deadline in full (what, clause, act-by day, when and how it was handled), then the footer.
    func describe(_ form: FormState) -> FormPreview {
        guard let d = chosen(form) else { return FormPreview(lines: Self.footer) }
        return FormPreview(lines: [
            StyledLine(d.what + (d.clauseRef.map { " (\($0))" } ?? ""), CellStyle(.title, bold: true), indent: 2),
            StyledLine("Act by \(d.actByDate.iso) · handled \(d.handledDate?.iso ?? "?")" + (d.handledNote.map { $0.isEmpty ? "" : ": \($0)" } ?? ""),
                       .role(.muted), indent: 2),
        ] + Self.footer)
    }

    @MainActor func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview { describe(form) }

    /// The chosen deadline.
    func chosen(_ form: FormState) -> Deadline? {
        let i = form["deadline"]?.choice ?? 0
        return deadlines.indices.contains(i) ? deadlines[i] : nil
    }

    func confirmation(_ form: FormState) -> String? {
        guard let d = chosen(form) else { return nil }
        return "Reopen \"\(d.what)\" (\(agreementTitle), act by \(d.actByDate.iso))? It was handled \(d.handledDate?.iso ?? "?")."
    }

    @MainActor func validate(_ form: FormState, portfolio: Portfolio) throws {
        guard chosen(form) != nil else { throw VarselError(.invalidInput, "Choose a deadline", at: "deadline") }
    }

    @MainActor func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        guard let chosen = chosen(form) else { throw VarselError(.invalidInput, "Choose a deadline", at: "deadline") }
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let d = try portfolio.reopenDeadline(id: chosen.id, note: note.isEmpty ? nil : note)
        return "Reopened: \(d.what) (act by \(d.actByDate.iso))"
    }
}
