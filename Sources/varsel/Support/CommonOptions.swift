import ArgumentParser
import Foundation
import VarselKit

/// Options every command takes: the database and the day to count from.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file (default: $VARSEL_DB, else $XDG_DATA_HOME/varsel/varsel.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Count deadlines from this day instead of the system date (also $VARSEL_TODAY).", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        if let today, CivilDate(iso: today) == nil {
            throw ValidationError("--today \"\(TerminalText.sanitize(today))\" is not a date: use YYYY-MM-DD, e.g. 2026-11-23")
        }
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The resolved database path.
    var databasePath: String { DatabaseLocation.resolve(explicit: db, environment: environment) }

    /// The injected clock: --today, else $VARSEL_TODAY, else the local calendar date.
    func clock() throws -> VarselClock {
        if let today { return VarselClock(today: CivilDate(iso: today)!, now: { Date() }) }
        if let env = environment["VARSEL_TODAY"], !env.isEmpty {
            guard let d = CivilDate(iso: env) else {
                throw VarselError(.invalidInput, "VARSEL_TODAY=\"\(env)\" is not a date", at: "environment",
                                  fix: "Use YYYY-MM-DD, e.g. VARSEL_TODAY=2026-11-23, or unset it")
            }
            return VarselClock(today: d, now: { Date() })
        }
        return VarselClock(today: SystemDate.today(), now: { Date() })
    }

    /// Opens the store (refusing foreign or newer files) and builds the portfolio service.
    func portfolio() throws -> Portfolio {
        let store = try VarselStore.open(path: databasePath)
        return Portfolio(store: store, clock: try clock())
    }

    /// The portfolio after settling the silence-is-approval windows that passed by today
    /// (deemed acceptances, each audited): what reading commands (deadlines, check, show,
    /// notices, subprocessors) open, so they never show a deemed change as open or overdue.
    func settledPortfolio() throws -> Portfolio {
        let p = try portfolio()
        try p.settleDeemedAcceptances()
        return p
    }
}

/// Output format for listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "Start CSV output with a UTF-8 byte-order mark (for Excel).")
    var bom = false
}

/// The system's local calendar date: read only here, at the edge of the program.
enum SystemDate {
    static func today() -> CivilDate {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
