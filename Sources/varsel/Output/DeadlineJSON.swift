import Foundation
import VarselKit

/// `deadlines --format json` written straight from agenda items: the same bytes as encoding
/// `[DeadlineOutput]` with `JSONOutput` (a test compares them), without building the
/// intermediate values — thousands of rows at 100,000 agreements.
enum DeadlineJSON {
    /// The whole array as one buffer.
    static func bytes(_ items: [AgendaItem]) -> [UInt8] { chunks(items, parts: 1).flatMap { $0 } }

    /// The array as consecutive buffers (written one after the other), built on up to `parts`
    /// threads: thousands of items at 100,000 agreements.
    static func chunks(_ items: [AgendaItem], parts: Int = 2) -> [[UInt8]] {
        if items.isEmpty { return [Array("[\n\n]".utf8)] }
        let parts = items.count < 2_000 ? 1 : max(1, parts)
        let size = (items.count + parts - 1) / parts
        let ranges = stride(from: 0, to: items.count, by: size).map { $0..<min(items.count, $0 + size) }
        let out = ChunkBox(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            out.set(k, chunk(items, ranges[k], first: k == 0, last: k == ranges.count - 1))
        }
        return out.values
    }

    /// The objects of `range`, with the array's opening bracket on the first chunk and its closing
    /// bracket on the last.
    private static func chunk(_ items: [AgendaItem], _ range: Range<Int>, first: Bool, last: Bool) -> [UInt8] {
        var w = JSONText(capacity: range.count * 760 + 8)
        if first { w.raw("[\n") }
        for i in range {
            let item = items[i]
            let d = item.deadline
            // Keys in sorted order, as `.sortedKeys` writes them; nil optionals left out.
            w.raw("  {\n    \"actByDate\" : "); w.date(d.actByDate)
            w.raw(",\n    \"actor\" : "); w.quote(d.actor.rawValue)
            w.raw(",\n    \"agreement\" : "); w.quote(item.agreementTitle)
            w.raw(",\n    \"agreementId\" : "); w.quote(d.agreementId)
            w.raw(",\n    \"anchorDate\" : "); w.date(d.anchorDate)
            w.raw(",\n    \"assumed\" : "); w.bool(d.assumed)
            if let clause = d.clauseRef { w.raw(",\n    \"clause\" : "); w.quote(clause) }
            w.raw(",\n    \"counterparty\" : "); w.quote(item.counterparty)
            w.raw(",\n    \"daysLeft\" : "); w.int(item.daysLeft)
            w.raw(",\n    \"dueDate\" : "); w.date(d.dueDate)
            if let minutes = d.dueMinutes { w.raw(",\n    \"dueTime\" : "); w.quote(DeadlineEngine.clockText(minutes)) }
            if let flag = d.flag { w.raw(",\n    \"flag\" : "); w.quote(flag) }
            w.raw(",\n    \"groundsRequired\" : "); w.bool(d.groundsRequired)
            w.raw(",\n    \"id\" : "); w.quote(d.id)
            if let note = d.note { w.raw(",\n    \"note\" : "); w.quote(note) }
            w.raw(",\n    \"rawDate\" : "); w.date(d.rawDate)
            w.raw(",\n    \"rule\" : "); w.quote(d.explanation)
            if let s = d.snoozedUntil { w.raw(",\n    \"snoozedUntil\" : "); w.date(s) }
            w.raw(",\n    \"status\" : "); w.quote(item.status.rawValue)
            w.raw(",\n    \"what\" : "); w.quote(d.what)
            w.raw(",\n    \"window\" : "); w.quote(item.window.rawValue)
            w.raw(",\n    \"writtenForm\" : "); w.bool(d.writtenForm)
            w.raw(i == items.count - 1 ? "\n  }\n" : "\n  },\n")
        }
        if last { w.raw("]") }
        return JSONSafety.escapeInvisible(w.bytes)
    }
}

/// Collects the chunks built on several threads, each written once under a lock.
private final class ChunkBox: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [[UInt8]]
    init(count: Int) { chunks = Array(repeating: [], count: count) }
    func set(_ k: Int, _ bytes: [UInt8]) { lock.lock(); chunks[k] = bytes; lock.unlock() }
    var values: [[UInt8]] { lock.lock(); defer { lock.unlock() }; return chunks }
}
