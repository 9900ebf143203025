import Crypto
import Foundation

/// What an editor saw of a record when it opened (a workbench form, `varsel edit`): the SHA-256
/// of the record's stable JSON. A save that passes it is refused when the stored record differs
/// (optimistic concurrency: a colleague's change is never silently overwritten), with who changed
/// it and when, from the newest audit row naming the record.
public struct RecordVersion: Hashable, Sendable {
    public let digest: String

    /// A version read earlier (`--if-version`, the `version` of an authoring command's JSON).
    public init(digest: String) { self.digest = digest }

    /// The version of `record` as it is now.
    public init<R: Encodable>(_ record: R) {
        let json = AuditNote.json(record) ?? ""
        digest = SHA256.hash(data: Data(json.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension Portfolio {
    /// Throws `.conflict` when `current` (as read inside the write) is not the version the caller
    /// loaded; does nothing without a version (the command line reads and writes at once).
    func requireUnchanged<R: StoredRecord>(_ current: R, since loaded: RecordVersion?, entityType: String,
                                           _ tx: any PortfolioRecords) throws {
        guard let loaded, RecordVersion(current) != loaded else { return }
        throw changedSinceOpened(try tx.lastChange(entityType: entityType, entityId: current.id), record: current)
    }

    /// Throws the `.conflict` a save would when the agreement is no longer the version `loaded`;
    /// a form checks it before it writes anything else (a new counterparty). Writes nothing.
    public func requireUnchangedAgreement(id: String, loaded: RecordVersion?) throws {
        try read { tx in try requireUnchanged(try tx.agreement(id), since: loaded, entityType: "agreement", tx) }
    }

    /// "Changed by ANNA at 10:42 UTC since you opened it": the newest audit row naming the record
    /// when its after-image holds what is stored now, else a change made through another record.
    func changedSinceOpened<R: StoredRecord>(_ last: AuditEntry?, record: R) -> VarselError {
        let fix = "Nothing was saved. Esc closes the form; press r to reload, then make the change again on what is there now"
        if let last, let after = last.after, let now = AuditNote.json(record), after.contains(now) {
            return VarselError(.conflict, "Changed by \(last.user) at \(clockTime(last.at)) since you opened it: \(last.summary)",
                               at: "version", fix: fix)
        }
        return VarselError(.conflict, "Changed by another write since you opened it"
                           + (last.map { " (the last change naming it: \($0.user) at \(clockTime($0.at)))" } ?? ""),
                           at: "version", fix: fix)
    }

    /// "10:42 UTC" from an audit time "2026-11-23T10:42:07Z", with " on 2026-11-22" when that is
    /// not today.
    func clockTime(_ at: String) -> String {
        let parts = at.split(separator: "T")
        guard parts.count == 2, parts[1].count >= 5 else { return at }
        let time = String(parts[1].prefix(5)) + " UTC"
        return parts[0] == clock.today.iso ? time : time + " on " + parts[0]
    }
}
