import ArgumentParser
import Foundation
import VarselIntake
import VarselKit

/// `varsel intake FILE`: reads a contract and prints what Varsel would record. Writes nothing.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: "Propose an agreement's clauses, notice rules, parties and sub-processors from a contract.",
        discussion: """
        FILE is .txt/.md (UTF-8, UTF-16 with BOM or Windows-1252), .pdf (needs pdftotext from poppler-utils), \
        .docx, or - for standard input. Nothing is written: the proposal is printed for review. \
        Offsets (start, end) are UTF-16 offsets into the extracted text (docs/intake.md).

        With --save the agreement is created with its parties and clauses (and, with --accept-all, \
        every proposed notice rule and sub-processor) in one transaction with one audit row naming \
        the file and its SHA-256, and the extracted text is kept with the agreement (`varsel text`). \
        Every record is validated first; one bad proposal writes nothing. A file already imported \
        (a kept text has its SHA-256) is refused, naming the agreement; --again creates another \
        agreement from it anyway. With --parent the text is kept with the new agreement only.
        Examples:
          varsel intake avtal.pdf
          varsel intake dpa.docx --save --accept-all --parent main-agreement --db portfolio.sqlite
        """)
    @Argument(help: "The contract file, or - for standard input.") var file: String
    @Option(name: .long, help: "Output format: table or json.") var format: ReportFormat = .table
    @Option(name: .long, help: "auto, sv, da, nb, nn or en.") var language: String = "auto"
    @Flag(name: .long, help: "Create the agreement with its parties and clauses.") var save = false
    @Flag(name: .long, help: "With --save: also every proposed notice rule and sub-processor.") var acceptAll = false
    @Option(name: .long, help: "With --save: the main agreement it hangs under (a DPA under its service agreement).") var parent: String?
    @Option(name: .long, help: "With --save: the counterparty's party id (default: the first party proposed).") var counterparty: String?
    @Flag(name: .long, help: "With --save: create the agreement although this file was already imported.") var again = false
    @OptionGroup var common: CommonOptions

    func run() throws {
        try guarded {
            guard language == "auto" || IntakeEngine.languages.contains(language) else {
                throw VarselError(.invalidInput, "unknown language \"\(language)\"", at: "--language",
                                  fix: "use auto, sv, da, nb, nn or en")
            }
            let doc: IntakeDocument
            do { doc = try IntakeReader.read(path: file) } catch let e as IntakeError {
                throw VarselError(.invalidInput, e.message, at: file)
            }
            let p = IntakeEngine.propose(doc.text, language: language)
            if save {
                try saveProposal(p, doc: doc)
                return
            }
            guard !acceptAll && parent == nil && counterparty == nil && !again else {
                throw VarselError(.invalidInput, "--accept-all, --parent, --counterparty and --again only apply with --save", at: "--save",
                                  fix: "Add --save to create the agreement")
            }
            switch format {
            case .json: try JSONOutput.print(p)
            case .table: printTable(p, doc: doc)
            }
        }
    }

    private func printTable(_ p: IntakeProposal, doc: IntakeDocument) {
        out(TerminalLine(sanitizing: "\(p.title ?? "(no title)")  [\(p.language), \(p.kind ?? "kind?"), \(doc.format)]"))
        if let law = p.governingLaw { out(TerminalLine(sanitizing: "Governing law: \(law)")) }
        out("")
        var rules = TextTable(["Clause", "Period", "Dir", "Anchor", "Actor", "Form", "Pattern", "Words"], rightAligned: [1])
        rules.width = TerminalWidth.current(); rules.shrinkable = [7]
        for r in p.rules {
            let period = r.unit == "vague" ? "vague" : "\(r.value) \(r.unit)"
            let form = [r.writtenForm ? "written" : nil, r.groundsRequired ? "grounds" : nil, r.toEndOfMonth ? "eom" : nil]
                .compactMap { $0 }.joined(separator: ",")
            rules.append([r.clause ?? "-", period, r.direction, r.anchor, r.actor, form, r.pattern, r.periodText])
        }
        out(TerminalLine(sanitizing: "Notice rules (\(p.rules.count))"))
        outBlock(rules.render())
        out("")
        var parties = TextTable(["Party", "Org number", "Country"])
        for x in p.parties { parties.append([x.name, x.orgNumber ?? "-", x.country ?? "-"]) }
        out(TerminalLine(sanitizing: "Parties (\(p.parties.count))"))
        outBlock(parties.render())
        out("")
        var subs = TextTable(["Sub-processor", "Org number", "Country", "Purpose"])
        subs.width = TerminalWidth.current(); subs.shrinkable = [3]
        for x in p.subProcessors { subs.append([x.name, x.orgNumber ?? "-", x.country ?? "-", x.purpose ?? "-"]) }
        out(TerminalLine(sanitizing: "Sub-processors (\(p.subProcessors.count))"))
        outBlock(subs.render())
        out(TerminalLine(sanitizing: "\(p.clauses.count) clauses. Nothing was written."))
        for w in p.warnings { out(TerminalLine(sanitizing: "warning: \(w)")) }
    }

    /// Creates the proposal's agreement (`Portfolio.addAgreementBundle`) and prints it.
    private func saveProposal(_ p: IntakeProposal, doc: IntakeDocument) throws {
        guard file != "-" else {
            throw VarselError(.invalidInput, "--save needs a file (its name and SHA-256 go into the audit trail), not standard input",
                              at: "FILE", fix: "Save the text to a file first")
        }
        let data = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
        let portfolio = try common.portfolio()
        let name = (file as NSString).lastPathComponent, sha = AgreementBundle.sha256(data)
        let bundle = try IntakeBundle.make(p, fileName: name, acceptAll: acceptAll,
                                           parent: try parent.map { try portfolio.queries.resolveAgreement($0).id },
                                           counterparty: counterparty,
                                           source: IntakeBundle.source(fileName: name, format: doc.format, sha256: sha,
                                                                       text: doc.text, language: p.language))
        let result = try portfolio.addAgreementBundle(bundle, sourceFile: name, sha256: sha, again: again)
        if format == .json { try JSONOutput.print(result); return }
        out("Saved agreement \(result.record.id): \(result.record.title) — \(bundle.clauses.count) clause(s), \(bundle.rules.count) notice rule(s), \(bundle.subProcessors.count) sub-processor(s)")
        for d in result.deadlines { out("  deadline \(d.id): \(d.what), act by \(d.actByDate.humanText)") }
    }
}
