import Foundation
import VarselKit

/// The `:` command line of the workbench: `:export FILE`, `:backup FILE`, `:calendar FILE [DAYS]`.
///
/// Files are written with mode 0600. An existing file is never overwritten unless the command
/// ends in `!` (`:export! FILE`), as in vi. The result is one confirmation (or error) line.
public enum CommandPrompt {
    /// The commands, for help and errors.
    public static let usage = ":export FILE · :backup FILE · :calendar FILE [DAYS]  (add ! to overwrite)"

    /// Runs one command line (without the leading `:`) and says what happened.
    public static func run(_ line: String, portfolio: Portfolio) -> StatusMessage {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return StatusMessage(text: "Commands: " + usage, isError: false) }
        let force = first.hasSuffix("!")
        let command = force ? String(first.dropLast()) : first
        guard words.count >= 2 else {
            return StatusMessage(text: ":\(command) needs a file name, e.g. :\(command) ~/varsel-\(command).\(ext(command))", isError: true)
        }
        let path = expand(words[1])
        if !force && FileManager.default.fileExists(atPath: path) {
            return StatusMessage(text: "\(path) exists; nothing written. Use :\(command)! \(words[1]) to replace it", isError: true)
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
            case "calendar":
                let days = words.count > 2 ? Int(words[2]) : 365
                guard let days, days >= 0 else {
                    return StatusMessage(text: "DAYS must be a whole number of days, e.g. :calendar \(words[1]) 90", isError: true)
                }
                let ics = try CalendarExport.ics(store: portfolio.store, clock: portfolio.clock,
                                                 options: .init(within: days, alarmDays: 7))
                try PrivateFile.write(Data(ics.utf8), to: path)
                let events = ics.components(separatedBy: "BEGIN:VEVENT").count - 1
                return StatusMessage(text: "Calendar with \(events) deadlines (next \(days) days and overdue) written to \(path)", isError: false)
            default:
                return StatusMessage(text: "Unknown command :\(command). Commands: " + usage, isError: true)
            }
        } catch let error as VarselError {
            return StatusMessage(text: error.description, isError: true)
        } catch {
            return StatusMessage(text: "\(command) failed: \(error)", isError: true)
        }
    }

    static func ext(_ command: String) -> String {
        switch command { case "backup": "sqlite"; case "calendar": "ics"; default: "json" }
    }

    static func expand(_ path: String) -> String {
        path.hasPrefix("~/") ? NSHomeDirectory() + path.dropFirst() : path
    }
}
