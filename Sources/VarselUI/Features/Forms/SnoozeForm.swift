import VarselKit

/// Remind me later: leave an open deadline out of the header counts and `varsel check` until a
/// day (as `varsel snooze`). The act-by day never moves; an empty day clears the snooze.
struct SnoozeForm: FormSpec {
    let deadlineId: String
    /// The deadline as the form showed it: a colleague's change since is not overwritten.
    var loaded: RecordVersion? = nil
    var title: String { "Snooze deadline (remind me later)" }

    static func make(deadline: Deadline, agreementTitle: String, today: CivilDate) -> FormState {
        let suggested = deadline.snoozedUntil ?? min(today.adding(days: 7), deadline.actByDate)
        return FormState(spec: SnoozeForm(deadlineId: deadline.id, loaded: RecordVersion(deadline)),
                         subtitle: "\"\(deadline.what)\" (\(agreementTitle), act by \(deadline.actByDate.iso))",
                         fields: [FormField(id: "until", label: "Remind me on", kind: .date, text: suggested.iso)],
                         info: [
                            StyledLine("The act-by day \(deadline.actByDate.iso) does not move; the snooze cannot pass it.", .role(.muted), indent: 2),
                            StyledLine("Until then the row is marked snoozed and left out of the header counts.", .role(.muted), indent: 2),
                            StyledLine("Empty the day to clear the snooze · Enter or Ctrl-S saves · Esc cancels.", CellStyle(.hint, bold: true), indent: 2),
                         ])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let until = try form.date("until", optional: true)
        let d = try portfolio.snoozeDeadline(id: deadlineId, until: until, loaded: loaded)
        return until.map { "Snoozed until \($0.iso): \(d.what) (act by \(d.actByDate.iso), unchanged)" }
            ?? "Snooze cleared: \(d.what) (act by \(d.actByDate.iso))"
    }
}

/// A note on a deadline (as `varsel note`); an empty note removes it.
struct DeadlineNoteForm: FormSpec {
    let deadlineId: String
    var loaded: RecordVersion? = nil
    var title: String { "Note on deadline" }

    static func make(deadline: Deadline, agreementTitle: String) -> FormState {
        var field = FormField(id: "note", label: "Note", kind: .longText, text: deadline.note ?? "")
        field.charactersAfterCursor = 0
        return FormState(spec: DeadlineNoteForm(deadlineId: deadline.id, loaded: RecordVersion(deadline)),
                         subtitle: "\"\(deadline.what)\" (\(agreementTitle), act by \(deadline.actByDate.iso))",
                         fields: [field],
                         info: [StyledLine("Kept with the deadline and in the audit trail; empty removes the note.", .role(.muted), indent: 2)])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let d = try portfolio.noteDeadline(id: deadlineId, note: form.value("note"), loaded: loaded)
        return d.note == nil ? "Note removed: \(d.what)" : "Note kept on \(d.what)"
    }
}
