import Foundation

/// Runs a program and collects its output, exit status and peak memory.
enum Child {
    struct Result { var status: Int32; var stdout: String; var stderr: String; var peakRSSMB: Double; var ms: Double }

    /// With `discardOutput`, standard output goes to /dev/null (timing a command's own work, not
    /// how fast this process reads a pipe).
    static func run(_ path: String, _ args: [String], discardOutput: Bool = false) -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = discardOutput ? FileHandle(forWritingAtPath: "/dev/null") : out
        p.standardError = err
        if discardOutput { try? out.fileHandleForWriting.close() }
        let t = Stats.now()
        do { try p.run() } catch { return Result(status: -1, stdout: "", stderr: "\(error)", peakRSSMB: 0, ms: 0) }
        let o = discardOutput ? Data() : out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let ms = Stats.ms(since: t)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self), peakRSSMB: Double(usage.ru_maxrss) / 1024, ms: ms)
    }
}

/// The real workbench in a pseudo-terminal (via `script`): the process exits after its first
/// frame (VARSEL_EXIT_AFTER_FIRST_FRAME) and reports start-to-first-doupdate in milliseconds.
enum PtyFirstFrame {
    static func measure(varsel: String, db: String, today: String) -> (ms: Double, peakRSSMB: Double) {
        let report = NSTemporaryDirectory() + "varsel-bench-frame-\(getpid()).txt"
        try? FileManager.default.removeItem(atPath: report)
        let command = "VARSEL_EXIT_AFTER_FIRST_FRAME=\(report) TERM=xterm-256color COLUMNS=160 LINES=48 '\(varsel)' --db '\(db)' --today \(today)"
        let r = Child.run("/usr/bin/script", ["-qfec", "stty cols 160 rows 48; " + command, "/dev/null"])
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n")
        let ms = lines.first.flatMap { Double($0) } ?? .nan
        let rss = lines.dropFirst().first.flatMap { Double($0) } ?? r.peakRSSMB
        return (ms, rss)
    }
}

/// Wall time of a command run with `posix_spawn` (no Foundation `Process` bookkeeping, which
/// adds tens of milliseconds to every launch and would hide the difference being measured),
/// standard output and error to /dev/null.
enum Spawn {
    static func wallMs(_ path: String, _ args: [String]) -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let t = Stats.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return .nan }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Stats.ms(since: t)
    }
}

/// `varsel deadlines --within 90 --format json` next to sqlite3 reading the same rows from the same file.
enum DeadlinesFloor {
    static func measure(varsel: String, db: String, today: String) -> (ms: Double, floorMs: Double, rows: Int) {
        var ours: [Double] = [], floor: [Double] = []
        var rows = 0
        let horizon = dateAdding(today, days: 90)
        let sql = """
            SELECT d.*, a.title AS agreement, p.name AS counterparty FROM deadlines d
            JOIN agreements a ON a.id = d.agreement_id JOIN parties p ON p.id = a.counterparty_id
            WHERE d.state = 'open' AND d.act_by_date <= '\(horizon)' ORDER BY d.act_by_date, d.id;
            SELECT a.*, p.name AS counterparty, r.term FROM renewal_notices r
            JOIN agreements a ON a.id = r.agreement_id JOIN parties p ON p.id = a.counterparty_id
            WHERE r.act_by_date >= '\(today)' AND r.act_by_date <= '\(horizon)' AND r.active = 1
              AND (r.prev_act_by_date IS NULL OR r.prev_act_by_date < '\(today)')
            ORDER BY r.agreement_id;
            """
        let command = ["deadlines", "--db", db, "--today", today, "--within", "90", "--format", "json"]
        let counted = Child.run(varsel, command)
        if let data = counted.stdout.data(using: .utf8), let arr = try? JSONSerialization.jsonObject(with: data) as? [Any] { rows = arr.count }
        _ = Child.run("/usr/bin/sqlite3", ["-json", db, sql], discardOutput: true)
        for _ in 0..<9 {
            ours.append(Spawn.wallMs(varsel, command))
            floor.append(Spawn.wallMs("/usr/bin/sqlite3", ["-json", db, sql]))
        }
        return (Stats.median(ours), Stats.median(floor), rows)
    }

    static func dateAdding(_ iso: String, days: Int) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"; f.timeZone = TimeZone(identifier: "UTC"); f.locale = Locale(identifier: "en_US_POSIX")
        return f.string(from: f.date(from: iso)!.addingTimeInterval(Double(days) * 86_400))
    }
}
