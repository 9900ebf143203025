import Foundation
import XCTest
@testable import VarselKit
@testable import VarselUI

/// Every view is a function of a state and a data value: the values are read once from the
/// fixture portfolio and passed through JSON, the portfolio (an in-memory database) is gone,
/// then each view is drawn from `WorkbenchState` + `Loaded` alone by `WorkbenchView.render`.
final class RenderWithoutDatabaseTests: XCTestCase {
    struct Snapshot: Codable {
        var agenda: [AgendaItem]
        var notices: [NoticeRow]
        var rows: [AgreementRow]
        var detail: AgreementDetail
        var vendors: [SubProcessorVendor]
        var uses: [SubProcessorRegisterEntry.Use]
    }

    /// The values, as JSON; the portfolio they came from is released on return.
    @MainActor static func snapshotJSON() throws -> Data {
        let q = try Fixture.portfolio().queries
        let vendors = try q.subProcessorVendors(filter: nil, limit: 50)
        return try JSONEncoder().encode(Snapshot(
            agenda: try q.agenda(within: 90), notices: try q.notices(), rows: try q.searchAgreements(filter: nil, limit: 50),
            detail: try q.detail(agreementId: "pureservice"), vendors: vendors,
            uses: try q.subProcessorUses(name: vendors[1].name)))
    }

