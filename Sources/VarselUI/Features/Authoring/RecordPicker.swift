import VarselKit

/// The first field of a form that edits one of several records of a tab (notice rules,
/// sub-processors, parties): a choice of the records. A hidden field holds the index whose values
/// fill the other fields; `adjust` refills them when the choice moves (pure: the records are in
/// the form's spec). With one record the choice is hidden.
enum RecordPicker {
    static let field = "record"
    static let loaded = "record-loaded"

    /// The choice and the hidden index, for `labels` with `selected` loaded.
    static func fields(_ labels: [String], label: String, selected: Int = 0) -> (first: FormField, last: FormField) {
        var pick = FormField(id: field, label: label, kind: .choice(labels), choice: selected)
        pick.hidden = labels.count < 2
        var held = FormField(id: loaded, label: "", kind: .text, text: "\(selected)")
        held.hidden = true
        return (pick, held)
    }

    /// The chosen index.
    static func chosen(_ form: FormState) -> Int { form[field]?.choice ?? 0 }

    /// The index to load when the choice moved away from what the fields hold, else nil; marks it loaded.
    static func moved(_ form: inout FormState) -> Int? {
        let i = chosen(form)
        guard form.value(loaded) != "\(i)" else { return nil }
        form.set(loaded) { $0.text = "\(i)" }
        return i
    }
}

/// Small helpers the authoring forms share.
enum AuthoringText {
    /// "1 Dec 2026" for a day in the previews.
    static func short(_ d: CivilDate) -> String {
        "\(d.day) \(CivilDate.monthShortNames[max(0, min(11, d.month - 1))]) \(d.year)"
    }

    /// The index of `value` among `options` (0 when absent).
    static func index(_ options: [String], _ value: String?) -> Int { value.flatMap { options.firstIndex(of: $0) } ?? 0 }

    /// A period field's text, or nil when empty; a bad period throws at the field.
    static func period(_ form: FormState, _ id: String) throws -> Period? {
        let text = form.value(id).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : try AuthoringValidation.period(text, field: id)
    }

    /// A text field's trimmed value, nil when empty.
    static func optional(_ form: FormState, _ id: String) -> String? {
        let text = form.value(id).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// "Not ready to save: what (fix)", for a preview that met an error.
    static func notReady(_ error: Error) -> StyledLine {
        let e = asVarselError(error)
        return StyledLine("Not ready to save: \(e.what)" + (e.fix.map { " — \($0)" } ?? ""), .role(.hint), indent: 2)
    }

    /// The open deadlines a dry run opened, moved or withdrew, against those open before:
    /// "2 open deadlines move: Object … 1 Dec → 8 Dec".
    static func changes(before: [Deadline], after: [Deadline], withdrawn: [String], today: CivilDate) -> [StyledLine] {
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var moved: [String] = [], opened: [StyledLine] = []
        for d in after {
            if let o = old[d.id] {
                if o.actByDate != d.actByDate { moved.append("\(d.what) \(short(o.actByDate)) → \(short(d.actByDate))") }
            } else {
                let left = today.days(until: d.actByDate)
                opened.append(StyledLine("Opens: \(d.what) — act by \(d.actByDate.iso) (\(Format.daysLeft(left)))",
                                         CellStyle(Format.role(daysLeft: left), bold: true), indent: 2))
            }
        }
        var out: [StyledLine] = []
        if moved.isEmpty && opened.isEmpty && withdrawn.isEmpty {
            out.append(StyledLine("No open deadline moves.", .role(.muted), indent: 2))
        }
        if !moved.isEmpty {
            out.append(StyledLine("\(moved.count) open deadline\(moved.count == 1 ? "" : "s") move: " + moved.joined(separator: "; "),
                                  CellStyle(.due14, bold: true), indent: 2))
        }
        out += opened
        for id in withdrawn {
            out.append(StyledLine("Withdrawn: \(old[id]?.what ?? id)", .role(.muted), indent: 2))
        }
        return out
    }
}
