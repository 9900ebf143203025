import ArgumentParser
import Foundation
import VarselKit

extension AgreementKind: ExpressibleByArgument {}
extension OurRole: ExpressibleByArgument {}
extension AgreementStatus: ExpressibleByArgument {}
extension RuleTrigger: ExpressibleByArgument {}
extension SubProcessorStatus: ExpressibleByArgument {}
extension AgreementTerm.Kind: ExpressibleByArgument {
    /// "auto-renewal" is accepted for "auto_renewal".
    public init?(argument: String) { self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_")) }
}

/// Options of every authoring command: a dry run and the output format.
struct AuthoringOptions: ParsableArguments {
    @Flag(name: .long, help: "Validate and show what would change; write nothing.") var dryRun = false
    @Option(name: .long, help: "Output format: table or json (the record with its id).") var format: ReportFormat = .table
}

/// `--if-version` of the commands that change or remove a record: optimistic concurrency for
/// scripts, as the workbench's forms have it.
struct IfVersionOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Change it only if it is still this version (recordVersions of `varsel show AGREEMENT --format json`, or the version an earlier change printed): refused, with who changed it, if another write did since.",
        valueName: "sha256")) var ifVersion: String?

    /// The version given, checked for shape (64 hex digits).
    func loaded() throws -> RecordVersion? {
        guard let text = ifVersion else { return nil }
        let digest = text.lowercased()
        guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit }) else {
            throw VarselError(.invalidInput, "--if-version \"\(TerminalText.sanitize(text))\" is not a record version", at: "--if-version",
                              fix: "Give the record's 64-hex-digit version from `varsel show AGREEMENT --format json` (recordVersions)")
        }
        return RecordVersion(digest: digest)
    }
}

/// A period option parsed as `varsel calc` does ("3 months", "20 working days").
func parsePeriod(_ text: String?, option: String) throws -> Period? {
    try text.map { try AuthoringValidation.period($0, field: option) }
}

/// A date option, as a `VarselError` naming the option.
func parseDateOption(_ text: String?, option: String) throws -> CivilDate? {
    try text.map { try AuthoringValidation.date($0, field: option) }
}

/// Prints an authoring result: JSON (`record`, `before`, `deadlines`, `withdrawn`, `dryRun`) or
/// a few lines naming the record, its id and the deadlines the change moved.
func report<R>(_ result: Authored<R>, verb: String, noun: String, name: String, options: AuthoringOptions,
               fields: [(String, String?)]) throws {
    if options.format == .json { try JSONOutput.print(result); return }
    if result.dryRun { out("Dry run: nothing written. Would have \(verb.lowercased()) \(noun) \(result.record.id): \(name)") } else {
        out("\(verb) \(noun) \(result.record.id): \(name)")
    }
    for (label, value) in fields { if let value, !value.isEmpty { out("  \(label): \(value)") } }
    for d in result.deadlines {
        out("  deadline \(d.id): \(d.what), act by \(d.actByDate.humanText) — \(d.explanation)")
    }
    for id in result.withdrawn { out("  withdrawn: \(id)") }
}
