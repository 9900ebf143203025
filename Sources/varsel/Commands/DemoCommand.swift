import ArgumentParser
import Foundation
import VarselKit

/// `varsel demo`: creates a database holding the demo portfolio, dated around today.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Create a demo database: five real Nordic agreements with events around today.")

    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: "Replace the file if it already exists (it must be a Varsel database).")
    var force = false

    func run() throws {
        try guarded {
            let path = common.databasePath
            if common.isDefaultLocation { try DatabaseFolder.ensure((path as NSString).deletingLastPathComponent) }
            try DemoDatabase.create(at: path, force: force, clock: try common.clock())
            out("Demo portfolio written to \(path) (today = \(try common.clock().today.iso))")
        }
    }
}

/// Creating a demo database file, shared by `varsel demo` and `varsel --demo`.
enum DemoDatabase {
    static func create(at path: String, force: Bool, clock: VarselClock) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard force else {
                throw VarselError(.conflict, "\(path) already exists", at: "--db",
                                  fix: "Add --force to replace it, or name another file with --db")
            }
            // Refuses a foreign file before anything is removed.
            _ = try Backend.open(path: path, access: .create)
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        }
        let store = try Backend.open(path: path, access: .create)
        try DemoPortfolio.load(into: store, clock: clock)
    }
}
