import Foundation
import VarselIntake
import VarselKit

/// What the user decided about one proposal.
public enum IntakeDecision: String, Hashable, Sendable {
    case pending, accepted, rejected
}

/// One line of the review's proposal list: the agreement itself, a party, a notice rule or a
/// sub-processor of the proposal, with its decision and the words it came from.
public struct IntakeItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case agreement
        case party(Int)
        case rule(Int)
        case subProcessor(Int)

        public var label: String {
            switch self {
            case .agreement: "agreement"
            case .party: "party"
            case .rule: "rule"
            case .subProcessor: "sub-proc"
            }
        }
    }
    public var kind: Kind
    public var decision: IntakeDecision
    public var edited = false
    /// The proposal's words in the text: UTF-16 offsets, half-open (nil when not found).
    public var span: Range<Int>?
}

/// The agreement as the review will create it (edited with `e` on the agreement line).
public struct IntakeAgreementDraft: Hashable, Sendable {
    public var title: String
    /// An `AgreementKind` raw value.
    public var kind: String
    /// A proposed party's name, or the id of a party already in the database.
    public var counterparty: String
    /// The main agreement (id or unique title part) it hangs under; empty for none.
    public var parent: String
}

/// The intake review screen's state (`:intake FILE`): the extracted text, the proposal as edited
/// so far, a decision per proposal, the selected one and the text pane's scroll. A value: the
/// reducer changes it, the view draws it; saving hands the reviewed proposal to `IntakeBundle`.
public struct IntakeReview: Sendable {
    /// The path as typed (`~` expanded) and the file's name and SHA-256 (for the audit row).
    public var path: String
    public var fileName: String
    public var sha256: String
    /// "txt", "pdf" or "docx".
    public var format: String
    /// The extracted text the offsets count in.
    public var text: String
    public var proposal: IntakeProposal
    public var agreement: IntakeAgreementDraft
    /// Agreement first, then parties, rules and sub-processors in the order of their words.
    public var items: [IntakeItem]
    public var selected = 0
    /// First row of the text pane and first row of the list.
    public var textTop = 0
    public var listTop = 0
    /// The text wrapped for the text pane's width (rebuilt by the reducer when the width changes).
    public var layout: IntakeTextLayout

    public init(path: String, sha256: String, format: String, text: String, proposal: IntakeProposal) {
        self.path = path
        self.fileName = (path as NSString).lastPathComponent
        self.sha256 = sha256; self.format = format; self.text = text; self.proposal = proposal
        agreement = IntakeAgreementDraft(title: proposal.title ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension,
                                         kind: proposal.kind ?? AgreementKind.other.rawValue,
                                         counterparty: proposal.parties.first?.name ?? "", parent: "")
        var found: [IntakeItem] = []
        for (i, p) in proposal.parties.enumerated() {
            found.append(IntakeItem(kind: .party(i), decision: .pending, span: Self.find(p.quote, in: text)))
        }
        for (i, r) in proposal.rules.enumerated() {
            found.append(IntakeItem(kind: .rule(i), decision: .pending, span: r.start < r.end ? r.start..<r.end : nil))
        }
        for (i, s) in proposal.subProcessors.enumerated() {
            found.append(IntakeItem(kind: .subProcessor(i), decision: .pending, span: Self.find(s.quote, in: text)))
        }
        found.sort { ($0.span?.lowerBound ?? Int.max) < ($1.span?.lowerBound ?? Int.max) }
        let title = IntakeItem(kind: .agreement, decision: .accepted, span: proposal.title.flatMap { Self.find($0, in: text) })
        items = [title] + found
        layout = IntakeTextLayout(text: "", width: 0)
    }

    /// The UTF-16 range of the first occurrence of `words` in `text` (parties and sub-processors
    /// carry a quote, not offsets).
    static func find(_ words: String, in text: String) -> Range<Int>? {
        let w = words.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !w.isEmpty else { return nil }
        let r = (text as NSString).range(of: w)
        return r.location == NSNotFound ? nil : r.location..<(r.location + r.length)
    }

    public var selectedItem: IntakeItem? { items.indices.contains(selected) ? items[selected] : nil }

    /// True once anything was decided or edited (leaving then asks first).
    public var holdsDecisions: Bool {
        items.contains { $0.edited || ($0.kind != .agreement && $0.decision != .pending) }
    }

    public func count(_ d: IntakeDecision) -> Int { items.filter { $0.kind != .agreement && $0.decision == d }.count }

    /// The list line's summary: "3 months before agreement_ends · 11.1".
    public func summary(_ item: IntakeItem) -> String {
        switch item.kind {
        case .agreement:
            let kind = AgreementKind(rawValue: agreement.kind)?.label ?? agreement.kind
            return "\(agreement.title) · \(kind)" + (agreement.counterparty.isEmpty ? "" : " · \(agreement.counterparty)")
        case .party(let i):
            let p = proposal.parties[i]
            return ([p.name, p.orgNumber, p.country].compactMap { $0 }).joined(separator: " · ")
        case .rule(let i):
            return Self.ruleSummary(proposal.rules[i])
        case .subProcessor(let i):
            let s = proposal.subProcessors[i]
            return ([s.name, s.orgNumber, s.country, s.purpose].compactMap { $0 }).joined(separator: " · ")
        }
    }

    /// "3 months before agreement_ends · 11.1"; a vague rule shows its words.
    public static func ruleSummary(_ r: ProposedRule) -> String {
        let period = PeriodUnit(rawValue: r.unit).map { Period(r.value, $0).description } ?? "vague (\(r.periodText))"
        return "\(period) \(r.direction) \(r.anchor)" + (r.clause.map { " · \($0)" } ?? "")
    }

