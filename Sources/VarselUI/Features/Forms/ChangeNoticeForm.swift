import VarselKit

/// Record a change notice: received date, kind, channel, summary, effective date and — for a
/// sub-processor change — the proposed sub-processor. Shows the objection deadline(s) it
/// would open, and any warnings, before anything is saved.
struct ChangeNoticeForm: FormSpec {
    static let kinds = ChangeKind.allCases
    /// Who gives the notice: the counterparty (default) or we (Mobilize Me 8.1).
    static let givers: [(actor: Actor, label: String)] = [(.them, "them (received)"), (.us, "us (our notice)")]

    let agreementId: String
    /// The agreement's sub-processors a replacement may name (the "Replaces" choice after "—").
    var replaceable: [(id: String, label: String)] = []
    var title: String { "Record change notice" }

    static func make(agreementId: String, agreementTitle: String, today: CivilDate, subProcessors: [SubProcessor] = []) -> FormState {
        let replaceable = subProcessors.map { (id: $0.id, label: "\($0.name) (\($0.country))") }
        return FormState(spec: ChangeNoticeForm(agreementId: agreementId, replaceable: replaceable), subtitle: agreementTitle, fields: [
            FormField(id: "received", label: "Received", kind: .date, text: today.iso, required: true),
            FormField(id: "kind", label: "Kind", kind: .choice(kinds.map(\.label))),
            FormField(id: "channel", label: "Channel", kind: .choice(Channel.allCases.map(\.rawValue))),
            FormField(id: "summary", label: "Summary", kind: .text, required: true),
            FormField(id: "effective", label: "Applies from", kind: .date),
            FormField(id: "sub-processor name", label: "Sub-processor", kind: .text, required: true),
            FormField(id: "sub-processor country", label: "Country", kind: .text, required: true),
            FormField(id: "sub-processor purpose", label: "Purpose", kind: .text),
            FormField(id: "given-by", label: "Given by", kind: .choice(givers.map(\.label))),
            FormField(id: "sub-processor org number", label: "Org number", kind: .text),
            FormField(id: "sub-processor transfer", label: "Transfer basis", kind: .text),
            FormField(id: "replaces", label: "Replaces", kind: .choice(["—"] + replaceable.map(\.label))),
        ])
    }

    static func givenBy(_ form: FormState) -> Actor {
        let i = form["given-by"]?.choice ?? 0
        return givers.indices.contains(i) ? givers[i].actor : .them
    }

    static func kind(_ form: FormState) -> ChangeKind {
        let i = form["kind"]?.choice ?? 0
        return kinds.indices.contains(i) ? kinds[i] : .other
    }

    static func isSubProcessorChange(_ k: ChangeKind) -> Bool { k == .subProcessorAdded || k == .subProcessorReplaced }

    func draft(_ form: FormState) throws -> ChangeNoticeDraft {
        let k = Self.kind(form)
        let received = try form.date("received")!
        let effective = try form.date("effective", optional: true)
        var sub: SubProcessorDraft?
        var summary = form.value("summary")
        if Self.isSubProcessorChange(k) {
            let name = form.value("sub-processor name")
            func optional(_ id: String) -> String? {
                let v = form.value(id).trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            sub = SubProcessorDraft(name: name, orgNumber: optional("sub-processor org number"), country: form.value("sub-processor country"),
                                    purpose: form.value("sub-processor purpose"), transferMechanism: optional("sub-processor transfer"))
            if summary.trimmingCharacters(in: .whitespaces).isEmpty, !name.trimmingCharacters(in: .whitespaces).isEmpty {
                summary = "\(k.label): \(name)"
            }
        }
        let r = (form["replaces"]?.choice ?? 0) - 1
        let replaces = k == .subProcessorReplaced && replaceable.indices.contains(r) ? replaceable[r].id : nil
        return ChangeNoticeDraft(agreementId: agreementId, kind: k, receivedDate: received,
                                 channel: Channel(rawValue: form.value("channel")) ?? .email, summary: summary,
                                 effectiveDate: effective, subProcessor: sub, replacesSubProcessorId: replaces, givenBy: Self.givenBy(form))
    }

    /// The sub-processor fields only for a sub-processor change, which needs no summary.
    func adjust(_ form: inout FormState) {
        let sub = Self.isSubProcessorChange(Self.kind(form))
        for id in ["sub-processor name", "sub-processor country", "sub-processor purpose", "sub-processor org number", "sub-processor transfer"] {
            form.set(id) { $0.hidden = !sub }
        }
        // "Replaces" names the sub-processor a replacement takes over from (as `--replaces`).
        let replacing = Self.kind(form) == .subProcessorReplaced
        form.set("replaces") { $0.hidden = !replacing }
        form.set("summary") { $0.required = !sub }
    }

    func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview {
        // Rules that count back from the day the change applies need that day (Mobilize Me 2.2).
        let needs = (try? portfolio.ruleNeedingEffectiveDate(agreementId: agreementId, kind: Self.kind(form), givenBy: Self.givenBy(form))) ?? nil
        var info: [StyledLine] = []
        do {
            let preview = try portfolio.previewChangeNotice(try draft(form))
            let today = portfolio.clock.today
            if preview.deadlines.isEmpty { info.append(StyledLine("Opens no deadline.", .role(.muted))) }
            for d in preview.deadlines {
                let left = today.days(until: d.actByDate)
                info.append(StyledLine("Opens: \(d.what) — act by \(d.actByDate.iso) (\(Format.daysLeft(left)))" +
                                       (d.clauseRef.map { " [\($0)]" } ?? ""), CellStyle(Format.role(daysLeft: left), bold: true), indent: 2))
                info.append(StyledLine("  " + d.explanation, .role(.muted), indent: 2))
            }
            for w in preview.warnings { info.append(StyledLine("⚠ " + w, CellStyle(.error, bold: true), indent: 2)) }
        } catch {
            info.append(StyledLine("Not ready to save: \(asVarselError(error).what)", .role(.hint), indent: 2))
        }
        return FormPreview(lines: info, required: ["effective": needs != nil])
    }

    func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let (notice, preview) = try portfolio.recordChangeNotice(try draft(form))
        let n = preview.deadlines.count
        return "Change notice \(notice.id) recorded; \(n) deadline\(n == 1 ? "" : "s") opened"
    }
}
