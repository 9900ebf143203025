import ArgumentParser
import VarselKit
import VarselUI

extension ChangeKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension Actor: ExpressibleByArgument {}
extension EventKind: ExpressibleByArgument {}
extension TerminationRight: ExpressibleByArgument {}

/// `varsel notice add`: record a change notice received from a counterparty.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "Record change notices.",
                                                    subcommands: [NoticeAddCommand.self])
}

struct NoticeAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a change notice and open the deadlines its agreement's rules give.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "What changes: \(ChangeKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: ChangeKind
    @Option(name: .long, help: "Day the notice was received (default: today).") var received: String?
    @Option(name: .long, help: "Day the change applies / the sub-processor is engaged.") var effective: String?
    @Option(name: .long, help: "How it arrived: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var channel: Channel = .email
    @Option(name: .long, help: "What the notice says, in a few words.") var summary: String
    @Option(name: .long, help: "Proposed sub-processor's name.") var subName: String?
    @Option(name: .long, help: "Proposed sub-processor's organisation number.") var subOrg: String?
    @Option(name: .long, help: "Proposed sub-processor's country (ISO code or EEA).") var subCountry: String?
    @Option(name: .long, help: "What the proposed sub-processor does.") var subPurpose: String?
    @Option(name: .long, help: "Transfer mechanism if outside the EEA.") var subTransfer: String?
    @Option(name: .long, help: "Id of the sub-processor being replaced.") var replaces: String?
    @Option(name: .long, help: ArgumentHelp("Who gives the notice: them (received from the counterparty, the default) or us (our own notice; --received is then the day we give it).", valueName: "them|us"),
            transform: { try TerminateCommand.party($0, option: "--given-by") })
    var givenBy: Actor = .them
    @Flag(name: .long, help: "Show the deadlines it would open, write nothing.") var dryRun = false
    @Option(name: .long, help: "Output format: table or json.") var format: ReportFormat = .table

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let sub = subName.map { SubProcessorDraft(name: $0, orgNumber: subOrg, country: subCountry ?? "", purpose: subPurpose ?? "",
                                                      transferMechanism: subTransfer) }
            let draft = ChangeNoticeDraft(agreementId: a.id, kind: kind,
                                          receivedDate: try received.map { try parseDate($0, option: "--received") } ?? p.clock.today,
                                          channel: channel, summary: summary,
                                          effectiveDate: try effective.map { try parseDate($0, option: "--effective") },
                                          subProcessor: sub, replacesSubProcessorId: replaces, givenBy: givenBy)
            let (id, preview): (String?, ChangeNoticePreview)
            if dryRun { (id, preview) = (nil, try p.previewChangeNotice(draft)) } else {
                let (n, pv) = try p.recordChangeNotice(draft); (id, preview) = (n.id, pv)
            }
            if format == .json { try JSONOutput.print(RecordedNotice(id: id, deadlines: preview.deadlines, warnings: preview.warnings)); return }
            if let id { out("Recorded change notice \(id) on \(a.title)") } else { out("Dry run: nothing written") }
            for d in preview.deadlines {
                let done = d.state == .handled ? " (handled: \(d.handledNote ?? ""))" : ""
                out("  \(d.what): act by \(d.actByDate.humanText)\(done) — \(d.explanation) [\(d.id)]")
            }
            for w in preview.warnings { out("  warning: \(w)") }
        }
    }

    func validate() throws {
        guard givenBy == .us || givenBy == .them else {
            throw ValidationError("--given-by must be \"us\" or \"them\", got \"\(givenBy.rawValue)\"")
        }
    }

    struct RecordedNotice: Encodable { var id: String?; var deadlines: [Deadline]; var warnings: [String] }
}

/// `varsel object NOTICE`: record our objection to a change notice.
struct ObjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "object",
                                                    abstract: "Record an objection to a change notice; its deadline is then handled.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Change notice id (see `varsel notices`).") var notice: String
    @Option(name: .long, help: "The grounds for the objection (required where the agreement demands objective grounds).")
    var grounds: String = ""
    @Option(name: .long, help: "Day the objection was sent (default: today).") var date: String?
    @Option(name: .long, help: "How it was sent: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var channel: Channel = .email
    @Option(name: .long, help: "A note for the record.") var note: String?

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let o = try p.recordObjection(noticeId: notice, date: try date.map { try parseDate($0, option: "--date") },
                                          grounds: grounds, channel: channel, note: note)
            out("Recorded objection \(o.id) to \(notice) on \(o.date.iso)")
        }
    }
}

/// `varsel accept NOTICE`: accept a change notice.
struct AcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a change notice; its deadline is then handled.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Change notice id.") var notice: String
    @Option(name: .long, help: "Day the approval was sent (default: today).") var date: String?
    @Option(name: .long, help: "How the approval was sent: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")) (written form: email, letter or portal).")
    var channel: Channel?
    @Option(name: .long, help: "A note for the record.") var note: String?

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let day = try date.map { try parseDate($0, option: "--date") } ?? p.clock.today
            try p.acceptChangeNotice(noticeId: notice, date: day, channel: channel, note: note)
            out("Accepted \(notice) on \(day.iso)\(channel.map { " by \($0.rawValue)" } ?? "")")
        }
    }
}

