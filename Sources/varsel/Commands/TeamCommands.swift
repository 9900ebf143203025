import ArgumentParser
import Foundation
import VarselKit

/// `varsel team …`: a portfolio on a PostgreSQL server shared by a team (docs/teams.md).
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Set up a shared portfolio on PostgreSQL.",
        subcommands: [TeamInitCommand.self])
}

/// `varsel team init postgres://…`: the schema and two roles (read-only and editor).
struct TeamInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the Varsel schema in an empty PostgreSQL database, and a read-only and an editor role.",
        discussion: "Grant the roles to people's logins: GRANT <database>_editor TO anna;")

    @Argument(help: ArgumentHelp("The database, e.g. postgres://admin@db.example:5432/contracts", valueName: "url"))
    var url: String

    func run() throws {
        try guarded {
            guard Backend.isServer(url) else {
                throw VarselError(.invalidInput, "\"\(url)\" is not a PostgreSQL URL", at: "url",
                                  fix: "write it as postgres://user@host:5432/dbname (SQLite files need no set-up)")
            }
            let roles = try Backend.teamInit(url: url)
            out("Varsel schema ready in \(url.replacingOccurrences(of: #"://[^@/]*:[^@/]*@"#, with: "://***@", options: .regularExpression))")
            out("Read-only role: \(roles.readOnly)    editor role: \(roles.editor)")
            out("Grant them to logins, e.g. GRANT \(roles.editor) TO anna;")
        }
    }
}

/// `varsel copy --from A --to B`: the whole portfolio, audit trail included, through the lossless
/// export format, into an empty database; verified by comparing both exports byte for byte.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a portfolio between databases (an SQLite file or postgres://…) into an empty one, verified.")

    @Option(name: .long, help: ArgumentHelp("The portfolio to copy (a file or a postgres:// URL).", valueName: "db"))
    var from: String
    @Option(name: .long, help: ArgumentHelp("The empty database to copy into (a new file or a postgres:// URL).", valueName: "db"))
    var to: String
    @Option(name: .long, help: ArgumentHelp("Count from this day (also $VARSEL_TODAY).", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        try guarded {
            let source = try Backend.open(path: from, access: .read)
            let data = try PortfolioExporter.exportJSON(store: source)
            let target = try Backend.open(path: to, access: .create)
            let day = today.flatMap(CivilDate.init(iso:)) ?? ProcessInfo.processInfo.environment["VARSEL_TODAY"].flatMap(CivilDate.init(iso:))
                ?? SystemDate.today()
            let importer = PortfolioImporter(store: target, clock: VarselClock(today: day, now: { Date() }))
            if !(try target.read { try $0.existingIDs().isEmpty }) {
                throw VarselError(.conflict, "\(target.path) is not empty", at: "--to",
                                  fix: "copy into a new file or an empty database; nothing was written")
            }
            _ = try importer.importData(data, fileName: "copy.json")
            let copied = try PortfolioExporter.exportJSON(store: target)
            guard copied == data else {
                throw VarselError(.io, "the copy in \(target.path) does not export the same bytes as \(source.path)",
                                  fix: "keep the source; report this with both exports")
            }
            out("Copied \(source.path) to \(target.path): \(data.count) bytes of export, identical on both sides")
        }
    }
}
