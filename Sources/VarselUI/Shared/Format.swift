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
