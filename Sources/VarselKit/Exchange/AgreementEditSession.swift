import Foundation

/// The `$EDITOR` round trip of one agreement, shared by `varsel edit` and the workbench's `E`:
/// the YAML is written to a private file, the editor runs (the caller supplies how: a child
/// process on the terminal, or a script in tests), the saved text is validated and merged
/// (`AgreementEditDocument.apply`, one transaction, one audit row). On an error the problem is
/// put at the top of the file as comments, with line numbers, and the editor reopens; an
/// unchanged file writes nothing; a file saved again unchanged after an error gives up.
public enum AgreementEditSession {
    /// The lines written above the document after a failed save.
    public static let errorMark = "# varsel: "

    /// How an edit session ended.
    public enum Outcome: Sendable {
        /// The file was left as it was: nothing written.
        case unchanged
        /// The edit was merged; the plan says what changed.
        case saved(ImportPlan)
    }

    /// Runs the session for agreement `id`. `editor` opens the file and returns when the user is
    /// done; `reopening` is told each error before the editor opens again.
    public static func run(portfolio p: Portfolio, agreementId id: String,
                           editor: (String) throws -> Void, reopening: (VarselError) -> Void = { _ in }) throws -> Outcome {
        let original = try AgreementEditDocument.yaml(store: p.store, agreementId: id)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(id).yaml").path
        var shown = original
        var lastError: VarselError?
        // What the file was made from: a colleague's save meanwhile is shown, never overwritten unseen.
        var openedOn = original
        while true {
            try PrivateFile.write(Data(shown.utf8), to: file)
            try editor(file)
            let saved = (try? String(contentsOfFile: file, encoding: .utf8)) ?? shown
            let edited = strippingErrors(saved)
            if edited == strippingErrors(original) { return .unchanged }
            if saved == shown, var error = lastError {
                // Saved again without a fix: give up, naming the problem (lines as in the file first saved).
                error.what += " (the file was saved again unchanged; nothing was written)"
                throw error
            }
            if let changed = try AgreementEditDocument.changedSinceOpened(openedOn, agreementId: id, portfolio: p) {
                openedOn = try AgreementEditDocument.yaml(store: p.store, agreementId: id)
                shown = annotated(edited, with: changed)
                lastError = changed
                reopening(changed)
                continue
            }
            do {
                return .saved(try AgreementEditDocument.apply(edited, agreementId: id, fileName: "\(id).yaml", store: p.store,
                                                              clock: p.clock, user: p.user))
            } catch let error as VarselError {
                shown = annotated(edited, with: error)
                lastError = error
                reopening(error)
            }
        }
    }

    /// Runs `$VISUAL`, else `$EDITOR`, else `vi` on `file` through `/bin/sh` and waits for it
    /// (the terminal is the editor's meanwhile).
    public static func runEditor(_ file: String, environment env: [String: String] = ProcessInfo.processInfo.environment) throws {
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
    public static func strippingErrors(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.hasPrefix(errorMark) { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// `text` with the error at its top as comments; a line number in the message is shifted by
    /// the comment lines added, so it names the line in the file the editor shows.
    public static func annotated(_ text: String, with error: VarselError) -> String {
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
