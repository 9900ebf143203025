import Foundation
import VarselIntake
import VarselKit

/// The intake review's effects, run by the shell (`Workbench.perform`): reading and proposing
/// (`open`) and saving (`save`). Nothing here touches the state; results go back as `EffectResult`s.
@MainActor enum IntakeEffects {
    /// Reads the file (`~` expanded), extracts its text and proposes; a file that cannot be read
    /// (missing, unsupported, a scanned PDF) gives one precise error line and changes nothing else.
    static func open(path typed: String) -> EffectResult {
        let path = CommandPrompt.expand(typed)
        let name = (path as NSString).lastPathComponent
        do {
            let doc = try IntakeReader.read(path: path)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let proposal = IntakeEngine.propose(doc.text, language: "auto")
            return .intakeOpened(IntakeReview(path: path, sha256: AgreementBundle.sha256(data), format: doc.format,
                                              text: doc.text, proposal: proposal))
        } catch let e as IntakeError {
            return .status(StatusMessage(text: "Cannot intake \(name): \(e.message)", isError: true))
        } catch {
            return .status(StatusMessage(text: "Cannot intake \(name): \(error.localizedDescription)", isError: true))
        }
    }

    /// Creates the agreement and everything accepted (`IntakeBundle` → `Portfolio.addAgreementBundle`):
    /// one transaction, one audit entry naming the file and its SHA-256. On an error nothing is written
    /// and the review stays open.
    static func save(_ review: IntakeReview, portfolio: Portfolio) -> EffectResult {
        do {
            let (proposal, counterparty) = try review.reviewed()
            let parent = review.agreement.parent.isEmpty ? nil : review.agreement.parent
            let bundle = try IntakeBundle.make(proposal, fileName: review.fileName, acceptAll: true, parent: parent,
                                               counterparty: counterparty,
                                               source: IntakeBundle.source(fileName: review.fileName, format: review.format,
                                                                           sha256: review.sha256, text: review.text,
                                                                           language: proposal.language))
            let result = try portfolio.addAgreementBundle(bundle, sourceFile: review.fileName, sha256: review.sha256)
            let text = "Saved \(result.record.title) (\(result.record.id)) from \(review.fileName): \(bundle.rules.count) notice rule(s), "
                + "\(bundle.parties.count) part(ies), \(bundle.subProcessors.count) sub-processor(s), \(bundle.clauses.count) clause(s); "
                + "\(result.deadlines.count) deadline(s) opened"
            return .intakeSaved(agreementId: result.record.id, message: text)
        } catch {
            return .status(StatusMessage(text: "Not saved: \(asVarselError(error).description)", isError: true))
        }
    }
}
