import ArgumentParser
import Foundation
import VarselKit

/// `varsel audit verify`: walks the hash chain; exit 1 at the first broken link.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the audit trail's hash chain (exit 1 at the first broken link).",
        discussion: """
        Every audit row carries the SHA-256 of its content and of the previous row's hash. A row edited, \
        deleted or reordered (even with the triggers dropped in sqlite3) breaks the chain at that row. \
        With --anchor HASH (from `varsel audit anchor`, kept outside the database), also proves that \
        no row up to that anchor changed. Exit status: 0 verified, 1 broken, 2 the database cannot be read.
        """)

    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: ArgumentHelp("A head hash printed earlier by `varsel audit anchor`.", valueName: "hash"))
    var anchor: String?

    func validate() throws {
        if let anchor, anchor.count != 64 || !anchor.allSatisfy(\.isHexDigit) {
            throw ValidationError("--anchor must be the 64 hexadecimal digits printed by `varsel audit anchor`")
        }
    }

    func run() throws {
        var broken = false
        try guarded {
            let store = try common.store(.read)
            let report = try store.verifyAuditChain(anchor: anchor?.lowercased(), lastRows: nil)
            if let b = report.firstBreak {
                FileHandle.standardError.write(Data("varsel: audit chain BROKEN at \(b)\n  \(report.rows) row(s) before it verify\n  where: \(store.path)\n  fix:   compare with a backup or an export from before that time; the rows from \(b.rowId) on cannot be trusted\n".utf8))
                broken = true
                return
            }
            out("Audit chain verified: \(report.rows) row(s)\(anchor != nil ? ", anchor found" : ""), head \(report.head ?? "none (empty trail)")")
        }
        if broken { throw ExitCode(1) }
    }
}

/// `varsel audit anchor`: the head hash, to keep outside the database.
struct AuditAnchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchor",
        abstract: "Print the audit trail's head hash, to paste into an email or a ticket (see `audit verify --anchor`).")

    @OptionGroup var common: CommonOptions

    func run() throws {
        var broken = false
        try guarded {
            let store = try common.store(.read)
            let report = try store.verifyAuditChain()
            if let b = report.firstBreak {
                FileHandle.standardError.write(Data("varsel: no anchor: the audit chain is broken at \(b)\n".utf8))
                broken = true
                return
            }
            guard let head = report.head else {
                throw VarselError(.notFound, "The audit trail of \(store.path) is empty: there is nothing to anchor", at: store.path,
                                  fix: "Record something first")
            }
            out("\(head)")
        }
        if broken { throw ExitCode(1) }
    }
}
