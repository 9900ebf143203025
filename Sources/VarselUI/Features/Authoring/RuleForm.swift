import VarselKit

/// `n` (add) and `e` (edit) on the Notice rules tab: title, clause, what it counts from, the
/// period (as `varsel calc` reads it: "4 weeks", "20 working days"), direction, who acts, the
/// event kind or recurrence start where the trigger needs one, and the written form. Before
/// saving it shows, live, the dates the rule yields today and which open deadlines the change
/// opens, moves or withdraws: the services' dry run (`addRule`/`editRule` with `dryRun`).
struct RuleForm: FormSpec {
    let agreementId: String
    let calendar: CalendarID
    let clauses: [Clause]
    /// The rules to choose from when editing (empty: a new rule).
    let rules: [NoticeRule]
    var title: String { rules.isEmpty ? "New notice rule" : "Edit notice rule" }

    static let triggers = RuleTrigger.allCases
    static let directions = DeadlineDirection.allCases
    static let actors = Actor.allCases
    static let events = EventKind.allCases
    static let written = ["no", "yes"]

    static func make(agreement: Agreement, clauses: [Clause], rules: [NoticeRule], selected: Int = 0) -> FormState {
        let r = rules.indices.contains(selected) ? rules[selected] : nil
        var fields: [FormField] = []
        var held: FormField?
        if !rules.isEmpty {
            let (pick, h) = RecordPicker.fields(rules.map { "\($0.clauseRef ?? "—") \($0.title)" }, label: "Rule", selected: selected)
            fields.append(pick); held = h
        }
        fields += [
            FormField(id: "title", label: "Title", kind: .text, required: true),
            FormField(id: "clause", label: "Clause", kind: .text),
            FormField(id: "trigger", label: "Counts from", kind: .choice(triggers.map(\.rawValue))),
            FormField(id: "period", label: "Period", kind: .text, required: true),
            FormField(id: "direction", label: "Direction", kind: .choice(directions.map(\.rawValue))),
            FormField(id: "actor", label: "Who acts", kind: .choice(actors.map(\.rawValue))),
            FormField(id: "event-kind", label: "Event kind", kind: .choice(events.map(\.rawValue))),
            FormField(id: "recurs-from", label: "Recurs from", kind: .date),
            FormField(id: "written", label: "Written form", kind: .choice(written)),
        ]
        if let held { fields.append(held) }
        var state = FormState(spec: RuleForm(agreementId: agreement.id, calendar: agreement.calendar, clauses: clauses, rules: rules),
                              subtitle: agreement.title, fields: fields)
        if let r { fill(&state, r) }
        // The values as loaded are what the form opened with (unchanged = nothing to save).
        return FormState(reopening: state)
    }

    /// Puts a rule's values into the fields.
    static func fill(_ form: inout FormState, _ r: NoticeRule) {
        form.set("title") { $0.text = r.title }
        form.set("clause") { $0.text = r.clauseRef ?? "" }
        form.set("trigger") { $0.choice = triggers.firstIndex(of: r.trigger) ?? 0 }
        form.set("period") { $0.text = r.period?.description ?? "" }
        form.set("direction") { $0.choice = directions.firstIndex(of: r.direction) ?? 0 }
        form.set("actor") { $0.choice = actors.firstIndex(of: r.actor) ?? 0 }
        form.set("event-kind") { $0.choice = r.eventKind.flatMap { events.firstIndex(of: $0) } ?? 0 }
        form.set("recurs-from") { $0.text = r.recursFrom?.iso ?? "" }
        form.set("written") { $0.choice = r.writtenForm ? 1 : 0 }
        for i in form.fields.indices { form.fields[i].charactersAfterCursor = 0 }
    }

    func trigger(_ form: FormState) -> RuleTrigger { Self.triggers[form["trigger"]?.choice ?? 0] }

    /// The rule being edited (nil for a new one).
    func base(_ form: FormState) -> NoticeRule? {
        let i = RecordPicker.chosen(form)
        return rules.indices.contains(i) ? rules[i] : nil
    }

