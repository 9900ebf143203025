import VarselKit

/// The one place `WorkbenchState` changes: `reduce` for actions (keys, the terminal size),
/// `apply` for what effects report back, including the data loaded for the new state (cursors
/// are clamped there). Pure: reads only the state, the action and the `Loaded` value; asks for
/// reads and writes by returning `Effect`s. Each feature reduces its own actions.
enum WorkbenchReducer {
    /// Every key press: the last message goes.
    static func keyPressed(_ state: inout WorkbenchState) { state.status = nil }

    static func reduce(_ state: inout WorkbenchState, _ action: Action, _ data: Loaded) -> [Effect] {
        switch action {
        case .resized(let w, let h):
            state.size = TerminalSize(width: w, height: h)
        case .quit:
            return quit(&state)
        case .back:
            if state.context.isAgreementDetail {
                AgreementsFeature.closeDetail(&state)
            } else if !state.filter.isEmpty {
                FilterFeature.setFilter(&state, nil)
            }
        case .backOrQuit:
            guard state.context.isAgreementDetail else { return quit(&state) }
            AgreementsFeature.closeDetail(&state)
        case .showView(let v):
            state.view = v
        case .nextView, .previousView:
            let all = ViewID.allCases
            let i = all.firstIndex(of: state.view)!
            state.view = all[(i + (action == .nextView ? 1 : all.count - 1)) % all.count]
        case .reload:
            state.status = StatusMessage(text: "Reloaded", isError: false)
            return [.settleDeemedAcceptances, .reload]
        case .mouse(let e):
            return MouseFeature.reduce(&state, e, data)
        case .calendarMove(let a):
            CalendarFeature.reduce(&state, a, today: data.today)
        case .helpOverlay(let a):
            return HelpFeature.reduce(&state, a)
        case .confirmation(let a):
            return reduceConfirmation(&state, a)
        case .prompt(let a):
            return PromptFeature.reduce(&state, a)
        case .lists(let a):
            return FilterFeature.reduce(&state, a, data)
        case .agreements(let a):
            return AgreementsFeature.reduce(&state, a, data)
        case .forms(let a):
            return FormsFeature.reduce(&state, a, data)
        case .intake(let a):
            return IntakeFeature.reduce(&state, a)
        case .authoring(let a):
            return AuthoringFeature.reduce(&state, a, data)
        case .undo:
            return UndoFeature.reduce(&state)
        case .insertText, .paste, .edit:
            switch state.context {
            case .prompt: return PromptFeature.input(&state, action)
            case .filter: return FilterFeature.input(&state, action)
            case .form: return FormsFeature.inside(&state, action)
            default:
                if case .paste = action {
                    state.status = StatusMessage(text: "Pasted text ignored: open a form, / or : first", isError: true)
                }
            }
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .open, .cycleSort:
            switch state.context {
            case .help: return HelpFeature.scroll(&state, action)
            case .agenda: return AgendaFeature.reduce(&state, action, data)
            case .agreementList, .agreementDetail, .agreementText: return AgreementsFeature.reduce(&state, action, data)
            case .subProcessors: return RegisterFeature.reduce(&state, action, data)
            case .notices: return NoticesFeature.reduce(&state, action, data)
            case .calendar:
                if action == .open { CalendarFeature.open(&state, data) } else { CalendarFeature.move(&state, action, today: data.today) }
            default: break
            }
        }
        return []
    }

    /// Quits, but asks first while a form holds input.
    static func quit(_ state: inout WorkbenchState) -> [Effect] {
        if !state.isTooSmall, state.overlay == nil, state.form == nil, state.intake?.holdsDecisions == true {
            state.overlay = .confirm(Confirmation(subject: .quit,
                question: "Quit Varsel? The intake review of \(state.intake!.fileName) is not saved; nothing of it is written."))
            return []
        }
        if !state.isTooSmall, state.overlay == nil, state.form?.holdsData == true {
            state.overlay = .confirm(Confirmation(subject: .quit,
                question: "Quit Varsel? The form holds unsaved input; nothing of it is written."))
            return []
        }
        return [.quit]
    }

