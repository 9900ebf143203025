import VarselKit

/// Forms: the keys that open them (each list feature lists the ones it offers) and the keys
/// inside a form; how they change the state. The forms themselves are `FormSpec`s.
enum FormsFeature {
    static let bindings: [Binding] = [
        Binding([], .insertText(""), "Type into the field", [.form], keyLabel: "text", input: .typed),
        Binding([], .paste(""), "Paste (bracketed): inserted as text, line breaks kept in long text, never saves", [.form],
                keyLabel: "paste", input: .pasted),
        Binding([.tab, .down], .nextField, "Next field", [.form], hint: "next field"),
        Binding([.backTab, .up], .previousField, "Previous field", [.form]),
        Binding([.right, .char(" ")], .cycleChoiceForward, "Next choice (choice fields); in text → moves the cursor", [.form], hint: "choose"),
        Binding([.left], .cycleChoiceBackward, "Previous choice (choice fields); in text ← moves the cursor", [.form]),
        Binding([.home, .ctrl("a")], .edit(.toStart), "Cursor to the start of the text", [.form]),
        Binding([.end, .ctrl("e")], .edit(.toEnd), "Cursor to the end of the text", [.form]),
        Binding([.backspace], .edit(.deleteBackward), "Delete the character before the cursor", [.form]),
        Binding([.delete, .ctrl("d")], .edit(.deleteForward), "Delete the character under the cursor", [.form]),
        Binding([.ctrl("w")], .edit(.deleteWord), "Delete the word before the cursor", [.form]),
        Binding([.ctrl("u")], .edit(.deleteToStart), "Delete everything before the cursor", [.form]),
        Binding([.enter], .submitOrNext, "Next field; on the last field save", [.form], hint: "next/save"),
        Binding([.ctrl("s")], .submit, "Save", [.form], hint: "save"),
        Binding([.escape], .cancelForm, "Cancel (asks first when you have typed something; nothing is written)", [.form], hint: "cancel"),
        // In a text field q is text; on a choice field it quits Varsel, asking first when the form holds input.
        Binding([.char("q")], .backOrQuit, "On a choice field: quit Varsel (asks first when the form holds input)", [.form]),
        // Not listed: readline's Ctrl-B / Ctrl-F (← and → are listed above).
        Binding([.ctrl("b")], .edit(.left), "Cursor left", [.form], listed: false),
        Binding([.ctrl("f")], .edit(.right), "Cursor right", [.form], listed: false),
    ]

