import ArgumentParser
import VarselKit

/// `varsel clause add|edit|remove`.
struct ClauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clause", abstract: "Add, change and remove an agreement's clauses.",
        subcommands: [ClauseAddCommand.self, ClauseEditCommand.self, ClauseRemoveCommand.self])
}

struct ClauseFields: ParsableArguments {
    @Option(name: .long, help: "The agreement's own numbering, e.g. \"8.6.3\".") var ref: String?
    @Option(name: .long, help: "Heading.") var heading: String?
    @Option(name: .long, help: "The clause text, quoted from the agreement.") var text: String?

    func apply(to c: inout Clause) {
        if let ref { c.reference = ref }
        if let heading { c.heading = heading }
        if let text { c.text = text }
    }
}

func reportClause(_ result: Authored<Clause>, verb: String, options: AuthoringOptions) throws {
    let c = result.record
    try report(result, verb: verb, noun: "clause", name: "\(c.reference) \(c.heading)", options: options,
               fields: [("agreement", c.agreementId), ("text", c.text)])
}

struct ClauseAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a clause to an agreement (its reference must be new there).",
        discussion: "Example:\n  varsel clause add pureservice --ref 8.6.3 --heading \"Underbiträden\" --text \"Personuppgiftsansvarig har rätt att invända …\"")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "Id to give it (default: a new cl-… id).") var id: String?
    @OptionGroup var fields: ClauseFields
    @OptionGroup var options: AuthoringOptions

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            var c = Clause(id: id ?? "", agreementId: a.id, reference: "", heading: "", text: "")
            fields.apply(to: &c)
            try reportClause(try p.addClause(c, dryRun: options.dryRun), verb: "Added", options: options)
        }
    }
}

struct ClauseEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a clause; rules citing its old reference follow a new one.",
        discussion: "Example:\n  varsel clause edit cl-0001 --ref 8.6.4")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Clause id.") var clause: String
    @OptionGroup var fields: ClauseFields
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            let result = try common.portfolio().editClause(id: clause, dryRun: options.dryRun, loaded: try ifVersion.loaded()) { fields.apply(to: &$0) }
            try reportClause(result, verb: "Changed", options: options)
        }
    }
}

struct ClauseRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a clause that no notice rule cites.",
        discussion: "Example:\n  varsel clause remove cl-0001 --dry-run")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Clause id.") var clause: String
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            try reportClause(try common.portfolio().removeClause(id: clause, dryRun: options.dryRun, loaded: try ifVersion.loaded()), verb: "Removed", options: options)
        }
    }
}

/// `varsel rule add|edit|remove`.
struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule", abstract: "Add, change and remove notice rules; open deadlines follow in the same transaction.",
        subcommands: [RuleAddCommand.self, RuleEditCommand.self, RuleRemoveCommand.self])
}

struct RuleFields: ParsableArguments {
    @Option(name: .long, help: "What is due, e.g. \"Object to a new sub-processor\".") var title: String?
    @Option(name: .long, help: "What it counts from: \(RuleTrigger.allCases.map(\.rawValue).joined(separator: ", ")).") var trigger: RuleTrigger?
    @Option(name: .long, help: "The period, as `varsel calc` reads it: \"4 weeks\", \"3 months\", \"20 working days\".") var period: String?
    @Option(name: .long, help: "Vague wording without a period (\"promptly\"); an assumed period is used.") var vague: String?
    @Option(name: .long, help: "after (within N after the anchor) or before (at least N before it).") var direction: DeadlineDirection?
    @Option(name: .long, help: "Who must act: us, them or either.") var actor: Actor?
    @Option(name: .long, help: "The clause reference the rule comes from, e.g. \"8.6.3\".") var clause: String?
    @Option(name: .long, help: "For --trigger event: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")).") var eventKind: EventKind?
    @Option(name: .long, help: "For change triggers: a change kind it applies to (repeatable; none = all).") var changeKind: [ChangeKind] = []
    @Option(name: .long, help: "For --trigger recurring: the day it counts from, YYYY-MM-DD.") var recursFrom: String?
    @Option(name: .long, help: "Internal lead time, e.g. \"1 week\".") var leadTime: String?
    @Option(name: .long, help: "Written form required: true or false.") var written: Bool?
    @Option(name: .long, help: "A note.") var note: String?

    func apply(to r: inout NoticeRule) throws {
        if let title { r.title = title }
        if let trigger { r.trigger = trigger }
        if let period {
            r.period = try parsePeriod(period, option: "--period"); r.vagueText = nil
        }
        if let vague { r.vagueText = vague; if period == nil { r.period = nil } }
        if let direction { r.direction = direction; r.roll = .safeDefault(direction: direction, actor: actor ?? r.actor) }
        if let actor { r.actor = actor; r.roll = .safeDefault(direction: r.direction, actor: actor) }
        if let clause { r.clauseRef = clause.isEmpty ? nil : clause }
        if let eventKind { r.eventKind = eventKind }
        if !changeKind.isEmpty { r.changeKinds = changeKind }
        if let recursFrom { r.recursFrom = try parseDateOption(recursFrom, option: "--recurs-from") }
        if let leadTime { r.leadTime = try parsePeriod(leadTime, option: "--lead-time") }
        if let written { r.writtenForm = written }
        if let note { r.note = note }
    }
}

