import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// A small portfolio on a fixed day (Mon 23 Nov 2026), built through the services:
/// - Pureservice: sub-processor notice received 3 Nov → object by Tue 1 Dec (8 d, clause 8.6.3);
///   downtime 21 Oct → SLA credit claim by Wed 18 Nov (overdue, -5 d, clause 4.3).
/// - PUB-avtal (access control): sub-processor notice received Fri 20 Nov → object within
///   10 working days → Fri 4 Dec (11 d); grounds required ("sakliga skäl", 5.2).
/// - An agreement with a hostile title (terminal escape sequences).
enum Fixture {
    static let today = CivilDate(iso: "2026-11-23")!
    static let evilTitle = "Evil \u{1B}]52;c;SGVsbG8=\u{07} \u{1B}[2J name"

    static func portfolio(empty: Bool = false) throws -> Portfolio {
        let store = try VarselStore.inMemory()
        let p = Portfolio(store: store, clock: .fixed(today), ids: SequentialIDGenerator(), user: "test")
        if empty { return p }
        let doc = PortfolioDocument(
            parties: [
                Party(id: "us", name: "Nordby kommun", orgNumber: "212000-0000", country: "SE"),
                Party(id: "pureservice-as", name: "Pureservice AS", orgNumber: "929 782 216", country: "NO"),
                Party(id: "lasbolaget", name: "Låsbolaget AB", orgNumber: "556000-1234", country: "SE"),
                Party(id: "evil-co", name: "Evil Co \u{1B}[31m", country: "SE"),
            ],
            agreements: [
                Agreement(id: "pureservice", title: "Pureservice tjenesteavtale v2.5", kind: .serviceAgreement,
                          counterpartyId: "pureservice-as", ourPartyId: "us", ourRole: .customer, language: "nb",
                          governingLaw: "Norwegian law", calendar: .no, version: "2.5",
                          signedDate: CivilDate(iso: "2024-08-01"), effectiveDate: CivilDate(iso: "2024-08-01")),
                Agreement(id: "pub-avtal", title: "Personuppgiftsbiträdesavtal Bilaga 3", kind: .dataProcessingAgreement,
                          counterpartyId: "lasbolaget", ourPartyId: "us", ourRole: .controller, language: "sv",
                          governingLaw: "Swedish law", calendar: .se, effectiveDate: CivilDate(iso: "2025-01-01")),
                Agreement(id: "evil", title: evilTitle, kind: .other, counterpartyId: "evil-co", ourRole: .customer,
                          language: "en", governingLaw: "Swedish law", calendar: .se),
            ],
            clauses: [
                Clause(id: "pureservice-8.6.3", agreementId: "pureservice", reference: "8.6.3", heading: "Underleverandører",
                       text: "Leverandøren skal varsle Behandlingsansvarlig skriftlig minst fire uker før en ny underleverandør tas i bruk. Behandlingsansvarlig kan protestere mot endringen."),
            ],
            noticeRules: [
                NoticeRule(id: "ps-8.6.3", agreementId: "pureservice", clauseRef: "8.6.3", title: "Object to the new sub-processor",
                           trigger: .changeNoticeReceived, changeKinds: [.subProcessorAdded, .subProcessorReplaced],
                           period: Period(4, .weeks), direction: .after, actor: .us, writtenForm: true),
                NoticeRule(id: "ps-4.3", agreementId: "pureservice", clauseRef: "4.3", title: "Claim the SLA credit in writing",
                           trigger: .event, eventKind: .downtime, period: Period(4, .weeks), direction: .after, actor: .us, writtenForm: true),
                NoticeRule(id: "ps-term", agreementId: "pureservice", clauseRef: "15.2", title: "Termination notice",
                           trigger: .terminationNotice, terminationBy: .either, period: Period(3, .months), direction: .after,
                           actor: .either, writtenForm: true),
                NoticeRule(id: "ps-return", agreementId: "pureservice", clauseRef: "9.2", title: "Instruct return or deletion of data",
                           trigger: .agreementEnds, period: Period(30, .days), direction: .before, actor: .us),
                NoticeRule(id: "pub-5.2", agreementId: "pub-avtal", clauseRef: "5.2", title: "Object to the new sub-processor",
                           trigger: .changeNoticeReceived, changeKinds: [.subProcessorAdded], period: Period(10, .workingDays),
                           direction: .after, actor: .us, groundsRequired: true, groundsText: "sakliga skäl", silenceIsApproval: true),
            ],
            subProcessors: [
                SubProcessor(id: "sp-ms-ps", agreementId: "pureservice", name: "Microsoft Norge AS", country: "NO",
                             purpose: "Hosting (Microsoft Azure)", status: .approved),
                SubProcessor(id: "sp-mailgun", agreementId: "pureservice", name: "Mailgun (Sinch AB)", country: "EEA",
                             purpose: "E-mail delivery", status: .approved),
                SubProcessor(id: "sp-ms-pub", agreementId: "pub-avtal", name: "Microsoft Norge AS", country: "NO",
                             purpose: "Cloud hosting", status: .approved),
            ])
        try p.write { db in
            try PortfolioSnapshot.insert(doc, into: db)
            return ((), AuditNote(action: "seed", entityType: "portfolio", entityId: "test", summary: "Test portfolio"))
        }
        try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: CivilDate(iso: "2026-11-03")!,
            summary: "Twilio Ireland Ltd for SMS", effectiveDate: CivilDate(iso: "2026-12-15")!,
            subProcessor: SubProcessorDraft(name: "Twilio Ireland Ltd", country: "IE", purpose: "SMS notifications")))
        try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pub-avtal", kind: .subProcessorAdded, receivedDate: CivilDate(iso: "2026-11-20")!,
            summary: "Ny underbiträde: Nets A/S", subProcessor: SubProcessorDraft(name: "Nets A/S", country: "DK", purpose: "Betalningar")))
        try p.recordEvent(agreementId: "pureservice", kind: .downtime, date: CivilDate(iso: "2026-10-21")!,
                          description: "Down 6 h 30 min")
        return p
    }

    /// The fixture portfolio in a workbench driven as production drives it (`Bench`).
    @MainActor static func workbench(empty: Bool = false) throws -> Bench {
        Bench(Workbench(portfolio: try portfolio(empty: empty), databaseLabel: "test.sqlite"))
    }

    static func auditCount(_ p: Portfolio) throws -> Int { try p.queries.audit(limit: 10_000).count }
}

