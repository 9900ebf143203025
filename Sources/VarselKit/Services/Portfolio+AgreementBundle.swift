import Crypto
import Foundation

/// An agreement with everything under it, created at once (`varsel intake FILE --save`): the
/// parties it names (an existing party with the same organisation number is reused), the
/// agreement, its clauses, notice rules and sub-processors.
public struct AgreementBundle: Sendable {
    public var parties: [Party]
    public var agreement: Agreement
    public var clauses: [Clause]
    public var rules: [NoticeRule]
    public var subProcessors: [SubProcessor]

    public init(parties: [Party], agreement: Agreement, clauses: [Clause], rules: [NoticeRule], subProcessors: [SubProcessor]) {
        self.parties = parties; self.agreement = agreement; self.clauses = clauses; self.rules = rules; self.subProcessors = subProcessors
    }

    /// The lowercase hex SHA-256 of a source file's bytes (named in the audit row).
    public static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
}

extension Portfolio {
    /// Creates the bundle in one transaction with one audit row naming `sourceFile` and its SHA-256.
    /// Ids left empty are made here; each record is validated as its own command would (a problem
    /// names the record), and nothing is written unless all pass.
    @discardableResult
    public func addAgreementBundle(_ bundle: AgreementBundle, sourceFile: String, sha256: String,
                                   dryRun: Bool = false) throws -> Authored<Agreement> {
        try authoring(dryRun: dryRun) { tx in
            var a = bundle.agreement
            if a.id.isEmpty { a.id = ids.make("ag") }
            if try tx.record(Agreement.self, id: a.id) != nil {
                throw VarselError(.conflict, "An agreement with id \"\(a.id)\" exists", at: "id", fix: "Give another id")
            }
            // Parties: reuse one with the same normalised org number; the counterparty id may name a draft.
            var partyIds: [String: String] = [:]
            let existing = try tx.existingIDs().parties
            let stored = try tx.records(Party.self, ids: Array(existing))
            var added: [Party] = []
            for (i, draft) in bundle.parties.enumerated() {
                var p: Party
                do { p = try AuthoringValidation.party(draft) } catch let e as VarselError {
                    throw VarselError(e.kind, "Party \(i + 1) (\(draft.name)): \(e.what)", at: e.location, fix: e.fix)
                }
                if let n = p.orgNumber, let same = (stored + added).first(where: { $0.orgNumber == n }) {
                    partyIds[draft.id] = same.id
                    continue
                }
                let draftId = p.id
                if p.id.isEmpty || existing.contains(p.id) { p.id = ids.make("pt") }
                partyIds[draftId] = p.id
                try tx.insert(p); added.append(p)
            }
            a.counterpartyId = partyIds[a.counterpartyId] ?? a.counterpartyId
            if let ours = a.ourPartyId { a.ourPartyId = partyIds[ours] ?? ours }
            try checkAgreement(tx, a)
            try tx.insert(a)
            var clauses: [Clause] = []
            for var c in bundle.clauses {
                c.agreementId = a.id
                if c.id.isEmpty { c.id = ids.make("cl") }
                try AuthoringValidation.clause(c, others: clauses)
                try tx.insert(c); clauses.append(c)
            }
            for (i, var r) in bundle.rules.enumerated() {
                r.agreementId = a.id
                if r.id.isEmpty { r.id = ids.make("rule") }
                do { try AuthoringValidation.rule(r, agreement: a, clauses: clauses) } catch let e as VarselError {
                    throw VarselError(e.kind, "Notice rule \(i + 1) (\(r.title)): \(e.what)", at: e.location, fix: e.fix)
                }
                try tx.insert(r)
            }
            for (i, var s) in bundle.subProcessors.enumerated() {
                s.agreementId = a.id
                if s.id.isEmpty { s.id = ids.make("sp") }
                do { s = try AuthoringValidation.subProcessor(s) } catch let e as VarselError {
                    throw VarselError(e.kind, "Sub-processor \(i + 1) (\(s.name)): \(e.what)", at: e.location, fix: e.fix)
                }
                try tx.insert(s)
            }
            let planned = try replan(tx, agreementId: a.id)
            let counts = "\(added.count) part(ies), \(clauses.count) clause(s), \(bundle.rules.count) notice rule(s), \(bundle.subProcessors.count) sub-processor(s)"
            return (Authored(record: a, before: nil, deadlines: planned, withdrawn: [], dryRun: false),
                    AuditNote(action: "intake", entityType: "agreement", entityId: a.id,
                              summary: "Intake of \(sourceFile) (SHA-256 \(sha256)): agreement \(a.title) with \(counts)",
                              after: a))
        }
    }
}
