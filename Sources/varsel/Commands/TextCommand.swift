import ArgumentParser
import Foundation
import VarselKit

/// `varsel text AGREEMENT`: prints the contract text kept with an agreement (issue 11), or one
/// clause's place in it.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text", abstract: "Print the contract text kept with an agreement, or one clause of it.",
        discussion: """
        `varsel intake FILE --save` keeps the extracted text with the agreement it creates. An \
        agreement may keep several texts (the contract, an amendment, an annex): documents are \
        numbered 1, 2, … in the order they were imported; without --document the first is printed \
        (--clause searches them in that order). Every line is sanitised for the terminal.
        Examples:
          varsel text pureservice
          varsel text pureservice --clause 11.1
          varsel text pureservice --document 2
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "Print only this clause (its reference, e.g. 11.1).") var clause: String?
    @Option(name: .long, help: "Which kept text: its number (1 = first imported) or its id.") var document: String?

    func run() throws {
        try guarded {
            let q = try common.portfolio().queries
            let a = try q.resolveAgreement(agreement)
            let all = try q.documents(agreementId: a.id)
            guard !all.isEmpty else {
                throw VarselError(.notFound, "No contract text is kept for \(a.id) (\(a.title))", at: "agreement",
                                  fix: "Texts are kept when a contract is saved by intake: `varsel intake FILE --save`")
            }
            let docs = try pick(all)
            guard let ref = clause else {
                let d = docs[0]
                if all.count > 1 {
                    let others = all.enumerated().filter { $0.element.id != d.id }.map { "\($0.offset + 1) \($0.element.fileName)" }
                    err("Document \((all.firstIndex(of: d) ?? 0) + 1) of \(all.count) (\(d.fileName)); also: \(others.joined(separator: ", ")) — --document N")
                }
                outBlock(d.text)
                return
            }
            let clauses = try q.detail(agreementId: a.id).clauses
            guard let c = clauses.first(where: { $0.reference.caseInsensitiveCompare(ref) == .orderedSame }) else {
                let refs = clauses.map(\.reference).prefix(20).joined(separator: ", ")
                throw VarselError(.notFound, "\(a.id) has no clause \"\(ref)\"", at: "--clause",
                                  fix: clauses.isEmpty ? "The agreement records no clauses" : "Use one of: \(refs)")
            }
            for d in docs {
                if let span = d.span(of: c, among: clauses), let text = d.span(start: span.lowerBound, end: span.upperBound) {
                    outBlock(String(text))
                    return
                }
            }
            throw VarselError(.notFound, "Clause \(c.reference) was not found in the kept text", at: "--clause",
                              fix: "Print the whole text with `varsel text \(a.id)`")
        }
    }

    /// The documents `--document` names (one), or all in import order.
    private func pick(_ all: [AgreementDocument]) throws -> [AgreementDocument] {
        guard let document else { return all }
        if let n = Int(document), (1...all.count).contains(n) { return [all[n - 1]] }
        if let d = all.first(where: { $0.id == document }) { return [d] }
        throw VarselError(.notFound, "No kept text \"\(document)\" for this agreement", at: "--document",
                          fix: "Use 1…\(all.count): " + all.enumerated().map { "\($0.offset + 1) \($0.element.fileName)" }.joined(separator: ", "))
    }
}