    // Rows the list features put in their own tables.
    static func recordObjection(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("o")], .recordObjection, "Record an objection to an open change notice", c, hint: "object")
    }
    static func recordChangeNotice(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("c")], .recordChangeNotice, "Record a change notice", c, hint: "change notice")
    }
    static func recordTermination(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("t")], .recordTermination, "Record a termination notice", c, hint: "terminate")
    }
    static func markHandled(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("x")], .markHandled, "Mark the deadline handled (asks; optional note)", c, hint: "handled")
    }
    static func reopenHandled(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("R")], .reopenHandled, "Reopen a handled deadline (any kind; asks first)", c)
    }
    static func snooze(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("z")], .snooze, "Snooze: remind me on a day (act-by stays)", c, hint: "snooze")
    }
    static func noteDeadline(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("a")], .noteDeadline, "Note on the deadline", c, hint: "note")
    }
    static func withdraw(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("W")], .withdraw, "Withdraw the termination or our objection", c)
    }
    static func editObjection(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("e")], .editObjection, "Edit the objection (date, grounds, channel)", c)
    }
    static func objectionOutcome(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("O")], .objectionOutcome, "Set the objection's outcome", c)
    }

    // MARK: - Opening

    static func reduce(_ state: inout WorkbenchState, _ action: FormAction, _ data: Loaded) -> [Effect] {
        switch action {
        case .recordObjection, .recordChangeNotice, .recordTermination, .markHandled, .reopenHandled:
            return open(&state, action, data)
        case .snooze, .noteDeadline, .withdraw, .editObjection, .objectionOutcome:
            return openChange(&state, action, data)
        default:
            return inside(&state, .forms(action))
        }
    }

    /// o, c, t, x, R: the form (or question) for the selected row; says why when there is none.
    static func open(_ state: inout WorkbenchState, _ action: FormAction, _ data: Loaded) -> [Effect] {
        func refuse(_ text: String) -> [Effect] {
            state.status = StatusMessage(text: text, isError: true)
            return []
        }
        let item = state.context == .agenda ? data.agendaItem(at: state.agenda.selected) : nil
        let notice = state.context == .notices ? data.notice(at: state.notices.selected) : nil
        let row = [.agreementList, .agreementDetail, .agreementText].contains(state.context) ? data.agreementRow(at: state.agreements.selected) : nil
        switch action {
        case .recordObjection:
            switch state.context {
            case .agenda:
                guard let item else { return [] }
                guard item.deadline.sourceKind == .changeNotice else {
                    return refuse("o objects to a change notice; this deadline comes from \(sourceText(item.deadline.sourceKind))")
                }
                return [.openForm(.objection(agreementId: item.deadline.agreementId, noticeId: item.deadline.sourceId))]
            case .agreementList, .agreementDetail, .agreementText:
                guard let row else { return [] }
                return [.openForm(.objection(agreementId: row.id, noticeId: nil))]
            case .notices:
                guard let notice else { return [] }
                guard notice.kind == .change, notice.isOpen else { return refuse(cannotObjectText(kind: notice.kind, status: notice.status)) }
                return [.openForm(.objection(agreementId: notice.agreementId, noticeId: notice.id))]
            default: return []
            }
        case .recordChangeNotice, .recordTermination:
            guard let id = item?.deadline.agreementId ?? notice?.agreementId ?? row?.id else { return refuse("Select an agreement first") }
            return [.openForm(action == .recordTermination ? .termination(agreementId: id) : .changeNotice(agreementId: id))]
        case .markHandled:
            var deadline: Deadline?
            var title = ""
            if let item { deadline = item.deadline; title = item.agreementTitle }
            if let notice, let w = notice.window, w.state == .open { deadline = w; title = notice.agreementTitle }
            guard let deadline else { return refuse("No open deadline selected") }
            state.form = HandleForm.make(deadline: deadline, agreementTitle: title)
        case .reopenHandled:
            // A notice whose window was handled: that one. Elsewhere: the agreement's handled
            // deadlines (only the notice's own, from a notice row) to choose from.
            if let notice {
                guard let w = notice.window, w.state == .handled else {
                    return [.openForm(.reopen(agreementId: notice.agreementId, sourceId: notice.id))]
                }
                state.overlay = .confirm(Confirmation(subject: .reopen(deadlineId: w.id),
                    question: "Reopen \"\(w.what)\" (\(notice.agreementTitle), act by \(w.actByDate.iso))? It was handled \(w.handledDate?.iso ?? "?")."))
                return []
            }
            guard let id = item?.deadline.agreementId ?? row?.id else { return refuse("Select an agreement first") }
            return [.openForm(.reopen(agreementId: id, sourceId: nil))]
        default: break
        }
        return []
    }

    /// z, a, W, e, O: the form that changes the selected deadline, termination or objection.
    static func openChange(_ state: inout WorkbenchState, _ action: FormAction, _ data: Loaded) -> [Effect] {
        func refuse(_ text: String) -> [Effect] {
            state.status = StatusMessage(text: text, isError: true)
            return []
        }
        let item = state.context == .agenda ? data.agendaItem(at: state.agenda.selected) : nil
        let notice = state.context == .notices ? data.notice(at: state.notices.selected) : nil
        switch action {
        case .snooze, .noteDeadline:
            var deadline: Deadline?
            var title = ""
            if let item { deadline = item.deadline; title = item.agreementTitle }
            if let notice, let w = notice.window { deadline = w; title = notice.agreementTitle }
            guard let deadline else { return refuse("No deadline selected") }
            if action == .noteDeadline {
                state.form = DeadlineNoteForm.make(deadline: deadline, agreementTitle: title)
            } else {
                guard deadline.state == .open else { return refuse("Only an open deadline can be snoozed; this one was handled") }
                state.form = SnoozeForm.make(deadline: deadline, agreementTitle: title, today: data.today)
            }
        case .withdraw, .editObjection, .objectionOutcome:
            guard let notice else { return [] }
            if notice.kind == .termination {
                guard action == .withdraw else { return refuse("e and O change an objection; this is a termination notice (W withdraws it)") }
                guard !notice.status.hasPrefix("withdrawn") else { return refuse("This termination was already \(notice.status)") }
                state.form = WithdrawTerminationForm.make(notice: notice)
                return []
            }
            let change: ObjectionChange = action == .withdraw ? .withdraw : action == .editObjection ? .edit : .outcome
            return [.openForm(.objectionChange(change, notice: notice))]
        default: break
        }
        return []
    }

    /// Where a deadline comes from, as a phrase: "an event", "a termination notice".
    static func sourceText(_ kind: DeadlineSourceKind) -> String {
        switch kind {
        case .changeNotice: "a change notice"
        case .termination: "a termination notice"
        case .event: "an event"
        case .term: "the agreement's term (renewal)"
        case .recurrence: "a recurring duty"
        case .agreementEnd: "the agreement's end"
        }
    }

    /// Why `o` does nothing on a notice row, in plain words.
    static func cannotObjectText(kind: NoticeRow.Kind, status: String) -> String {
        guard kind == .change else { return "Only a change notice can be objected to; this is a termination notice" }
        let state: String
        switch status {
        case "objected": state = "it has already been objected to"
        case "accepted": state = "it has been accepted"
        case "withdrawn": state = "it was withdrawn"
        default: state = "it is \(status)"
        }
        return "Only an open change notice can be objected to; \(state)"
    }

    // MARK: - Inside a form

    /// Text input and the form's own keys while a form is open.
    static func inside(_ state: inout WorkbenchState, _ action: Action) -> [Effect] {
        guard var form = state.form else { return [] }
        var edited = false
        switch action {
        case .insertText(let text):
            for c in text { form.type(c) }
            edited = true
        case .paste(let text):
            guard form.paste(text) else {
                state.status = StatusMessage(text: "Paste into a text field (this field is a choice)", isError: true)
                return []
            }
            edited = true
        case .edit(let e):
            edited = form.edit(e)
        case .forms(.cycleChoiceForward), .forms(.cycleChoiceBackward):
            let forward = action == .cycleChoiceForward
            if form.focusedField?.isTextual == true { _ = form.edit(forward ? .right : .left) }
            else { form.cycle(forward ? 1 : -1) }
            edited = true
        case .forms(.nextField):
            form.moveFocus(1)
        case .forms(.previousField):
            form.moveFocus(-1)
        case .forms(.submitOrNext) where !form.onLastField:
            form.moveFocus(1)
        case .forms(.submitOrNext), .forms(.submit):
            return [form.confirmation != nil ? .validateForm : .submitForm]
        case .forms(.cancel):
            if form.holdsData {
                state.overlay = .confirm(Confirmation(subject: .discardForm, question: "Discard what you typed? Nothing is written."))
            } else {
                state.form = nil
                state.status = StatusMessage(text: "Cancelled; nothing was written", isError: false)
            }
            return []
        default:
            return []
        }
        if edited { let spec = form.spec; spec.adjust(&form) }
        state.form = form
        return edited ? [.previewForm] : []
    }
}

