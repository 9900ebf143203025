import VarselKit

/// Record an objection to an open change notice: date (today), grounds (required where the
/// agreement's rule demands them), channel, note.
struct ObjectionForm: FormSpec {
    /// The notices it may object to (a choice field when there are several).
    let notices: [NoticeChoice]
    var title: String { "Record objection" }

    static func make(notices: [NoticeChoice], agreementTitle: String, today: CivilDate) -> FormState {
        var fields: [FormField] = []
        if notices.count > 1 {
            fields.append(FormField(id: "notice", label: "Notice", kind: .choice(notices.map(\.label))))
        }
        fields += [
            FormField(id: "date", label: "Date", kind: .date, text: today.iso, required: true),
            FormField(id: "grounds", label: "Grounds", kind: .longText),
            FormField(id: "channel", label: "Channel", kind: .choice(Channel.allCases.map(\.rawValue))),
            FormField(id: "note", label: "Note", kind: .text),
        ]
        var form = FormState(spec: ObjectionForm(notices: notices),
                             subtitle: agreementTitle + (notices.count == 1 ? " · " + notices[0].label : ""), fields: fields)
        if notices.count == 1 { form.focus = 1 } // date is filled in: start at the grounds
        return form
    }

    func notice(_ form: FormState) -> NoticeChoice? {
        guard !notices.isEmpty else { return nil }
        let i = form["notice"]?.choice ?? 0
        return notices.indices.contains(i) ? notices[i] : notices[0]
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        guard let n = notice(form) else { return form.preview }
        var info: [StyledLine] = []
        let rule = try? portfolio.groundsRequirement(noticeId: n.id)
        if let rule {
            info.append(StyledLine("Clause \(rule.clauseRef ?? "?") requires grounds for an objection" +
                                   (rule.groundsText.map { ": \"\($0)\"" } ?? "."), CellStyle(.hint, bold: true), indent: 2))
        }
        info.append(StyledLine("Saving marks the notice objected and closes its open deadlines.", .role(.muted), indent: 2))
        return FormPreview(lines: info, required: ["grounds": rule != nil])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        guard let n = notice(form) else { throw VarselError(.notFound, "No open change notice", at: "notice") }
        let date = try form.date("date")
        let grounds = form.value("grounds").trimmingCharacters(in: .whitespacesAndNewlines)
        if grounds.isEmpty, let rule = try portfolio.groundsRequirement(noticeId: n.id) {
            throw VarselError(.invalidInput, "Clause \(rule.clauseRef ?? "?") requires grounds for an objection" +
                              (rule.groundsText.map { " (\"\($0)\")" } ?? ""), at: "grounds",
                              fix: "State the objective reasons for the objection")
        }
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let channel = Channel(rawValue: form.value("channel")) ?? .email
        let objection = try portfolio.recordObjection(noticeId: n.id, date: date, grounds: grounds, channel: channel,
                                                      note: note.isEmpty ? nil : note)
        let closed = n.openDeadlines
        return "Objection \(objection.id) recorded; \(closed) deadline\(closed == 1 ? "" : "s") handled"
    }
}