    func adjust(_ form: inout FormState) {
        if !rules.isEmpty, let i = RecordPicker.moved(&form), rules.indices.contains(i) { Self.fill(&form, rules[i]) }
        let t = trigger(form)
        form.set("event-kind") { $0.hidden = t != .event }
        form.set("recurs-from") { $0.hidden = t != .recurring; $0.required = t == .recurring }
    }

    /// The rule as the form describes it.
    func draft(_ form: FormState) throws -> NoticeRule {
        let before = base(form)
        var r = before ?? NoticeRule(id: "", agreementId: agreementId, clauseRef: nil, title: "", trigger: .changeNoticeReceived,
                                     period: nil, direction: .after, actor: .us)
        r.title = form.value("title").trimmingCharacters(in: .whitespaces)
        r.clauseRef = AuthoringText.optional(form, "clause")
        r.trigger = trigger(form)
        let period = try AuthoringText.period(form, "period")
        if period != nil || r.vagueText == nil { r.period = period }
        if period != nil { r.vagueText = nil }
        let direction = Self.directions[form["direction"]?.choice ?? 0], actor = Self.actors[form["actor"]?.choice ?? 0]
        if direction != r.direction || actor != r.actor || before == nil { r.roll = .safeDefault(direction: direction, actor: actor) }
        r.direction = direction; r.actor = actor
        if r.trigger == .event { r.eventKind = Self.events[form["event-kind"]?.choice ?? 0] }
        else if r.trigger != before?.trigger { r.eventKind = nil }
        r.recursFrom = r.trigger == .recurring ? try form.date("recurs-from", optional: true) : nil
        r.writtenForm = form["written"]?.choice == 1
        return r
    }

    /// The dry run of saving: the record as it would be saved, with the deadlines it opens or moves.
    func dryRun(_ r: NoticeRule, portfolio: Portfolio) throws -> Authored<NoticeRule> {
        if rules.isEmpty { return try portfolio.addRule(r, dryRun: true) }
        return try portfolio.editRule(id: r.id, dryRun: true, loaded: rules.first { $0.id == r.id }.map(RecordVersion.init)) { $0 = r }
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        var lines: [StyledLine] = []
        do {
            let r = try draft(form)
            let today = portfolio.clock.today
            let view = ReadContext(today: today, planner: portfolio.planner).ruleView(r, clauses: clauses, calendar: calendar)
            lines.append(StyledLine("Period: \(view.periodText)", .role(.muted), indent: 2))
            lines.append(StyledLine((r.trigger == .recurring ? "" : "If today: ") + view.ifTodayText, .role(.accent), indent: 2))
            if r == base(form) {
                lines.append(StyledLine("No change yet.", .role(.muted), indent: 2))
            } else {
                let result = try dryRun(r, portfolio: portfolio)
                let open = ((try? portfolio.queries.detail(agreementId: agreementId))?.deadlines ?? []).filter { $0.state == .open }
                lines += AuthoringText.changes(before: open, after: result.deadlines, withdrawn: result.withdrawn, today: today)
            }
        } catch {
            lines.append(AuthoringText.notReady(error))
        }
        return FormPreview(lines: lines)
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws { _ = try dryRun(try draft(form), portfolio: portfolio) }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String { try save(form, portfolio: portfolio).message }

    func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        let r = try draft(form)
        if rules.isEmpty {
            let done = try portfolio.addRule(r)
            let n = done.deadlines.count
            return FormSaved("Notice rule \(done.record.title) added" + (n == 0 ? "" : "; \(n) deadline\(n == 1 ? "" : "s") opened"),
                             undo: .rule(before: nil, after: done.record))
        }
        let done = try portfolio.editRule(id: r.id, loaded: base(form).map(RecordVersion.init)) { $0 = r }
        let n = done.deadlines.count
        return FormSaved("Notice rule \(done.record.title) changed" + (n == 0 ? "" : "; \(n) open deadline\(n == 1 ? "" : "s") moved"),
                         undo: .rule(before: done.before, after: done.record))
    }
}
