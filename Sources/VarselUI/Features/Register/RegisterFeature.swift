import VarselKit

/// View 3, the sub-processor register: keys and state changes (the view is `SubProcessorsView`).
enum RegisterFeature {
    static let bindings: [Binding] = [
        Binding([.enter], .open, "Open the item's agreement", [.subProcessors], hint: "open"),
        FilterFeature.startFilter([.subProcessors]),
        FilterFeature.nextMatch([.subProcessors]),
        FilterFeature.previousMatch([.subProcessors]),
    ]

    static func reduce(_ state: inout WorkbenchState, _ action: Action, _ data: Loaded) -> [Effect] {
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            ListMoves.move(&state.subProcessors, action, count: ListMoves.count(data.vendors), page: ScreenLayout.page(state.size))
        case .open:
            // The first agreement using the selected sub-processor, at its Sub-processors tab.
            guard data.vendor(at: state.subProcessors.selected) != nil, let use = data.uses.first else { return [] }
            return [.openAgreement(id: use.agreementId, tab: .subProcessors, ruleId: nil, anchor: nil)]
        default: break
        }
        return []
    }

    static func clamp(_ state: inout WorkbenchState, _ data: Loaded, main: Rect) {
        guard main.height > 3 else { return }
        let total = data.vendors.total
        let sel = min(max(0, state.subProcessors.selected), max(0, total - 1))
        let rows = SubProcessorsView.listRect(main, selected: data.vendor(at: sel)).height - 1
        state.subProcessors.clamp(count: total, visible: rows)
    }
}
