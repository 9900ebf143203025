/// A holiday calendar, named by the country whose law governs the agreement.
public enum CalendarID: String, Hashable, Codable, Sendable, CaseIterable {
    case se, dk, no

    /// English country name, e.g. "Sweden".
    public var name: String {
        switch self {
        case .se: "Sweden"
        case .dk: "Denmark"
        case .no: "Norway"
        }
    }
}
