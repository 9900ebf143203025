import ArgumentParser
import Foundation
import VarselKit

/// `varsel edit AGREEMENT`: the agreement with its parties, clauses, rules, sub-processors and
/// versions as YAML in $EDITOR (as `kubectl edit` does). On save the file is validated with the
/// import validator and merged in one transaction with one audit row; on an error the problems are
/// written at the top of the file as comments (with line numbers) and the editor reopens. An
/// unchanged file writes nothing.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Edit an agreement and everything under it as YAML in $EDITOR.",
        discussion: """
        Examples:
          varsel edit pureservice
          EDITOR=nano varsel edit mobilize-me-dpa
        The editor is $VISUAL, else $EDITOR, else vi. Save unchanged (or after an error, save without
        fixing it) to leave the database as it was.
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let outcome = try AgreementEditSession.run(portfolio: p, agreementId: a.id, editor: { try AgreementEditSession.runEditor($0) },
                                                       reopening: { err("varsel: \($0.what) — reopening the editor") })
            switch outcome {
            case .unchanged: out("No changes to \(a.title); nothing written")
            case .saved(let plan): for line in plan.reportLines(dryRun: false) { out("\(line)") }
            }
        }
    }
}
