import Foundation

/// Makes stable record ids such as `cn-3f9a2c1d`. Injected so tests get predictable ids.
public protocol IDGenerating: Sendable {
    /// A new id with the given prefix (e.g. `"cn"` for a change notice).
    func make(_ prefix: String) -> String
}

/// Random 8-hex-digit ids: short enough to type, wide enough not to collide in practice
/// (the store still rejects a duplicate primary key).
public struct RandomIDGenerator: IDGenerating {
    public init() {}
    public func make(_ prefix: String) -> String {
        let n = UInt32.random(in: 0...UInt32.max)
        return prefix + "-" + String(format: "%08x", n)
    }
}

/// Sequential ids (`cn-0001`, `cn-0002`, …) for tests and reproducible demos.
public final class SequentialIDGenerator: IDGenerating, @unchecked Sendable {
    private var counters: [String: Int] = [:]
    private let lock = NSLock()
    public init() {}
    public func make(_ prefix: String) -> String {
        lock.lock(); defer { lock.unlock() }
        let next = (counters[prefix] ?? 0) + 1
        counters[prefix] = next
        return prefix + "-" + String(format: "%04d", next)
    }
}
