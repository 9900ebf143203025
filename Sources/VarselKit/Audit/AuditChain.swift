import Crypto
import Foundation

/// The audit trail as a hash chain (as Certificate Transparency logs and git do): each row stores
/// the SHA-256 of its canonical content together with the previous row's hash, so editing,
/// deleting or reordering any row breaks every link from that row on. Anyone can recompute a
/// chain (there is no secret key); an *anchor* — the head hash kept outside the database, in an
/// email or a ticket — proves that nothing up to it was rewritten since (docs/reliability.md).
public enum AuditChain {
    /// The `prevHash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// The canonical bytes of a row: a version tag, then each field as `length:value` (UTF-8
    /// bytes) or `~` for NULL, one per line, in a fixed order, ending with the previous hash.
    /// Length prefixes make the encoding unambiguous whatever the fields contain.
    package static func canonical(_ e: AuditEntry, prevHash: String) -> Data {
        var s = "varsel-audit-v1\n"
        let fields: [String?] = [String(e.id), e.at, e.user, e.action, e.entityType, e.entityId, e.summary,
                                 e.before, e.after, prevHash]
        for f in fields {
            if let f { s += "\(f.utf8.count):\(f)\n" } else { s += "~\n" }
        }
        return Data(s.utf8)
    }

    /// SHA-256 (lowercase hex) of `e` chained to `prevHash`.
    public static func hash(_ e: AuditEntry, prevHash: String) -> String {
        sha256Hex(canonical(e, prevHash: prevHash))
    }

    /// SHA-256 of `data`, lowercase hex (swift-crypto).
    package static func sha256Hex(_ data: Data) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in SHA256.hash(data: data) { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first link that does not hold.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        /// The audit row id where the chain breaks, and its time as stored.
        public var rowId: Int64
        public var at: String
        /// What differs: "its content does not match its hash (edited)", …
        public var problem: String
        public var description: String { "audit row \(rowId) (\(at)): \(problem)" }
    }

    /// The outcome of `verify`.
    public struct Report: Sendable {
        /// Rows checked.
        public var rows: Int
        /// The newest row's hash (the value to anchor), nil for an empty trail.
        public var head: String?
        /// The first broken link, nil when the whole checked part holds.
        public var firstBreak: Break?
        public var ok: Bool { firstBreak == nil }
    }

    /// Checks `entries` (in id order) as a chain whose first row follows `prevHash`.
    public static func check(_ entries: [AuditEntry], after prevHash: String = genesis,
                             previousId: Int64? = nil) -> Break? {
        var prev = prevHash
        var prevId = previousId
        for e in entries {
            if let p = prevId, e.id <= p {
                return Break(rowId: e.id, at: e.at, problem: "it is out of order: it comes after row \(p)")
            }
            guard let stored = e.hash, let storedPrev = e.prevHash else {
                return Break(rowId: e.id, at: e.at, problem: "it carries no hash (added outside Varsel)")
            }
            if storedPrev != prev {
                return Break(rowId: e.id, at: e.at, problem: prevId.map {
                    "its previous hash does not match row \($0)'s hash (a row before it was deleted, inserted or reordered)"
                } ?? "it does not start the chain (rows before it were deleted)")
            }
            if hash(e, prevHash: storedPrev) != stored {
                return Break(rowId: e.id, at: e.at, problem: "its content does not match its hash (the row was edited)")
            }
            prev = stored
            prevId = e.id
        }
        return nil
    }

    /// Walks a stored chain in pages of `pageSize`: `page(afterId, limit)` returns the rows after
    /// that id in id order. With `start` (the row before the newest `lastRows`, its id and hash),
    /// checks only the rows after it. With `anchor`, also requires a row whose hash is the anchor:
    /// the chain up to it verified means nothing before it changed.
    public static func verify(start: (id: Int64, hash: String)? = nil, anchor: String? = nil, pageSize: Int = 2000,
                              page: (Int64, Int) throws -> [AuditEntry]) rethrows -> Report {
        var report = Report(rows: 0, head: nil, firstBreak: nil)
        var prev = start?.hash ?? genesis
        var prevId: Int64? = start?.id
        var fromId: Int64 = start?.id ?? Int64.min
        var anchorFound = false
        while true {
            let rows = try page(fromId, pageSize)
            if rows.isEmpty { break }
            if let broken = check(rows, after: prev, previousId: prevId) {
                report.firstBreak = broken
                report.rows += rows.prefix { $0.id < broken.rowId }.count
                return report
            }
            if let anchor, !anchorFound, rows.contains(where: { $0.hash == anchor }) { anchorFound = true }
            report.rows += rows.count
            prev = rows.last!.hash!
            prevId = rows.last!.id
            fromId = rows.last!.id
        }
        report.head = report.rows > 0 || prevId != nil ? prev : nil
        if let anchor, !anchorFound {
            report.firstBreak = Break(rowId: prevId ?? 0, at: "-", problem:
                "no row has the anchor hash \(anchor): the rows up to the anchor were rewritten or removed (or the anchor is from another database)")
        }
        return report
    }
}
