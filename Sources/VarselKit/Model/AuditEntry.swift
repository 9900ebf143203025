/// One row of the append-only audit trail: who changed what, when, before and after.
///
/// Rows form a hash chain (docs/reliability.md): `hash` is the SHA-256 of the row's canonical
/// content and `prevHash`, the previous row's `hash`, so that editing, deleting or reordering a
/// row breaks the chain at that row (`varsel audit verify`).
public struct AuditEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    /// Wall-clock time of the write, ISO 8601 UTC ("2026-11-23T09:14:02Z").
    public var at: String
    /// Operating-system user who made the change.
    public var user: String
    /// Verb: "record_objection", "record_change_notice", "import", …
    public var action: String
    public var entityType: String
    public var entityId: String
    /// One line for humans: "Objection to cn-0001 (Pureservice): grounds …".
    public var summary: String
    /// JSON of the entity before (nil on create).
    public var before: String?
    /// JSON of the entity after (nil on delete).
    public var after: String?
    /// The previous row's `hash` (64 zeros for the first row); nil only in documents exported
    /// before the chain existed.
    public var prevHash: String?
    /// SHA-256 (lowercase hex) of this row's canonical content and `prevHash` (`AuditChain`).
    public var hash: String?
    /// The row came from an imported document (a restore into an empty database), not from a
    /// write in this database. A mark of this database only: not hashed and not exported, so an
    /// export → import → export round trip stays byte-identical.
    public var imported: Bool

    public init(id: Int64, at: String, user: String, action: String, entityType: String, entityId: String,
                summary: String, before: String?, after: String?, prevHash: String? = nil, hash: String? = nil,
                imported: Bool = false) {
        self.id = id; self.at = at; self.user = user; self.action = action; self.entityType = entityType
        self.entityId = entityId; self.summary = summary; self.before = before; self.after = after
        self.prevHash = prevHash; self.hash = hash; self.imported = imported
    }

    enum CodingKeys: String, CodingKey {
        case id, at, user, action, entityType, entityId, summary, before, after, prevHash, hash, imported
    }

    /// Decodes documents written before the chain existed (no `prevHash`, `hash`, `imported`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        at = try c.decode(String.self, forKey: .at)
        user = try c.decode(String.self, forKey: .user)
        action = try c.decode(String.self, forKey: .action)
        entityType = try c.decode(String.self, forKey: .entityType)
        entityId = try c.decode(String.self, forKey: .entityId)
        summary = try c.decode(String.self, forKey: .summary)
        before = try c.decodeIfPresent(String.self, forKey: .before)
        after = try c.decodeIfPresent(String.self, forKey: .after)
        prevHash = try c.decodeIfPresent(String.self, forKey: .prevHash)
        hash = try c.decodeIfPresent(String.self, forKey: .hash)
        imported = try c.decodeIfPresent(Bool.self, forKey: .imported) ?? false
    }

    /// Everything but `imported` (a mark of the database the row is stored in).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        try c.encode(user, forKey: .user)
        try c.encode(action, forKey: .action)
        try c.encode(entityType, forKey: .entityType)
        try c.encode(entityId, forKey: .entityId)
        try c.encode(summary, forKey: .summary)
        try c.encodeIfPresent(before, forKey: .before)
        try c.encodeIfPresent(after, forKey: .after)
        try c.encodeIfPresent(prevHash, forKey: .prevHash)
        try c.encodeIfPresent(hash, forKey: .hash)
    }
}
