/// A clause of an agreement, quoted as written.
public struct Clause: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var agreementId: String
    /// The agreement's own numbering: "8.6.3", "9.2", "bilag 1, 2.4".
    public var reference: String
    public var heading: String
    /// The clause text, quoted from the agreement.
    public var text: String

    public init(id: String, agreementId: String, reference: String, heading: String, text: String) {
        self.id = id; self.agreementId = agreementId; self.reference = reference; self.heading = heading; self.text = text
    }
}
