import ArgumentParser
import Foundation
import VarselKit

/// `varsel generate`: a synthetic portfolio for scale tests and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Create a realistic synthetic portfolio (same seed, same database).")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "How many agreements (service agreements and DPAs).") var agreements: Int
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 1

    func validate() throws {
        guard agreements >= 1 else { throw ValidationError("--agreements must be at least 1, got \(agreements)") }
        guard common.db != nil || ProcessInfo.processInfo.environment["VARSEL_DB"] != nil else {
            throw ValidationError("Name the new database with --db PATH")
        }
    }

    func run() throws {
        try guarded {
            let store = try common.store(.create)
            let start = Date()
            let s = try PortfolioGenerator(agreements: agreements, seed: seed, clock: try common.clock()).generate(into: store)
            let secs = Date().timeIntervalSince(start)
            let summary = "Generated \(s.agreements) agreements, \(s.parties) parties, \(s.rules) rules, \(s.subProcessors) sub-processors, "
                + "\(s.changeNotices) change notices, \(s.objections) objections, \(s.terminations) terminations, \(s.events) events, "
                + "\(s.deadlines) deadlines (\(s.openDeadlines) open) in \(String(format: "%.2f", secs)) s → \(store.path)"
            out("\(summary)")
        }
    }
}
