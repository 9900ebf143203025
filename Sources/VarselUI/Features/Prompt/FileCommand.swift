import Foundation
import VarselKit

/// A file the command line asked to write (`:export`, `:backup`, `:calendar`): the effect the
/// shell runs. Files are written with mode 0600; an existing file is kept unless `force` (`!`).
public struct FileCommand: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case export, backup, calendar
        /// The usual file extension, for examples.
        var ext: String { switch self { case .backup: "sqlite"; case .calendar: "ics"; case .export: "json" } }
    }
    public var kind: Kind
    /// As typed (`~/` is expanded when it runs).
    public var file: String
    public var force: Bool
    /// Calendar only: the days ahead.
    public var days: Int

    /// Writes the file and says what happened.
    @MainActor func run(_ portfolio: Portfolio) -> StatusMessage {
        let path = CommandPrompt.expand(file)
        let command = kind.rawValue
        if !force && FileManager.default.fileExists(atPath: path) {
            return StatusMessage(text: "\(path) exists; nothing written. Use :\(command)! \(file) to replace it", isError: true)
        }
        do {
            switch kind {
            case .export:
                let data = try PortfolioExporter.exportJSON(store: portfolio.store)
                try PrivateFile.write(data, to: path)
                return StatusMessage(text: "Exported the whole portfolio (\(data.count / 1024) KiB JSON) to \(path)", isError: false)
            case .backup:
                if force { try? FileManager.default.removeItem(atPath: path) }
                try Backup.take(store: portfolio.store, to: path)
                return StatusMessage(text: "Backup written to \(path) (check it with varsel restore --help)", isError: false)
            case .calendar:
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
}
