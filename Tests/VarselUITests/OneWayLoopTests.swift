import XCTest
@testable import VarselKit
@testable import VarselUI

/// The loop's parts on their own: keys become actions only through the binding table (typed
/// text and pastes too), and the reducer changes the state from an action and a data value,
/// with no portfolio.
final class OneWayLoopTests: XCTestCase {
    func testTypedTextPastesAndEscOrQAreActionsFromTheTable() {
        XCTAssertEqual(Bindings.action(for: .char("x"), in: .filter, takingText: true), .insertText("x"))
        XCTAssertEqual(Bindings.action(for: .char("q"), in: .prompt, takingText: true), .insertText("q"))
        XCTAssertEqual(Bindings.action(for: .char(" "), in: .form, takingText: true), .insertText(" "))
        XCTAssertEqual(Bindings.action(for: .char(" "), in: .form, takingText: false), .cycleChoiceForward, "a choice field cycles")
        XCTAssertEqual(Bindings.action(for: .char("x"), in: .agenda, takingText: false), .markHandled)
        XCTAssertEqual(Bindings.action(for: .paste("a\nb"), in: .form), .paste("a\nb"))
        XCTAssertEqual(Bindings.action(for: .paste("xy"), in: .agenda), .paste("xy"), "refused by the reducer, never read as keys")
        XCTAssertEqual(Bindings.action(for: .escape, in: .agenda), .back)
        XCTAssertEqual(Bindings.action(for: .char("q"), in: .agenda), .backOrQuit)
        XCTAssertEqual(Bindings.action(for: .backspace, in: .form), .edit(.deleteBackward))
        XCTAssertEqual(Bindings.action(for: .char("x"), in: .tooSmall), nil)
        XCTAssertEqual(Bindings.action(for: .char("q"), in: .tooSmall), .quit)
        // Unlisted rows stay out of help and the key map.
        XCTAssertFalse(Bindings.bindings(for: .form).contains { $0.keys.contains(.ctrl("b")) })
        XCTAssertFalse(Bindings.markdown().contains("Ctrl-B"))
    }

    func testTheReducerMovesAndClampsFromADataValueAlone() {
        let items = (0..<40).map { i in
            let day = Fixture.today.adding(days: i)
            return AgendaItem(deadline: Deadline(id: "d\(i)", agreementId: "a", ruleId: "r", sourceKind: .event, sourceId: "e\(i)",
                                                 what: "Duty \(i)", actor: .us, clauseRef: nil, anchorDate: day, rawDate: day,
                                                 dueDate: day, actByDate: day, explanation: "x"),
                              agreementTitle: "Avtal", counterparty: "Leverantör AB", daysLeft: i,
                              window: AgendaWindow(daysLeft: i), status: .open)
        }
        let data = Loaded(databaseLabel: "x", today: Fixture.today, agenda: AgendaView.Layout(ordered: AgendaView.ordered(items)))
        var state = WorkbenchState()
        _ = WorkbenchReducer.reduce(&state, .resized(width: 100, height: 30), data)
        XCTAssertEqual(state.size, TerminalSize(width: 100, height: 30))
        XCTAssertEqual(WorkbenchReducer.reduce(&state, .pageDown, data).count, 0, "moving asks for no effect")
        XCTAssertEqual(state.agenda.selected, ScreenLayout.page(state.size))
        _ = WorkbenchReducer.reduce(&state, .bottom, data)
        XCTAssertEqual(state.agenda.selected, 39)
        WorkbenchReducer.clamp(&state, data)
        XCTAssertGreaterThan(state.agenda.offset, 0, "the last item is scrolled into view")
        // A paged list whose count is only a lower bound: G waits for the count, clamped after loading.
        state.view = .agreements
        var rows = data
        rows.agreements = ListWindow(total: 200, totalIsExact: false, rows: [])
        _ = WorkbenchReducer.reduce(&state, .bottom, rows)
        XCTAssertGreaterThan(state.agreements.selected, 200)
        rows.agreements = ListWindow(total: 334)
        _ = WorkbenchReducer.apply(&state, .loaded(rows), rows)
        XCTAssertEqual(state.agreements.selected, 333)
        // Opening asks the shell to position the list (an effect), without reading anything itself.
        state.view = .agenda
        guard case .openAgreement(let id, let tab, let ruleId, _)? = WorkbenchReducer.reduce(&state, .open, data).first else {
            return XCTFail("Enter on an agenda item should open its agreement")
        }
        XCTAssertEqual([id, ruleId], ["a", "r"])
        XCTAssertEqual(tab, .rules)
    }
}
