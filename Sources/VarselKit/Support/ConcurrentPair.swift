import Foundation

/// Runs two independent throwing jobs on two threads and returns both results (or the first error).
struct ConcurrentPair<A: Sendable, B: Sendable>: Sendable {
    let first: @Sendable () throws -> A
    let second: @Sendable () throws -> B

    init(_ first: @escaping @Sendable () throws -> A, _ second: @escaping @Sendable () throws -> B) {
        self.first = first; self.second = second
    }

    func run() throws -> (A, B) {
        let box = ResultBox<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { box.setA(Result { try first() }) } else { box.setB(Result { try second() }) }
        }
        return (try box.a!.get(), try box.b!.get())
    }
}

/// Holds the two results; written once each under a lock.
private final class ResultBox<A, B>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var a: Result<A, any Error>?
    private(set) var b: Result<B, any Error>?
    func setA(_ r: Result<A, any Error>) { lock.lock(); a = r; lock.unlock() }
    func setB(_ r: Result<B, any Error>) { lock.lock(); b = r; lock.unlock() }
}
