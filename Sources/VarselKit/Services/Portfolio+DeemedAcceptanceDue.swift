extension Portfolio {
    /// Whether `settleDeemedAcceptances(today:)` would settle anything: a read, so commands that
    /// only read can stay read-only unless a silence-is-approval window has passed.
    public func hasDeemedAcceptancesDue(today: CivilDate? = nil) throws -> Bool {
        let today = today ?? clock.today
        let candidates = try store.reading(today: today, planner: planner).passedSilenceWindows(before: today)
        return candidates.contains { Self.deemedDate(of: $0) <= today }
    }
}
