import ArgumentParser

/// `varsel`: the workbench with no subcommand, scriptable subcommands otherwise.
@main
struct Varsel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "varsel",
        abstract: "Contract notices, sub-processors and deadlines for Nordic contract managers.",
        discussion: """
        With no subcommand, opens the workbench on the database (--db, $VARSEL_DB, or \
        $XDG_DATA_HOME/varsel/varsel.sqlite). `varsel --demo` opens a scratch copy of the demo portfolio.
        "Today" comes from --today YYYY-MM-DD, else $VARSEL_TODAY, else the system date.
        """,
        version: "0.1.0",
        subcommands: [
            WorkbenchCommand.self, DemoCommand.self,
            AgreementsCommand.self, ShowCommand.self, SubprocessorsCommand.self, NoticesCommand.self,
            DeadlinesCommand.self, CheckCommand.self,
            NoticeCommand.self, ObjectCommand.self, AcceptCommand.self, TerminateCommand.self,
            HandleCommand.self, ReopenCommand.self, SnoozeCommand.self, NoteCommand.self, ObjectionCommand.self,
            TerminationCommand.self, EventCommand.self,
            CalcCommand.self, HolidaysCommand.self, AuditCommand.self, GenerateCommand.self, IntakeCommand.self, TextCommand.self,
            AgreementCommand.self, PartyCommand.self, ClauseCommand.self, RuleCommand.self, SubprocessorCommand.self,
            VersionCommand.self, EditCommand.self,
            ExportCommand.self, ImportCommand.self, CopyCommand.self, TeamCommand.self, CalendarCommand.self, BackupCommand.self, RestoreCommand.self,
        ],
        defaultSubcommand: WorkbenchCommand.self
    )
}
