/// Whether a deadline lies after the anchor event or before it.
public enum DeadlineDirection: String, Hashable, Codable, Sendable, CaseIterable {
    /// "within N days after A": counted forward, rolled forward (R5).
    case after
    /// "at least N days before A": counted backward, never rolled forward (R6).
    case before
}
