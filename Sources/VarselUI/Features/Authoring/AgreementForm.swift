import VarselKit

/// `a` (new) and `e` (edit) on an agreement: title, kind, counterparty (an existing party by
/// type-ahead over its name or id, or a new one with org number and country), our role,
/// language, governing law, calendar, dates, term, parent and status. Saved through
/// `Portfolio.addParty`/`addAgreement`/`editAgreement`; the preview shows what the typed
/// counterparty and parent resolve to, and what the dry run would plan. An edit carries the
/// version of the agreement it opened on: a colleague's change meanwhile is refused, not overwritten.
struct AgreementForm: FormSpec {
    /// The agreement edited (nil: a new one).
    let base: Agreement?
    /// Every party, for the type-ahead (read when the form opened).
    let parties: [Party]
    var title: String { base == nil ? "New agreement" : "Edit agreement" }

    static let kinds = AgreementKind.allCases
    static let roles = OurRole.allCases
    static let calendars = CalendarID.allCases
    static let terms: [(kind: AgreementTerm.Kind, label: String)] = [(.indefinite, "indefinite"), (.fixed, "fixed"),
                                                                      (.autoRenewal, "fixed with automatic renewal")]
    static let statuses = AgreementStatus.allCases

    static func make(base: Agreement?, parties: [Party], counterparty: Party?, parentId: String?) -> FormState {
        let a = base
        let termIndex = terms.firstIndex { $0.kind == (a?.term.kind ?? .indefinite) } ?? 0
        let fields: [FormField] = [
            FormField(id: "title", label: "Title", kind: .text, text: a?.title ?? "", required: true),
            FormField(id: "kind", label: "Kind", kind: .choice(kinds.map(\.label)), choice: kinds.firstIndex(of: a?.kind ?? .serviceAgreement) ?? 0),
            FormField(id: "counterparty", label: "Counterparty", kind: .text, text: counterparty?.name ?? "", required: true),
            FormField(id: "party-org", label: "Party org no.", kind: .text),
            FormField(id: "party-country", label: "Party country", kind: .text),
            FormField(id: "our-role", label: "Our role", kind: .choice(roles.map(\.rawValue)), choice: roles.firstIndex(of: a?.ourRole ?? .customer) ?? 0),
            FormField(id: "language", label: "Language", kind: .text, text: a?.language ?? "sv", required: true),
            FormField(id: "governing-law", label: "Governing law", kind: .text, text: a?.governingLaw ?? "Swedish law", required: true),
            FormField(id: "calendar", label: "Calendar", kind: .choice(calendars.map(\.name)), choice: calendars.firstIndex(of: a?.calendar ?? .se) ?? 0),
            FormField(id: "signed", label: "Signed", kind: .date, text: a?.signedDate?.iso ?? ""),
            FormField(id: "effective", label: "Effective", kind: .date, text: a?.effectiveDate?.iso ?? ""),
            FormField(id: "end", label: "Ends", kind: .date, text: a?.endDate?.iso ?? ""),
            FormField(id: "term", label: "Term", kind: .choice(terms.map(\.label)), choice: termIndex),
            FormField(id: "initial-term", label: "Initial term", kind: .text, text: a?.term.initialPeriod?.description ?? ""),
            FormField(id: "renewal", label: "Renewal", kind: .text, text: a?.term.renewalPeriod?.description ?? ""),
            FormField(id: "term-notice", label: "Term notice", kind: .text, text: a?.term.noticePeriod?.description ?? ""),
            FormField(id: "parent", label: "Parent", kind: .text, text: parentId ?? ""),
            FormField(id: "status", label: "Status", kind: .choice(statuses.map(\.rawValue)), choice: statuses.firstIndex(of: a?.status ?? .active) ?? 0),
        ]
        return FormState(spec: AgreementForm(base: base, parties: parties),
                         subtitle: base.map { "\($0.title) (\($0.id))" } ?? "A new agreement: Tab moves, ←/→ choose, Ctrl-S saves",
                         fields: fields)
    }

    // MARK: Counterparty type-ahead

