import ArgumentParser
import VarselKit

/// `varsel reopen DEADLINE`: undo `handle` for a deadline marked handled by mistake.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a deadline marked handled by mistake (its act-by day is unchanged).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Deadline id (see `varsel show AGREEMENT`).") var deadline: String

    func run() throws {
        try guarded {
            let d = try common.portfolio().reopenDeadline(id: deadline)
            out("Reopened \(d.id): \(d.what) (act by \(d.actByDate.iso))")
        }
    }
}
