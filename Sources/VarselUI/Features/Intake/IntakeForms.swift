import VarselIntake
import VarselKit

/// An edited proposal, from an intake edit form back to the review (nothing is written).
public enum IntakeEdit: Sendable {
    case agreement(IntakeAgreementDraft)
    case party(Int, ProposedParty)
    case rule(Int, ProposedRule)
    case subProcessor(Int, ProposedSubProcessor)
}

/// A form that edits one proposal of the intake review: saving it checks the values as the
/// authoring services would and hands them back to the review (`IntakeEdit`); the records are
/// written only when the review is saved. The shell runs `edit` where other forms `submit`.
protocol IntakeEditSpec: FormSpec {
    @MainActor func edit(_ form: FormState, portfolio: Portfolio) throws -> IntakeEdit
}

extension IntakeEditSpec {
    @MainActor func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        _ = try edit(form, portfolio: portfolio)
        return "Edited"
    }
}

enum IntakeForms {
    static let units = PeriodUnit.allCases.map(\.rawValue) + ["vague"]

    /// The form for the review's selected proposal, prefilled with its values.
    static func make(_ review: IntakeReview, _ item: IntakeItem) -> FormState {
        let hint = StyledLine("Saving here changes the proposal and accepts it; nothing is written until Ctrl-S in the review.",
                              .role(.muted), indent: 2)
        func choice(_ id: String, _ label: String, _ options: [String], _ value: String) -> FormField {
            FormField(id: id, label: label, kind: .choice(options), choice: options.firstIndex(of: value) ?? 0)
        }
        switch item.kind {
        case .agreement:
            let a = review.agreement
            return FormState(spec: IntakeAgreementForm(parties: review.proposal.parties.map(\.name)), subtitle: "Intake of \(review.fileName)", fields: [
                FormField(id: "title", label: "Title", kind: .text, text: a.title, required: true),
                choice("kind", "Kind", AgreementKind.allCases.map(\.rawValue), a.kind),
                FormField(id: "counterparty", label: "Counterparty", kind: .text, text: a.counterparty, required: true),
                FormField(id: "parent", label: "Parent agreement", kind: .text, text: a.parent),
            ], info: [StyledLine("Counterparty: a proposed party's name, or the id of a party in the database.", .role(.muted), indent: 2),
                      StyledLine("Parent: the main agreement's id (a DPA under its service agreement); empty for none.", .role(.muted), indent: 2),
                      hint])
        case .party(let i):
            let p = review.proposal.parties[i]
            return FormState(spec: IntakePartyForm(index: i, original: p), subtitle: "Party proposed from \(review.fileName)", fields: [
                FormField(id: "name", label: "Name", kind: .text, text: p.name, required: true),
                FormField(id: "org-number", label: "Org number", kind: .text, text: p.orgNumber ?? ""),
                FormField(id: "country", label: "Country", kind: .text, text: p.country ?? ""),
            ], info: [StyledLine("Words: \(p.quote)", .role(.muted), indent: 2), hint])
        case .rule(let i):
            let r = review.proposal.rules[i]
            return FormState(spec: IntakeRuleForm(index: i, original: r, clauses: review.proposal.clauses.map(\.ref)),
                             subtitle: "Notice rule proposed from \(review.fileName)", fields: [
                FormField(id: "value", label: "Value", kind: .text, text: "\(r.value)", required: true),
                choice("unit", "Unit", units, r.unit),
                choice("direction", "Direction", DeadlineDirection.allCases.map(\.rawValue), r.direction),
                choice("anchor", "Anchor", RuleTrigger.allCases.map(\.rawValue), r.anchor),
                choice("actor", "Actor", Actor.allCases.map(\.rawValue), r.actor),
                choice("written", "Written form", ["no", "yes"], r.writtenForm ? "yes" : "no"),
                choice("grounds", "Grounds required", ["no", "yes"], r.groundsRequired ? "yes" : "no"),
                FormField(id: "clause", label: "Clause", kind: .text, text: r.clause ?? ""),
            ], info: [StyledLine("Quote: \(r.quote)", .role(.muted), indent: 2), hint])
        case .subProcessor(let i):
            let s = review.proposal.subProcessors[i]
            return FormState(spec: IntakeSubProcessorForm(index: i, original: s), subtitle: "Sub-processor proposed from \(review.fileName)", fields: [
                FormField(id: "name", label: "Name", kind: .text, text: s.name, required: true),
                FormField(id: "org-number", label: "Org number", kind: .text, text: s.orgNumber ?? ""),
                FormField(id: "country", label: "Country", kind: .text, text: s.country ?? "", required: true),
                FormField(id: "purpose", label: "Purpose", kind: .text, text: s.purpose ?? "", required: true),
            ], info: [StyledLine("Words: \(s.quote)", .role(.muted), indent: 2), hint])
        }
    }

