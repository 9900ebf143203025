import Foundation
import XCTest
@testable import VarselKit

/// Issue 15: the audit chain must verify on every database the tests create. Every store made by
/// `Fixture.demo` gets a teardown block on the running test case that verifies its whole chain;
/// a broken link fails that test. A test that breaks a chain on purpose calls `forget(_:)`.
final class AuditChainWatch: NSObject, XCTestObservation, @unchecked Sendable {
    nonisolated(unsafe) static let shared = AuditChainWatch()
    private var current: XCTestCase?
    private var forgotten: [ObjectIdentifier] = []
    private let lock = NSLock()

    /// Must be registered before the first test case starts (`Fixture` does it on first use, and
    /// every test class that uses it starts after that from the observer's point of view).
    static func register() {
        shared.lock.lock(); defer { shared.lock.unlock() }
        if !registeredOnce { registeredOnce = true; XCTestObservationCenter.shared.addTestObserver(shared) }
    }
    nonisolated(unsafe) private static var registeredOnce = false

    func testCaseWillStart(_ testCase: XCTestCase) {
        lock.lock(); current = testCase; forgotten = []; lock.unlock()
    }

    /// Verifies `store`'s chain when the running test case tears down.
    static func watch(_ store: any PortfolioStorage) {
        shared.lock.lock()
        let testCase = shared.current
        shared.lock.unlock()
        testCase?.addTeardownBlock {
            shared.lock.lock()
            let skip = shared.forgotten.contains(ObjectIdentifier(store as AnyObject))
            shared.lock.unlock()
            if skip { return }
            do {
                let report = try store.verifyAuditChain()
                if let broken = report.firstBreak { XCTFail("audit chain broken at the end of the test: \(broken)") }
            } catch {
                XCTFail("the audit chain could not be verified at the end of the test: \(error)")
            }
        }
    }

    /// Stops verifying a store whose chain the test breaks deliberately.
    static func forget(_ store: any PortfolioStorage) {
        shared.lock.lock(); defer { shared.lock.unlock() }
        shared.forgotten.append(ObjectIdentifier(store as AnyObject))
    }
}
