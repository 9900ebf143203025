import ArgumentParser
import Foundation
import VarselKit

/// Writes portfolio data to `--out` (mode 0600, atomically) or to standard output.
private func emit(_ data: Data, to out: String?, what: String) throws {
    if let out {
        try PrivateFile.write(data, to: out)
        err("\(what) written to \(out)")
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// `varsel export`: the whole portfolio as versioned JSON (docs/exchange.md).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole portfolio (with its audit trail) as JSON.",
        discussion: "The format is described in docs/exchange.md. Export → import into an empty database → export gives the same bytes.")

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Output format (json).") var format: ExportFormat = .json
    @Option(name: .long, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        try guarded {
            let store = try common.store(.read)
            try emit(try PortfolioExporter.exportJSON(store: store), to: out, what: "Portfolio")
        }
    }
}

/// `varsel import FILE`: validates everything, then imports in one transaction.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a portfolio file (JSON, or YAML of the same shape); validates everything before writing.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The file to import (.json, .yaml or .yml).") var file: String
    @Flag(name: .long, help: "Show what would be added, changed and left alone; write nothing.") var dryRun = false
    @Flag(name: .long, help: "Update records whose id already exists instead of refusing them.") var merge = false

    func run() throws {
        try guarded {
            // A dry run reads (a missing database is shown as an empty one, never created);
            // an import may create a new database file.
            let missing = !Backend.isServer(common.databasePath) && !FileManager.default.fileExists(atPath: common.databasePath)
            let store = dryRun ? (missing ? try Backend.inMemory() : try common.store(.read)) : try common.store(.create)
            let importer = PortfolioImporter(store: store, clock: try common.clock())
            let plan = try importer.importFile(file, merge: merge, dryRun: dryRun)
            for line in plan.reportLines(dryRun: dryRun) { out("\(line)") }
        }
    }
}

/// `varsel calendar`: open deadlines as an RFC 5545 calendar.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Export open deadlines as an iCalendar (.ics) file: one all-day event per act-by day, with a reminder.")

    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Days ahead to include (overdue deadlines are always included).") var within = 365
    @Option(name: .long, help: "Reminder this many days before the act-by day.") var alarmDays = 7
    @Flag(name: .long, help: "No reminder.") var noAlarm = false
    @Option(name: .long, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var out: String?

    func validate() throws {
        guard within >= 0 else { throw ValidationError("--within must be 0 or more days, got \(within)") }
        guard alarmDays >= 0 else { throw ValidationError("--alarm-days must be 0 or more days, got \(alarmDays)") }
    }

    func run() throws {
        try guarded {
            let store = try common.store(.read)
            let ics = try CalendarExport.ics(store: store, clock: try common.clock(),
                                             options: .init(within: within, alarmDays: noAlarm ? nil : alarmDays))
            try emit(Data(ics.utf8), to: out, what: "Calendar")
        }
    }
}

/// `varsel backup FILE`: a consistent copy while the workbench may be open.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to a new file (mode 0600) with SQLite's online backup.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The new backup file (never overwritten).") var file: String

    func run() throws {
        try guarded {
            let store = try common.store(.read)
            try Backup.take(store: store, to: file)
            out("Backup of \(store.path) written to \(file)")
        }
    }
}

/// `varsel restore FILE`: checks the backup, keeps the replaced database beside it, restores.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a checked backup; the replaced file is kept beside it.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "A file made by `varsel backup`.") var file: String

    func run() throws {
        try guarded {
            let path = common.databasePath
            let result = try Backend.restore(from: file, into: path, clock: try common.clock())
            out("Restored \(file) into \(path): \(result.agreements) agreements, \(result.auditRows) audit rows")
            if let kept = result.replacedPath { out("The replaced database is kept at \(kept)") }
        }
    }
}