/// Opening a form (or the reopen question) and moving inside one.
public enum FormAction: Hashable, Sendable {
    case recordObjection, recordChangeNotice, recordTermination, markHandled, reopenHandled
    case snooze, noteDeadline, withdraw, editObjection, objectionOutcome
    case nextField, previousField, cycleChoiceForward, cycleChoiceBackward, submitOrNext, submit, cancel
}

extension Action {
    public static let recordObjection = Action.forms(.recordObjection)
    public static let recordChangeNotice = Action.forms(.recordChangeNotice)
    public static let recordTermination = Action.forms(.recordTermination)
    public static let markHandled = Action.forms(.markHandled)
    public static let reopenHandled = Action.forms(.reopenHandled)
    public static let snooze = Action.forms(.snooze)
    public static let noteDeadline = Action.forms(.noteDeadline)
    public static let withdraw = Action.forms(.withdraw)
    public static let editObjection = Action.forms(.editObjection)
    public static let objectionOutcome = Action.forms(.objectionOutcome)
    public static let nextField = Action.forms(.nextField)
    public static let previousField = Action.forms(.previousField)
    public static let cycleChoiceForward = Action.forms(.cycleChoiceForward)
    public static let cycleChoiceBackward = Action.forms(.cycleChoiceBackward)
    public static let submitOrNext = Action.forms(.submitOrNext)
    public static let submit = Action.forms(.submit)
    public static let cancelForm = Action.forms(.cancel)
}
