import VarselKit

/// Record a termination notice given by us or received from them: shows the end date, how it
/// was computed, every follow-on deadline and warnings; saving asks for confirmation. Where the
/// agreement gives more than one right (ordinary notice, after an objection, for cause), a
/// "Right" field chooses it; the after-objection right asks for the change notice objected to.
/// "Set end date" (if not computed) with its reason enters the end by hand: it wins over the computed
/// end (both are shown); where no end can be computed the preview says so and asks for it.
struct TerminationForm: FormSpec {
    static let actors: [Actor] = [.us, .them]
    static let actorLabels = ["us (we give notice)", "them (notice received)"]

    let agreementId: String
    var title: String { "Record termination notice" }

    /// `rights`: the agreement's termination rights; `objected`: "id: summary" of each change
    /// notice objected to (for the after-objection right).
    static func make(agreementId: String, agreementTitle: String, today: CivilDate,
                     rights: [TerminationRight], objected: [String]) -> FormState {
        var right = FormField(id: "right", label: "Right", kind: .choice(rights.map(\.rawValue)))
        right.hidden = rights.count < 2
        let change = FormField(id: "change", label: "Change objected to",
                               kind: .choice(objected.isEmpty ? ["(no objected change notice)"] : objected))
        return FormState(spec: TerminationForm(agreementId: agreementId), subtitle: agreementTitle, fields: [
            FormField(id: "by", label: "Given by", kind: .choice(actorLabels)),
            right,
            change,
            FormField(id: "date", label: "Notice date", kind: .date, text: today.iso, required: true),
            FormField(id: "channel", label: "Channel", kind: .choice(Channel.allCases.map(\.rawValue)),
                      choice: Channel.allCases.firstIndex(of: .letter) ?? 0),
            // Labels fit the form's label column (FormView.labelWidth).
            FormField(id: "end", label: "Set end date", kind: .date),
            FormField(id: "endReason", label: "Reason for end", kind: .text),
            FormField(id: "note", label: "Note", kind: .text),
        ])
    }

    func request(_ form: FormState) throws -> TerminationRequest {
        let by = Self.actors[min(Self.actors.count - 1, form["by"]?.choice ?? 0)]
        let right = TerminationRight(rawValue: form.value("right")) ?? .ordinary
        var change: String?
        let option = form.value("change")
        if right == .afterObjection, !option.hasPrefix("("), let id = option.split(separator: ":").first {
            change = String(id)
        }
        let reason = form.value("endReason").trimmingCharacters(in: .whitespaces)
        return TerminationRequest(agreementId: agreementId, by: by, date: try form.date("date")!, right: right, changeNoticeId: change,
                                  end: try form.date("end", optional: true), endReason: reason.isEmpty ? nil : reason)
    }

