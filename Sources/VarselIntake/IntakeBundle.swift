import Foundation
import VarselKit

/// Turns an intake proposal into the records `Portfolio.addAgreementBundle` creates: the one save
/// path of `varsel intake --save` and the workbench's intake review (which passes the proposal as
/// reviewed: rejected items removed, edited values in place, `acceptAll`).
public enum IntakeBundle {
    /// The bundle for `p`. Parties get the draft ids `intake-party-1…` in their order in `p`;
    /// `counterparty` is one of those or an existing party id (default: the first party). Without
    /// `acceptAll` only the parties and the clauses are taken.
    public static func make(_ p: IntakeProposal, fileName: String, acceptAll: Bool, parent: String?,
                            counterparty: String?, source: AgreementDocument? = nil) throws -> AgreementBundle {
        let parties = p.parties.enumerated().map { i, x in
            Party(id: draftId(party: i), name: x.name, orgNumber: x.orgNumber, country: x.country)
        }
        guard let counterpartyId = counterparty ?? parties.first?.id else {
            throw VarselError(.invalidInput, "No party was found in \(fileName)", at: "--counterparty",
                              fix: "Give --counterparty PARTY (an existing party id; `varsel party add` creates one)")
        }
        let country = parties.first(where: { $0.id == counterpartyId })?.country
        let calendar = CalendarID(rawValue: (country ?? "").lowercased()) ?? calendar(language: p.language)
        let agreement = Agreement(id: "", title: p.title ?? (fileName as NSString).deletingPathExtension,
                                  kind: p.kind.flatMap(AgreementKind.init(rawValue:)) ?? .other, counterpartyId: counterpartyId,
                                  ourRole: .customer, language: p.language,
                                  governingLaw: p.governingLaw ?? "\(adjective(calendar)) law",
                                  calendar: calendar, status: .active, parentId: parent,
                                  notes: "Created by intake of \(fileName)")
        var seen: Set<String> = []
        let clauses = p.clauses.filter { seen.insert($0.ref.lowercased()).inserted }.map {
            Clause(id: "", agreementId: "", reference: $0.ref, heading: $0.heading, text: $0.text)
        }
        let refs = Set(clauses.map(\.reference))
        guard acceptAll else {
            return AgreementBundle(parties: parties, agreement: agreement, clauses: clauses, rules: [], subProcessors: [], document: source)
        }
        let rules: [NoticeRule] = p.rules.compactMap { r in
            guard let trigger = RuleTrigger(rawValue: r.anchor), let direction = DeadlineDirection(rawValue: r.direction),
                  let actor = Actor(rawValue: r.actor) else { return nil }
            let unit = PeriodUnit(rawValue: r.unit)
            let period = unit.map { Period(r.value, $0) }
            let words = "\(r.periodText) \(direction.rawValue) \(trigger.rawValue.replacingOccurrences(of: "_", with: " "))"
            return NoticeRule(id: "", agreementId: "", clauseRef: r.clause.flatMap { refs.contains($0) ? $0 : nil },
                              title: (r.clause.map { "\($0): " } ?? "") + words, trigger: trigger,
                              eventKind: trigger == .event ? .other : nil, period: period,
                              vagueText: period == nil ? r.periodText : nil, direction: direction, actor: actor,
                              writtenForm: r.writtenForm, groundsRequired: r.groundsRequired, toEndOfMonth: r.toEndOfMonth,
                              note: "Intake (\(r.pattern)): \(r.quote)")
        }
        let subs = p.subProcessors.map {
            SubProcessor(id: "", agreementId: "", name: $0.name, orgNumber: $0.orgNumber, country: $0.country ?? "EEA",
                         purpose: $0.purpose ?? "(not stated)", status: .approved)
        }
        return AgreementBundle(parties: parties, agreement: agreement, clauses: clauses, rules: rules, subProcessors: subs, document: source)
    }

    /// The draft id of the proposal's party at `index` ("intake-party-1" for the first).
    public static func draftId(party index: Int) -> String { "intake-party-\(index + 1)" }

    /// The holiday calendar a language implies when no party names a country.
    public static func calendar(language: String) -> CalendarID {
        switch language {
        case "da": .dk
        case "nb", "nn": .no
        default: .se
        }
    }

    static func adjective(_ c: CalendarID) -> String {
        switch c { case .se: "Swedish"; case .dk: "Danish"; case .no: "Norwegian" }
    }
}
