import ArgumentParser
import Foundation
import VarselKit

/// `varsel edit AGREEMENT`: the agreement with its parties, clauses, rules, sub-processors and
/// versions as YAML in $EDITOR (as `kubectl edit` does). On save the file is validated with the
/// import validator and merged in one transaction with one audit row; on an error the problems are
/// written at the top of the file as comments (with line numbers) and the editor reopens. An
/// unchanged file writes nothing.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Edit an agreement and everything under it as YAML in $EDITOR.",
        discussion: """
        Examples:
          varsel edit pureservice
          EDITOR=nano varsel edit mobilize-me-dpa
        The editor is $VISUAL, else $EDITOR, else vi. Save unchanged (or after an error, save without
        fixing it) to leave the database as it was.
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String

    /// The lines `varsel edit` writes above the document after a failed save.
    static let errorMark = "# varsel: "

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let original = try AgreementEditDocument.yaml(store: p.store, agreementId: a.id)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-edit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("\(a.id).yaml").path
            var shown = original
            var lastError: VarselError?
            // What the file was made from: a colleague's save meanwhile is shown, never overwritten unseen.
            var openedOn = original
            while true {
                try PrivateFile.write(Data(shown.utf8), to: file)
                try runEditor(file)
                let saved = (try? String(contentsOfFile: file, encoding: .utf8)) ?? shown
                let edited = Self.strippingErrors(saved)
                if edited == Self.strippingErrors(original) {
                    out("No changes to \(a.title); nothing written")
                    return
                }
                if saved == shown, var error = lastError {
                    // Saved again without a fix: give up, naming the problem (lines as in the file first saved).
                    error.what += " (the file was saved again unchanged; nothing was written)"
                    throw error
                }
                if let changed = try AgreementEditDocument.changedSinceOpened(openedOn, agreementId: a.id, portfolio: p) {
                    openedOn = try AgreementEditDocument.yaml(store: p.store, agreementId: a.id)
                    shown = Self.annotated(edited, with: changed)
                    lastError = changed
                    err("varsel: \(changed.what) — reopening the editor")
                    continue
                }
                do {
                    let plan = try AgreementEditDocument.apply(edited, agreementId: a.id, fileName: "\(a.id).yaml", store: p.store,
                                                               clock: p.clock, user: p.user)
                    for line in plan.reportLines(dryRun: false) { out("\(line)") }
                    return
                } catch let error as VarselError {
                    shown = Self.annotated(edited, with: error)
                    lastError = error
                    err("varsel: \(error.what) — reopening the editor")
                }
            }
        }
    }

    /// Runs the editor on `file` and waits for it (the terminal is the editor's meanwhile).
    func runEditor(_ file: String) throws {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/bin/sh")
        proc.arguments = ["-c", "\(editor) \"$1\"", "varsel-editor", file]
        do { try proc.run() } catch {
            throw VarselError(.io, "Cannot start the editor \"\(editor)\": \(error.localizedDescription)", at: "$EDITOR",
                              fix: "Set EDITOR to an editor on your PATH, e.g. EDITOR=nano")
        }
        proc.waitUntilExit()
        guard proc.terminationStatus == 0 else {
            throw VarselError(.io, "The editor \"\(editor)\" exited with status \(proc.terminationStatus); nothing was written", at: "$EDITOR",
                              fix: "Save and quit the editor normally")
        }
    }

    /// The text without the error lines a previous round put at its top.
    static func strippingErrors(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.hasPrefix(errorMark) { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// `text` with the error at its top as comments; a line number in the message is shifted by
    /// the comment lines added, so it names the line in the file the editor shows.
    static func annotated(_ text: String, with error: VarselError) -> String {
        var lines = ["problem: \(error.what)"]
        if let location = error.location { lines.append("where: \(location)") }
        if let fix = error.fix { lines.append("fix: \(fix)") }
        lines.append("Correct it below and save; save without changes to give up.")
        let shift = lines.count
        let shifted = lines.map { line in
            guard let r = line.range(of: #"line (\d+)"#, options: .regularExpression),
                  let n = Int(line[r].dropFirst(5)) else { return line }
            return line.replacingCharacters(in: r, with: "line \(n + shift)")
        }
        return shifted.map { errorMark + $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n" + text
    }
}
