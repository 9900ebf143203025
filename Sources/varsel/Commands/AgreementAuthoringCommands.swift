import ArgumentParser
import VarselKit

/// `varsel agreement add|edit|archive`.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Create, change and archive agreements.",
        subcommands: [AgreementAddCommand.self, AgreementEditCommand.self, AgreementArchiveCommand.self])
}

/// The agreement fields both `add` and `edit` take (all optional here; `add` checks the required ones).
struct AgreementFields: ParsableArguments {
    @Option(name: .long, help: "Title, e.g. \"Pureservice SaaS agreement\".") var title: String?
    @Option(name: .long, help: "Kind: \(AgreementKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: AgreementKind?
    @Option(name: .long, help: "The other party's id (see `varsel party add`).") var counterparty: String?
    @Option(name: .long, help: "Our own party's id.") var ourParty: String?
    @Option(name: .long, help: "Our role: \(OurRole.allCases.map(\.rawValue).joined(separator: ", ")).") var role: OurRole?
    @Option(name: .long, help: "Language of the text: sv, da, nb, nn, en.") var language: String?
    @Option(name: .long, help: "Governing law in words, e.g. \"Danish law\".") var law: String?
    @Option(name: .long, help: "Holiday calendar: se, dk or no (default: from the counterparty's country, else se).") var calendar: CalendarID?
    @Option(name: .long, help: "Signing date, YYYY-MM-DD.") var signed: String?
    @Option(name: .long, help: "Effective date, YYYY-MM-DD (on or after --signed).") var effective: String?
    @Option(name: .long, help: "End date, YYYY-MM-DD (after --effective).") var end: String?
    @Option(name: .long, help: "Term: indefinite, fixed or auto-renewal.") var term: AgreementTerm.Kind?
    @Option(name: .long, help: "Initial term, e.g. \"2 years\" (fixed and auto-renewal).") var initialTerm: String?
    @Option(name: .long, help: "Renewal period, e.g. \"1 year\" (auto-renewal).") var renewal: String?
    @Option(name: .long, help: "Notice before a term ends (auto-renewal) or ordinary notice period (indefinite), e.g. \"3 months\".") var termNotice: String?
    @Option(name: .long, help: "Parent agreement id (a DPA under its main agreement).") var parent: String?
    @Flag(name: .long, help: "The agreement runs until its parent ends.") var endsWithParent = false
    @Option(name: .long, help: "Status: \(AgreementStatus.allCases.map(\.rawValue).joined(separator: ", ")).") var status: AgreementStatus?
    @Option(name: .long, help: "Free notes.") var notes: String?

    /// Applies the given options to `a`.
    func apply(to a: inout Agreement) throws {
        if let title { a.title = title }
        if let kind { a.kind = kind }
        if let counterparty { a.counterpartyId = counterparty }
        if let ourParty { a.ourPartyId = ourParty.isEmpty ? nil : ourParty }
        if let role { a.ourRole = role }
        if let language { a.language = language }
        if let law { a.governingLaw = law }
        if let calendar { a.calendar = calendar }
        if let signed { a.signedDate = try parseDateOption(signed, option: "--signed") }
        if let effective { a.effectiveDate = try parseDateOption(effective, option: "--effective") }
        if let end { a.endDate = end.isEmpty ? nil : try parseDateOption(end, option: "--end") }
        if let term {
            a.term.kind = term
            if term == .indefinite { a.term.initialPeriod = nil; a.term.renewalPeriod = nil }
            if term == .fixed { a.term.renewalPeriod = nil }
        }
        if let p = try parsePeriod(initialTerm, option: "--initial-term") { a.term.initialPeriod = p }
        if let p = try parsePeriod(renewal, option: "--renewal") { a.term.renewalPeriod = p }
        if let p = try parsePeriod(termNotice, option: "--term-notice") { a.term.noticePeriod = p }
        if let parent { a.parentId = parent.isEmpty ? nil : parent }
        if endsWithParent { a.endsWithParent = true }
        if let status { a.status = status }
        if let notes { a.notes = notes }
    }
}

struct AgreementAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create an agreement.",
        discussion: """
        Examples:
          varsel agreement add --title "Mobilize Me DPA" --counterparty mobilize --role controller \\
            --language da --law "Danish law" --signed 2024-05-01 --effective 2024-05-01 \\
            --term auto-renewal --initial-term "2 years" --renewal "1 year" --term-notice "3 months"
          varsel agreement add --title "Hosting" --counterparty pt-1a2b3c4d --term fixed --effective 2026-01-01 --end 2028-12-31 --dry-run
        """)
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Id to give it (default: a new ag-… id).") var id: String?
    @OptionGroup var fields: AgreementFields
    @OptionGroup var options: AuthoringOptions

    func run() throws {
        try guarded {
            guard let title = fields.title else {
                throw VarselError(.invalidInput, "An agreement needs a title", at: "--title", fix: "Give --title \"…\"")
            }
            guard let counterparty = fields.counterparty else {
                throw VarselError(.invalidInput, "An agreement needs a counterparty", at: "--counterparty",
                                  fix: "Give the party's id (`varsel party add` creates one)")
            }
            let p = try common.portfolio()
            let country = try p.store.read { try $0.record(Party.self, id: counterparty)?.country }
            let calendar = fields.calendar ?? CalendarID(rawValue: (country ?? "se").lowercased()) ?? .se
            var a = Agreement(id: id ?? "", title: title, kind: fields.kind ?? .serviceAgreement, counterpartyId: counterparty,
                              ourRole: fields.role ?? .customer, language: fields.language ?? defaultLanguage(calendar),
                              governingLaw: fields.law ?? "\(calendar.adjective) law", calendar: calendar)
            try fields.apply(to: &a)
            let result = try p.addAgreement(a, dryRun: options.dryRun)
            try reportAgreement(result, verb: "Added", options: options)
        }
    }

    func defaultLanguage(_ c: CalendarID) -> String {
        switch c { case .se: "sv"; case .dk: "da"; case .no: "nb" }
    }
}

