import Foundation

/// What a write tells the audit trail about itself.
public struct AuditNote: Sendable {
    public var action: String
    public var entityType: String
    public var entityId: String
    public var summary: String
    public var before: String?
    public var after: String?

    public init(action: String, entityType: String, entityId: String, summary: String,
                before: (any Encodable)? = nil, after: (any Encodable)? = nil) {
        self.action = action; self.entityType = entityType; self.entityId = entityId; self.summary = summary
        self.before = before.flatMap(AuditNote.json); self.after = after.flatMap(AuditNote.json)
    }

    /// Stable JSON (sorted keys) for before/after snapshots.
    package static func json(_ value: any Encodable) -> String? {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}

/// ISO 8601 UTC timestamps for audit rows.
package enum AuditClock {
    package static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
