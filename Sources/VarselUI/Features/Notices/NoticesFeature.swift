import VarselKit

/// View 4, change and termination notices: keys and state changes (the view is `NoticesView`).
enum NoticesFeature {
    static let bindings: [Binding] = [
        Binding([.enter], .open, "Open the agreement at its Notices tab", [.notices], hint: "open"),
        FormsFeature.recordObjection([.notices]),
        FormsFeature.recordChangeNotice([.notices]),
        FormsFeature.recordTermination([.notices]),
        FormsFeature.markHandled([.notices]),
        FormsFeature.reopenHandled([.notices]),
        FormsFeature.snooze([.notices]),
        FormsFeature.noteDeadline([.notices]),
        FormsFeature.withdraw([.notices]),
        FormsFeature.editObjection([.notices]),
        FormsFeature.objectionOutcome([.notices]),
        FilterFeature.cycleSort([.notices]),
        FilterFeature.startFilter([.notices]),
        FilterFeature.nextMatch([.notices]),
        FilterFeature.previousMatch([.notices]),
    ]

    static func reduce(_ state: inout WorkbenchState, _ action: Action, _ data: Loaded) -> [Effect] {
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            ListMoves.move(&state.notices, action, count: data.notices.count, page: ScreenLayout.page(state.size))
        case .open:
            guard let row = data.notice(at: state.notices.selected) else { return [] }
            return [.openAgreement(id: row.agreementId, tab: .notices, ruleId: nil, anchor: nil)]
        case .cycleSort:
            state.noticeSort = NoticeSort(rawValue: (state.noticeSort.rawValue + 1) % NoticeSort.allCases.count)!
            state.notices = ListCursor()
            state.status = StatusMessage(text: "Notices sorted: \(state.noticeSort.title) (s: next order)", isError: false)
        default: break
        }
        return []
    }
}
