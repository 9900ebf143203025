import Foundation
import Yams

/// One agreement with its parties, clauses, notice rules, sub-processors and versions as a YAML
/// portfolio document (the exchange shape), for editing in `$EDITOR` (`varsel edit`); the saved
/// text goes back through the import validator and a merge import (one transaction, one audit row).
public enum AgreementEditDocument {
    /// The header every edit file starts with (YAML comments).
    public static let header = """
        # Edit this agreement and save; quit without saving (or leave it unchanged) to write nothing.
        # The shape is the portfolio exchange format (docs/exchange.md). Keep the ids; records removed
        # here are not deleted (use `varsel clause remove`, `varsel rule remove`, …).

        """

    /// The YAML text of agreement `id` and what belongs to it.
    public static func yaml(store: any PortfolioStorage, agreementId id: String) throws -> String {
        // The registry's kinds that an agreement's edit document holds (`AnyRecordKind.inAgreementEdit`).
        let doc = try store.read { tx -> PortfolioDocument in
            var doc = PortfolioDocument()
            for kind in RecordRegistry.kinds { try kind.load(agreementId: id, from: tx, into: &doc) }
            return doc
        }
        let encoder = YAMLEncoder()
        encoder.options = .init(indent: 2, width: -1, allowUnicode: true, sortKeys: true)
        // The header fields first; the lists an agreement edit does not hold are left out (missing = empty).
        let skipped = Set(["format: varsel-portfolio", "formatVersion: 1", "audit: []"]
                          + RecordRegistry.kinds.filter { !$0.inAgreementEdit }.map { "\($0.key): []" })
        let body = try encoder.encode(doc).split(separator: "\n", omittingEmptySubsequences: false).filter { !skipped.contains(String($0)) }
        return header + "format: varsel-portfolio\nformatVersion: 1\n" + body.joined(separator: "\n")
    }

    /// Why the save of an edit opened on `opened` (the text `yaml` gave then) must not go through:
    /// the agreement or a record of it changed since (a colleague's save, on a shared portfolio),
    /// naming the newest audit row about it; nil when nothing changed.
    public static func changedSinceOpened(_ opened: String, agreementId id: String, portfolio p: Portfolio) throws -> VarselError? {
        guard try yaml(store: p.store, agreementId: id) != opened else { return nil }
        let marker = "\"agreementId\":\"" + id + "\""
        let last = try p.queries.audit(limit: 200).first {
            $0.entityId == id || ($0.after ?? "").contains(marker) || ($0.before ?? "").contains(marker)
        }
        let who = last.map { "Changed by \($0.user) at \(p.clockTime($0.at)) since you opened it: \($0.summary)" }
            ?? "Changed by another write since you opened it"
        return VarselError(.conflict, who, at: "version",
                           fix: "Your text below still holds your changes and not theirs: keep what they changed where you want it, then save; save without changes to write nothing")
    }

    /// Checks the edited text still describes agreement `id` (no other agreement, no renamed id),
    /// then validates and merges it (`PortfolioImporter`); returns the import plan.
    public static func apply(_ text: String, agreementId id: String, fileName: String, store: any PortfolioStorage,
                             clock: VarselClock, user: String, dryRun: Bool = false) throws -> ImportPlan {
        let importer = PortfolioImporter(store: store, clock: clock, user: user)
        let parsed = try PortfolioImporter.parse(Data(text.utf8), fileName: fileName)
        let ids = parsed.document.agreements.map(\.id)
        guard ids == [id] else {
            throw VarselError(.invalidInput, "The file must hold agreement \"\(id)\" only, found \(ids.isEmpty ? "none" : ids.joined(separator: ", "))",
                              at: "\(fileName): agreements", fix: "Keep the agreement's id as it was; create new agreements with `varsel agreement add`")
        }
        let others = RecordRegistry.kinds.filter { $0.inAgreementEdit }
            .flatMap { $0.agreementIds(in: parsed.document) }.filter { $0 != id }
        if let other = others.first {
            throw VarselError(.invalidInput, "A record names agreement \"\(other)\"; this file edits \"\(id)\" only",
                              at: fileName, fix: "Keep every agreementId as \"\(id)\"")
        }
        for (i, p) in parsed.document.parties.enumerated() where p.orgNumber != nil {
            do { _ = try AuthoringValidation.party(p) } catch let e as VarselError {
                throw VarselError(.invalidInput, "parties[\(i)]: \(e.what)", at: "\(fileName): parties[\(i)].orgNumber", fix: e.fix)
            }
        }
        return try importer.importData(Data(text.utf8), fileName: fileName, merge: true, dryRun: dryRun)
    }
}
