import ArgumentParser
import Foundation
import VarselKit

/// Options every command takes: the database and the day to count from.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file or postgres://user@host/dbname (default: $VARSEL_DB, else $XDG_DATA_HOME/varsel/varsel.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Count deadlines from this day instead of the system date (also $VARSEL_TODAY).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(name: .long, help: "Writing commands: create the database if the file is missing or empty (otherwise they refuse).")
    var create = false

    func validate() throws {
        if let today, CivilDate(iso: today) == nil {
            throw ValidationError("--today \"\(TerminalText.sanitize(today))\" is not a date: use YYYY-MM-DD, e.g. 2026-11-23")
        }
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The resolved database path.
    var databasePath: String { Backend.location(explicit: db, environment: environment) }

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

    /// Whether the path is the default one (no --db, no $VARSEL_DB): its folder may be created.
    var isDefaultLocation: Bool {
        (db ?? "").isEmpty && (environment["VARSEL_DB"] ?? "").isEmpty
    }

    /// Opens the store for `access` (`.write` becomes `.create` with --create). Reads warn on
    /// standard error when the file fails SQLite's quick check.
    func store(_ access: StorageAccess) throws -> any PortfolioStorage {
        let access: StorageAccess = (access == .write && create) ? .create : access
        let path = databasePath
        if access == .create, isDefaultLocation { try DatabaseFolder.ensure((path as NSString).deletingLastPathComponent) }
        let store = try Backend.open(path: path, access: access)
        if let damage = store.damageFound {
            FileHandle.standardError.write(Data("varsel: warning: \(store.path) is damaged (SQLite's check found \(damage)); what is shown may be incomplete and writes are refused. Restore the last good backup: varsel restore BACKUP\n".utf8))
        }
        return store
    }

    /// Opens the store for writing (refusing missing, empty, foreign, damaged or newer files)
    /// and builds the portfolio service.
    func portfolio() throws -> Portfolio {
        Portfolio(store: try store(.write), clock: try clock())
    }

    /// Opens the store read-only (never creates, migrates or writes) for a command that only reads.
    func readPortfolio() throws -> Portfolio {
        Portfolio(store: try store(.read), clock: try clock())
    }

    /// The portfolio after settling the silence-is-approval windows that passed by today
    /// (deemed acceptances, each audited): what reading commands (deadlines, check, show,
    /// notices, subprocessors) open, so they never show a deemed change as open or overdue.
    ///
    /// It opens read-only first and writes only when a window is due to settle and the file can be
    /// written (issue 15, bug 8: a read never writes otherwise). A read-only or damaged file is
    /// shown as it is: the agenda never lists a passed silence window as overdue anyway.
    func settledPortfolio() throws -> Portfolio {
        let reader = try readPortfolio()
        guard try reader.hasDeemedAcceptancesDue() else { return reader }
        guard let writer = try? portfolio(), Backend.mayWrite(writer.store) else { return reader }
        try writer.settleDeemedAcceptances()
        return writer
    }
}

/// Output format for listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Output format for commands that report one record (`show`, `notice add`): no CSV.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
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

/// The default database folder ($XDG_DATA_HOME/varsel): created 0700 whatever the umask.
enum DatabaseFolder {
    static func ensure(_ dir: String) throws {
        guard !FileManager.default.fileExists(atPath: dir) else { return }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw VarselError(.io, "Cannot create the folder \(dir): \(error.localizedDescription)", at: dir,
                              fix: "Create it yourself (mkdir -p \(dir)) or name a database with --db")
        }
        chmod(dir, 0o700)
    }
}
