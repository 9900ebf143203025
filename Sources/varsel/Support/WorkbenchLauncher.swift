import Foundation
import VarselKit
import VarselTerminal
import VarselUI

/// Starts the ncurses workbench on a portfolio (main thread; the terminal is always restored).
enum WorkbenchLauncher {
    /// `started` is when the command began (before the database was opened), for the start-up benchmark.
    @MainActor
    static func run(portfolio: Portfolio, label: String, started: DispatchTime = .now()) throws {
        let workbench = Workbench(portfolio: portfolio, databaseLabel: label)
        let exit = try CursesTerminal.run(workbench, afterFirstFrame: firstFrameReporter(started: started))
        if case .signal(let sig) = exit {
            // Terminated by SIGTERM/SIGHUP/SIGINT: the terminal is restored; exit as the shell expects.
            Foundation.exit(128 + sig)
        }
    }

    /// With VARSEL_EXIT_AFTER_FIRST_FRAME=FILE the workbench writes "milliseconds\npeak RSS MB" to
    /// FILE after its first frame and quits (used by varsel-bench; see docs/performance.md).
    static func firstFrameReporter(started: DispatchTime) -> (@MainActor () -> Bool)? {
        guard let path = ProcessInfo.processInfo.environment["VARSEL_EXIT_AFTER_FIRST_FRAME"], !path.isEmpty else { return nil }
        return {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            try? "\(ms)\n\(Double(usage.ru_maxrss) / 1024)\n".write(toFile: path, atomically: true, encoding: .utf8)
            return true
        }
    }
}