/// A workbench driven the way `CursesTerminal.run` drives it, through `ProgramHarness`: every
/// key goes to `handle` and a frame is rendered after each one that asks for it, at the harness's
/// size (80x24 until a test asks for another: a frame of another size is a terminal resize).
/// After the program quit, the next key starts a new harness on the same workbench.
@MainActor final class Bench {
    let workbench: Workbench
    private(set) var harness: ProgramHarness

    init(_ workbench: Workbench) {
        self.workbench = workbench
        harness = ProgramHarness(workbench, width: 80, height: 24)
    }

    private func live() -> ProgramHarness {
        if harness.didQuit { harness = ProgramHarness(workbench, width: harness.width, height: harness.height) }
        return harness
    }

    func press(_ keys: Key...) { for k in keys { handle(k) } }
    func type(_ text: String) { for c in text { handle(.char(c)) } }
    @discardableResult func handle(_ key: Key) -> ProgramStep { live().press(key) }
    @discardableResult func tick() -> ProgramStep { live().tick() }

    /// The frame at `width` x `height` (resizing the terminal first when it has another size).
    func render(width: Int, height: Int) -> ScreenBuffer {
        let h = live()
        if h.width != width || h.height != height { h.resize(width: width, height: height) }
        return h.screen
    }

    func screen(_ w: Int = 80, _ h: Int = 24) -> String { render(width: w, height: h).text }

    /// After a test wrote to the portfolio directly: the workbench reloads and draws a frame.
    func dataChanged() { workbench.dataChanged(); live().redraw() }
    func openAgreement(_ id: String, tab: DetailTab) { workbench.openAgreement(id, tab: tab); live().redraw() }

    // What tests inspect.
    var state: WorkbenchState { workbench.state }
    var portfolio: Portfolio { workbench.portfolio }
    var auditWarning: String? { workbench.auditWarning }
    var pager: AgreementPager { workbench.data.pager }
    var vendorPager: VendorPager { workbench.data.vendorPager }
    var agendaLoads: Int { workbench.data.agendaLoads }
    var detailLoads: Int { workbench.data.detailLoads }
    var agendaAll: [AgendaItem] { workbench.data.agendaAll }
    func detail(_ id: String) -> AgreementDetail? { workbench.data.detail(id) }
    /// The agenda and the notices as shown, and the selected rows (of the view shown).
    var agendaItems: [AgendaItem] { workbench.loaded.agenda.items }
    var noticeRows: [NoticeRow] { workbench.loaded.notices }
    var selectedAgendaItem: AgendaItem? { workbench.loaded.agendaItem(at: state.agenda.selected) }
    var selectedNotice: NoticeRow? { workbench.loaded.notice(at: state.notices.selected) }
    var selectedAgreementRow: AgreementRow? { workbench.loaded.agreementRow(at: state.agreements.selected) }
}
/// Linux XCTest cannot run `@MainActor` test methods; tests run on the main thread, so they
/// enter the main actor explicitly.
func onMain(_ body: @MainActor () throws -> Void) rethrows {
    try MainActor.assumeIsolated(body)
}

extension PortfolioStorage {
    /// The SQLite file behind the storage interface, for tests that check rows directly.
    var writer: any DatabaseWriter { (self as! VarselStore).writer }
}