extension CalendarID {
    /// "Swedish", "Danish", "Norwegian".
    var adjective: String {
        switch self { case .se: "Swedish"; case .dk: "Danish"; case .no: "Norwegian" }
    }
}

func reportAgreement(_ result: Authored<Agreement>, verb: String, options: AuthoringOptions) throws {
    let a = result.record
    let term: String = switch a.term.kind {
    case .indefinite: "indefinite" + (a.term.noticePeriod.map { ", \($0) notice" } ?? "")
    case .fixed: "fixed" + (a.term.initialPeriod.map { " \($0)" } ?? "")
    case .autoRenewal: "\(a.term.initialPeriod.map(\.description) ?? "?"), renews by \(a.term.renewalPeriod.map(\.description) ?? "?"), \(a.term.noticePeriod.map(\.description) ?? "?") notice"
    }
    try report(result, verb: verb, noun: "agreement", name: a.title, options: options, fields: [
        ("counterparty", a.counterpartyId), ("kind", a.kind.label), ("status", a.status.rawValue), ("term", term),
        ("signed", a.signedDate?.iso), ("effective", a.effectiveDate?.iso), ("end", a.endDate?.iso), ("parent", a.parentId),
        ("calendar", a.calendar.rawValue),
    ])
}

struct AgreementEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change an agreement; its open deadlines follow a changed date, term or calendar.",
        discussion: """
        Examples:
          varsel agreement edit mobilize-dpa --term-notice "6 months"
          varsel agreement edit pureservice --effective 2024-02-01 --dry-run --format json
        Give --end "" to clear the end date, --parent "" to detach from the parent.
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @OptionGroup var fields: AgreementFields
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let result = try p.editAgreement(id: a.id, dryRun: options.dryRun, loaded: try ifVersion.loaded()) { try fields.apply(to: &$0) }
            try reportAgreement(result, verb: "Changed", options: options)
        }
    }
}

struct AgreementArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Archive an agreement: it ends on --date and leaves the agenda and default lists (nothing is deleted).",
        discussion: """
        Examples:
          varsel agreement archive old-hosting --date 2026-06-30
          varsel agreements --all        # archived agreements too
        """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String
    @Option(name: .long, help: "The day it ended (default: today).") var date: String?
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            let p = try common.portfolio()
            let a = try p.queries.resolveAgreement(agreement)
            let result = try p.archiveAgreement(id: a.id, date: try parseDateOption(date, option: "--date"), dryRun: options.dryRun, loaded: try ifVersion.loaded())
            try reportAgreement(result, verb: "Archived", options: options)
        }
    }
}

/// `varsel party add|edit`.
struct PartyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party", abstract: "Add and change parties (organisation numbers are checked and normalised).",
        subcommands: [PartyAddCommand.self, PartyEditCommand.self])
}

struct PartyFields: ParsableArguments {
    @Option(name: .long, help: "Name, e.g. \"Mobilize Me ApS\".") var name: String?
    @Option(name: .long, help: "Organisation number: SE 556036-0793, DK CVR 34208077, NO 929 782 216 (check digits verified).") var orgNumber: String?
    @Option(name: .long, help: "ISO country code: SE, DK, NO, …") var country: String?
    @Option(name: .long, help: "Postal address.") var address: String?

    func apply(to p: inout Party) {
        if let name { p.name = name }
        if let orgNumber { p.orgNumber = orgNumber }
        if let country { p.country = country }
        if let address { p.address = address }
    }
}

func reportParty(_ result: Authored<Party>, verb: String, options: AuthoringOptions) throws {
    let p = result.record
    try report(result, verb: verb, noun: "party", name: p.name, options: options,
               fields: [("org number", p.orgNumber), ("country", p.country), ("address", p.address)])
}

struct PartyAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a party.",
        discussion: """
        Examples:
          varsel party add --name "Mobilize Me ApS" --org-number 34208077 --country DK
          varsel party add --id us --name "Region Nord" --org-number 232100-0016 --country SE
        """)
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Id to give it (default: a new pt-… id).") var id: String?
    @OptionGroup var fields: PartyFields
    @OptionGroup var options: AuthoringOptions

    func run() throws {
        try guarded {
            guard fields.name != nil else { throw VarselError(.invalidInput, "A party needs a name", at: "--name", fix: "Give --name \"…\"") }
            var party = Party(id: id ?? "", name: "")
            fields.apply(to: &party)
            let result = try common.portfolio().addParty(party, dryRun: options.dryRun)
            try reportParty(result, verb: "Added", options: options)
        }
    }
}

struct PartyEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a party.",
        discussion: "Example:\n  varsel party edit mobilize --address \"Åboulevarden 1, 8000 Aarhus C\"")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Party id.") var party: String
    @OptionGroup var fields: PartyFields
    @OptionGroup var options: AuthoringOptions
    @OptionGroup var ifVersion: IfVersionOption

    func run() throws {
        try guarded {
            let result = try common.portfolio().editParty(id: party, dryRun: options.dryRun, loaded: try ifVersion.loaded()) { fields.apply(to: &$0) }
            try reportParty(result, verb: "Changed", options: options)
        }
    }
}
