import Foundation

/// Monotonic wall-clock timing and percentiles.
enum Stats {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func ms(since start: UInt64) -> Double { Double(now() - start) / 1_000_000 }

    /// The p-th percentile (nearest rank) of `values`.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    static func fmt(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }
}

/// Options parsed from `--name value` pairs.
struct BenchArgs {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--"), i + 1 < args.count, !args[i + 1].hasPrefix("--") {
                values[String(a.dropFirst(2))] = args[i + 1]; i += 2
            } else { flags.insert(String(a.dropFirst(2))); i += 1 }
        }
    }
    subscript(_ key: String) -> String? { values[key] }
}