func reportRule(_ result: Authored<NoticeRule>, verb: String, options: AuthoringOptions) throws {
    let r = result.record
    try report(result, verb: verb, noun: "notice rule", name: r.title, options: options, fields: [
        ("agreement", r.agreementId), ("trigger", r.trigger.rawValue), ("period", r.periodText(assumed: Period(10, .workingDays))),
        ("actor", r.actor.rawValue), ("clause", r.clauseRef),
    ])
}

struct RuleAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a notice rule to an agreement.",
        discussion: """
        Examples:
          varsel rule add pureservice --title "Object to a new sub-processor" --trigger change_notice_received \\
            --period "4 weeks" --clause 8.6.3
          varsel rule add mobilize-dpa --title "Yearly audit report" --trigger recurring --period "12 months" --recurs-from 2024-05-01
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "Id to give it (default: a new rule-… id).") var id: String?
    @OptionGroup var fields: RuleFields
    @OptionGroup var options: AuthoringOptions

    func run() throws {
        try guarded {
            guard let title = fields.title else { throw VarselError(.invalidInput, "A notice rule needs a title", at: "--title", fix: "Give --title \"…\"") }
            guard let trigger = fields.trigger else {
                throw VarselError(.invalidInput, "A notice rule needs the event it counts from", at: "--trigger",
                                  fix: "Give --trigger, one of: \(RuleTrigger.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            var r = NoticeRule(id: id ?? "", agreementId: a.id, clauseRef: nil, title: title, trigger: trigger, period: nil,
                               direction: fields.direction ?? .after, actor: fields.actor ?? .us)
            try fields.apply(to: &r)
            try reportRule(try p.addRule(r, dryRun: options.dryRun), verb: "Added", options: options)
        }
    }
}

struct RuleEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a notice rule; its open deadlines move (handled ones never reopen).",
        discussion: "Examples:\n  varsel rule edit rule-0001 --period \"30 days\"\n  varsel rule edit rule-0001 --period \"6 weeks\" --dry-run   # shows which deadlines would move")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Notice rule id.") var rule: String
    @OptionGroup var fields: RuleFields
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            let result = try common.portfolio().editRule(id: rule, dryRun: options.dryRun, loaded: try ifVersion.loaded()) { try fields.apply(to: &$0) }
            try reportRule(result, verb: "Changed", options: options)
        }
    }
}

struct RuleRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a notice rule without history; its open deadlines are withdrawn.",
        discussion: "Example:\n  varsel rule remove rule-0001")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Notice rule id.") var rule: String
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            try reportRule(try common.portfolio().removeRule(id: rule, dryRun: options.dryRun, loaded: try ifVersion.loaded()), verb: "Removed", options: options)
        }
    }
}

/// `varsel subprocessor add|edit|remove`.
struct SubprocessorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subprocessor", abstract: "Add, change and remove (end) an agreement's sub-processors.",
        subcommands: [SubprocessorAddCommand.self, SubprocessorEditCommand.self, SubprocessorRemoveCommand.self])
}

struct SubprocessorFields: ParsableArguments {
    @Option(name: .long, help: "Name, e.g. \"Curanet A/S\".") var name: String?
    @Option(name: .long, help: "Organisation number (checked for SE, DK and NO).") var orgNumber: String?
    @Option(name: .long, help: "ISO country code, or EEA.") var country: String?
    @Option(name: .long, help: "What it does, e.g. \"Hosting\".") var purpose: String?
    @Option(name: .long, help: "Address.") var address: String?
    @Option(name: .long, help: "Transfer mechanism outside the EEA, e.g. \"SCC 2021/914\".") var transfer: String?
    @Option(name: .long, help: "Status: approved, proposed, objected, rejected.") var status: SubProcessorStatus?
    @Option(name: .long, help: "Engaged since, YYYY-MM-DD.") var since: String?

    func apply(to s: inout SubProcessor) throws {
        if let name { s.name = name }
        if let orgNumber { s.orgNumber = orgNumber }
        if let country { s.country = country }
        if let purpose { s.purpose = purpose }
        if let address { s.address = address }
        if let transfer { s.transferMechanism = transfer }
        if let status { s.status = status; if status != .approved { s.approvalBasis = nil } }
        if let since { s.since = try parseDateOption(since, option: "--since") }
    }
}

func reportSubProcessor(_ result: Authored<SubProcessor>, verb: String, options: AuthoringOptions) throws {
    let s = result.record
    try report(result, verb: verb, noun: "sub-processor", name: s.name, options: options, fields: [
        ("agreement", s.agreementId), ("org number", s.orgNumber), ("country", s.country), ("purpose", s.purpose),
        ("status", s.statusText), ("since", s.since?.iso),
    ])
}

struct SubprocessorAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a sub-processor to an agreement.",
        discussion: "Example:\n  varsel subprocessor add mobilize-dpa --name \"Curanet A/S\" --org-number 29139555 --country DK --purpose Hosting")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "Id to give it (default: a new sp-… id).") var id: String?
    @OptionGroup var fields: SubprocessorFields
    @OptionGroup var options: AuthoringOptions

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            var s = SubProcessor(id: id ?? "", agreementId: a.id, name: "", country: "", purpose: "", status: .approved)
            try fields.apply(to: &s)
            try reportSubProcessor(try p.addSubProcessor(s, dryRun: options.dryRun), verb: "Added", options: options)
        }
    }
}

struct SubprocessorEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a sub-processor.",
        discussion: "Example:\n  varsel subprocessor edit sp-0001 --purpose \"Hosting and backup\"")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Sub-processor id.") var subprocessor: String
    @OptionGroup var fields: SubprocessorFields
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            let result = try common.portfolio().editSubProcessor(id: subprocessor, dryRun: options.dryRun, loaded: try ifVersion.loaded()) { try fields.apply(to: &$0) }
            try reportSubProcessor(result, verb: "Changed", options: options)
        }
    }
}

struct SubprocessorRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "End a sub-processor's engagement (status removed from --date); it stays as history.",
        discussion: "Example:\n  varsel subprocessor remove sp-0001 --date 2026-12-31")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Sub-processor id.") var subprocessor: String
    @Option(name: .long, help: "The day it stopped (default: today).") var date: String?
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            let result = try common.portfolio().removeSubProcessor(id: subprocessor, date: try parseDateOption(date, option: "--date"),
                                                                   dryRun: options.dryRun, loaded: try ifVersion.loaded())
            try reportSubProcessor(result, verb: "Removed", options: options)
        }
    }
}

/// `varsel version add|edit|remove`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Record, change and remove versions of an agreement's text.",
        subcommands: [VersionAddCommand.self, VersionEditCommand.self, VersionRemoveCommand.self])
}

func reportVersion(_ result: Authored<AgreementVersion>, verb: String, options: AuthoringOptions) throws {
    let v = result.record
    try report(result, verb: verb, noun: "version", name: v.version, options: options,
               fields: [("agreement", v.agreementId), ("date", v.date?.iso), ("changes", v.changes)])
}

struct VersionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a version entry; the agreement's current version follows it.",
        discussion: "Example:\n  varsel version add pureservice --version 2.6 --date 2026-03-01 --changes \"New sub-processor list\"")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "Id to give it (default: a new ver-… id).") var id: String?
    @Option(name: .long, help: "Version label, e.g. \"2.6\".") var version: String
    @Option(name: .long, help: "Its date, YYYY-MM-DD.") var date: String?
    @Option(name: .long, help: "What changed.") var changes: String = ""
    @OptionGroup var options: AuthoringOptions

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let v = AgreementVersion(id: id ?? "", agreementId: a.id, version: version,
                                     date: try parseDateOption(date, option: "--date"), changes: changes)
            let result = try p.addVersion(v, dryRun: options.dryRun)
            try report(result, verb: "Added", noun: "version", name: "\(v.version) of \(a.title)", options: options,
                       fields: [("date", result.record.date?.iso), ("changes", result.record.changes)])
        }
    }
}

struct VersionEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a version entry; the agreement's current version follows a new label.",
        discussion: """
        Examples:
          varsel version edit ver-0001 --changes "Sub-processor list of 1 March"
          varsel version edit ver-0001 --version 2.6.1 --date 2026-03-02 --dry-run
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Version entry id.") var entry: String
    @Option(name: .long, help: "New version label, e.g. \"2.6\".") var version: String?
    @Option(name: .long, help: "New date, YYYY-MM-DD (\"none\" clears it).") var date: String?
    @Option(name: .long, help: "What changed.") var changes: String?
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            var newDate: CivilDate?? = nil   // nil: unchanged; .some(nil): cleared
            if let date { newDate = .some(date.lowercased() == "none" ? nil : try parseDateOption(date, option: "--date")) }
            let result = try common.portfolio().editVersion(id: entry, dryRun: options.dryRun, loaded: try ifVersion.loaded()) { v in
                if let version { v.version = version }
                if let newDate { v.date = newDate }
                if let changes { v.changes = changes }
            }
            try reportVersion(result, verb: "Changed", options: options)
        }
    }
}

struct VersionRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a version entry (recorded by mistake).",
        discussion: """
        When it was the agreement's current version, the newest remaining entry becomes current.
        Example:
          varsel version remove ver-0001 --dry-run
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Version entry id.") var entry: String
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            try reportVersion(try common.portfolio().removeVersion(id: entry, dryRun: options.dryRun, loaded: try ifVersion.loaded()), verb: "Removed", options: options)
        }
    }
}
