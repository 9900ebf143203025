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

    public init(id: String, label: String, kind: FieldKind, text: String = "", choice: Int = 0, required: Bool = false) {
        self.id = id; self.label = label; self.kind = kind; self.text = text; self.choice = choice
        self.required = required; self.hidden = false
    }

    public var isTextual: Bool { if case .choice = kind { return false }; return true }

    public var options: [String] { if case .choice(let o) = kind { return o }; return [] }

    /// The text, or the chosen option.
    public var value: String { isTextual ? text : (options.indices.contains(choice) ? options[choice] : "") }
}

/// Which record a form writes.
public enum FormKind: Hashable, Sendable {
    /// An objection to one of `notices` (a choice field when there are several).
    case objection(notices: [NoticeChoice])
    case changeNotice(agreementId: String)
    case termination(agreementId: String)
}

/// An open change notice offered by the objection form.
public struct NoticeChoice: Hashable, Sendable {
    public var id: String
    public var agreementId: String
    public var label: String
}

/// A form on screen: fields, focus, the inline error and the live preview.
public struct FormState: Sendable {
    public var kind: FormKind
    public var title: String
    /// The agreement (and notice) the form is about.
    public var subtitle: String
    public var fields: [FormField]
    public var focus: Int
    /// The last error, shown next to the field its `location` names (or above the fields).
    public var error: VarselError?
    /// Live information: deadlines the record would open, requirements, warnings.
    public var info: [StyledLine]

    public init(kind: FormKind, title: String, subtitle: String, fields: [FormField]) {
        self.kind = kind; self.title = title; self.subtitle = subtitle; self.fields = fields
        self.focus = fields.firstIndex { !$0.hidden } ?? 0
        self.error = nil; self.info = []
    }

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

    /// Types a character into the focused text field. Returns false when the field takes no text.
    @discardableResult
    public mutating func type(_ c: Character) -> Bool {
        guard fields.indices.contains(focus), fields[focus].isTextual else { return false }
        if fields[focus].kind == .date {
            guard (c.isASCII && c.isNumber) || c == "-", fields[focus].text.count < 10 else { return true }
        }
        fields[focus].text.append(c)
        clearError(for: fields[focus].id)
        return true
    }

    public mutating func deleteBackward() {
        guard fields.indices.contains(focus), fields[focus].isTextual, !fields[focus].text.isEmpty else { return }
        fields[focus].text.removeLast()
        clearError(for: fields[focus].id)
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

/// The behaviour each form kind provides: live preview and saving.
@MainActor enum FormLogic {
    /// Recomputes the live preview (and field requirements) after an edit.
    static func refresh(_ form: inout FormState, portfolio: Portfolio) {
        switch form.kind {
        case .objection: ObjectionForm.refresh(&form, portfolio: portfolio)
        case .changeNotice: ChangeNoticeForm.refresh(&form, portfolio: portfolio)
        case .termination: TerminationForm.refresh(&form, portfolio: portfolio)
        }
    }

    /// Writes the record; returns the status line. Throws `VarselError` to show inline.
    static func submit(_ form: FormState, portfolio: Portfolio) throws -> String {
        switch form.kind {
        case .objection: try ObjectionForm.submit(form, portfolio: portfolio)
        case .changeNotice: try ChangeNoticeForm.submit(form, portfolio: portfolio)
        case .termination: try TerminationForm.submit(form, portfolio: portfolio)
        }
    }

    /// Checks without writing (the termination form confirms before it saves).
    static func validate(_ form: FormState, portfolio: Portfolio) throws {
        if case .termination = form.kind { try TerminationForm.validate(form, portfolio: portfolio) }
    }

    /// Forms that ask "are you sure?" before saving.
    static func needsConfirmation(_ form: FormState) -> String? {
        if case .termination = form.kind { return TerminationForm.question(form) }
        return nil
    }
}

/// Any error as a `VarselError` (database errors keep their text).
func asVarselError(_ error: Error) -> VarselError {
    (error as? VarselError) ?? VarselError(.io, "\(error)")
}