    /// What the typed counterparty is: one existing party, several candidates, or a new party.
    enum PartyMatch: Equatable {
        case existing(Party)
        case candidates([Party])
        case new(String)
        case empty
    }

    /// Exact id, then exact name (any case), then the one party whose name contains the text.
    static func match(_ text: String, in parties: [Party]) -> PartyMatch {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return .empty }
        if let p = parties.first(where: { $0.id == t }) { return .existing(p) }
        let folded = SearchFold.fold(t)
        if let p = parties.first(where: { SearchFold.fold($0.name) == folded }) { return .existing(p) }
        let hits = parties.filter { SearchFold.fold($0.name).contains(folded) }
        if hits.count == 1 { return .existing(hits[0]) }
        return hits.isEmpty ? .new(t) : .candidates(hits)
    }

    func match(_ form: FormState) -> PartyMatch { Self.match(form.value("counterparty"), in: parties) }

    func termKind(_ form: FormState) -> AgreementTerm.Kind {
        let i = form["term"]?.choice ?? 0
        return Self.terms.indices.contains(i) ? Self.terms[i].kind : .indefinite
    }

    /// The new party's fields only when the counterparty is new; the term's periods by its kind.
    func adjust(_ form: inout FormState) {
        var isNew = false
        if case .new = match(form) { isNew = true }
        for id in ["party-org", "party-country"] { form.set(id) { $0.hidden = !isNew } }
        let kind = termKind(form)
        form.set("initial-term") { $0.hidden = kind == .indefinite; $0.required = kind != .indefinite }
        form.set("renewal") { $0.hidden = kind != .autoRenewal; $0.required = kind == .autoRenewal }
        form.set("term-notice") { $0.required = kind == .autoRenewal }
        form.set("effective") { $0.required = kind != .indefinite }
    }

    // MARK: The record

    /// The new party the form would add (nil when the counterparty exists).
    func newParty(_ form: FormState) throws -> Party? {
        switch match(form) {
        case .existing: return nil
        case .empty: throw VarselError(.invalidInput, "Counterparty is empty", at: "counterparty", fix: "Type a party's name or id, or a new party's name")
        case .candidates(let c):
            throw VarselError(.invalidInput, "\"\(form.value("counterparty"))\" matches \(c.count) parties", at: "counterparty",
                              fix: "Type more of the name, or the id: \(c.prefix(4).map { "\($0.name) (\($0.id))" }.joined(separator: ", "))")
        case .new(let name):
            let p = Party(id: "", name: name, orgNumber: AuthoringText.optional(form, "party-org"), country: AuthoringText.optional(form, "party-country"))
            do { return try AuthoringValidation.party(p) } catch let e as VarselError {
                var moved = e
                moved.location = ["org-number": "party-org", "country": "party-country", "name": "counterparty"][e.location ?? ""] ?? e.location
                throw moved
            }
        }
    }

    /// The agreement as the form describes it (`counterpartyId` empty for a new party).
    func draft(_ form: FormState, portfolio: Portfolio) throws -> Agreement {
        var a = base ?? Agreement(id: "", title: "", kind: .serviceAgreement, counterpartyId: "", ourRole: .customer,
                                  language: "", governingLaw: "", calendar: .se)
        a.title = form.value("title").trimmingCharacters(in: .whitespaces)
        a.kind = Self.kinds[form["kind"]?.choice ?? 0]
        if case .existing(let p) = match(form) { a.counterpartyId = p.id } else { a.counterpartyId = "" }
        a.ourRole = Self.roles[form["our-role"]?.choice ?? 0]
        a.language = form.value("language").trimmingCharacters(in: .whitespaces)
        a.governingLaw = form.value("governing-law").trimmingCharacters(in: .whitespaces)
        a.calendar = Self.calendars[form["calendar"]?.choice ?? 0]
        a.signedDate = try form.date("signed", optional: true)
        a.effectiveDate = try form.date("effective", optional: true)
        a.endDate = try form.date("end", optional: true)
        let kind = termKind(form)
        let initial = try AuthoringText.period(form, "initial-term"), renewal = try AuthoringText.period(form, "renewal")
        a.term = AgreementTerm(kind: kind, initialPeriod: kind == .indefinite ? nil : initial,
                               renewalPeriod: kind == .autoRenewal ? renewal : nil,
                               noticePeriod: try AuthoringText.period(form, "term-notice"))
        if let ref = AuthoringText.optional(form, "parent") {
            do { a.parentId = try portfolio.queries.resolveAgreement(ref).id } catch {
                let e = asVarselError(error)
                throw VarselError(.notFound, "Parent \"\(ref)\": \(e.what)", at: "parent", fix: e.fix ?? "Type the parent's id or a part of its title")
            }
        } else {
            a.parentId = nil
            a.endsWithParent = false
        }
        a.status = Self.statuses[form["status"]?.choice ?? 0]
        return a
    }

    /// Checks everything saving checks, without writing.
    func check(_ form: FormState, portfolio: Portfolio) throws -> (Agreement, Party?) {
        let party = try newParty(form)
        let a = try draft(form, portfolio: portfolio)
        try AuthoringValidation.agreement(a)
        if party == nil {
            if let base { _ = try portfolio.editAgreement(id: base.id, dryRun: true, loaded: RecordVersion(base)) { $0 = a } } else { _ = try portfolio.addAgreement(a, dryRun: true) }
        }
        return (a, party)
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        var lines: [StyledLine] = []
        switch match(form) {
        case .existing(let p): lines.append(StyledLine("Counterparty: \(DetailTabs.party(p)) · id \(p.id)", .role(.success), indent: 2))
        case .candidates(let c):
            lines.append(StyledLine("\(c.count) parties match: " + c.prefix(5).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
                                    + (c.count > 5 ? ", …" : "") + " — type more", .role(.hint), indent: 2))
        case .new(let name): lines.append(StyledLine("New party \"\(name)\" will be added (org number checked for its country)", .role(.accent), indent: 2))
        case .empty: lines.append(StyledLine("Counterparty: type an existing party's name or id, or a new party's name", .role(.muted), indent: 2))
        }
        do {
            let (a, _) = try check(form, portfolio: portfolio)
            if let pid = a.parentId, let parent = try? portfolio.queries.resolveAgreement(pid) {
                lines.append(StyledLine("Parent: \(parent.title) (\(parent.id))", .role(.muted), indent: 2))
            }
            let ctx = ReadContext(today: portfolio.clock.today, planner: portfolio.planner)
            if let r = ctx.renewalDeadline(a) {
                lines.append(StyledLine("Renewal: act by \(r.actByDate.iso) — \(r.what)", .role(.accent), indent: 2))
            }
            if a == base { lines.append(StyledLine("No change yet.", .role(.muted), indent: 2)) }
        } catch {
            if !(base != nil && asVarselError(error).what.hasPrefix("Nothing to change")) { lines.append(AuthoringText.notReady(error)) }
            else { lines.append(StyledLine("No change yet.", .role(.muted), indent: 2)) }
        }
        return FormPreview(lines: lines)
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { _ = try check(form, portfolio: portfolio) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let (checked, party) = try check(form, portfolio: portfolio)
        var a = checked
        var added = ""
        var created: Party?
        if let party, let base {
            // A colleague's change to the agreement is refused before the new party is added.
            try portfolio.requireUnchangedAgreement(id: base.id, loaded: RecordVersion(base))
        }
        if let party {
            let p = try portfolio.addParty(party).record
            created = p
            a.counterpartyId = p.id
            added = "; party \(p.name) (\(p.id)) added"
        }
        if let base {
            let r = try portfolio.editAgreement(id: base.id, loaded: RecordVersion(base)) { $0 = a }
            let moved = r.deadlines.count
            return FormSaved("Agreement \(r.record.title) changed\(added)" + (moved == 0 ? "" : "; \(moved) open deadline\(moved == 1 ? "" : "s") recomputed"),
                             undo: .agreement(before: r.before, after: r.record))
        }
        let r = try portfolio.addAgreement(a)
        return FormSaved("Agreement \(r.record.title) added as \(r.record.id)\(added)", undo: .agreementAdded(r.record, party: created),
                         focus: r.record.id)
    }
}
