import VarselKit

/// The ncurses workbench as a terminal-independent program, and the shell of its one-way loop:
///
///     key ─▶ Action (binding table) ─▶ WorkbenchReducer.reduce(&state, action, data) ─▶ [Effect]
///     effects (reads, writes) run here ─▶ EffectResult ─▶ WorkbenchReducer.apply ─▶ …
///     WorkbenchData.load(for: state) ─▶ Loaded ─▶ apply(.loaded) clamps cursors
///     frame: WorkbenchView.render(state, loaded) ─▶ ScreenBuffer
///
/// `state` changes only in the reducer; the views draw `loaded`; only this shell and
/// `WorkbenchData` touch the portfolio. A frame of a new size first sends `.resized`.
@MainActor public final class Workbench: TerminalProgram {
    public static let minimumWidth = WorkbenchState.minimumWidth
    public static let minimumHeight = WorkbenchState.minimumHeight

    public let data: WorkbenchData
    public private(set) var state = WorkbenchState()
    /// What `state` shows, as loaded after the last change.
    public private(set) var loaded: Loaded

    public var portfolio: Portfolio { data.portfolio }
    public var databaseLabel: String { data.databaseLabel }
    /// Set at start when the newest audit rows fail hash-chain verification (shown in the header).
    public var auditWarning: String? { data.auditWarning }

    public init(portfolio: Portfolio, databaseLabel: String) {
        data = WorkbenchData(portfolio: portfolio, databaseLabel: databaseLabel)
        loaded = Loaded(databaseLabel: databaseLabel, today: portfolio.clock.today)
        run([.settleDeemedAcceptances, .reload])
    }

    // MARK: - TerminalProgram

    public func render(width: Int, height: Int) -> ScreenBuffer {
        if state.size != TerminalSize(width: width, height: height) { send(.resized(width: width, height: height)) }
        return WorkbenchView.render(state, loaded)
    }

    public func handle(_ key: Key) -> ProgramStep {
        if key == .resize { return .redraw }
        let finishedStartUp = data.finishStartUp()
        let action = Bindings.action(for: key, in: state.context, takingText: state.takesText)
        if state.isTooSmall {
            // Keys would act unseen: only quitting works.
            return action.map(send) ?? ProgramStep.none
        }
        WorkbenchReducer.keyPressed(&state)
        guard let action else {
            if finishedStartUp { refresh() }
            return .redraw
        }
        return send(action)
    }

    public func tick() -> ProgramStep {
        if data.finishStartUp() {
            _ = data.agendaAll
            refresh()
            return .redraw
        }
        if data.changedElsewhere() {
            let problem = data.reload()
            apply(.changedElsewhere)
            if let problem { apply(.status(StatusMessage(text: problem, isError: true))) }
            refresh()
            return .redraw
        }
        // Idle: read the count a filtered list left for later (shown as "200+" until then).
        guard data.countLeftovers(view: state.view) else { return .none }
        refresh()
        return .redraw
    }

    // MARK: - The loop

    /// Reduces one action and runs what it asks for.
    @discardableResult
    public func send(_ action: Action) -> ProgramStep {
        run(WorkbenchReducer.reduce(&state, action, loaded))
    }

    /// Shows an agreement in the Agreements view, detail focused on `tab`.
    public func openAgreement(_ id: String, tab: DetailTab, anchor: String? = nil) {
        run([.openAgreement(id: id, tab: tab, ruleId: nil, anchor: anchor)])
    }

    /// After a write by this process outside the workbench: everything shown may have changed.
    public func dataChanged() { run([.reload]) }

    private func apply(_ result: EffectResult) {
        let more = WorkbenchReducer.apply(&state, result, loaded)
        if !more.isEmpty { run(more) }
    }

    /// Runs effects in order (each result goes back through the reducer, which may ask for
    /// more), then loads what the state shows.
    @discardableResult
    private func run(_ effects: [Effect]) -> ProgramStep {
        var queue = effects[...]
        var quit = false
        while let effect = queue.popFirst() {
            if case .quit = effect { quit = true; continue }
            guard let result = perform(effect) else { continue }
            refresh()
            queue.append(contentsOf: WorkbenchReducer.apply(&state, result, loaded))
        }
        refresh()
        if quit { return .quit }
        return pendingEdit != nil ? .runOutside : .redraw
    }

    // MARK: - $EDITOR (E)

    /// How `E` runs the editor on a file (the terminal is the editor's meanwhile); tests put a script here.
    public var editor: (String) throws -> Void = { try AgreementEditSession.runEditor($0) }
    /// The agreement `E` asked to edit, until the terminal loop hands over the terminal.
    private var pendingEdit: String?

