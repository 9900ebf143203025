import ArgumentParser
import VarselKit
import VarselUI

/// `varsel deadlines`: the agenda — open deadlines up to today + N days and every overdue one.
struct DeadlinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deadlines",
                                                    abstract: "Open deadlines within N days, and every overdue one.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var format: FormatOptions
    @Option(name: .long, parsing: .unconditional, help: "Days ahead to include (overdue items are always included).")
    var within = 90

    func validate() throws {
        guard within >= 0 else { throw ValidationError("--within must be 0 or more days, got \(within)") }
    }

    func run() throws {
        try guarded {
            let q = try common.settledPortfolio().queries
            let agenda = try q.agenda(within: within)
            if format.format == .json {
                JSONText.printLine(chunks: DeadlineJSON.chunks(agenda))
                return
            }
            let items = agenda.map(DeadlineOutput.init)
            let snoozed = Set(agenda.filter { $0.deadline.isSnoozed(today: q.today) }.map(\.id))
            switch format.format {
            case .json: break
            case .csv:
                var csv = CSVWriter(header: DeadlineOutput.csvHeader)
                for i in items { csv.append(i.csvRow) }
                print(csv.render(bom: format.bom), terminator: "")
            case .table:
                var t = TextTable(["ACT BY", "LEFT", "WINDOW", "AGREEMENT", "WHAT IS DUE", "CLAUSE", "ID"], rightAligned: [1])
                t.width = TerminalWidth.current()
                t.shrinkable = [3, 4]
                for i in items {
                    t.append([i.actByDate, i.daysLeft.daysLeftText, AgendaWindow(rawValue: i.window)?.title ?? i.window,
                              i.agreement, (snoozed.contains(i.id) ? "[snoozed] " : "") + (i.flag == nil ? "" : "[outside EEA] ")
                                + i.what + (i.assumed ? " (assumed)" : ""),
                              i.clause ?? "", i.id])
                }
                outBlock(t.render())
                if !items.isEmpty {
                    out("")
                    for i in items {
                        let line = "\(i.id): \(i.rule)" + (i.flag.map { " — warning: \($0)" } ?? "")
                        if let width = t.width {
                            for l in TextWrap.wrap(line, width: width, continuationWidth: width - 4).enumerated() {
                                out("\(l.offset == 0 ? "" : "    ")\(l.element)")
                            }
                        } else {
                            out("\(line)")
                        }
                        if snoozed.contains(i.id), let s = i.snoozedUntil { out("  snoozed until \(s); act by \(i.actByDate) unchanged") }
                        if let note = i.note { out("  note: \(note)") }
                    }
                }
            }
        }
    }
}

/// `varsel check`: for cron — exit 0 when nothing is due within N days, 1 when something is, 3 when something is overdue.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 0 if nothing is due within N days, 1 if something is, 3 if something is overdue (one line per item).")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, parsing: .unconditional, help: "Days ahead to check (0 or more).")
    var within = 14

    func validate() throws {
        guard within >= 0 else { throw ValidationError("--within must be 0 or more days, got \(within)") }
    }

    func run() throws {
        var status: Int32 = 0
        try guarded {
            let q = try common.settledPortfolio().queries
            // A snoozed deadline is not due before its snooze day; once overdue it always counts.
            let items = try q.agenda(within: within).filter { !$0.deadline.isSnoozed(today: q.today) }
            for i in items {
                let d = i.deadline
                let state = i.daysLeft < 0 ? "OVERDUE" : "DUE"
                let clause = d.clauseRef.map { " [\(TerminalText.sanitize($0))]" } ?? ""
                out("\(state) \(d.actByDate.iso) (\(i.daysLeft.daysLeftText)) \(i.agreementTitle): \(d.what)\(clause) {\(d.id)}")
            }
            if items.contains(where: { $0.daysLeft < 0 }) { status = 3 } else if !items.isEmpty { status = 1 }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// `varsel show AGREEMENT`: everything about one agreement.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one agreement: parties, rules, sub-processors, notices, deadlines, history.")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Output format: table or json.") var format: ReportFormat = .table
    @Argument(help: "Agreement id or an unambiguous part of its name.") var agreement: String

    func run() throws {
        try guarded {
            let q = try common.settledPortfolio().queries
            let d = try q.detail(agreementId: try q.resolveAgreement(agreement).id)
            if format == .json { try JSONOutput.print(ShownAgreement(detail: d)); return }
            outBlock(AgreementReport(detail: d, today: q.today).text)
        }
    }
}

/// `varsel show --format json`: the detail, and `recordVersions`: the version (`--if-version`)
/// of the agreement and of each record of it that an authoring command changes, by id.
struct ShownAgreement: Encodable {
    let detail: AgreementDetail

    enum Key: String, CodingKey { case recordVersions }

    func encode(to encoder: any Encoder) throws {
        try detail.encode(to: encoder)
        var versions: [String: String] = [detail.agreement.id: RecordVersion(detail.agreement).digest,
                                          detail.counterparty.id: RecordVersion(detail.counterparty).digest]
        if let our = detail.ourParty { versions[our.id] = RecordVersion(our).digest }
        for r in detail.clauses { versions[r.id] = RecordVersion(r).digest }
        for r in detail.rules.map(\.rule) where r.id != StatutoryRules.gdprArt33Id { versions[r.id] = RecordVersion(r).digest }
        for r in detail.subProcessors { versions[r.id] = RecordVersion(r).digest }
        for r in detail.versions { versions[r.id] = RecordVersion(r).digest }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(versions, forKey: .recordVersions)
    }
}
