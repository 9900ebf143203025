import GRDB

extension Portfolio {
    /// Whether `settleDeemedAcceptances(today:)` would settle anything: a read, so commands that
    /// only read can stay read-only unless a silence-is-approval window has passed.
    public func hasDeemedAcceptancesDue(today: CivilDate? = nil) throws -> Bool {
        let today = today ?? clock.today
        let candidates = try store.writer.read { db in
            try Deadline.fetchAll(db, sql: """
                SELECT * FROM deadlines INDEXED BY deadlines_silence
                WHERE state = 'open' AND silence_is_approval = 1 AND act_by_date < ? ORDER BY act_by_date, id
                """, arguments: [today])
        }
        return candidates.contains { Self.deemedDate(of: $0) <= today }
    }
}
