import VarselKit

/// Draws the month grid (weeks from Monday, ISO week numbers left), a count under each day with
/// act-by deadlines, the selected day reversed, today marked; the day's deadlines under it.
enum CalendarView {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// The grid's geometry in `rect`: the first day column's x, a day's width, the first week's row.
    static func grid(_ rect: Rect) -> (x0: Int, cell: Int, y0: Int) {
        (rect.x + 5, max(6, min(10, (rect.width - 6) / 7)), rect.y + 2)
    }

    /// The day drawn at a cell of the grid, if any (a mouse click).
    static func day(atX x: Int, y: Int, rect: Rect, first: CivilDate) -> CivilDate? {
        let (x0, cell, y0) = grid(rect)
        guard x >= x0, y >= y0, (x - x0) / cell < 7 else { return nil }
        let n = (y - y0) * 7 + (x - x0) / cell - (first.weekday.rawValue - 1) + 1
        guard n >= 1, n <= CivilDate.daysInMonth(year: first.year, month: first.month) else { return nil }
        return first.adding(days: n - 1)
    }

    static func draw(_ buffer: inout ScreenBuffer, rect: Rect, month: CalendarMonth, selected: CivilDate, today: CivilDate) {
        let first = month.first
        let title = "\(monthNames[first.month - 1]) \(first.year)"
        buffer.put(title, x: rect.x + 2, y: rect.y, style: CellStyle(.title, bold: true))
        let total = month.counts.values.reduce(0, +)
        buffer.put("  \(total) deadline\(total == 1 ? "" : "s") to act on this month · [ ] months · Enter lists a day",
                   x: rect.x + 2 + DisplayWidth.of(title), y: rect.y, style: .role(.muted), maxWidth: max(0, rect.width - DisplayWidth.of(title) - 2))
        let (x0, cell, y0) = grid(rect)
        for (i, wd) in Weekday.allCases.enumerated() {
            buffer.put(wd.shortName, x: x0 + i * cell, y: rect.y + 1, style: .role(.muted))
        }
        let lead = first.weekday.rawValue - 1
        let days = CivilDate.daysInMonth(year: first.year, month: first.month)
        let weeks = (lead + days + 6) / 7
        for w in 0..<weeks {
            let y = y0 + w
            guard y < rect.maxY else { break }
            for i in 0..<7 {
                let n = w * 7 + i - lead + 1
                guard n >= 1, n <= days else { continue }
                let day = first.adding(days: n - 1)
                let count = month.counts[day] ?? 0
                let text = (n < 10 ? " \(n)" : "\(n)") + (count > 0 ? "·\(count)" : "")
                var style: CellStyle = count > 0 ? CellStyle(day < today ? .overdue : .due14, bold: true) : .normal
                if day == today { style.bold = true; style.role = count > 0 ? style.role : .accent }
                if day == selected { style = CellStyle(.selection, bold: true) }
                buffer.put(text, x: x0 + i * cell, y: y, style: style, maxWidth: cell - 1)
            }
        }
        // The selected day's deadlines.
        var y = rect.y + 3 + weeks
        guard y < rect.maxY else { return }
        buffer.put("\(selected.humanText): " + (month.dayItems.isEmpty ? "nothing to act on" : "\(month.dayItems.count) to act on"),
                   x: rect.x + 2, y: y, style: CellStyle(.title, bold: true), maxWidth: rect.width - 2)
        for item in month.dayItems {
            y += 1
            guard y < rect.maxY else { break }
            buffer.put("\(item.agreementTitle) — \(item.deadline.what)" + (item.deadline.clauseRef.map { " (\($0))" } ?? ""),
                       x: rect.x + 4, y: y, style: .normal, maxWidth: rect.width - 4)
        }
    }
}
