import VarselIntake
import VarselKit

/// The intake review (`:intake FILE`, `i` in the agreements list): its keys and state changes.
/// Reading the file and saving are effects (`IntakeEffects`); the screen is `IntakeView`; the
/// edit forms are `IntakeForms`.
enum IntakeFeature {
    static let bindings: [Binding] = [
        Binding([.char("j"), .down, .char("n"), .tab], .intake(.next), "Next proposal (the text shows its words)", [.intakeReview], hint: "next"),
        Binding([.char("k"), .up, .char("N"), .backTab], .intake(.previous), "Previous proposal", [.intakeReview]),
        Binding([.char("g"), .home], .intake(.first), "First proposal (the agreement)", [.intakeReview]),
        Binding([.char("G"), .end], .intake(.last), "Last proposal", [.intakeReview]),
        Binding([.char("y"), .char(" ")], .intake(.accept), "Accept the proposal (and go to the next)", [.intakeReview], hint: "accept"),
        Binding([.char("d")], .intake(.reject), "Reject the proposal: it is left out when saving", [.intakeReview], hint: "reject"),
        Binding([.char("e"), .enter], .intake(.edit), "Edit the proposal in a form (saving the form accepts it)", [.intakeReview], hint: "edit"),
        Binding([.char("c")], .intake(.showClause), "Show the proposal's clause: the text scrolls to its heading", [.intakeReview], hint: "clause"),
        Binding([.char("A")], .intake(.acceptAll), "Accept every pending proposal", [.intakeReview], hint: "accept all"),
        Binding([.pageDown, .char("J")], .intake(.textDown), "Scroll the text down a page", [.intakeReview]),
        Binding([.pageUp, .char("K")], .intake(.textUp), "Scroll the text up a page", [.intakeReview]),
        Binding([.ctrl("s")], .intake(.save), "Save: the agreement and everything accepted, one audit entry (asks first)", [.intakeReview], hint: "save"),
        Binding([.char("?")], .help, "Help: every key of the review", [.intakeReview], hint: "help"),
        Binding([.escape, .char("q")], .intake(.close), "Leave the review without saving (asks when you decided something)", [.intakeReview], hint: "leave"),
        Binding([.ctrl("c")], .quit, "Quit Varsel (asks when you decided something)", [.intakeReview]),
    ]

    /// The row the agreements list offers.
    static func startIntake(_ c: Set<BindingContext>) -> Binding {
        Binding([.char("i")], .intake(.start), "Intake a contract (.txt, .md, .pdf, .docx): type its path, review what it proposes", c, hint: "intake")
    }

    static func reduce(_ state: inout WorkbenchState, _ action: IntakeAction) -> [Effect] {
        if action == .start {
            // The command line, prefilled: the same line editor as the forms' text fields.
            state.prompt = "intake "
            state.lineCharactersAfterCursor = 0
            return []
        }
        guard var r = state.intake else { return [] }
        let pane = IntakeView.textRows(state.size)
        switch action {
        case .start: break
        case .next: select(&r, r.selected + 1, pane: pane)
        case .previous: select(&r, r.selected - 1, pane: pane)
        case .first: select(&r, 0, pane: pane)
        case .last: select(&r, r.items.count - 1, pane: pane)
        case .accept, .reject:
            guard let item = r.selectedItem else { break }
            if item.kind == .agreement {
                state.status = StatusMessage(text: action == .reject ? "The agreement is what saving creates; Esc leaves without saving"
                                                                     : "The agreement is always saved; e edits its title, kind, counterparty and parent",
                                             isError: action == .reject)
                if action == .accept { select(&r, r.selected + 1, pane: pane) }
                break
            }
            r.items[r.selected].decision = action == .accept ? .accepted : .rejected
            state.status = StatusMessage(text: "\(action == .accept ? "Accepted" : "Rejected"): \(r.summary(item))", isError: false)
            select(&r, r.selected + 1, pane: pane)
        case .edit:
            guard let item = r.selectedItem else { break }
            state.form = IntakeForms.make(r, item)
        case .showClause:
            guard let item = r.selectedItem else { break }
            guard let clause = r.clause(of: item) else {
                state.status = StatusMessage(text: "No numbered clause holds these words", isError: true)
                break
            }
            r.textTop = r.layout.row(containing: clause.start)
            state.status = StatusMessage(text: "Clause \(clause.ref) \(clause.heading)", isError: false)
        case .acceptAll:
            var n = 0
            for i in r.items.indices where r.items[i].decision == .pending { r.items[i].decision = .accepted; n += 1 }
            state.status = StatusMessage(text: "Accepted \(n) pending proposal(s); rejected ones stay rejected", isError: false)
        case .textDown: r.textTop += max(1, pane - 1)
        case .textUp: r.textTop = max(0, r.textTop - max(1, pane - 1))
        case .save:
            state.overlay = .confirm(Confirmation(subject: .saveIntake, question: r.saveSummary))
        case .close:
            if r.holdsDecisions {
                state.overlay = .confirm(Confirmation(subject: .discardIntake,
                                                      question: "Leave the review of \(r.fileName)? Your decisions are lost; nothing is written."))
            } else {
                state.intake = nil
                state.status = StatusMessage(text: "Intake of \(r.fileName) closed; nothing was written", isError: false)
                return []
            }
        }
        state.intake = r
        return []
    }

