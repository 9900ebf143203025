import Foundation
import VarselIntake

/// Times intake of the 62 kB Pureservice agreement (docs/intake.md, docs/performance.md): reading
/// the text and proposing, in this process, `runs` times after one warm-up. Prints
/// "intake Pureservice (62 kB text): p50 … ms, p99 … ms", or why it was skipped.
enum IntakeBench {
    static let file = "no-pureservice-tjenesteavtale.txt"

    /// Where the five contracts are: `--contracts DIR`, `$VARSEL_CONTRACTS`, else `shared/contracts`
    /// beside the repository the binary was built in (`<repo>/.build/<config>/varsel-bench`).
    static func contracts(_ args: BenchArgs) -> URL? {
        if let dir = args["contracts"] ?? ProcessInfo.processInfo.environment["VARSEL_CONTRACTS"] {
            return URL(fileURLWithPath: dir)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("shared/contracts")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(file).path) { return candidate }
        }
        return nil
    }

    static func line(_ args: BenchArgs) -> String {
        let runs = max(1, Int(args["intake-runs"] ?? "") ?? 30)
        guard let dir = contracts(args) else {
            return "intake Pureservice: skipped (\(file) not found; give --contracts DIR or VARSEL_CONTRACTS)"
        }
        let path = dir.appendingPathComponent(file).path
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0
        var times: [Double] = []
        var rules = 0
        for i in 0...runs {
            let t = Stats.now()
            guard let doc = try? IntakeReader.read(path: path) else { return "intake Pureservice: cannot read \(path)" }
            rules = IntakeEngine.propose(doc.text, language: "auto").rules.count
            if i > 0 { times.append(Stats.ms(since: t)) }   // the first run warms up
        }
        return "intake Pureservice (\(Int((Double(bytes) / 1000).rounded())) kB text): p50 \(Stats.fmt(Stats.median(times))) ms, "
            + "p99 \(Stats.fmt(Stats.percentile(times, 99))) ms (\(runs) runs, read + propose, \(rules) rules)"
    }
}
