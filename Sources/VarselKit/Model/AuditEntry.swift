/// One row of the append-only audit trail: who changed what, when, before and after.
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

    public init(id: Int64, at: String, user: String, action: String, entityType: String, entityId: String,
                summary: String, before: String?, after: String?) {
        self.id = id; self.at = at; self.user = user; self.action = action; self.entityType = entityType
        self.entityId = entityId; self.summary = summary; self.before = before; self.after = after
    }
}
