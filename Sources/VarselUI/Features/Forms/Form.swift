import VarselKit

/// What a form field holds and how keys edit it.
public enum FieldKind: Hashable, Sendable {
    case text
    /// YYYY-MM-DD; only digits and "-" are typed.
    case date
    /// Cycled with ←/→ or Space.
    case choice([String])
    /// Longer text (grounds), wrapped over several rows.
    case longText
}

/// One field. `id` is what `VarselError.location` names, so an error lands next to its field.
public struct FormField: Hashable, Sendable {
    public var id: String
    public var label: String
    public var kind: FieldKind
    public var text: String
    public var choice: Int
    public var required: Bool
    public var hidden: Bool
    /// Characters after the text cursor (0 = typing appends; see `LineEditing`).
    public var charactersAfterCursor = 0

    public init(id: String, label: String, kind: FieldKind, text: String = "", choice: Int = 0, required: Bool = false) {
        self.id = id; self.label = label; self.kind = kind; self.text = text; self.choice = choice
        self.required = required; self.hidden = false
    }

    public var isTextual: Bool { if case .choice = kind { return false }; return true }

    public var options: [String] { if case .choice(let o) = kind { return o }; return [] }

    /// The text, or the chosen option.
    public var value: String { isTextual ? text : (options.indices.contains(choice) ? options[choice] : "") }

    /// The text and its cursor, for editing.
    public var editing: LineEditing {
        get { LineEditing(text: text, charactersAfterCursor: charactersAfterCursor) }
        set { text = newValue.text; charactersAfterCursor = newValue.charactersAfterCursor }
    }

    /// Makes pasted or typed text fit the field: line breaks are kept only in long text (one
    /// line elsewhere), other control characters become spaces, dates keep digits and "-".
    func accepted(_ input: String) -> String {
        let unified = input.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out = ""
        for c in unified {
            switch kind {
            case .date:
                if (c.isASCII && c.isNumber) || c == "-" { out.append(c) }
            case .longText where c == "\n":
                out.append(c)
            default:
                if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) { out.append(c) }
                else if c == "\n" || c == "\t" { out.append(" ") }
            }
        }
        if kind == .date { out = String(out.prefix(max(0, 10 - text.count))) }
        return out
    }
}

/// An open change notice offered by the objection form, with how many of its deadlines are
/// open (read with the agreement's detail when the form opened; saving closes them).
public struct NoticeChoice: Hashable, Sendable {
    public var id: String
    public var agreementId: String
    public var label: String
    public var openDeadlines: Int
}

/// A form on screen: fields, focus, the inline error and the live preview.
public struct FormState: Sendable {
    /// What the form is: its rules, preview and the record it writes.
    public var spec: any FormSpec
    public var title: String
    /// The agreement (and notice) the form is about.
    public var subtitle: String
    public var fields: [FormField]
    /// Each field's value when the form opened (a changed form asks before it is discarded).
    public let originalValues: [String: String]
    public var focus: Int
    /// The last error, shown next to the field its `location` names (or above the fields).
    public var error: VarselError?
    /// The last dry run: deadlines the record would open, requirements, warnings.
    public var preview: FormPreview

    /// Live information shown under the fields.
    public var info: [StyledLine] { preview.lines }

    public init(spec: any FormSpec, subtitle: String, fields: [FormField], info: [StyledLine] = []) {
        self.spec = spec; self.title = spec.title; self.subtitle = subtitle; self.fields = fields
        self.originalValues = Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        self.focus = fields.firstIndex { !$0.hidden } ?? 0
        self.error = nil; self.preview = FormPreview(lines: info)
        spec.adjust(&self)
    }

    /// The same form with its current values as the ones it opened with (a form that filled its
    /// fields from a record after laying them out).
    public init(reopening other: FormState) {
        self.init(spec: other.spec, subtitle: other.subtitle, fields: other.fields, info: other.preview.lines)
    }

