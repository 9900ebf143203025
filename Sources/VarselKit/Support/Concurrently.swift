import Foundation

/// Runs independent throwing jobs on as many threads as there are jobs (the machine's cores
/// permitting) and returns their results in order, or the first error.
package enum Concurrently {
    package static func run<T: Sendable>(_ jobs: [@Sendable () throws -> T]) throws -> [T] {
        let box = ResultsBox<T>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            box.set(i, Result { try jobs[i]() })
        }
        return try box.results.map { try $0!.get() }
    }
}

/// Holds the results; each written once under a lock.
private final class ResultsBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<T, any Error>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<T, any Error>) { lock.lock(); values[i] = r; lock.unlock() }
    var results: [Result<T, any Error>?] { lock.lock(); defer { lock.unlock() }; return values }
}
