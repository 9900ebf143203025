import ArgumentParser
import Foundation
import VarselKit
import VarselTerminal
import VarselUI

/// `varsel` with no subcommand: the ncurses workbench.
struct WorkbenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workbench", abstract: "Open the workbench (the default).")
    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: "Open a fresh scratch copy of the demo portfolio (in a temporary file).")
    var demo = false

    @MainActor
    func run() async throws {
        let started = DispatchTime.now()
        try guarded {
            let clock = try common.clock()
            var path = common.databasePath
            if demo {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-demo-\(getpid())")
                path = dir.appendingPathComponent("demo.sqlite").path
                try DatabaseFolder.ensure(dir.path)
                try DemoDatabase.create(at: path, force: true, clock: clock)
            }
            let store = demo ? try Backend.open(path: path, access: .write) : try common.store(.write)
            let portfolio = Portfolio(store: store, clock: clock)
            // A server URL is shown without its password.
            let label = demo ? "demo (scratch copy)" : Backend.isServer(path) ? store.path : path
            do {
                try WorkbenchLauncher.run(portfolio: portfolio, label: label, started: started)
            } catch let error as TerminalError {
                throw VarselError(.io, "\(error)".replacingOccurrences(of: "varsel: ", with: ""), at: "terminal",
                                  fix: "Run varsel in a terminal (TERM set to a known type), or use a subcommand such as `varsel deadlines`")
            }
            if demo { err("The demo database was \(path)") }
        }
    }
}
