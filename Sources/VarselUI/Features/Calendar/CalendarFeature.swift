import VarselKit

/// View 5, a month calendar of act-by days (calcurse's): ←/→ days, ↑/↓ weeks, [ ] months, Enter
/// lists the day's deadlines in the agenda. The view is `CalendarView`.
enum CalendarFeature {
    static let bindings: [Binding] = [
        Binding([.left, .char("h")], .calendar(.days(-1)), "Previous day", [.calendar], keyLabel: "←/h"),
        Binding([.right, .char("l")], .calendar(.days(1)), "Next day", [.calendar], keyLabel: "→/l"),
        // ↑/↓ (j/k) move a week and PgUp/PgDn a month: the views' moving keys, routed here.
        Binding([.char("[")], .calendar(.months(-1)), "Previous month (also PgUp; ↑/↓ move a week)", [.calendar], hint: "month"),
        Binding([.char("]")], .calendar(.months(1)), "Next month (also PgDn)", [.calendar]),
        Binding([.char(".")], .calendar(.today), "Back to today (also g/Home)", [.calendar], hint: "today"),
        Binding([.enter], .open, "List the day's deadlines (the agenda, filtered by the day)", [.calendar], hint: "list day"),
    ]

    static func reduce(_ state: inout WorkbenchState, _ action: CalendarAction, today: CivilDate) {
        let day = state.calendarDay ?? today
        switch action {
        case .days(let n): state.calendarDay = day.adding(days: n)
        case .months(let n): state.calendarDay = day.adding(months: n)
        case .today: state.calendarDay = nil
        }
    }

    /// The views' moving keys in the calendar: ↑/↓ a week, PgUp/PgDn a month, g/G today.
    static func move(_ state: inout WorkbenchState, _ action: Action, today: CivilDate) {
        switch action {
        case .moveUp: reduce(&state, .days(-7), today: today)
        case .moveDown: reduce(&state, .days(7), today: today)
        case .pageUp: reduce(&state, .months(-1), today: today)
        case .pageDown: reduce(&state, .months(1), today: today)
        case .top, .bottom: reduce(&state, .today, today: today)
        default: break
        }
    }

    /// Enter: the agenda, filtered by the selected day's ISO date (act-by days match it).
    static func open(_ state: inout WorkbenchState, _ data: Loaded) {
        let day = state.calendarDay ?? data.today
        guard (data.calendar.counts[day] ?? 0) > 0 else {
            state.status = StatusMessage(text: "Nothing to act on by \(day.humanText)", isError: false)
            return
        }
        state.view = .agenda
        FilterFeature.setFilter(&state, day.iso)
        state.status = StatusMessage(text: "Deadlines to act on by \(day.humanText) (Esc clears the filter)", isError: false)
    }
}

/// The calendar's moves.
public enum CalendarAction: Hashable, Sendable {
    case days(Int), months(Int), today
}

extension Action {
    public static func calendar(_ a: CalendarAction) -> Action { .calendarMove(a) }
}

/// What the calendar shows: open deadlines (overdue included) counted by act-by day in the
/// shown month, and the selected day's items.
public struct CalendarMonth: Hashable, Sendable {
    public var first: CivilDate
    public var counts: [CivilDate: Int] = [:]
    public var dayItems: [AgendaItem] = []

    public init(first: CivilDate, counts: [CivilDate: Int] = [:], dayItems: [AgendaItem] = []) {
        self.first = first; self.counts = counts; self.dayItems = dayItems
    }
}
