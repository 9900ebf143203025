import ArgumentParser
import VarselKit

/// `varsel agreements`: the agreements list.
struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agreements", abstract: "List agreements.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var format: FormatOptions
    @Option(name: .long, help: "Only agreements whose name, counterparty or id contains this text.")
    var filter: String?
    @Flag(name: .long, help: "Include archived (ended) agreements.")
    var all = false

    func run() throws {
        try guarded {
            let q = try common.readPortfolio().queries
            var rows: [AgreementRow] = []
            var page = try q.agreements(filter: filter, includeArchived: all, limit: 1000)
            while !page.isEmpty {
                rows += page
                page = try q.agreements(filter: filter, includeArchived: all, after: page.last, limit: 1000)
            }
            switch format.format {
            case .json: try JSONOutput.print(rows)
            case .csv:
                var csv = CSVWriter(header: ["id", "title", "counterparty", "kind", "status", "next_act_by"])
                for r in rows { csv.append([r.id, r.title, r.counterparty, r.kind.rawValue, r.status.rawValue, r.nextActBy?.iso ?? ""]) }
                print(csv.render(bom: format.bom), terminator: "")
            case .table:
                var t = TextTable(["ID", "AGREEMENT", "COUNTERPARTY", "KIND", "STATUS", "NEXT ACT-BY"])
                for r in rows { t.append([r.id, r.title, r.counterparty, r.kind.label, r.status.rawValue, r.nextActBy?.iso ?? "—"]) }
                outBlock(t.render())
            }
        }
    }
}

/// `varsel subprocessors`: the register across agreements, or one agreement's list.
struct SubprocessorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "subprocessors",
                                                    abstract: "The sub-processor register (across all agreements, grouped by sub-processor).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var format: FormatOptions
    @Option(name: .long, help: "Only this agreement (id or unambiguous name fragment).")
    var agreement: String?
    @Option(name: .long, help: "Only sub-processors whose name, purpose, country or agreement contains this text.")
    var filter: String?

    func run() throws {
        try guarded {
            let q = try common.settledPortfolio().queries
            let agreementId = try agreement.map { try q.resolveAgreement($0).id }
            let entries = try q.subProcessorRegister(filter: filter, agreementId: agreementId)
            switch format.format {
            case .json: try JSONOutput.print(entries)
            case .csv:
                var csv = CSVWriter(header: ["sub_processor", "org_number", "agreement_id", "agreement", "country", "purpose", "status", "since"])
                for e in entries { for u in e.uses {
                    csv.append([e.name, e.orgNumber ?? "", u.agreementId, u.agreementTitle, u.country, u.purpose, u.statusText, u.since?.iso ?? ""])
                } }
                print(csv.render(bom: format.bom), terminator: "")
            case .table:
                var t = TextTable(["SUB-PROCESSOR", "ORG NO", "COUNTRY", "STATUS", "AGREEMENT", "PURPOSE"])
                for e in entries {
                    for (i, u) in e.uses.enumerated() {
                        t.append([i == 0 ? e.name : "", i == 0 ? (e.orgNumber ?? "") : "", u.country, u.statusText, u.agreementTitle, u.purpose])
                    }
                }
                outBlock(t.render())
            }
        }
    }
}

/// `varsel notices`: change and termination notices, open first.
struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notices", abstract: "List change and termination notices, open first.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var format: FormatOptions

    func run() throws {
        try guarded {
            let q = try common.settledPortfolio().queries
            let rows = try q.notices()
            switch format.format {
            case .json: try JSONOutput.print(rows)
            case .csv:
                var csv = CSVWriter(header: ["id", "kind", "date", "agreement", "summary", "status", "act_by", "given_by", "flag"])
                for r in rows {
                    csv.append([r.id, r.kind.rawValue, r.date.iso, r.agreementTitle, r.summary, r.status, r.window?.actByDate.iso ?? "",
                                r.givenBy.rawValue, r.flag ?? ""])
                }
                print(csv.render(bom: format.bom), terminator: "")
            case .table:
                var t = TextTable(["ID", "DATE", "BY", "STATUS", "ACT-BY", "AGREEMENT", "NOTICE"])
                for r in rows {
                    let w = r.window.map { d in d.resolution == .deemedAccepted ? "deemed" : d.state == .open ? d.actByDate.iso : "handled" } ?? "—"
                    t.append([r.id, r.date.iso, r.givenBy.rawValue, r.status, w, r.agreementTitle, r.summary + (r.flag.map { " [\($0)]" } ?? "")])
                }
                outBlock(t.render())
            }
        }
    }
}

/// `varsel audit`: the audit trail, newest first; `verify` and `anchor` for its hash chain.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show the audit trail (newest first), verify its hash chain, print its anchor.",
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self, AuditAnchorCommand.self],
        defaultSubcommand: AuditListCommand.self)
}

/// `varsel audit [list]`: the audit trail, newest first.
struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the audit trail, newest first (the default).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var format: FormatOptions
    @Option(name: .long, help: "How many entries.") var limit = 50

    func run() throws {
        try guarded {
            let entries = try common.readPortfolio().queries.audit(limit: limit)
            switch format.format {
            case .json: try JSONOutput.print(entries)
            case .csv:
                var csv = CSVWriter(header: ["id", "at", "user", "action", "entity_type", "entity_id", "summary"])
                for e in entries { csv.append([String(e.id), e.at, e.user, e.action, e.entityType, e.entityId, e.summary]) }
                print(csv.render(bom: format.bom), terminator: "")
            case .table:
                var t = TextTable(["#", "AT", "USER", "ACTION", "ENTITY", "SUMMARY"], rightAligned: [0])
                t.width = TerminalWidth.current()
                t.shrinkable = [5, 4]
                for e in entries { t.append([String(e.id), e.at, e.user, e.action, e.entityId, e.summary]) }
                outBlock(t.render())
            }
        }
    }
}
