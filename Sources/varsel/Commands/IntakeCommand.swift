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
        """)
    @Argument(help: "The contract file, or - for standard input.") var file: String
    @Option(name: .long, help: "Output format: table or json.") var format: ReportFormat = .table
    @Option(name: .long, help: "auto, sv, da, nb, nn or en.") var language: String = "auto"

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
}
