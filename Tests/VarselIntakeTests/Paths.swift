import Foundation

/// Paths the intake tests read: the package root, the demo portfolio and the five contracts
/// (Resources/contracts in the repository; `$VARSEL_CONTRACTS` points elsewhere).
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let portfolio = root.appendingPathComponent("Resources/demo/portfolio.json")
    static var contracts: URL {
        let env = ProcessInfo.processInfo.environment["VARSEL_CONTRACTS"]
        return env.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("Resources/contracts")
    }
    static let corpus = root.appendingPathComponent("Tests/VarselIntakeTests/Corpus")
}
