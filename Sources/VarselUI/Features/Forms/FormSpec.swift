import VarselKit

/// One kind of form: its rules, its dry run and the record it writes. A new form is one type
/// conforming to this (`Features/Forms/<Name>Form.swift`, with a `make` that lays out its
/// fields), a `FormRequest` case if opening it needs data, and the binding that opens it.
///
/// The reducer edits the fields and calls `adjust`; the shell runs the rest as effects
/// (`preview` after each edit, `validate` before `confirmation` is asked, `submit`).
public protocol FormSpec: Sendable {
    /// The box's title ("Record objection").
    var title: String { get }
    /// Visibility and requirements that follow from the values alone (pure; after every edit).
    func adjust(_ form: inout FormState)
    /// A dry run against the portfolio (nothing is written): what saving would do, and the
    /// fields the agreement's rules make required.
    @MainActor func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview
    /// Checks what `submit` checks, without writing (run before the confirmation question).
    @MainActor func validate(_ form: FormState, portfolio: Portfolio) throws
    /// The question asked before saving, or nil when saving asks nothing. Built from the
    /// form's values and its last preview, never from what was drawn.
    func confirmation(_ form: FormState) -> String?
    /// Writes the record (one transaction, one audit row) and says what was done. Throws a
    /// `VarselError` whose location names the field to show it at.
    @MainActor func submit(_ form: FormState, portfolio: Portfolio) throws -> String
    /// `submit`, and the compensating change `u` runs to undo it (nil: none). The default has none.
    @MainActor func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved
}

/// What saving a form did: the status line's text and how to undo it.
public struct FormSaved: Sendable {
    public var message: String
    public var undo: UndoStep?
    /// An agreement to show afterwards (a new one).
    public var focus: String?
    public init(_ message: String, undo: UndoStep? = nil, focus: String? = nil) { self.message = message; self.undo = undo; self.focus = focus }
}

extension FormSpec {
    public func adjust(_ form: inout FormState) {}
    @MainActor public func preview(_ form: FormState, portfolio: Portfolio) -> FormPreview { form.preview }
    @MainActor public func validate(_ form: FormState, portfolio: Portfolio) throws {}
    public func confirmation(_ form: FormState) -> String? { nil }
    @MainActor public func save(_ form: FormState, portfolio: Portfolio) throws -> FormSaved {
        FormSaved(try submit(form, portfolio: portfolio))
    }
}

/// A form's dry run: lines under the fields, requirements found, and a one-line summary of the
/// outcome (the termination's end date) for the confirmation question.
public struct FormPreview: Hashable, Sendable {
    public var lines: [StyledLine]
    public var required: [String: Bool]
    public var summary: String?

    public init(lines: [StyledLine] = [], required: [String: Bool] = [:], summary: String? = nil) {
        self.lines = lines; self.required = required; self.summary = summary
    }
}

/// What `W`, `e` and `O` do to an objection.
public enum ObjectionChange: Hashable, Sendable { case withdraw, edit, outcome }

/// A form to open and what it needs read first (run by the shell as an effect).
public enum FormRequest: Hashable, Sendable {
    /// An objection to the agreement's open change notices (only `noticeId` when given).
    case objection(agreementId: String, noticeId: String?)
    case changeNotice(agreementId: String)
    case termination(agreementId: String)
    /// Withdraw, edit or give an outcome to the active objection to a change notice.
    case objectionChange(ObjectionChange, notice: NoticeRow)
    /// Reopen one of the agreement's handled deadlines (those of one notice, when `sourceId` is given).
    case reopen(agreementId: String, sourceId: String?)
    /// An authoring form (Features/Authoring).
    case authoring(AuthoringRequest)

    var agreementId: String {
        switch self {
        case .objection(let id, _), .changeNotice(let id), .termination(let id), .reopen(let id, _): id
        case .objectionChange(_, let notice): notice.agreementId
        case .authoring(let r): r.agreementId ?? ""
        }
    }

    /// A form laid out, or why it cannot open.
    enum Opened { case form(FormState), refused(StatusMessage) }

    /// Reads what the form needs and lays it out, or says why it cannot open.
    @MainActor func open(_ data: WorkbenchData) -> Opened {
        if case .authoring(let r) = self { return r.open(data) }
        let portfolio = data.portfolio
        let today = portfolio.clock.today
        guard let d = data.detail(agreementId) else {
            if case .objection = self { return .refused(StatusMessage(text: "Agreement \(agreementId) is not in the database any more", isError: true)) }
            return .refused(StatusMessage(text: "Select an agreement first", isError: true))
        }
        switch self {
        case .objection(_, let noticeId):
            let open = d.changeNotices.filter { $0.status == .open && (noticeId == nil || $0.id == noticeId) }
            guard !open.isEmpty else {
                return .refused(StatusMessage(text: "No open change notice to object to on \(d.agreement.title)", isError: true))
            }
            let choices = open.map { n in
                NoticeChoice(id: n.id, agreementId: n.agreementId, label: "\(n.kind.label) received \(n.receivedDate.iso) (\(n.id))",
                             openDeadlines: d.deadlines.filter { $0.sourceId == n.id && $0.state == .open }.count)
            }
            return .form(ObjectionForm.make(notices: choices, agreementTitle: d.agreement.title, today: today))
        case .changeNotice(let id):
            return .form(ChangeNoticeForm.make(agreementId: id, agreementTitle: d.agreement.title, today: today,
                                               subProcessors: d.subProcessors.filter { $0.status == .approved }))
        case .objectionChange(let change, let notice):
            guard let o = d.objections.first(where: { $0.changeNoticeId == notice.id && $0.withdrawnDate == nil }) else {
                return .refused(StatusMessage(text: "No objection recorded to this notice (\(notice.status)); o records one", isError: true))
            }
            switch change {
            case .withdraw: return .form(WithdrawObjectionForm.make(objection: o, notice: notice))
            case .edit: return .form(EditObjectionForm.make(objection: o, notice: notice))
            case .outcome: return .form(ObjectionOutcomeForm.make(objection: o, notice: notice))
            }
        case .reopen(_, let sourceId):
            let handled = ReopenForm.candidates(d, sourceId: sourceId)
            guard !handled.isEmpty else {
                return .refused(StatusMessage(text: "Nothing to reopen: \(d.agreement.title) has no handled deadline"
                                              + (sourceId.map { " from \($0)" } ?? ""), isError: true))
            }
            return .form(ReopenForm.make(deadlines: handled, agreementTitle: d.agreement.title))
        case .termination(let id):
            let rights = (try? portfolio.terminationRights(agreementId: id)) ?? [.ordinary]
            let objected = (try? portfolio.objectedChangeNotices(agreementId: id)) ?? []
            return .form(TerminationForm.make(agreementId: id, agreementTitle: d.agreement.title, today: today,
                                                 rights: rights, objected: objected.map { "\($0.id): \($0.summary)" }))
        case .authoring(let r):
            return r.open(data)
        }
    }
}
