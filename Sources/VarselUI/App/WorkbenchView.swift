import VarselKit

/// The whole screen as a function of the state and the loaded data: `render(state, data)`.
/// Pure: it reads nothing else and changes nothing (cursors arrive clamped by the reducer).
enum WorkbenchView {
    static func render(_ state: WorkbenchState, _ data: Loaded) -> ScreenBuffer {
        let (width, height) = (state.size.width, state.size.height)
        var buf = ScreenBuffer(width: width, height: height)
        guard !state.isTooSmall else {
            let msg = "Terminal too small (\(width)x\(height)); need at least \(WorkbenchState.minimumWidth)x\(WorkbenchState.minimumHeight)"
            let lines = TextWrap.wrap(msg, width: max(1, width))
            let top = max(0, (height - lines.count) / 2)
            for (i, l) in lines.enumerated() { buf.put(DisplayWidth.center(l, to: width), x: 0, y: top + i, style: .bold()) }
            return buf
        }
        Header.draw(&buf, width: width, databaseLabel: data.databaseLabel, today: data.today, counts: data.counts, view: state.view,
                    filter: state.filter, filterEditing: state.filterEditing, scope: state.listScope)
        if let warning = data.auditWarning {
            buf.putPadded(" ⚠ " + warning + " ", x: 0, y: 0, width: min(DisplayWidth.of(warning) + 4, max(0, width - 46)),
                          style: CellStyle(.overdue, bold: true, reverse: true))
        }
        let main = ScreenLayout.main(state.size)
        if let review = state.intake {
            IntakeView.draw(&buf, main: main, review: review, size: state.size)
        } else if !data.hasAgreements {
            EmptyPortfolioView.draw(&buf, rect: main, databasePath: data.databaseLabel)
        } else {
            switch state.view {
            case .agenda:
                AgendaView.draw(&buf, main: main, layout: data.agenda, cursor: state.agenda, filter: state.filter)
            case .agreements:
                AgreementsView.draw(&buf, main: main, state: state, data: data)
            case .subProcessors:
                SubProcessorsView.draw(&buf, rect: main, vendors: data.vendors, uses: data.uses, cursor: state.subProcessors,
                                       filter: state.filter)
            case .notices:
                NoticesView.draw(&buf, rect: main, rows: data.notices, cursor: state.notices, today: data.today, filter: state.filter)
            case .calendar:
                CalendarView.draw(&buf, rect: main, month: data.calendar, selected: state.calendarDay ?? data.today, today: data.today)
            }
        }
        // Status line: the filter being typed, the command line, or the last message.
        let sy = height - 2
        if state.filterEditing {
            drawInputLine(&buf, "/", state.filter, after: state.lineCharactersAfterCursor, y: sy, width: width)
        } else if let prompt = state.prompt {
            drawInputLine(&buf, ":", prompt, after: state.lineCharactersAfterCursor, y: sy, width: width)
        } else if let s = state.status {
            buf.putPadded(s.text, x: 0, y: sy, width: width, style: CellStyle(s.isError ? .error : .success, bold: true))
        }
        HintBar.draw(&buf, y: height - 1, width: width, context: state.context)
        if let form = state.form {
            FormView.draw(&buf, width: width, height: height, form: form)
        }
        switch state.overlay {
        case .help(let scroll):
            var under = state
            under.overlay = nil
            HelpOverlay.draw(&buf, size: state.size, context: under.context, scroll: scroll)
            buf.cursor = nil
        case .confirm(let c):
            ConfirmOverlay.draw(&buf, width: width, height: height, question: c.question)
            buf.cursor = nil
        case nil: break
        }
        return buf
    }

    /// A line being typed, with the hardware cursor at its editing cursor (`after` characters
    /// before the end); a line wider than the screen shows its part around the cursor.
    private static func drawInputLine(_ buf: inout ScreenBuffer, _ lead: String, _ text: String, after: Int, y: Int, width: Int) {
        let line = LineEditing(text: text, charactersAfterCursor: after)
        let before = lead + String(line.beforeCursor)
        let cursorX = DisplayWidth.of(TerminalText.sanitize(before))
        let shift = max(0, cursorX - (width - 1))
        var shown = lead + text
        if shift > 0 {
            // Drop leading characters until the cursor fits.
            var dropped = 0
            while dropped < shift, let c = shown.first { dropped += DisplayWidth.of(TerminalText.sanitize(String(c))); shown.removeFirst() }
            buf.put(shown, x: 0, y: y, style: CellStyle(.accent, bold: true))
            buf.cursor = (x: min(width - 1, cursorX - dropped), y: y)
            return
        }
        buf.put(shown, x: 0, y: y, style: CellStyle(.accent, bold: true))
        buf.cursor = (x: min(width - 1, cursorX), y: y)
    }
}
