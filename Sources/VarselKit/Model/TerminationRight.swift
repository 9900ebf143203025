/// Which right a termination uses. Each right comes from a notice rule with trigger
/// `terminationNotice` and its own effect date.
public enum TerminationRight: String, Codable, Sendable, CaseIterable {
    /// Ordinary notice: the agreement ends when the notice period runs out (Migrationsverket 11.1).
    case ordinary
    /// After objecting to a change: the agreement ends the day the objected change would apply
    /// (Migrationsverket 11.2, second paragraph).
    case afterObjection = "after-objection"
    /// For cause, with immediate effect (Migrationsverket 11.2; PUB-avtal 9.1 after an uncured breach).
    case forCause = "for-cause"

    public var label: String {
        switch self {
        case .ordinary: "ordinary notice"
        case .afterObjection: "after an objection to a change"
        case .forCause: "for cause (immediate effect)"
        }
    }
}
