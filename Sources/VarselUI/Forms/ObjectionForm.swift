import VarselKit

/// Record an objection to an open change notice: date (today), grounds (required where the
/// agreement's rule demands them), channel, note.
@MainActor enum ObjectionForm {
    static func make(notices: [NoticeChoice], agreementTitle: String, today: CivilDate, portfolio: Portfolio) -> FormState {
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
        var form = FormState(kind: .objection(notices: notices), title: "Record objection",
                             subtitle: agreementTitle + (notices.count == 1 ? " · " + notices[0].label : ""), fields: fields)
        if notices.count == 1 { form.focus = 1 } // date is filled in: start at the grounds
        refresh(&form, portfolio: portfolio)
        return form
    }

    static func notice(_ form: FormState) -> NoticeChoice? {
        guard case .objection(let notices) = form.kind, !notices.isEmpty else { return nil }
        let i = form["notice"]?.choice ?? 0
        return notices.indices.contains(i) ? notices[i] : notices[0]
    }

    static func refresh(_ form: inout FormState, portfolio: Portfolio) {
        guard let n = notice(form) else { return }
        var info: [StyledLine] = []
        let rule = try? portfolio.groundsRequirement(noticeId: n.id)
        form.set("grounds") { $0.required = rule != nil }
        if let rule {
            info.append(StyledLine("Clause \(rule.clauseRef ?? "?") requires grounds for an objection" +
                                   (rule.groundsText.map { ": \"\($0)\"" } ?? "."), CellStyle(.hint, bold: true), indent: 2))
        }
        info.append(StyledLine("Saving marks the notice objected and closes its open deadlines.", .role(.muted), indent: 2))
        form.info = info
    }

    static func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        guard let n = notice(form) else { throw VarselError(.notFound, "No open change notice", at: "notice") }
        let date = try form.date("date")
        let grounds = form.value("grounds").trimmingCharacters(in: .whitespacesAndNewlines)
        if grounds.isEmpty, let rule = try portfolio.groundsRequirement(noticeId: n.id) {
            throw VarselError(.invalidInput, "Clause \(rule.clauseRef ?? "?") requires grounds for an objection" +
                              (rule.groundsText.map { " (\"\($0)\")" } ?? ""), at: "grounds",
                              fix: "State the objective reasons for the objection")
        }
        let openBefore = try portfolio.queries.detail(agreementId: n.agreementId).deadlines
            .filter { $0.sourceId == n.id && $0.state == .open }.count
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let channel = Channel(rawValue: form.value("channel")) ?? .email
        let objection = try portfolio.recordObjection(noticeId: n.id, date: date, grounds: grounds, channel: channel,
                                                      note: note.isEmpty ? nil : note)
        return "Objection \(objection.id) recorded; \(openBefore) deadline\(openBefore == 1 ? "" : "s") handled"
    }
}
