import VarselKit

/// How dates, day counts and urgency are shown everywhere in the workbench.
public enum Format {
    /// "today", "3 d", "-5 d".
    public static func daysLeft(_ n: Int) -> String { n == 0 ? "today" : "\(n) d" }

    /// The colour role for a deadline's window.
    public static func role(_ window: AgendaWindow) -> ColorRole {
        switch window {
        case .overdue: .overdue
        case .within14: .due14
        case .within30: .due30
        case .within90: .due90
        case .later: .normal
        }
    }

    public static func role(daysLeft: Int) -> ColorRole { role(AgendaWindow(daysLeft: daysLeft)) }

    public static func date(_ d: CivilDate?) -> String { d?.iso ?? "—" }

    public static func kind(_ k: AgreementKind) -> String {
        switch k {
        case .serviceAgreement: "Service"
        case .dataProcessingAgreement: "DPA"
        case .termsOfUse: "Terms of use"
        case .frameworkAgreement: "Framework"
        case .other: "Other"
        }
    }

    public static func term(_ t: AgreementTerm) -> String {
        switch t.kind {
        case .indefinite:
            return "Indefinite" + (t.noticePeriod.map { "; notice \($0)" } ?? "")
        case .fixed:
            return "Fixed" + (t.initialPeriod.map { ", \($0)" } ?? "")
        case .autoRenewal:
            var parts = ["Auto-renewal"]
            if let i = t.initialPeriod { parts.append("initial \(i)") }
            if let r = t.renewalPeriod { parts.append("renews \(r)") }
            if let n = t.noticePeriod { parts.append("notice \(n) before a term ends") }
            return parts.joined(separator: ", ")
        }
    }
}

/// Drawing helpers shared by the list views.
enum ListDrawing {
    /// Draws cells of a row at fixed widths separated by one space, in one style.
    static func row(_ buffer: inout ScreenBuffer, x: Int, y: Int, width: Int,
                    cells: [(text: String, width: Int, alignRight: Bool, style: CellStyle?)], style: CellStyle) {
        buffer.fill(x: x, y: y, width: width, height: 1, style: style)
        var col = x
        for cell in cells {
            guard col < x + width else { break }
            let w = min(cell.width, x + width - col)
            buffer.putPadded(cell.text, x: col, y: y, width: w, style: cell.style ?? style, alignRight: cell.alignRight)
            col += w + 1
        }
    }

    /// Splits `total` columns among flexible columns by weight after the fixed ones and separators.
    static func flex(total: Int, fixed: [Int], weights: [Int]) -> [Int] {
        let separators = fixed.count + weights.count - 1
        let free = max(weights.count, total - fixed.reduce(0, +) - separators)
        let sum = max(1, weights.reduce(0, +))
        var widths = weights.map { free * $0 / sum }
        if let last = widths.indices.last { widths[last] += free - widths.reduce(0, +) }
        return widths
    }

    /// A centred message in a rectangle, one line per string.
    static func message(_ buffer: inout ScreenBuffer, rect: Rect, lines: [String], style: CellStyle = .role(.muted)) {
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < rect.maxY {
            buffer.put(DisplayWidth.center(line, to: rect.width), x: rect.x, y: top + i, style: style, maxWidth: rect.width)
        }
    }
}
