import Foundation
import VarselIntake
import VarselResources

/// Times intake of the 62 kB Pureservice agreement (docs/intake.md, docs/performance.md): reading
/// the text and proposing, in this process, `runs` times after one warm-up. Prints
/// "intake Pureservice (62 kB text): p50 … ms, p99 … ms", or why it was skipped.
enum IntakeBench {
    static let file = "no-pureservice-tjenesteavtale.txt"

    /// The contract: in `--contracts DIR` or `$VARSEL_CONTRACTS` when given, else the copy bundled with
    /// the binaries (Resources/contracts, as CI builds it).
    static func path(_ args: BenchArgs) -> String? {
        if let dir = args["contracts"] ?? ProcessInfo.processInfo.environment["VARSEL_CONTRACTS"] {
            return URL(fileURLWithPath: dir).appendingPathComponent(file).path
        }
        return VarselResources.contractFile(file)?.path
    }

    static func line(_ args: BenchArgs) -> String {
        let runs = max(1, Int(args["intake-runs"] ?? "") ?? 30)
        guard let contract = path(args), FileManager.default.fileExists(atPath: contract) else {
            return "intake Pureservice: skipped (\(file) not found; give --contracts DIR or VARSEL_CONTRACTS)"
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: contract)[.size] as? NSNumber)??.intValue ?? 0
        var times: [Double] = []
        var rules = 0
        for i in 0...runs {
            let t = Stats.now()
            guard let doc = try? IntakeReader.read(path: contract) else { return "intake Pureservice: cannot read \(contract)" }
            rules = IntakeEngine.propose(doc.text, language: "auto").rules.count
            if i > 0 { times.append(Stats.ms(since: t)) }   // the first run warms up
        }
        return "intake Pureservice (\(Int((Double(bytes) / 1000).rounded())) kB text): p50 \(Stats.fmt(Stats.median(times))) ms, "
            + "p99 \(Stats.fmt(Stats.percentile(times, 99))) ms (\(runs) runs, read + propose, \(rules) rules)"
    }
}