    /// The `E` round trip, run by the terminal loop outside curses: edit, validate, merge (one
    /// audit row), reopening the editor with the errors on top; then reload and say what happened.
    public func runOutside() -> ProgramStep {
        guard let id = pendingEdit else { return .redraw }
        pendingEdit = nil
        let edit = editor
        do {
            let before = try AgreementEditDocument.document(store: portfolio.store, agreementId: id)
            switch try AgreementEditSession.run(portfolio: portfolio, agreementId: id, editor: { try edit($0) }) {
            case .unchanged:
                apply(.status(StatusMessage(text: "Edited in $EDITOR: no changes; nothing written", isError: false)))
            case .saved(let plan):
                let text = "Edited in $EDITOR: " + (plan.reportLines(dryRun: false).first ?? "saved")
                // `u` puts back what the session changed (the state when the edit was saved).
                if let after = try? AgreementEditDocument.document(store: portfolio.store, agreementId: id) {
                    let title = after.agreements.first?.title ?? id
                    apply(.formSaved(FormSaved(text, undo: .editSession(agreementId: id, title: title, before: before, after: after))))
                } else {
                    apply(.wrote(StatusMessage(text: text, isError: false)))
                }
            }
        } catch {
            apply(.status(StatusMessage(text: "Edit in $EDITOR: \(asVarselError(error).description)", isError: true)))
        }
        refresh()
        return .redraw
    }

    /// Loads what the state shows and lets the reducer clamp cursors to it.
    private func refresh() {
        let (l, problem) = data.load(for: state)
        loaded = l
        _ = WorkbenchReducer.apply(&state, .loaded(l), l)
        if let problem { _ = WorkbenchReducer.apply(&state, .status(StatusMessage(text: problem, isError: true)), l) }
    }

    /// Runs one effect against the portfolio and reports what happened.
    private func perform(_ effect: Effect) -> EffectResult? {
        switch effect {
        case .quit:
            return nil
        case .reload:
            return data.reload().map { .status(StatusMessage(text: $0, isError: true)) }
        case .settleDeemedAcceptances:
            do {
                let n = try portfolio.settleDeemedAcceptances().count
                guard n > 0 else { return nil }
                return .status(StatusMessage(text: "\(n) change\(n == 1 ? "" : "s") deemed accepted: no objection within the window", isError: false))
            } catch {
                return .status(StatusMessage(text: "Cannot settle deemed acceptances: \(asVarselError(error).description)", isError: true))
            }
        case .previewForm:
            guard let form = state.form else { return nil }
            return .formPreviewed(form.spec.preview(form, portfolio: portfolio))
        case .validateForm:
            guard let form = state.form else { return nil }
            do {
                try form.spec.validate(form, portfolio: portfolio)
                return .formValidated
            } catch {
                return .formFailed(asVarselError(error))
            }
        case .submitForm:
            guard let form = state.form else { return nil }
            do {
                // An intake edit form changes the review, not the database.
                if let spec = form.spec as? any IntakeEditSpec { return .intakeEdited(try spec.edit(form, portfolio: portfolio)) }
                return .formSaved(try form.spec.save(form, portfolio: portfolio))
            } catch {
                return .formFailed(asVarselError(error))
            }
        case .openForm(let request):
            switch request.open(data) {
            case .form(var form):
                form.take(form.spec.preview(form, portfolio: portfolio))
                return .formOpened(form)
            case .refused(let message):
                return .status(message)
            }
        case .openAgreement(let id, let tab, let ruleId, var anchor):
            if let ruleId, let rule = data.detail(id)?.rules.first(where: { $0.rule.id == ruleId })?.rule {
                anchor = DetailTabs.ruleHeading(rule)
            }
            do {
                guard let (index, cleared, archivedShown) = try data.focusAgreement(id, filter: state.filters[.agreements] ?? "",
                                                                                  includeArchived: state.showArchived) else {
                    return .status(StatusMessage(text: "Agreement \(id) is not in the database any more", isError: true))
                }
                return .agreementFocused(index: index, tab: tab, anchor: anchor, filterCleared: cleared, archivedShown: archivedShown)
            } catch {
                return .status(StatusMessage(text: asVarselError(error).description, isError: true))
            }
        case .reopen(let id):
            do {
                let d = try portfolio.reopenDeadline(id: id)
                return .wrote(StatusMessage(text: "Reopened: \(d.what) (act by \(d.actByDate.iso))", isError: false))
            } catch {
                return .status(StatusMessage(text: asVarselError(error).description, isError: true))
            }
        case .runCommand(let command):
            return .status(command.run(portfolio))
        case .openIntake(let path):
            return IntakeEffects.open(path: path)
        case .saveIntake:
            guard let review = state.intake else { return nil }
            return IntakeEffects.save(review, portfolio: portfolio)
        case .undo(let step):
            do {
                return .undone(step, message: try step.undo(portfolio), error: nil)
            } catch {
                return .undone(step, message: nil, error: asVarselError(error))
            }
        case .editInEditor(let id):
            pendingEdit = id
            return nil
        case .exactCount(let then):
            do {
                try data.countNow(view: state.view)
                return .counted(then: then)
            } catch {
                return .status(StatusMessage(text: asVarselError(error).description, isError: true))
            }
        }
    }
}
