import Foundation

/// Runs the benchmark at each size and prints one table. Every measurement runs in a child
/// process (generation, the headless probe, the real workbench in a pseudo-terminal, the
/// deadlines command, the sqlite3 floor), so one never pollutes another's memory or caches.
enum BenchDriver {
    struct Row {
        var n = 0
        var buildSeconds = 0.0, sizeMB = 0.0
        var probe: HeadlessProbe.Result?
        var ptyFirstFrameMs = 0.0, ptyPeakRSSMB = 0.0
        var deadlinesMs = 0.0, floorMs = 0.0, deadlineRows = 0
        /// The highest p99 of any probe run (scrolling, jump, filter), for the notes under the table.
        var worstP99 = 0.0
    }

    static let probeRuns = 3
    /// The program that reads the same rows as the floor: sqlite3, or psql on PostgreSQL.
    nonisolated(unsafe) static var floorName = "sqlite3"

    static func main(_ argv: [String]) {
        let args = BenchArgs(argv)
        let sizes = (args["sizes"] ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
        let seed = args["seed"] ?? "1"
        let today = args["today"] ?? "2026-11-23"
        let dir = args["dir"] ?? NSTemporaryDirectory() + "varsel-bench"
        let reuse = args.flags.contains("reuse")
        // --db postgres://…: the same measurements on a PostgreSQL server (docs/performance.md).
        let server = args["db"].flatMap { PostgresBench.isURL($0) ? $0 : nil }
        if let db = args["db"], server == nil { fail("--db takes a postgres:// URL (SQLite files go in --dir): \(db)") }
        floorName = server == nil ? "sqlite3" : "psql"
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let varsel = bin.appendingPathComponent("varsel").path
        let me = bin.appendingPathComponent("varsel-bench").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        print("varsel-bench: sizes \(sizes), seed \(seed), today \(today), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
              + (server == nil ? "SQLite" : "PostgreSQL"))
        var rows: [Row] = []
        for n in sizes {
            var row = Row(n: n)
            let schema = "bench_\(n)_s\(seed)"
            let db = server.map { PostgresBench.url($0, schema: schema) } ?? "\(dir)/portfolio-\(n)-seed\(seed).sqlite"
            let exists = server == nil ? FileManager.default.fileExists(atPath: db) : PostgresBench.hasPortfolio(db)
            if !(reuse && exists) {
                if let server { PostgresBench.dropSchema(server, schema) }
                for suffix in ["", "-wal", "-shm"] where server == nil { try? FileManager.default.removeItem(atPath: db + suffix) }
                let t = Stats.now()
                let r = Child.run(varsel, ["generate", "--agreements", "\(n)", "--seed", seed, "--db", db, "--today", today])
                guard r.status == 0 else { fail("generate failed: \(r.stderr)") }
                row.buildSeconds = Stats.ms(since: t) / 1000
                if server != nil { PostgresBench.vacuumAnalyze(db) }
            }
            row.sizeMB = server == nil ? fileMB(db) + fileMB(db + "-wal") : PostgresBench.sizeMB(db)
            print("  \(n): built in \(Stats.fmt(row.buildSeconds)) s, \(Stats.fmt(row.sizeMB, 1)) MB; measuring…")
            // Three fresh probe processes; each number is the median of the three runs, so one burst
            // of machine noise (this is a shared 2-core machine) does not decide a p99.
            var runs: [HeadlessProbe.Result] = []
            for _ in 0..<probeRuns {
                let probe = Child.run(me, ["headless", "--db", db, "--today", today])
                guard probe.status == 0, let data = probe.stdout.data(using: .utf8),
                      let result = try? JSONDecoder().decode(HeadlessProbe.Result.self, from: data) else {
                    fail("headless probe failed: \(probe.stderr)")
                }
                runs.append(result)
            }
            row.probe = HeadlessProbe.Result.median(of: runs)
            row.worstP99 = HeadlessProbe.Result.worstP99(of: runs)
            var firstFrames: [Double] = [], rss: [Double] = []
            for _ in 0..<5 {
                let (ms, peak) = PtyFirstFrame.measure(varsel: varsel, db: db, today: today)
                firstFrames.append(ms); rss.append(peak)
            }
            row.ptyFirstFrameMs = Stats.median(firstFrames)
            row.ptyPeakRSSMB = rss.max() ?? 0
            (row.deadlinesMs, row.floorMs, row.deadlineRows) = server == nil
                ? DeadlinesFloor.measure(varsel: varsel, db: db, today: today)
                : PostgresBench.deadlinesFloor(varsel: varsel, url: db, today: today)
            rows.append(row)
        }
        print("")
        print(table(rows))
        print("(workbench rows: median of \(probeRuns) probe processes; ncurses first frame: median of 5; deadlines and floor: median of 9, alternating, posix_spawn, output to /dev/null)")
        print(IntakeBench.line(args))
    }

    static func fileMB(_ path: String) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.doubleValue ?? 0
        return size / 1_048_576
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("varsel-bench: \(message)\n".utf8)); exit(1)
    }

    static func table(_ rows: [Row]) -> String {
        func col(_ f: (Row) -> String) -> [String] { rows.map(f) }
        let lines: [(String, [String])] = [
            ("agreements", col { "\($0.n)" }),
            ("database build (s)", col { Stats.fmt($0.buildSeconds) }),
            ("database size (MB)", col { Stats.fmt($0.sizeMB, 1) }),
            ("first frame, headless (ms)", col { Stats.fmt($0.probe?.firstFrameMs ?? .nan) }),
            ("first frame, ncurses in pty (ms)", col { Stats.fmt($0.ptyFirstFrameMs) }),
            ("scroll agreements p50/p99 (ms)", col { pair($0.probe?.scroll["agreements"]) }),
            ("scroll agenda p50/p99 (ms)", col { pair($0.probe?.scroll["agenda"]) }),
            ("scroll sub-processors p50/p99 (ms)", col { pair($0.probe?.scroll["subprocessors"]) }),
            ("jump G/g agreements p50/p99 (ms)", col { "\(Stats.fmt($0.probe?.jumpEndP50 ?? .nan)) / \(Stats.fmt($0.probe?.jumpEndP99 ?? .nan))" }),
            ("filter keystroke p50/p99 (ms)", col { "\(Stats.fmt($0.probe?.filterP50 ?? .nan)) / \(Stats.fmt($0.probe?.filterP99 ?? .nan))" }),
            ("worst single-run p99 of the above (ms)", col { Stats.fmt($0.worstP99) }),
            ("deadlines --within 90 json (ms)", col { Stats.fmt($0.deadlinesMs, 1) }),
            ("\(floorName) floor, same rows (ms)", col { Stats.fmt($0.floorMs, 1) }),
            ("ratio to floor", col { Stats.fmt($0.deadlinesMs / max($0.floorMs, 0.001)) }),
            ("deadline rows", col { "\($0.deadlineRows)" }),
            ("peak RSS headless workbench (MB)", col { Stats.fmt($0.probe?.peakRSSMB ?? .nan, 1) }),
            ("peak RSS ncurses workbench (MB)", col { Stats.fmt($0.ptyPeakRSSMB, 1) }),
        ]
        let w0 = lines.map { $0.0.count }.max()!
        let w = (0..<rows.count).map { i in lines.map { $0.1[i].count }.max()! }
        return lines.map { name, vals in
            name.padding(toLength: w0, withPad: " ", startingAt: 0) + "  "
                + vals.enumerated().map { i, v in String(repeating: " ", count: w[i] - v.count) + v }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func pair(_ v: [Double]?) -> String {
        guard let v, v.count == 2 else { return "—" }
        return "\(Stats.fmt(v[0])) / \(Stats.fmt(v[1]))"
    }
}
