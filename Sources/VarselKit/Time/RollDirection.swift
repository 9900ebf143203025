/// Which way a due day that is not a deadline day moves (R5 forward, R9 earlier, or not at all).
///
/// Rolling later is the safe side only for our own acts. A date after which the other party may act
/// against us (delete our data, purge logs) must roll earlier or not at all.
public enum RollDirection: String, Hashable, Codable, Sendable, CaseIterable {
    /// R5: to the next deadline day (after-periods only).
    case forward
    /// R9 (after-periods) / R6 (before-periods): act by the previous deadline day.
    case backward
    /// The computed day stands, even on a weekend or holiday ("none" in files and on the command line).
    case noRoll = "none"

    /// The safe default: our own after-periods roll forward (R5); a date the other party acts on rolls
    /// earlier; a period before an event is never rolled forward (R6).
    public static func safeDefault(direction: DeadlineDirection, actor: Actor) -> RollDirection {
        guard direction == .after else { return .backward }
        return actor == .them ? .backward : .forward
    }

    /// Maps the first format's `rollForward` flag: `false` meant "not rolled"; `true` (the default
    /// every rule carried) takes the safe default.
    public static func fromLegacy(rollForward: Bool?, direction: DeadlineDirection, actor: Actor) -> RollDirection {
        rollForward == false ? .noRoll : safeDefault(direction: direction, actor: actor)
    }
}
