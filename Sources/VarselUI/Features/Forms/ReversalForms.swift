import VarselKit

/// Withdraw a termination notice (as `varsel termination withdraw`): the form is the
/// confirmation, with an optional note for the audit trail.
struct WithdrawTerminationForm: FormSpec {
    let terminationId: String
    var title: String { "Withdraw termination" }

    static func make(notice: NoticeRow) -> FormState {
        FormState(spec: WithdrawTerminationForm(terminationId: notice.id),
                  subtitle: "Withdraw \(notice.summary) (\(notice.agreementTitle), \(notice.date.iso), \(notice.id))?",
                  fields: [FormField(id: "note", label: "Note (optional)", kind: .text)],
                  info: [
                    StyledLine("The agreement gets back its status and end date; open follow-on deadlines are removed.", .role(.muted), indent: 2),
                    StyledLine("Enter or Ctrl-S withdraws it · Esc leaves it.", CellStyle(.hint, bold: true), indent: 2),
                  ])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let w = try portfolio.withdrawTermination(id: terminationId, note: note.isEmpty ? nil : note)
        return "Termination \(w.termination.id) withdrawn; \(w.agreement.title) is \(w.agreement.status.rawValue) again"
            + (w.removed.isEmpty ? "" : "; \(w.removed.count) open follow-on deadline\(w.removed.count == 1 ? "" : "s") removed")
    }
}

/// Withdraw our objection (as `varsel objection withdraw`): the notice's deadlines open again,
/// or, where its silence-is-approval window passed, the change is deemed accepted.
struct WithdrawObjectionForm: FormSpec {
    let objectionId: String
    /// The objection as the form showed it: a colleague's change since is not overwritten.
    var loaded: RecordVersion? = nil
    var title: String { "Withdraw objection" }

    static func make(objection: Objection, notice: NoticeRow) -> FormState {
        FormState(spec: WithdrawObjectionForm(objectionId: objection.id, loaded: RecordVersion(objection)),
                  subtitle: "Withdraw objection \(objection.id) of \(objection.date.iso) to \(notice.summary) (\(notice.agreementTitle))?",
                  fields: [FormField(id: "note", label: "Note (optional)", kind: .text)],
                  info: [
                    StyledLine("The notice's deadlines open again; past a silence-is-approval window the change is deemed accepted.",
                               .role(.muted), indent: 2),
                    StyledLine("Enter or Ctrl-S withdraws it · Esc leaves it.", CellStyle(.hint, bold: true), indent: 2),
                  ])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let w = try portfolio.withdrawObjection(id: objectionId, note: note.isEmpty ? nil : note, loaded: loaded)
        return "Objection \(w.objection.id) withdrawn; notice \(w.noticeStatus.rawValue)"
            + (w.reopened.isEmpty ? "" : "; \(w.reopened.count) deadline\(w.reopened.count == 1 ? "" : "s") open again")
            + (w.deemed != nil ? "; the change is deemed accepted" : "")
    }
}

/// Edit a recorded objection's date, grounds, channel and note (as `varsel objection edit`).
struct EditObjectionForm: FormSpec {
    let objectionId: String
    var loaded: RecordVersion? = nil
    var title: String { "Edit objection" }

    static func make(objection o: Objection, notice: NoticeRow) -> FormState {
        let channels = Channel.allCases.map(\.rawValue)
        return FormState(spec: EditObjectionForm(objectionId: o.id, loaded: RecordVersion(o)),
                         subtitle: "\(notice.agreementTitle) · objection \(o.id) to \(notice.summary)",
                         fields: [
                            FormField(id: "date", label: "Date", kind: .date, text: o.date.iso, required: true),
                            FormField(id: "grounds", label: "Grounds", kind: .longText, text: o.grounds),
                            FormField(id: "channel", label: "Channel", kind: .choice(channels),
                                      choice: channels.firstIndex(of: o.channel.rawValue) ?? 0),
                            FormField(id: "note", label: "Note", kind: .text, text: o.note ?? ""),
                         ])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let edit = ObjectionEdit(grounds: form.value("grounds"), channel: Channel(rawValue: form.value("channel")),
                                 date: try form.date("date"), note: .some(form.value("note")))
        let o = try portfolio.editObjection(id: objectionId, edit, loaded: loaded)
        return "Objection \(o.id) edited"
    }
}

/// What came of an objection (as `varsel objection outcome`).
struct ObjectionOutcomeForm: FormSpec {
    let objectionId: String
    var loaded: RecordVersion? = nil
    var title: String { "Objection outcome" }
    static let outcomes: [ObjectionOutcome] = [.withdrawn, .alternativeOffered, .agreementTerminated, .overruled, .pending]

    static func label(_ o: ObjectionOutcome) -> String {
        switch o {
        case .pending: "pending"
        case .withdrawn: "change withdrawn by them"
        case .alternativeOffered: "alternative offered"
        case .agreementTerminated: "agreement terminated"
        case .overruled: "overruled (they went ahead)"
        }
    }

    static func make(objection o: Objection, notice: NoticeRow) -> FormState {
        let options = outcomes.filter { $0 != o.outcome }
        return FormState(spec: ObjectionOutcomeForm(objectionId: o.id, loaded: RecordVersion(o), options: options),
                         subtitle: "\(notice.agreementTitle) · objection \(o.id) to \(notice.summary); now \(label(o.outcome))",
                         fields: [FormField(id: "outcome", label: "Outcome", kind: .choice(options.map(label)))],
                         info: [
                            StyledLine("\"Change withdrawn\" marks the notice withdrawn; \"agreement terminated\" needs a recorded termination.",
                                       .role(.muted), indent: 2),
                            StyledLine("←/→ or Space choose · Enter or Ctrl-S saves · Esc cancels.", CellStyle(.hint, bold: true), indent: 2),
                         ])
    }

    let options: [ObjectionOutcome]

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let i = form["outcome"]?.choice ?? 0
        guard options.indices.contains(i) else { throw VarselError(.invalidInput, "Choose an outcome", at: "outcome") }
        let o = try portfolio.setObjectionOutcome(id: objectionId, options[i], loaded: loaded)
        return "Objection \(o.id): outcome \(Self.label(o.outcome))"
    }
}
