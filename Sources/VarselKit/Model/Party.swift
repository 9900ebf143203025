/// A legal person that is party to an agreement: us, a supplier, an authority.
public struct Party: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Organisation number as printed in the agreement: "929 782 216", "CVR 34208077", "202100-2163".
    public var orgNumber: String?
    /// ISO 3166 alpha-2 country code ("SE", "DK", "NO").
    public var country: String?
    public var address: String?

    public init(id: String, name: String, orgNumber: String? = nil, country: String? = nil, address: String? = nil) {
        self.id = id; self.name = name; self.orgNumber = orgNumber; self.country = country; self.address = address
    }
}
