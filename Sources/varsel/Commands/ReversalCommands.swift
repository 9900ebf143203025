import ArgumentParser
import VarselKit
import VarselUI

extension ObjectionOutcome: ExpressibleByArgument {}

/// `varsel reopen DEADLINE`: undo "handled".
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a handled deadline (refused where a recorded decision closed it: withdraw the objection instead).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Deadline id (see `varsel show AGREEMENT`).") var deadline: String
    @Option(name: .long, help: "Why it is reopened (kept in the audit trail).") var note: String?

    func run() throws {
        try guarded {
            let d = try common.portfolio().reopenDeadline(id: deadline, note: note)
            out(TerminalLine(sanitizing: "Reopened \(d.id): \(d.what), act by \(d.actByDate.humanText)"))
        }
    }
}

/// `varsel snooze DEADLINE --until D`: remind me later.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Leave an open deadline out of `check` until a day (the act-by day never moves; overdue always counts).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Deadline id (see `varsel deadlines`).") var deadline: String
    @Option(name: .long, help: "Remind again on this day (YYYY-MM-DD, after today, at the latest the act-by day).") var until: String?
    @Flag(name: .long, help: "Remove the snooze.") var clear = false

    func validate() throws {
        if (until == nil) == !clear { throw ValidationError("Give either --until YYYY-MM-DD or --clear") }
    }

    func run() throws {
        try guarded {
            let day = try until.map { try parseDate($0, option: "--until") }
            let d = try common.portfolio().snoozeDeadline(id: deadline, until: day)
            if let s = d.snoozedUntil {
                out(TerminalLine(sanitizing: "Snoozed \(d.id) until \(s.humanText): \(d.what); act by \(d.actByDate.humanText) (unchanged)"))
            } else {
                out(TerminalLine(sanitizing: "Snooze removed from \(d.id): \(d.what); act by \(d.actByDate.humanText)"))
            }
        }
    }
}

/// `varsel note DEADLINE "text"`: a note on a deadline.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Set the note on a deadline (an empty text removes it).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Deadline id.") var deadline: String
    @Argument(help: "The note.") var text: String

    func run() throws {
        try guarded {
            let d = try common.portfolio().noteDeadline(id: deadline, note: text)
            out(TerminalLine(sanitizing: d.note.map { "Note on \(d.id): \($0)" } ?? "Note removed from \(d.id)"))
        }
    }
}

/// `varsel objection edit|withdraw|outcome ID`.
struct ObjectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objection", abstract: "Edit or withdraw a recorded objection, or record what came of it.",
        subcommands: [ObjectionEditCommand.self, ObjectionWithdrawCommand.self, ObjectionOutcomeCommand.self])
}

struct ObjectionEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an objection's grounds, channel, date or note.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Objection id (see `varsel show AGREEMENT`).") var objection: String
    @Option(name: .long, help: "The grounds (required where the agreement demands objective grounds).") var grounds: String?
    @Option(name: .long, help: "How it was sent: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).") var channel: Channel?
    @Option(name: .long, help: "Day it was sent (YYYY-MM-DD).") var date: String?
    @Option(name: .long, help: "A note for the record (empty removes it).") var note: String?

    func run() throws {
        try guarded {
            let edit = ObjectionEdit(grounds: grounds, channel: channel, date: try date.map { try parseDate($0, option: "--date") },
                                     note: note.map { Optional($0) })
            let o = try common.portfolio().editObjection(id: objection, edit)
            out(TerminalLine(sanitizing: "Objection \(o.id): \(o.date.iso) by \(o.channel.rawValue): \(o.grounds.isEmpty ? "no grounds" : o.grounds)"))
        }
    }
}

struct ObjectionWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw our objection: the change notice's decision is open again (or deemed accepted if its silence window has passed).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Objection id.") var objection: String
    @Option(name: .long, help: "Why (kept with the objection).") var note: String?

    func run() throws {
        try guarded {
            let w = try common.portfolio().withdrawObjection(id: objection, note: note)
            out(TerminalLine(sanitizing: "Withdrew objection \(w.objection.id); change notice \(w.objection.changeNoticeId) is \(w.noticeStatus.rawValue)"))
            for d in w.reopened where !(w.deemed?.deadlineIds.contains(d.id) ?? false) {
                out(TerminalLine(sanitizing: "  Reopened: \(d.what), act by \(d.actByDate.humanText) [\(d.id)]"))
            }
            if let deemed = w.deemed {
                out(TerminalLine(sanitizing: "  Deemed accepted \(deemed.deemedDate.iso)" + (deemed.clauseRef.map { " (\($0))" } ?? "")
                                          + ": the window passed without an objection standing"))
            }
        }
    }
}

struct ObjectionOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outcome", abstract: "Record what came of an objection.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Objection id.") var objection: String
    @Argument(help: "The outcome: \(ObjectionOutcome.allCases.map(\.rawValue).joined(separator: ", ")).") var outcome: ObjectionOutcome

    func run() throws {
        try guarded {
            let o = try common.portfolio().setObjectionOutcome(id: objection, outcome)
            out(TerminalLine(sanitizing: "Objection \(o.id): outcome \(o.outcome.rawValue)"))
        }
    }
}

/// `varsel termination withdraw ID`.
struct TerminationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termination", abstract: "Withdraw a recorded termination notice.", subcommands: [TerminationWithdrawCommand.self])
}

struct TerminationWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a termination: the agreement gets back its status and end date; open follow-on deadlines are removed.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Termination id (see `varsel show AGREEMENT`).") var termination: String
    @Option(name: .long, help: "Why (kept with the termination).") var note: String?

    func run() throws {
        try guarded {
            let w = try common.portfolio().withdrawTermination(id: termination, note: note)
            let a = w.agreement
            out(TerminalLine(sanitizing: "Withdrew termination \(w.termination.id): \(a.title) is \(a.status.rawValue) again"
                                      + (a.endDate.map { ", ends \($0.humanText)" } ?? ", no end date")))
            for c in w.endsAlso { out(TerminalLine(sanitizing: "  Runs on with it: \(c.title) [\(c.id)]")) }
            if !w.removed.isEmpty { out("  \(w.removed.count) open follow-on deadline(s) removed") }
            for d in w.keptHandled {
                out(TerminalLine(sanitizing: "  Kept (already handled \(d.handledDate?.iso ?? "")): \(d.what) [\(d.id)]"))
            }
            for d in w.replanned { out(TerminalLine(sanitizing: "  Planned again: \(d.what), act by \(d.actByDate.humanText) [\(d.id)]")) }
        }
    }
}
