import Crypto
import Foundation

/// An agreement with everything under it, created at once (`varsel intake FILE --save`): the
/// parties it names (an existing party with the same organisation number is reused), the
/// agreement, its clauses, notice rules and sub-processors, and the contract's extracted text.
public struct AgreementBundle: Sendable {
    public var parties: [Party]
    public var agreement: Agreement
    public var clauses: [Clause]
    public var rules: [NoticeRule]
    public var subProcessors: [SubProcessor]
    /// The source's extracted text, kept with the agreement (id, agreement, import time and user
    /// are filled in when saved).
    public var document: AgreementDocument?

    public init(parties: [Party], agreement: Agreement, clauses: [Clause], rules: [NoticeRule], subProcessors: [SubProcessor],
                document: AgreementDocument? = nil) {
        self.parties = parties; self.agreement = agreement; self.clauses = clauses; self.rules = rules; self.subProcessors = subProcessors
        self.document = document
    }

    /// The lowercase hex SHA-256 of a source file's bytes (named in the audit row).
    public static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
}

extension Portfolio {
    /// Creates the bundle in one transaction with one audit row naming `sourceFile` and its SHA-256.
    /// Ids left empty are made here; each record is validated as its own command would (a problem
    /// names the record), and nothing is written unless all pass. The bundle's document is kept
    /// with the new agreement; a file whose SHA-256 a kept document already has is refused (naming
    /// the agreement that keeps it) unless `again`.
    @discardableResult
    public func addAgreementBundle(_ bundle: AgreementBundle, sourceFile: String, sha256: String,
                                   again: Bool = false, dryRun: Bool = false) throws -> Authored<Agreement> {
        try authoring(dryRun: dryRun) { tx in
            if !again, let earlier = try tx.documents(sha256: sha256).first {
                let title = try tx.record(Agreement.self, id: earlier.agreementId)?.title ?? earlier.agreementId
                throw VarselError(.conflict, "\(sourceFile) was already imported on \(earlier.importedAt.prefix(10)): agreement \(earlier.agreementId) (\(title)) keeps it as document \(earlier.id)",
                                  at: "FILE", fix: "Read it with `varsel text \(earlier.agreementId)`; to create another agreement from the same file, add --again")
            }
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
            var kept = ""
            if var d = bundle.document {
                d.agreementId = a.id
                if d.id.isEmpty { d.id = ids.make("doc") }
                d.sha256 = sha256
                if d.fileName.isEmpty { d.fileName = sourceFile }
                d.importedAt = AuditClock.iso(clock.now())
                d.importedBy = user
                guard !d.text.isEmpty else {
                    throw VarselError(.invalidInput, "No text was extracted from \(sourceFile)", at: "FILE",
                                      fix: "Check the file: a scanned PDF needs OCR first")
                }
                try tx.insert(d)
                kept = "; text kept as document \(d.id) (\(d.text.utf16.count) UTF-16 units, \(d.extractorVersion))"
            }
            let planned = try replan(tx, agreementId: a.id)
            let counts = "\(added.count) part(ies), \(clauses.count) clause(s), \(bundle.rules.count) notice rule(s), \(bundle.subProcessors.count) sub-processor(s)" + kept
            return (Authored(record: a, before: nil, deadlines: planned, withdrawn: [], dryRun: false),
                    AuditNote(action: "intake", entityType: "agreement", entityId: a.id,
                              summary: "Intake of \(sourceFile) (SHA-256 \(sha256)): agreement \(a.title) with \(counts)",
                              after: a))
        }
    }
}
