import VarselKit

/// Record a termination notice given by us or received from them: shows the end date, how it
/// was computed, every follow-on deadline and warnings; saving asks for confirmation.
@MainActor enum TerminationForm {
    static let actors: [Actor] = [.us, .them]
    static let actorLabels = ["us (we give notice)", "them (notice received)"]

    static func make(agreementId: String, agreementTitle: String, today: CivilDate, portfolio: Portfolio) -> FormState {
        var form = FormState(kind: .termination(agreementId: agreementId), title: "Record termination notice",
                             subtitle: agreementTitle, fields: [
            FormField(id: "by", label: "Given by", kind: .choice(actorLabels)),
            FormField(id: "date", label: "Notice date", kind: .date, text: today.iso, required: true),
            FormField(id: "channel", label: "Channel", kind: .choice(Channel.allCases.map(\.rawValue)),
                      choice: Channel.allCases.firstIndex(of: .letter) ?? 0),
            FormField(id: "note", label: "Note", kind: .text),
        ])
        refresh(&form, portfolio: portfolio)
        return form
    }

    static func parts(_ form: FormState) throws -> (String, Actor, CivilDate) {
        guard case .termination(let agreementId) = form.kind else { throw VarselError(.invalidInput, "Not a termination form") }
        let by = actors[min(actors.count - 1, form["by"]?.choice ?? 0)]
        return (agreementId, by, try form.date("date")!)
    }

    static func refresh(_ form: inout FormState, portfolio: Portfolio) {
        var info: [StyledLine] = []
        do {
            let (id, by, date) = try parts(form)
            let p = try portfolio.previewTermination(agreementId: id, by: by, date: date)
            let today = portfolio.clock.today
            info.append(StyledLine("Agreement ends: \(p.endDate.iso) (\(p.endDate.humanText))", CellStyle(.title, bold: true), indent: 2))
            info.append(StyledLine("  " + p.explanation, .role(.muted), indent: 2))
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
        form.info = info
    }

    static func validate(_ form: FormState, portfolio: Portfolio) throws {
        let (id, by, date) = try parts(form)
        _ = try portfolio.previewTermination(agreementId: id, by: by, date: date)
    }

    static func question(_ form: FormState) -> String {
        guard let (_, by, date) = try? parts(form) else { return "Record this termination notice?" }
        let end = form.info.first?.text.trimmingCharacters(in: .whitespaces) ?? ""
        return "Record the termination of \(form.subtitle), notice \(by == .us ? "given by us" : "received") on \(date.iso)? \(end)"
    }

    static func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        let (id, by, date) = try parts(form)
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        let channel = Channel(rawValue: form.value("channel")) ?? .letter
        let (t, p) = try portfolio.recordTermination(agreementId: id, by: by, date: date, channel: channel, note: note.isEmpty ? nil : note)
        let n = p.followOn.count
        return "Termination \(t.id) recorded; agreement ends \(t.endDate.iso); \(n) follow-on deadline\(n == 1 ? "" : "s")"
    }
}
