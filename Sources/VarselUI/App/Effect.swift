import VarselKit

/// Work the reducer asks the shell (`Workbench`) to do: reads that need the portfolio and
/// every write. Each comes back, if it has an outcome, as an `EffectResult` for the reducer.
enum Effect: Sendable {
    /// Leave the run loop.
    case quit
    /// After a write (ours or another program's): drop every cache (`WorkbenchData.reload`).
    case reload
    /// Settle silence-is-approval windows that passed (at start and on `r`).
    case settleDeemedAcceptances
    /// Run the open form's dry run after an edit.
    case previewForm
    /// Check the open form without writing, then ask its confirmation question.
    case validateForm
    /// Write the open form's record.
    case submitForm
    case openForm(FormRequest)
    /// Show an agreement in the Agreements view at `tab`, scrolled to the line containing
    /// `anchor` or the heading of rule `ruleId`.
    case openAgreement(id: String, tab: DetailTab, ruleId: String?, anchor: String?)
    /// Reopen a handled deadline (asked first).
    case reopen(deadlineId: String)
    /// Write a file from the command line.
    case runCommand(FileCommand)
    /// Read the exact count of the shown paged list, then perform `then` again.
    case exactCount(then: Action)
    /// Read a contract and propose (`IntakeEffects.open`).
    case openIntake(path: String)
    /// Save the reviewed intake (`IntakeEffects.save`).
    case saveIntake
    /// Run the compensating change of a write of this session (`u`).
    case undo(UndoStep)
    /// Edit the agreement as YAML in $EDITOR: the shell gives the terminal up (`ProgramStep.runOutside`).
    case editInEditor(agreementId: String)
}

/// What an effect (or the shell) reports back to the reducer.
enum EffectResult: Sendable {
    case status(StatusMessage)
    case formOpened(FormState)
    case formPreviewed(FormPreview)
    /// The form passed `validate`: ask its question (or save).
    case formValidated
    /// The form's record was written; the status line says what, `u` can undo it.
    case formSaved(FormSaved)
    /// An undo ran (error nil) or was refused.
    case undone(UndoStep, message: String?, error: VarselError?)
    case formFailed(VarselError)
    /// A write outside a form went through.
    case wrote(StatusMessage)
    case agreementFocused(index: Int, tab: DetailTab, anchor: String?, filterCleared: Bool, archivedShown: Bool = false)
    case counted(then: Action)
    /// Another program wrote to the database; the caches were dropped.
    case changedElsewhere
    /// A contract was read; its review opens.
    case intakeOpened(IntakeReview)
    /// An intake edit form was saved (nothing written yet).
    case intakeEdited(IntakeEdit)
    /// The reviewed intake was written; the new agreement opens.
    case intakeSaved(agreementId: String, message: String)
    /// What the state shows was loaded: cursors and scrolls are clamped to it.
    case loaded(Loaded)
}
