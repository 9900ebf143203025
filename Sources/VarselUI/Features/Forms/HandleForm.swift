import VarselKit

/// Mark a deadline handled, with an optional note of what was done (as `varsel handle --note`).
/// The form is the confirmation: Enter or Ctrl-S marks it handled, Esc leaves it open.
struct HandleForm: FormSpec {
    let deadlineId: String
    /// The deadline as the form showed it: a colleague's change since is not overwritten.
    var loaded: RecordVersion? = nil
    var title: String { "Mark deadline handled" }

    static func make(deadline: Deadline, agreementTitle: String) -> FormState {
        FormState(spec: HandleForm(deadlineId: deadline.id, loaded: RecordVersion(deadline)),
                  subtitle: "Mark \"\(deadline.what)\" (\(agreementTitle), act by \(deadline.actByDate.iso)) as handled?",
                  fields: [FormField(id: "note", label: "Note (optional)", kind: .text)],
                  info: [
                    StyledLine("What was done, e.g. \"Claim sent by e-mail 24 Nov\"; kept with the deadline and in the audit trail.",
                               .role(.muted), indent: 2),
                    StyledLine("Enter or Ctrl-S marks it handled · Esc leaves it open.", CellStyle(.hint, bold: true), indent: 2),
                  ])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let (d, next) = try portfolio.handleDeadlineOpeningNext(id: deadlineId, note: note.isEmpty ? nil : note, loaded: loaded)
        return "Deadline handled: \(d.what) (act by \(d.actByDate.iso))" + (note.isEmpty ? "" : "; note kept")
            + (next.map { "; next occurrence opened, act by \($0.actByDate.iso)" } ?? "")
    }
}
