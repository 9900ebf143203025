import VarselKit
import VarselTerminal
import VarselUI

/// Starts the ncurses workbench on a portfolio (main thread; the terminal is always restored).
enum WorkbenchLauncher {
    @MainActor
    static func run(portfolio: Portfolio, label: String) throws {
        let workbench = Workbench(portfolio: portfolio, databaseLabel: label)
        _ = try CursesTerminal.run(workbench)
    }
}