    /// The change objected to is asked only for the after-objection right.
    func adjust(_ form: inout FormState) {
        let showsRights = form["right"].map { $0.options.count > 1 } ?? false
        let afterObjection = showsRights && form.value("right") == TerminationRight.afterObjection.rawValue
        form.set("change") { $0.hidden = !afterObjection }
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        var info: [StyledLine] = []
        var summary: String?
        // Marks set by an earlier preview (no end computable) are cleared unless this one sets them again.
        var required: [String: Bool] = ["end": false, "endReason": !form.value("end").trimmingCharacters(in: .whitespaces).isEmpty]
        do {
            let r = try request(form)
            let p: TerminationPreview
            do { p = try portfolio.previewTermination(r) } catch {
                // No end entered and none computable (a change with no effective day): say so and ask for it.
                if r.end == nil, Self.noEndComputable(r, portfolio: portfolio) {
                    info.append(StyledLine("No end date can be computed: \(asVarselError(error).what).", CellStyle(.error, bold: true), indent: 2))
                    info.append(StyledLine(Self.askForEnd, .role(.hint), indent: 2))
                    return FormPreview(lines: info, required: ["end": true, "endReason": true])
                }
                throw error
            }
            let today = portfolio.clock.today
            let ends = p.endReason == nil ? "" : " — entered by hand"
            // A later notice date plans a termination: shown, never saved (validate refuses it).
            summary = r.date > today ? "Planned: given on \(r.date.iso), the agreement would end \(p.endDate.iso) (\(p.endDate.humanText))\(ends)"
                                     : "Agreement ends: \(p.endDate.iso) (\(p.endDate.humanText))\(ends)"
            info.append(StyledLine(summary!, CellStyle(.title, bold: true), indent: 2))
            if p.endReason != nil {
                let computed = p.computedEnd.map { "\($0.iso) (\($0.humanText))" } ?? "none (no end could be computed)"
                info.append(StyledLine("Computed end: \(computed)", CellStyle(.title), indent: 2))
            } else if p.computedEnd == nil {
                // Saving without one ends it on the notice date (the warning below); the form asks for the real end.
                info.append(StyledLine("No end date can be computed from the agreement.", CellStyle(.error, bold: true), indent: 2))
                info.append(StyledLine(Self.askForEnd, .role(.hint), indent: 2))
            }
            info.append(StyledLine("  " + p.explanation, .role(.muted), indent: 2))
            for c in p.endsAlso { info.append(StyledLine("Also ends: \(c.title)", CellStyle(.title, bold: true), indent: 2)) }
            if p.followOn.isEmpty { info.append(StyledLine("No follow-on deadline.", .role(.muted))) }
            for d in p.followOn {
                let left = today.days(until: d.actByDate)
                info.append(StyledLine("Then: \(d.what) — act by \(d.actByDate.iso) (\(Format.daysLeft(left)))" +
                                       (d.clauseRef.map { " [\($0)]" } ?? ""), CellStyle(Format.role(daysLeft: left), bold: true), indent: 2))
            }
            for w in p.warnings { info.append(StyledLine("⚠ " + w, CellStyle(.error, bold: true), indent: 2)) }
        } catch {
            info.append(StyledLine("Not ready to save: \(asVarselError(error).what)", .role(.hint), indent: 2))
        }
        return FormPreview(lines: info, required: required, summary: summary)
    }

    /// What the preview asks where no end can be computed.
    static let askForEnd = "Enter it in \"Set end date\" (if not computed), with the reason for it."

    /// True when the request would have an end only if one were entered by hand.
    static func noEndComputable(_ r: TerminationRequest, portfolio: Portfolio) -> Bool {
        var probe = r
        probe.end = r.date; probe.endReason = "probe"
        guard let p = try? portfolio.previewTermination(probe) else { return false }
        return p.computedEnd == nil
    }

    func validate(_ form: FormState, portfolio: Portfolio) throws {
        let r = try request(form)
        try portfolio.refuseFutureNotice(r)
        _ = try portfolio.previewTermination(r)
    }

    func confirmation(_ form: FormState) -> String? {
        guard let r = try? request(form) else { return "Record this termination notice?" }
        let right = r.right == .ordinary ? "" : " (\(r.right.label))"
        return "Record the termination of \(form.subtitle)\(right), notice \(r.by == .us ? "given by us" : "received") on \(r.date.iso)? \(form.preview.summary ?? "")"
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let channel = Channel(rawValue: form.value("channel")) ?? .letter
        let (t, p) = try portfolio.recordTermination(try request(form), channel: channel, note: note.isEmpty ? nil : note)
        let n = p.followOn.count
        let also = p.endsAlso.isEmpty ? "" : "; \(p.endsAlso.count) agreement\(p.endsAlso.count == 1 ? "" : "s") end\(p.endsAlso.count == 1 ? "s" : "") with it"
        return "Termination \(t.id) recorded; agreement ends \(t.endDate.iso)\(also); \(n) follow-on deadline\(n == 1 ? "" : "s")"
    }
}