    /// Takes a dry run's result: its lines and the requirements it found.
    public mutating func take(_ preview: FormPreview) {
        self.preview = preview
        for (id, required) in preview.required { set(id) { $0.required = required } }
    }

    /// The question asked before saving, if this form asks one.
    public var confirmation: String? { spec.confirmation(self) }

    public subscript(id: String) -> FormField? {
        get { fields.first { $0.id == id } }
    }

    public func value(_ id: String) -> String { self[id]?.value ?? "" }

    public mutating func set(_ id: String, _ change: (inout FormField) -> Void) {
        if let i = fields.firstIndex(where: { $0.id == id }) { change(&fields[i]) }
    }

    var visibleIndices: [Int] { fields.indices.filter { !fields[$0].hidden } }

    /// True when focus is on the last visible field.
    public var onLastField: Bool { visibleIndices.last == focus }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    public mutating func moveFocus(_ delta: Int) {
        let vis = visibleIndices
        guard !vis.isEmpty else { return }
        let pos = vis.firstIndex(of: focus) ?? 0
        focus = vis[(pos + delta + vis.count) % vis.count]
    }

    /// True when any field differs from what the form opened with.
    public var holdsData: Bool {
        fields.contains { !$0.hidden && $0.value != (originalValues[$0.id] ?? "") }
    }

    /// Types a character at the cursor of the focused text field. Returns false when the field takes no text.
    @discardableResult
    public mutating func type(_ c: Character) -> Bool {
        guard fields.indices.contains(focus), fields[focus].isTextual else { return false }
        if fields[focus].kind == .date {
            guard (c.isASCII && c.isNumber) || c == "-", fields[focus].text.count < 10 else { return true }
        }
        fields[focus].editing.insert(String(c))
        clearError(for: fields[focus].id)
        return true
    }

    /// Inserts pasted text at the cursor of the focused text field: line breaks stay line
    /// breaks in long text and become spaces elsewhere. Returns false when the field takes no text.
    @discardableResult
    public mutating func paste(_ text: String) -> Bool {
        guard fields.indices.contains(focus), fields[focus].isTextual else { return false }
        let accepted = fields[focus].accepted(text)
        guard !accepted.isEmpty else { return true }
        fields[focus].editing.insert(accepted)
        clearError(for: fields[focus].id)
        return true
    }

    /// Applies one readline editing step to the focused text field. Returns false when the
    /// field is not textual.
    @discardableResult
    public mutating func edit(_ step: TextEdit) -> Bool {
        guard fields.indices.contains(focus), fields[focus].isTextual else { return false }
        let before = fields[focus].text
        fields[focus].editing.apply(step)
        if fields[focus].text != before { clearError(for: fields[focus].id) }
        return true
    }

    public mutating func cycle(_ delta: Int) {
        guard fields.indices.contains(focus), case .choice(let options) = fields[focus].kind, !options.isEmpty else { return }
        fields[focus].choice = (fields[focus].choice + delta + options.count) % options.count
        clearError(for: fields[focus].id)
    }

    mutating func clearError(for id: String) {
        if error?.location == id { error = nil }
    }

    /// Parses a date field, or throws an error placed at that field.
    public func date(_ id: String, optional: Bool = false) throws -> CivilDate? {
        let text = value(id).trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            if optional { return nil }
            throw VarselError(.invalidInput, "A date is needed", at: id, fix: "Type it as YYYY-MM-DD")
        }
        guard let d = CivilDate(iso: text) else {
            throw VarselError(.invalidInput, "\"\(text)\" is not a date", at: id, fix: "Type it as YYYY-MM-DD, e.g. 2026-11-23")
        }
        return d
    }

    /// Focuses the field an error names, if it is on the form.
    public mutating func show(_ error: VarselError) {
        self.error = error
        if let loc = error.location, let i = fields.firstIndex(where: { $0.id == loc && !$0.hidden }) { focus = i }
    }
}

/// Any error as a `VarselError` (database errors keep their text).
func asVarselError(_ error: Error) -> VarselError {
    (error as? VarselError) ?? VarselError(.io, "\(error)")
}