/// `varsel terminate AGREEMENT --by us|them --date D`.
struct TerminateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate", abstract: "Record a termination notice: computes the end date and the follow-on deadlines.",
        discussion: """
        Where the end date cannot be computed (no termination period recorded, a change with no effective day),
        or the parties agreed another one, enter it with --end and say why with --end-reason: the entered end wins,
        the follow-on deadlines count from it, and the computed end (if any) is shown beside it.

        Example:
          varsel terminate pureservice --by us --end 2026-12-31 --end-reason "agreed with Pureservice in the letter of 23 Nov 2026" --dry-run
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: ArgumentHelp("Who gave notice: us or them.", valueName: "us|them"),
            transform: TerminateCommand.party) var by: Actor
    @Option(name: .long, help: "The right used: \(TerminationRight.allCases.map(\.rawValue).joined(separator: ", ")) (default: ordinary).")
    var right: TerminationRight = .ordinary
    @Option(name: .long, help: "For --right after-objection: the change notice objected to.") var change: String?
    @Option(name: .long, help: "Day the notice was given or received (default: today).") var date: String?
    @Option(name: .long, help: "How: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).") var channel: Channel = .letter
    @Option(name: .long, help: "A note for the record.") var note: String?
    @Option(name: .long, help: ArgumentHelp("End date entered by hand (wins over the computed one; needs --end-reason).",
                                            valueName: "YYYY-MM-DD")) var end: String?
    @Option(name: .long, help: ArgumentHelp("Why the end date is entered by hand, e.g. \"agreed in the letter of 2 Dec\".",
                                            valueName: "TEXT")) var endReason: String?
    @Flag(name: .long, help: "Show the end date and deadlines, write nothing.") var dryRun = false

    func validate() throws {
        guard by == .us || by == .them else { throw ValidationError("--by must be \"us\" or \"them\", got \"\(by.rawValue)\"") }
    }

    /// `--by`: only the two parties that can give notice (help lists no other value).
    static func party(_ text: String) throws -> Actor { try party(text, option: "--by") }

    /// "us" or "them" for `option` (the help lists no other value; "either" is not a party).
    static func party(_ text: String, option: String) throws -> Actor {
        guard let a = Actor(rawValue: text.lowercased()), a == .us || a == .them else {
            throw ValidationError("\(option) must be \"us\" or \"them\", got \"\(text)\"")
        }
        return a
    }

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let day = try date.map { try parseDate($0, option: "--date") } ?? p.clock.today
            let request = TerminationRequest(agreementId: a.id, by: by, date: day, right: right, changeNoticeId: change,
                                             end: try end.map { try parseDate($0, option: "--end") }, endReason: endReason)
            let preview: TerminationPreview
            if dryRun { preview = try p.previewTermination(request); out("Dry run: nothing written") } else {
                let (t, pv) = try p.recordTermination(request, channel: channel, note: note)
                preview = pv
                out("Recorded termination \(t.id) of \(a.title)")
            }
            out("  Right: \(preview.right.label)\(preview.rule?.clauseRef.map { " (\($0))" } ?? "")")
            out("  Ends \(preview.endDate.iso) (\(preview.endDate.humanText)): \(preview.explanation)")
            if preview.endReason != nil {
                let computed = preview.computedEnd.map { "\($0.iso) (\($0.humanText))" } ?? "none (no end could be computed)"
                out("  Computed end: \(computed)")
            }
            for c in preview.endsAlso { out("  Also ends \(preview.endDate.iso): \(c.title) [\(c.id)]") }
            if preview.followOn.isEmpty { out("  No follow-on deadline") }
            for d in preview.followOn {
                let missed = d.actByDate < p.clock.today ? "MISSED " : ""
                out("  \(missed)\(d.what): act by \(d.actByDate.iso) (\(d.actByDate.humanText)) — \(d.explanation) [\(d.id)]")
            }
            for w in preview.warnings { out("  warning: \(w)") }
        }
    }
}

/// `varsel handle DEADLINE`: mark a deadline handled.
struct HandleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handle", abstract: "Mark a deadline handled; for a recurring duty, open its next occurrence.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Deadline id (see `varsel deadlines`).") var deadline: String
    @Option(name: .long, help: "What was done.") var note: String?

    func run() throws {
        try guarded {
            let (d, next) = try common.portfolio().handleDeadlineOpeningNext(id: deadline, note: note)
            out("Handled \(d.id): \(d.what)")
            if let next, let k = Recurrence.parse(sourceId: next.sourceId)?.occurrence {
                out("  Next occurrence \(k): act by \(next.actByDate.humanText) — \(next.explanation) [\(next.id)]")
            }
        }
    }
}

/// `varsel event AGREEMENT --kind K --date D`: record an event that starts a clock.
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Record an event (incident, planned audit, downtime, …) and open the deadlines it starts.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "Kind: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: EventKind
    @Option(name: .long, help: "Day of the event (default: today).") var date: String?
    @Option(name: .long, help: "Time of day HH:MM (for hour deadlines such as incident reports).") var time: String?
    @Option(name: .long, help: "What happened.") var description: String
    @Option(name: .long, help: "Who made it (breach_demand): us (they must cure) or them (we must cure).") var by: Actor?

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let minutes = try time.map { try parseTimeOfDay($0, option: "--time") }
            let (e, deadlines) = try p.recordEvent(agreementId: a.id, kind: kind,
                                                   date: try date.map { try parseDate($0, option: "--date") } ?? p.clock.today,
                                                   minutes: minutes, description: description, madeBy: by)
            out("Recorded event \(e.id) on \(a.title)")
            for d in deadlines { out("  \(d.what): act by \(d.actByDate.humanText)\(d.dueMinutes.map { " \(DeadlineEngine.clockText($0))" } ?? "") — \(d.explanation) [\(d.id)]") }
        }
    }
}
