import Foundation

/// Paths the intake tests read: the package root, the demo portfolio and the five contracts
/// (../shared/contracts next to the repository).
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let portfolio = root.appendingPathComponent("Resources/demo/portfolio.json")
    static var contracts: URL {
        let env = ProcessInfo.processInfo.environment["VARSEL_CONTRACTS"]
        return env.map { URL(fileURLWithPath: $0) } ?? root.deletingLastPathComponent().appendingPathComponent("shared/contracts")
    }
    static let corpus = root.appendingPathComponent("Tests/VarselIntakeTests/Corpus")
}