    /// y / n on the confirmation box.
    private static func reduceConfirmation(_ state: inout WorkbenchState, _ action: ConfirmAction) -> [Effect] {
        guard case .confirm(let c) = state.overlay else { return [] }
        state.overlay = nil
        guard action == .yes else { return [] }
        switch c.subject {
        case .submitForm: return [.submitForm]
        case .reopen(let id): return [.reopen(deadlineId: id)]
        case .discardForm:
            state.form = nil
            state.status = StatusMessage(text: "Cancelled; nothing was written", isError: false)
            return []
        case .quit: return [.quit]
        case .saveIntake: return [.saveIntake]
        case .discardIntake:
            let name = state.intake?.fileName ?? "the file"
            state.intake = nil
            state.status = StatusMessage(text: "Intake of \(name) closed; nothing was written", isError: false)
            return []
        }
    }

    static func apply(_ state: inout WorkbenchState, _ result: EffectResult, _ data: Loaded) -> [Effect] {
        switch result {
        case .status(let m):
            state.status = m
        case .formOpened(let form):
            state.form = form
        case .formPreviewed(let p):
            state.form?.take(p)
        case .formValidated:
            guard let question = state.form?.confirmation else { return [.submitForm] }
            state.overlay = .confirm(Confirmation(subject: .submitForm, question: question))
        case .formSaved(let saved):
            state.form = nil
            state.status = StatusMessage(text: saved.message, isError: false)
            if let step = saved.undo { state.undo.append(step) }
            if let id = saved.focus { return [.reload, .openAgreement(id: id, tab: .overview, ruleId: nil, anchor: nil)] }
            return [.reload]
        case .undone(let step, let message, let error):
            if let message { state.status = StatusMessage(text: message, isError: false) }
            return UndoFeature.apply(&state, step, error: error)
        case .formFailed(let error):
            state.form?.show(error)
        case .intakeOpened(let review):
            state.intake = review
            state.status = StatusMessage(text: "\(review.items.count - 1) proposals from \(review.fileName): y accept · d reject · e edit · Ctrl-S save",
                                         isError: false)
        case .intakeEdited(let edit):
            IntakeFeature.apply(edit, &state)
        case .intakeSaved(let id, let message):
            state.intake = nil
            state.status = StatusMessage(text: message, isError: false)
            return [.reload, .openAgreement(id: id, tab: .overview, ruleId: nil, anchor: nil)]
        case .wrote(let m):
            state.status = m
            return [.reload]
        case .agreementFocused(let index, let tab, let anchor, let filterCleared, let archivedShown):
            if filterCleared { state.filters[.agreements] = nil }
            if archivedShown { state.showArchived = true }
            state.view = .agreements
            state.agreements.selected = index
            state.agreements.offset = max(0, index - ScreenLayout.listRows(state.size) / 2)
            state.detailFocused = true
            state.detailTab = tab
            state.detailScroll = 0
            state.detailAnchor = anchor
        case .counted(let then):
            return reduce(&state, then, data)
        case .changedElsewhere:
            state.status = StatusMessage(text: "Reloaded: the database was changed by another program", isError: false)
        case .loaded(let loaded):
            clamp(&state, loaded)
        }
        return []
    }

    /// Keeps the shown list's cursor inside its rows and visible, and the detail's and help's
    /// scroll inside their text, for the data just loaded.
    static func clamp(_ state: inout WorkbenchState, _ data: Loaded) {
        if case .help(let s) = state.overlay {
            var under = state
            under.overlay = nil
            state.overlay = .help(scroll: max(0, min(s, HelpOverlay.maxScroll(for: under.context, size: state.size))))
        }
        if !state.isTooSmall { IntakeFeature.clamp(&state) }
        guard data.hasAgreements, !state.isTooSmall else { return }
        let main = ScreenLayout.main(state.size)
        switch state.view {
        case .agenda: AgendaView.clamp(&state.agenda, layout: data.agenda, main: main)
        case .agreements: AgreementsFeature.clamp(&state, data, main: main)
        case .subProcessors: RegisterFeature.clamp(&state, data, main: main)
        case .notices: state.notices.clamp(count: data.notices.count, visible: main.height - 1)
        case .calendar: break
        }
    }
}
