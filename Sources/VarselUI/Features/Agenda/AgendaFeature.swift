import VarselKit

/// View 1, the agenda: its keys and how they change the state (the view is `AgendaView`).
enum AgendaFeature {
    static let bindings: [Binding] = [
        Binding([.enter], .open, "Open the item's agreement", [.agenda], hint: "open"),
        FormsFeature.recordObjection([.agenda]),
        FormsFeature.recordChangeNotice([.agenda]),
        FormsFeature.recordTermination([.agenda]),
        FormsFeature.markHandled([.agenda]),
        FormsFeature.reopenHandled([.agenda]),
        FormsFeature.snooze([.agenda]),
        FormsFeature.noteDeadline([.agenda]),
        FilterFeature.cycleSort([.agenda]),
        FilterFeature.startFilter([.agenda]),
        FilterFeature.nextMatch([.agenda]),
        FilterFeature.previousMatch([.agenda]),
    ]

    static func reduce(_ state: inout WorkbenchState, _ action: Action, _ data: Loaded) -> [Effect] {
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            ListMoves.move(&state.agenda, action, count: data.agenda.items.count, page: ScreenLayout.page(state.size))
        case .open:
            guard let item = data.agendaItem(at: state.agenda.selected) else { return [] }
            // Land on the row the deadline came from: its notice, or its rule (by clause).
            let d = item.deadline
            switch d.sourceKind {
            case .changeNotice, .termination:
                return [.openAgreement(id: d.agreementId, tab: .notices, ruleId: nil, anchor: "· \(d.sourceId)")]
            case .event, .recurrence:
                return [.openAgreement(id: d.agreementId, tab: .rules, ruleId: d.ruleId, anchor: nil)]
            case .term, .agreementEnd:
                return [.openAgreement(id: d.agreementId, tab: .overview, ruleId: nil, anchor: nil)]
            }
        case .cycleSort:
            state.agendaSort = AgendaSort(rawValue: (state.agendaSort.rawValue + 1) % AgendaSort.allCases.count)!
            state.agenda = ListCursor()
            state.status = StatusMessage(text: "Agenda sorted by \(state.agendaSort.title) within each window (s: next order)", isError: false)
        default: break
        }
        return []
    }
}