    static func trimmed(_ form: FormState, _ id: String) -> String { form.value(id).trimmingCharacters(in: .whitespaces) }
    static func optional(_ form: FormState, _ id: String) -> String? { trimmed(form, id).isEmpty ? nil : trimmed(form, id) }
}

/// Title, kind, counterparty and parent of the agreement the review creates.
struct IntakeAgreementForm: IntakeEditSpec {
    /// The proposed parties' names (the counterparty may be one of them).
    let parties: [String]
    var title: String { "Edit the agreement" }

    func edit(_ form: FormState, portfolio: Portfolio) throws -> IntakeEdit {
        let title = IntakeForms.trimmed(form, "title")
        guard !title.isEmpty else { throw VarselError(.invalidInput, "Title is empty", at: "title", fix: "Give the agreement's title") }
        let counterparty = IntakeForms.trimmed(form, "counterparty")
        if !parties.contains(where: { $0.caseInsensitiveCompare(counterparty) == .orderedSame }),
           (try portfolio.store.read { try $0.record(Party.self, id: counterparty) }) == nil {
            throw VarselError(.notFound, "\"\(counterparty)\" is neither a proposed party nor a party id in the database", at: "counterparty",
                              fix: "Type a proposed party's name (\(parties.isEmpty ? "none was found" : parties.joined(separator: ", "))) or an existing party's id")
        }
        var parent = IntakeForms.trimmed(form, "parent")
        if !parent.isEmpty {
            do { parent = try portfolio.queries.resolveAgreement(parent).id } catch let e as VarselError {
                throw VarselError(e.kind, e.what, at: "parent", fix: e.fix)
            }
        }
        return .agreement(IntakeAgreementDraft(title: title, kind: form.value("kind"), counterparty: counterparty, parent: parent))
    }
}

/// A proposed party: name, organisation number (checked for its country), country.
struct IntakePartyForm: IntakeEditSpec {
    let index: Int
    let original: ProposedParty
    var title: String { "Edit the proposed party" }

    func edit(_ form: FormState, portfolio: Portfolio) throws -> IntakeEdit {
        let p = try AuthoringValidation.party(Party(id: "intake", name: IntakeForms.trimmed(form, "name"),
                                                    orgNumber: IntakeForms.optional(form, "org-number"),
                                                    country: IntakeForms.optional(form, "country")))
        var out = original
        out.name = p.name; out.orgNumber = p.orgNumber; out.country = p.country
        return .party(index, out)
    }
}

/// A proposed sub-processor: name, organisation number, country, purpose.
struct IntakeSubProcessorForm: IntakeEditSpec {
    let index: Int
    let original: ProposedSubProcessor
    var title: String { "Edit the proposed sub-processor" }

    func edit(_ form: FormState, portfolio: Portfolio) throws -> IntakeEdit {
        let s = try AuthoringValidation.subProcessor(SubProcessor(
            id: "intake", agreementId: "intake", name: IntakeForms.trimmed(form, "name"), orgNumber: IntakeForms.optional(form, "org-number"),
            country: IntakeForms.trimmed(form, "country"), purpose: IntakeForms.trimmed(form, "purpose"), status: .approved))
        var out = original
        out.name = s.name; out.orgNumber = s.orgNumber; out.country = s.country; out.purpose = s.purpose
        return .subProcessor(index, out)
    }
}

/// A proposed notice rule: period, direction, anchor, actor, written form, grounds, clause.
struct IntakeRuleForm: IntakeEditSpec {
    let index: Int
    let original: ProposedRule
    /// The clause references of the text (a rule may name only these).
    let clauses: [String]
    var title: String { "Edit the proposed notice rule" }

    func edit(_ form: FormState, portfolio: Portfolio) throws -> IntakeEdit {
        let unit = form.value("unit")
        let text = IntakeForms.trimmed(form, "value")
        var value = 0
        if unit != "vague" {
            guard let v = Int(text), v >= 1, v <= 10_000 else {
                throw VarselError(.invalidInput, "\"\(text)\" is not a period length", at: "value",
                                  fix: "Type a whole number from 1, e.g. 30 (or choose the unit vague for wording without a period)")
            }
            value = v
        }
        let clause = IntakeForms.optional(form, "clause")
        if let clause, !clauses.contains(clause) {
            throw VarselError(.invalidInput, "The text has no clause \(clause)", at: "clause",
                              fix: "Use a clause of the text (\(clauses.prefix(8).joined(separator: ", "))\(clauses.count > 8 ? ", …" : "")) or leave it empty")
        }
        var r = original
        if value != r.value || unit != r.unit, let u = PeriodUnit(rawValue: unit) {
            r.periodText = Period(value, u).description   // the rule's title says what was saved
        }
        r.value = value; r.unit = unit
        r.direction = form.value("direction"); r.anchor = form.value("anchor"); r.actor = form.value("actor")
        r.writtenForm = form.value("written") == "yes"; r.groundsRequired = form.value("grounds") == "yes"
        r.clause = clause
        return .rule(index, r)
    }
}
