import VarselKit

/// The mouse (ncurses mouse events, `CursesTerminal`): a click selects the row or view tab under
/// it, a double click also opens it (as Enter), the wheel moves three rows (as j/k; in help it
/// scrolls). Each becomes the same state change or `Action` as the keys.
enum MouseFeature {
    static let bindings: [Binding] = [
        Binding([], .mouse(MouseEvent(.click, x: 0, y: 0)), "Click selects, double click opens, wheel scrolls",
                [.views, .help], keyLabel: "mouse", input: .mouse),
    ]
    static let wheelStep = 3

    static func reduce(_ state: inout WorkbenchState, _ e: MouseEvent, _ data: Loaded) -> [Effect] {
        switch e.kind {
        case .wheelUp, .wheelDown:
            var effects: [Effect] = []
            for _ in 0..<wheelStep { effects += WorkbenchReducer.reduce(&state, e.kind == .wheelUp ? .moveUp : .moveDown, data) }
            return effects
        case .click, .doubleClick:
            guard state.context.isView, data.hasAgreements else { return [] }
            if e.y == 1 {
                if let v = tab(atX: e.x, state) { state.view = v }
                return []
            }
            guard select(&state, x: e.x, y: e.y, data) else { return [] }
            return e.kind == .doubleClick ? WorkbenchReducer.reduce(&state, .open, data) : []
        }
    }

    /// The view whose tab (drawn by `Header`, as it lays them out for this state) covers column `x` of the second row.
    static func tab(atX x: Int, _ state: WorkbenchState) -> ViewID? {
        let f = Header.filterLabel(state.filter, editing: state.filterEditing)
        let tabs = Header.tabs(width: state.size.width, view: state.view, reserve: Header.reserve(filterLabel: f, scope: state.listScope))
        return tabs.first { x >= $0.x && x < $0.x + DisplayWidth.of($0.label) }?.view
    }

    /// Selects the row (or calendar day) under the cell; false when there is none.
    static func select(_ state: inout WorkbenchState, x: Int, y: Int, _ data: Loaded) -> Bool {
        let main = ScreenLayout.main(state.size)
        /// The list row under `y` in a list drawn in `rect` (a header row, then rows from `offset`).
        func row(in rect: Rect, offset: Int, count: Int) -> Int? {
            guard x >= rect.x, x < rect.x + rect.width, y > rect.y, y < rect.maxY else { return nil }
            let i = offset + (y - rect.y - 1)
            return i < count ? i : nil
        }
        switch state.context {
        case .agenda:
            let list = AgendaView.frame(main: main, layout: data.agenda, selected: state.agenda.selected).list
            guard let li = row(in: list, offset: state.agenda.offset, count: data.agenda.lineCount),
                  case .item(let i) = data.agenda.line(li) else { return false }
            state.agenda.selected = i
        case .notices:
            guard let i = row(in: main, offset: state.notices.offset, count: data.notices.count) else { return false }
            state.notices.selected = i
        case .agreementList, .agreementDetail, .agreementText:
            guard let list = AgreementsView.frame(main: main, detailFocused: state.detailFocused).list,
                  let i = row(in: list, offset: state.agreements.offset, count: data.agreements.total) else { return false }
            if i != state.agreements.selected { state.detailScroll = 0; state.detailAnchor = nil }
            state.agreements.selected = i
            state.detailFocused = false
        case .subProcessors:
            let list = SubProcessorsView.listRect(main, selected: data.vendor(at: state.subProcessors.selected))
            guard let i = row(in: list, offset: state.subProcessors.offset, count: data.vendors.total) else { return false }
            state.subProcessors.selected = i
        case .calendar:
            guard let day = CalendarView.day(atX: x, y: y, rect: main, first: data.calendar.first) else { return false }
            state.calendarDay = day
        default:
            return false
        }
        return true
    }
}
