import Foundation

/// Regular-expression helpers over UTF-16 offsets (the offsets the proposal reports).
struct Text {
    let string: String
    let ns: NSString
    init(_ s: String) { string = s; ns = s as NSString }
    var length: Int { ns.length }
    func sub(_ r: NSRange) -> String { ns.substring(with: r) }
    func sub(_ start: Int, _ end: Int) -> String { ns.substring(with: NSRange(location: start, length: max(0, end - start))) }
}

extension NSRegularExpression {
    /// Case-insensitive, `^`/`$` per line.
    static func ci(_ p: String) -> NSRegularExpression { RegexCache.shared.regex(p) }
    func matches(_ s: String, _ range: NSRange? = nil) -> [NSTextCheckingResult] {
        matches(in: s, range: range ?? NSRange(location: 0, length: (s as NSString).length))
    }
    func first(_ s: String) -> NSTextCheckingResult? {
        firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length))
    }
    func test(_ s: String) -> Bool { first(s) != nil }
}

extension NSTextCheckingResult {
    func group(_ i: Int, in s: NSString) -> String? {
        let r = range(at: i)
        return r.location == NSNotFound ? nil : s.substring(with: r)
    }
}

/// Compiled rule patterns, compiled once per process (the rule set builds its patterns from tables).
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var cache: [String: NSRegularExpression] = [:]

    func regex(_ p: String) -> NSRegularExpression {
        lock.lock(); defer { lock.unlock() }
        if let r = cache[p] { return r }
        let r = try! NSRegularExpression(pattern: p, options: [.caseInsensitive, .anchorsMatchLines])
        cache[p] = r
        return r
    }
}
