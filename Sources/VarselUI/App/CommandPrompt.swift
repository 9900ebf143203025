import Foundation
import VarselKit

/// The `:` command line of the workbench: `:export FILE`, `:backup FILE`, `:calendar FILE [DAYS]`,
/// `:q`/`:quit` and `:help`.
///
/// FILE is the rest of the line (spaces included) or a quoted name ("…" or '…').
/// Files are written with mode 0600. An existing file is never overwritten unless the command
/// ends in `!` (`:export! FILE`), as in vi. The result is one confirmation (or error) line.
public enum CommandPrompt {
    /// The commands, for help and errors.
    public static let usage = ":export FILE · :backup FILE · :calendar FILE [DAYS] (add ! to overwrite) · :help · :q"

    /// What a command line asks for.
    public enum Outcome: Equatable, Sendable {
        case message(StatusMessage)
        case quit
        case help
    }

    /// Runs one command line (without the leading `:`) and says what happened.
    public static func execute(_ line: String, portfolio: Portfolio) -> Outcome {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let first = String(trimmed.prefix { $0 != " " })
        switch first {
        case "q", "quit", "q!", "quit!", "qa", "qa!": return .quit
        case "h", "help": return .help
        default: return .message(run(line, portfolio: portfolio))
        }
    }

    /// Runs a file command (without the leading `:`) and says what happened.
    public static func run(_ line: String, portfolio: Portfolio) -> StatusMessage {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return StatusMessage(text: "Commands: " + usage, isError: false) }
        let first = String(trimmed.prefix { $0 != " " })
        let rest = trimmed.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        let force = first.hasSuffix("!")
        let command = force ? String(first.dropLast()) : first
        guard ["export", "backup", "calendar"].contains(command) else {
            return StatusMessage(text: "Unknown command :\(first). Commands: " + usage, isError: true)
        }
        guard let (file, extra) = fileArgument(rest, allowsDays: command == "calendar"), !file.isEmpty else {
            if rest.isEmpty {
                return StatusMessage(text: ":\(command) needs a file name, e.g. :\(command) ~/varsel-\(command).\(ext(command))", isError: true)
            }
            return StatusMessage(text: "Unclosed quote in \(rest); write the name as \"my file.\(ext(command))\"", isError: true)
        }
        let path = expand(file)
        if !force && FileManager.default.fileExists(atPath: path) {
            return StatusMessage(text: "\(path) exists; nothing written. Use :\(command)! \(file) to replace it", isError: true)
        }
        do {
            switch command {
            case "export":
                let data = try PortfolioExporter.exportJSON(store: portfolio.store)
                try PrivateFile.write(data, to: path)
                return StatusMessage(text: "Exported the whole portfolio (\(data.count / 1024) KiB JSON) to \(path)", isError: false)
            case "backup":
                if force { try? FileManager.default.removeItem(atPath: path) }
                try Backup.take(store: portfolio.store, to: path)
                return StatusMessage(text: "Backup written to \(path) (check it with varsel restore --help)", isError: false)
            default:
                let days = extra.map { Int($0) } ?? 365
                guard let days, days >= 0 else {
                    return StatusMessage(text: "DAYS must be a whole number of days, e.g. :calendar \(file) 90", isError: true)
                }
                let ics = try CalendarExport.ics(store: portfolio.store, clock: portfolio.clock,
                                                 options: .init(within: days, alarmDays: 7))
                try PrivateFile.write(Data(ics.utf8), to: path)
                let events = ics.components(separatedBy: "BEGIN:VEVENT").count - 1
                return StatusMessage(text: "Calendar with \(events) deadlines (next \(days) days and overdue) written to \(path)", isError: false)
            }
        } catch let error as VarselError {
            return StatusMessage(text: error.description, isError: true)
        } catch {
            return StatusMessage(text: "\(command) failed: \(error)", isError: true)
        }
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

    static func ext(_ command: String) -> String {
        switch command { case "backup": "sqlite"; case "calendar": "ics"; default: "json" }
    }

    static func expand(_ path: String) -> String {
        path.hasPrefix("~/") ? NSHomeDirectory() + path.dropFirst() : path
    }
}
