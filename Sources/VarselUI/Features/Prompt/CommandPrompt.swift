import Foundation
import VarselKit

/// The `:` command line of the workbench: `:export FILE`, `:backup FILE`, `:calendar FILE [DAYS]`,
/// `:intake FILE` (the review screen), `:q`/`:quit` and `:help`.
///
/// FILE is the rest of the line (spaces included) or a quoted name ("…" or '…').
/// Files are written with mode 0600. An existing file is never overwritten unless the command
/// ends in `!` (`:export! FILE`), as in vi. The result is one confirmation (or error) line.
public enum CommandPrompt {
    /// The commands, for help and errors.
    public static let usage = ":export FILE · :backup FILE · :calendar FILE [DAYS] (add ! to overwrite) · :intake FILE · :help · :q"

    /// What a command line asks for.
    public enum Outcome: Equatable, Sendable {
        /// A line for the status bar (usage, or why the command cannot run).
        case message(StatusMessage)
        case quit
        case help
        /// A file to write: run by the shell as an effect (`FileCommand.run`).
        case file(FileCommand)
        /// A contract to read and review (`:intake FILE`), as typed.
        case intake(String)
    }

    /// Reads one command line (without the leading `:`). Pure: nothing is read or written.
    public static func parse(_ line: String) -> Outcome {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .message(StatusMessage(text: "Commands: " + usage, isError: false)) }
        let first = String(trimmed.prefix { $0 != " " })
        switch first {
        case "q", "quit", "q!", "quit!", "qa", "qa!": return .quit
        case "h", "help": return .help
        default: break
        }
        let rest = trimmed.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        if first == "intake" {
            guard let (file, _) = fileArgument(rest, allowsDays: false), !file.isEmpty else {
                if rest.isEmpty { return .message(StatusMessage(text: ":intake needs a contract file, e.g. :intake ~/avtal.pdf (.txt, .md, .pdf, .docx)", isError: true)) }
                return .message(StatusMessage(text: "Unclosed quote in \(rest); write the name as \"my contract.pdf\"", isError: true))
            }
            return .intake(file)
        }
        let force = first.hasSuffix("!")
        let command = force ? String(first.dropLast()) : first
        guard let kind = FileCommand.Kind(rawValue: command) else {
            return .message(StatusMessage(text: "Unknown command :\(first). Commands: " + usage, isError: true))
        }
        guard let (file, extra) = fileArgument(rest, allowsDays: kind == .calendar), !file.isEmpty else {
            if rest.isEmpty {
                return .message(StatusMessage(text: ":\(command) needs a file name, e.g. :\(command) ~/varsel-\(command).\(kind.ext)", isError: true))
            }
            return .message(StatusMessage(text: "Unclosed quote in \(rest); write the name as \"my file.\(kind.ext)\"", isError: true))
        }
        var days = 365
        if kind == .calendar, let extra {
            guard let d = Int(extra), d >= 0 else {
                return .message(StatusMessage(text: "DAYS must be a whole number of days, e.g. :calendar \(file) 90", isError: true))
            }
            days = d
        }
        return .file(FileCommand(kind: kind, file: file, force: force, days: days))
    }

    /// The file name: a quoted name, or the rest of the line. With `allowsDays` a trailing
    /// whole number after the name is returned separately (`:calendar my file.ics 90`).
    /// Nil when a quote is not closed.
    static func fileArgument(_ rest: String, allowsDays: Bool) -> (file: String, extra: String?)? {
        if let q = rest.first, q == "\"" || q == "'" {
            let body = rest.dropFirst()
            guard let close = body.firstIndex(of: q) else { return nil }
            let after = body[body.index(after: close)...].trimmingCharacters(in: .whitespaces)
            return (String(body[..<close]), after.isEmpty ? nil : after)
        }
        if allowsDays, let space = rest.lastIndex(of: " ") {
            let last = rest[rest.index(after: space)...]
            if !last.isEmpty, last.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
                return (rest[..<space].trimmingCharacters(in: .whitespaces), String(last))
            }
        }
        return (rest, nil)
    }

    /// `~` and `~/…` as a shell expands them: `$HOME` (the account's home folder when it is not set).
    static func expand(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        if path == "~" { return home }
        return path.hasPrefix("~/") ? home + path.dropFirst() : path
    }
}