    /// Selects item `index` (clamped) and scrolls the text so its words are in view.
    static func select(_ r: inout IntakeReview, _ index: Int, pane: Int) {
        r.selected = max(0, min(index, r.items.count - 1))
        guard let span = r.selectedItem?.span, !r.layout.rows.isEmpty else { return }
        let row = r.layout.row(containing: span.lowerBound)
        if row < r.textTop || row >= r.textTop + pane - 1 { r.textTop = max(0, row - pane / 3) }
    }

    /// An edit form was saved: the proposal takes the values and is accepted.
    static func apply(_ edit: IntakeEdit, _ state: inout WorkbenchState) {
        guard var r = state.intake else { return }
        let kind: IntakeItem.Kind
        switch edit {
        case .agreement(let a): r.agreement = a; kind = .agreement
        case .party(let i, let p):
            // The agreement names its counterparty by the party's name: a renamed party stays the counterparty.
            if r.agreement.counterparty.caseInsensitiveCompare(r.proposal.parties[i].name) == .orderedSame { r.agreement.counterparty = p.name }
            r.proposal.parties[i] = p; kind = .party(i)
        case .rule(let i, let rule): r.proposal.rules[i] = rule; kind = .rule(i)
        case .subProcessor(let i, let s): r.proposal.subProcessors[i] = s; kind = .subProcessor(i)
        }
        if let i = r.items.firstIndex(where: { $0.kind == kind }) {
            r.items[i].edited = true
            r.items[i].decision = .accepted
            state.status = StatusMessage(text: "Edited and accepted: \(r.summary(r.items[i]))", isError: false)
        }
        state.form = nil
        state.intake = r
    }

    /// Rebuilds the text layout for the pane's width and keeps the scrolls inside the text.
    static func clamp(_ state: inout WorkbenchState) {
        guard var r = state.intake else { return }
        let width = IntakeView.panes(ScreenLayout.main(state.size)).textWidth
        if r.layout.width != width {
            r.layout = IntakeTextLayout(text: r.text, width: width)
            select(&r, r.selected, pane: IntakeView.textRows(state.size))
        }
        r.textTop = max(0, min(r.textTop, r.layout.rows.count - IntakeView.textRows(state.size)))
        let listRows = IntakeView.listRows(state.size)
        if r.selected < r.listTop { r.listTop = r.selected }
        if r.selected >= r.listTop + listRows { r.listTop = r.selected - listRows + 1 }
        r.listTop = max(0, min(r.listTop, max(0, r.items.count - listRows)))
        state.intake = r
    }
}

/// The intake review's own actions (`start` opens the path prompt from the agreements list).
public enum IntakeAction: Hashable, Sendable {
    case start, next, previous, first, last, accept, reject, edit, showClause, acceptAll, textDown, textUp, save, close
}