    func testEveryViewRendersFromStateAndDataAlone() throws {
        try onMain {
            let s = try JSONDecoder().decode(Snapshot.self, from: try Self.snapshotJSON())
            var counts = AgendaCounts()
            counts.overdue = s.agenda.filter { $0.window == .overdue }.count
            counts.within14 = s.agenda.filter { $0.window == .within14 }.count
            let data = Loaded(databaseLabel: "snapshot", today: Fixture.today, counts: counts,
                              agenda: AgendaView.Layout(ordered: AgendaView.ordered(s.agenda)), notices: s.notices,
                              agreements: ListWindow(all: s.rows), detail: s.detail,
                              vendors: ListWindow(all: s.vendors), uses: s.uses)
            let pureservice = try XCTUnwrap(s.rows.firstIndex { $0.id == "pureservice" })
            @MainActor func frame(_ data: Loaded = data, width: Int = 160, height: Int = 48, _ set: (inout WorkbenchState) -> Void = { _ in }) -> String {
                var state = WorkbenchState()
                state.size = TerminalSize(width: width, height: height)
                set(&state)
                WorkbenchReducer.clamp(&state, data)
                return WorkbenchView.render(state, data).text
            }
            func expect(_ text: String, in screen: String, _ what: String) {
                XCTAssertTrue(screen.contains(text), "\(what) lacks \(text):\n\(screen)")
            }

            let agenda = frame()
            expect("Overdue 1   0–14 d 2", in: agenda, "header")
            expect("Overdue (1)", in: agenda, "agenda")
            expect("Why: 4 weeks after downtime", in: agenda, "agenda preview")
            let list = frame { $0.view = .agreements; $0.agreements.selected = pureservice }
            expect(" Agreement (3)", in: list, "agreements list")
            expect("Counterparty: Pureservice AS (org 929 782 216, NO)", in: list, "detail beside the list")
            let tabs: [(DetailTab, String)] = [
                (.overview, "Law: Norwegian law · language nb · calendar Norway"),
                (.rules, "If today: notice received today → act by Mon 21 Dec 2026"),
                (.subProcessors, "Microsoft Norge AS — NO — approved"),
                (.notices, "• Object to the new sub-processor by 2026-12-01 (8 d) [8.6.3]"),
                (.history, "test record_change_notice"),
            ]
            for (tab, text) in tabs {
                let screen = frame(width: 80, height: 24) {
                    $0.view = .agreements; $0.agreements.selected = pureservice; $0.detailFocused = true; $0.detailTab = tab
                }
                expect(text, in: screen, "\(tab) tab")
            }
            let register = frame { $0.view = .subProcessors; $0.subProcessors.selected = 1 }
            expect(" Sub-processor (4)", in: register, "register")
            expect("\(s.vendors[1].name): used in", in: register, "register uses")
            expect("Cloud hosting", in: register, "register uses")
            expect("New sub-processor: Twilio Ireland Ltd", in: frame { $0.view = .notices }, "notices")
            var withMonth = data
            withMonth.calendar = CalendarMonth(first: CivilDate(iso: "2026-12-01")!, counts: [CivilDate(iso: "2026-12-01")!: 1],
                                               dayItems: [s.agenda.first { $0.deadline.actByDate.iso == "2026-12-01" }!])
            let month = frame(withMonth) { $0.view = .calendar; $0.calendarDay = CivilDate(iso: "2026-12-01") }
            expect("December 2026", in: month, "calendar")
            expect(" 1·1", in: month, "calendar")
            expect("Tue 1 Dec 2026: 1 to act on", in: month, "calendar day")
            expect("Help — Agenda", in: frame { $0.overlay = .help(scroll: 0) }, "help")
            expect(":export out.json", in: frame { $0.prompt = "export out.json" }, "command line")
            expect("/sla", in: frame { $0.filterEditing = true; $0.filters[.agenda] = "sla" }, "filter line")
            expect("Discard what you typed?", in: frame {
                $0.overlay = .confirm(Confirmation(subject: .discardForm, question: "Discard what you typed? Nothing is written."))
            }, "confirmation")
            expect("Terminal too small (50x14)", in: frame(width: 50, height: 14), "too small")
            var empty = data
            empty.hasAgreements = false
            expect("This database holds no agreements yet.", in: frame(empty), "empty database")

            let notice = try XCTUnwrap(s.detail.changeNotices.first)
            let choice = NoticeChoice(id: notice.id, agreementId: notice.agreementId, label: "New sub-processor (\(notice.id))", openDeadlines: 1)
            let forms: [(FormState, String)] = [
                (ObjectionForm.make(notices: [choice], agreementTitle: s.detail.agreement.title, today: Fixture.today), "┌ Record objection"),
                (ChangeNoticeForm.make(agreementId: "pureservice", agreementTitle: s.detail.agreement.title, today: Fixture.today),
                 "┌ Record change notice"),
                (TerminationForm.make(agreementId: "pureservice", agreementTitle: s.detail.agreement.title, today: Fixture.today,
                                      rights: [.ordinary], objected: []), "┌ Record termination notice"),
                (HandleForm.make(deadline: s.agenda[0].deadline, agreementTitle: s.agenda[0].agreementTitle), "┌ Mark deadline handled"),
                (SnoozeForm.make(deadline: s.agenda[0].deadline, agreementTitle: s.agenda[0].agreementTitle, today: Fixture.today),
                 "┌ Snooze deadline"),
                (DeadlineNoteForm.make(deadline: s.agenda[0].deadline, agreementTitle: s.agenda[0].agreementTitle), "┌ Note on deadline"),
                // Authoring (issue 10)
                (RuleForm.make(agreement: s.detail.agreement, clauses: s.detail.clauses, rules: s.detail.rules.map(\.rule)), "┌ Edit notice rule"),
                (RuleForm.make(agreement: s.detail.agreement, clauses: s.detail.clauses, rules: []), "┌ New notice rule"),
                (ClauseForm.make(agreement: s.detail.agreement), "┌ New clause"),
                (SubProcessorForm.make(agreement: s.detail.agreement, records: s.detail.subProcessors, today: Fixture.today), "┌ Edit sub-processor"),
                (VersionForm.make(agreement: s.detail.agreement, today: Fixture.today), "┌ New version entry"),
                (ArchiveAgreementForm.make(agreement: s.detail.agreement, today: Fixture.today), "┌ Archive agreement"),
                (PartyForm.make(parties: [s.detail.counterparty], agreementTitle: s.detail.agreement.title), "┌ Edit party"),
            ]
            for (form, title) in forms {
                var shown = form
                shown.take(FormPreview(lines: [StyledLine("Preview line of \(form.title)")]))
                let screen = frame { $0.form = shown }
                expect(title, in: screen, form.title)
                expect("Preview line of \(form.title)", in: screen, form.title)
                expect("Pureservice tjenesteavtale v2.5", in: screen, form.title)
            }
        }
    }
}