    /// The selected proposal's fields, for the lines under the list.
    public func details(_ item: IntakeItem) -> [String] {
        switch item.kind {
        case .agreement:
            return ["Title: \(agreement.title)", "Kind: \(agreement.kind)",
                    "Counterparty: \(agreement.counterparty.isEmpty ? "(none: e to name an existing party id)" : agreement.counterparty)",
                    "Parent: \(agreement.parent.isEmpty ? "-" : agreement.parent)",
                    "Language \(proposal.language) · \(proposal.clauses.count) clauses · \(fileName) (\(format))"]
        case .party(let i):
            let p = proposal.parties[i]
            return ["Party: \(p.name)", "Org number: \(p.orgNumber ?? "-") · country \(p.country ?? "-")", "Words: \(p.quote)"]
        case .rule(let i):
            let r = proposal.rules[i]
            let flags = [r.writtenForm ? "in writing" : nil, r.groundsRequired ? "grounds required" : nil,
                         r.toEndOfMonth ? "to the end of the month" : nil].compactMap { $0 }
            return ["Rule: \(Self.ruleSummary(r))", "Actor: \(r.actor)" + (flags.isEmpty ? "" : " · " + flags.joined(separator: " · ")),
                    "Pattern: \(r.pattern) · words: \(r.periodText)", "Quote: \(r.quote)"]
        case .subProcessor(let i):
            let s = proposal.subProcessors[i]
            return ["Sub-processor: \(s.name)", "Org number: \(s.orgNumber ?? "-") · country \(s.country ?? "-")",
                    "Purpose: \(s.purpose ?? "-")", "Words: \(s.quote)"]
        }
    }

    /// The clause a proposal belongs to: the one its words start in.
    public func clause(of item: IntakeItem) -> ProposedClause? {
        if case .rule(let i) = item.kind, let ref = proposal.rules[i].clause,
           let c = proposal.clauses.first(where: { $0.ref == ref }) { return c }
        guard let start = item.span?.lowerBound else { return nil }
        return proposal.clauses.last { $0.start <= start }
    }

    // MARK: - Saving

    /// The proposal as reviewed, for `IntakeBundle.make(…, acceptAll: true)`: accepted parties,
    /// rules and sub-processors with their edited values (pending and rejected ones left out; the
    /// counterparty is kept when it is a proposed party not rejected), the edited title and kind,
    /// and the counterparty's draft id or the existing party id typed.
    public func reviewed() throws -> (proposal: IntakeProposal, counterparty: String) {
        var p = proposal
        p.title = agreement.title
        p.kind = agreement.kind
        func decision(_ kind: IntakeItem.Kind) -> IntakeDecision { items.first { $0.kind == kind }?.decision ?? .pending }
        let counterpartyIndex = proposal.parties.firstIndex { $0.name.caseInsensitiveCompare(agreement.counterparty) == .orderedSame }
        if let c = counterpartyIndex, decision(.party(c)) == .rejected {
            throw VarselError(.invalidInput, "The counterparty \(proposal.parties[c].name) is rejected", at: "counterparty",
                              fix: "Accept that party (y), or edit the agreement (e on its line) and name another counterparty")
        }
        let keptParties = proposal.parties.indices.filter { decision(.party($0)) == .accepted || $0 == counterpartyIndex }
        p.parties = keptParties.map { proposal.parties[$0] }
        p.rules = proposal.rules.indices.filter { decision(.rule($0)) == .accepted }.map { proposal.rules[$0] }
        p.subProcessors = proposal.subProcessors.indices.filter { decision(.subProcessor($0)) == .accepted }.map { proposal.subProcessors[$0] }
        let counterparty: String
        if let c = counterpartyIndex, let k = keptParties.firstIndex(of: c) {
            counterparty = IntakeBundle.draftId(party: k)
        } else {
            counterparty = agreement.counterparty.trimmingCharacters(in: .whitespaces)
            guard !counterparty.isEmpty else {
                throw VarselError(.invalidInput, "The agreement has no counterparty: no party was found in \(fileName)", at: "counterparty",
                                  fix: "Press e on the agreement line and give the id of a party in the database (varsel party add creates one)")
            }
        }
        return (p, counterparty)
    }

    /// What saving will create, for the confirmation question (short lines: it names the file's SHA-256).
    public var saveSummary: String {
        func accepted(_ match: (IntakeItem.Kind) -> Bool) -> Int { items.filter { match($0.kind) && $0.decision == .accepted }.count }
        let rules = accepted { if case .rule = $0 { return true }; return false }
        let subs = accepted { if case .subProcessor = $0 { return true }; return false }
        let parties = (try? reviewed())?.proposal.parties.count ?? accepted { if case .party = $0 { return true }; return false }
        // A pending counterparty is created all the same.
        let counterparty = proposal.parties.firstIndex { $0.name.caseInsensitiveCompare(agreement.counterparty) == .orderedSame }
        let pendingCounterparty = counterparty.map { i in items.contains { $0.kind == .party(i) && $0.decision == .pending } } ?? false
        let pending = count(.pending) - (pendingCounterparty ? 1 : 0)
        return """
            Save "\(agreement.title)"?
            Clauses: \(proposal.clauses.count) · notice rules: \(rules) · parties: \(parties) · sub-processors: \(subs)
            From \(fileName)
            SHA-256 \(sha256.prefix(12))…
            """ + (pending > 0 ? "\n\(pending) pending proposal(s) are left out." : "")
    }
}
