import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Key flows driven through the real binding table, headless.
final class FlowTests: XCTestCase {
    func testAgendaToObjectionClosesTheDeadline() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let p = wb.portfolio
            let auditBefore = try Fixture.auditCount(p)
            // Agenda: the second item is Pureservice's objection window (8 d).
            wb.press(.char("j"))
            XCTAssertEqual(wb.selectedAgendaItem?.deadline.id, "dl-cn-0001-ps-8.6.3")
            wb.press(.enter)
            XCTAssertEqual(wb.state.view, .agreements)
            XCTAssertTrue(wb.state.detailFocused)
            XCTAssertEqual(wb.state.detailTab, .notices, "Enter on a change-notice deadline opens the Notices tab")
            XCTAssertEqual(wb.selectedAgreementRow?.id, "pureservice")
            XCTAssertTrue(wb.screen().contains("2026-11-03 New sub-processor · open · cn-0001"))
            wb.press(.char("o"))
            let form = try XCTUnwrap(wb.state.form)
            XCTAssertEqual(form.focusedField?.id, "grounds")
            XCTAssertEqual(form.value("date"), "2026-11-23")
            wb.type("Twilio transfers data to the US")
            for (w, h) in sizes {
                let s = wb.screen(w, h)
                XCTAssertTrue(s.contains("┌ Record objection"), s)
                XCTAssertTrue(s.contains("Twilio transfers data to the US"), s)
                XCTAssertTrue(s.contains("Date *"), s)
            }
            XCTAssertNotNil(wb.render(width: 80, height: 24).cursorPosition, "the cursor shows in the active text field")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(wb.state.status?.text, "Objection obj-0001 recorded; 1 deadline handled")
            XCTAssertTrue(wb.screen().contains("Objection obj-0001 recorded; 1 deadline handled"))
            // Visible at once: the notices tab, history and the agenda.
            XCTAssertTrue(wb.screen(160, 48).contains("Objection obj-0001 on 2026-11-23 by email (pending): Twilio"), wb.screen(160, 48))
            wb.press(.char("]"))
            XCTAssertTrue(wb.screen(160, 48).contains("record_objection"))
            wb.press(.char("1"))
            let agenda = wb.screen(160, 48)
            XCTAssertFalse(agenda.contains("2026-12-01"), agenda)
            XCTAssertTrue(agenda.contains("Within 14 days (1)"), agenda)
            XCTAssertTrue(agenda.contains("Overdue 1   0–14 d 1"), agenda)
            // The store has the objection, the closed deadline and one more audit row.
            let d = try p.queries.detail(agreementId: "pureservice")
            XCTAssertEqual(d.objections.map(\.grounds), ["Twilio transfers data to the US"])
            XCTAssertEqual(d.deadlines.first { $0.id == "dl-cn-0001-ps-8.6.3" }?.state, .handled)
            XCTAssertEqual(try Fixture.auditCount(p), auditBefore + 1)
            XCTAssertEqual(try p.queries.audit(limit: 1).first?.action, "record_objection")
        }
    }

    func testEscInAFormWritesNothing() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let before = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("j"), .char("o"))
            wb.type("Half-typed grounds")
            wb.press(.escape)
            XCTAssertTrue(wb.screen().contains("Discard what you typed? Nothing is written."), "a filled form asks first")
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.form?.value("grounds"), "Half-typed grounds", "n keeps the form")
            wb.press(.escape, .char("y"))
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(wb.state.status?.text, "Cancelled; nothing was written")
            wb.press(.char("2"), .char("c"))
            wb.press(.tab, .tab, .tab)
            wb.type("Something")
            wb.press(.escape, .char("y"))
            XCTAssertNil(wb.state.form)
            wb.press(.char("t"), .escape)
            XCTAssertNil(wb.state.form, "an untouched form closes at once")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), before)
            XCTAssertEqual(try wb.portfolio.queries.detail(agreementId: "pureservice").objections.count, 0)
        }
    }

    func testGroundsRequiredRejectionShowsInlineError() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let before = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("j"), .char("j"))   // PUB-avtal, 5.2, grounds required
            wb.press(.char("o"))
            XCTAssertEqual(wb.state.form?["grounds"]?.required, true)
            XCTAssertTrue(wb.screen().contains("Clause 5.2 requires grounds for an objection: \"sakliga skäl\""))
            XCTAssertTrue(wb.screen().contains("Grounds *"))
            wb.press(.ctrl("s"))
            let form = try XCTUnwrap(wb.state.form, "the form stays open")
            XCTAssertEqual(form.error?.location, "grounds")
            let b = wb.render(width: 80, height: 24)
            let groundsRow = (0..<b.height).first { b.line($0).contains("Grounds *") }!
            // The error sits right under the grounds field (after its three rows).
            XCTAssertTrue(b.line(groundsRow + 3).contains("⚠ Clause 5.2 requires grounds for an objection"), b.text)
            XCTAssertTrue(b.line(groundsRow + 4).contains("(\"sakliga skäl\"). State the objective reasons"), b.text)
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), before)
            // Typing grounds clears the error, and the save goes through.
            wb.type("Nets A/S lacks ISO 27001")
            XCTAssertNil(wb.state.form?.error)
            wb.press(.enter, .enter, .enter)   // grounds → channel → note → save
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(wb.state.status?.text, "Objection obj-0001 recorded; 1 deadline handled")
        }
    }

    func testBadDateIsRejectedAtTheDateField() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("j"), .char("o"), .up)   // grounds → date
            XCTAssertEqual(wb.state.form?.focusedField?.id, "date")
            for _ in 0..<10 { wb.press(.backspace) }
            wb.type("2026-13-01")
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "date")
            XCTAssertTrue(wb.screen().contains("⚠ \"2026-13-01\" is not a date"))
        }
    }

    func testChangeNoticeFormShowsTheDeadlineBeforeSaving() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"), .char("j"), .char("j"), .char("c"))   // Pureservice
            var form = try XCTUnwrap(wb.state.form)
            XCTAssertEqual(form.value("kind"), "New sub-processor")
            XCTAssertEqual(form["sub-processor name"]?.hidden, false)
            wb.press(.tab, .tab, .tab, .tab, .tab)   // received, kind, channel, summary, effective → sub-processor name
            XCTAssertEqual(wb.state.form?.focusedField?.id, "sub-processor name")
            wb.type("Sinch AB")
            wb.press(.tab)
            wb.type("SE")
            for (w, h) in sizes {
                let s = wb.screen(w, h)
                XCTAssertTrue(s.contains("┌ Record change notice"), s)
                XCTAssertTrue(s.contains("Opens: Object to the new sub-processor — act by 2026-12-21 (28 d) [8.6.3]"), s)
            }
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), 4, "preview writes nothing (seed, 2 notices, 1 event)")
            // A kind without a rule warns before saving.
            wb.press(.backTab, .backTab, .backTab, .backTab, .backTab)
            XCTAssertEqual(wb.state.form?.focusedField?.id, "kind")
            wb.press(.right, .right)   // Terms changed
            form = try XCTUnwrap(wb.state.form)
            XCTAssertEqual(form.value("kind"), "Terms changed")
            XCTAssertEqual(form["sub-processor name"]?.hidden, true)
            XCTAssertTrue(wb.screen(160, 48).contains("Not ready to save: The change notice needs a summary"))
            wb.press(.tab, .tab)
            wb.type("New SMS provider")
            XCTAssertTrue(wb.screen(160, 48).contains("⚠ The agreement has no notice rule for \"Terms changed\""), "warning missing")
            wb.press(.backTab, .backTab, .left, .left)
            XCTAssertEqual(wb.state.form?.value("kind"), "New sub-processor")
            wb.press(.ctrl("s"))
            // (Previews draw ids from the generator too, so the sequential id is not cn-0003.)
            let status = try XCTUnwrap(wb.state.status?.text, "no status; form error: \(String(describing: wb.state.form?.error))")
            XCTAssertTrue(status.hasPrefix("Change notice cn-") && status.hasSuffix(" recorded; 1 deadline opened"), status)
            wb.press(.escape, .char("1"))
            XCTAssertTrue(wb.screen(160, 48).contains("2026-12-21    28 d Pureservice tjenesteavtale v2.5"))
        }
    }

    func testTerminationFormShowsEndDateAndConfirms() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"), .char("j"), .char("j"), .char("t"))
            for (w, h) in sizes {
                let s = wb.screen(w, h)
                XCTAssertTrue(s.contains("┌ Record termination notice"), s)
                XCTAssertTrue(s.contains("Agreement ends: 2027-02-23 (Tue 23 Feb 2027)"), s)
                XCTAssertTrue(s.contains("Then: Instruct return or deletion of data — act by 2027-01-22 (60 d) [9.2]"), s)
                XCTAssertTrue(s.contains("⚠ Clause 15.2 requires the notice in writing"), s)
            }
            let before = try Fixture.auditCount(wb.portfolio)
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.context, .confirm)
            XCTAssertTrue(wb.screen(160, 48).contains("Record the termination of Pureservice tjenesteavtale v2.5"))
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.context, .form, "n goes back to the form")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), before)
            wb.press(.ctrl("s"), .char("y"))
            XCTAssertNil(wb.state.form)
            XCTAssertEqual(wb.state.status?.text, "Termination tn-0001 recorded; agreement ends 2027-02-23; 1 follow-on deadline")
            XCTAssertTrue(wb.screen(160, 48).contains("terminating"))
        }
    }

    func testMarkHandledAsksFirst() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("x"))
            XCTAssertTrue(wb.screen().contains("Mark \"Claim the SLA credit in writing\""))
            wb.press(.escape)
            XCTAssertTrue(wb.screen().contains("Overdue (1)"))
            XCTAssertEqual(try wb.portfolio.queries.agenda(within: 90).count, 3, "Esc leaves it open")
            // x asks for an optional note, as `varsel handle --note` takes one.
            wb.press(.char("x"))
            wb.type("Claim sent by e-mail")
            wb.press(.enter)
            XCTAssertEqual(wb.state.status?.text, "Deadline handled: Claim the SLA credit in writing (act by 2026-11-18); note kept")
            let handled = try wb.portfolio.queries.detail(agreementId: "pureservice").deadlines.first { $0.what == "Claim the SLA credit in writing" }
            XCTAssertEqual(handled?.handledNote, "Claim sent by e-mail")
            let s = wb.screen()
            XCTAssertFalse(s.contains("Overdue (1)"), s)
            XCTAssertTrue(s.contains("Overdue 0"), s)
        }
    }

    /// A recurring duty of ours: handling its overdue occurrence from the agenda opens the next one.
    func testHandlingARecurringOccurrenceOpensTheNext() throws {
        try onMain {
            let p = try Fixture.portfolio()
            let rule = NoticeRule(id: "pub-review", agreementId: "pub-avtal", clauseRef: nil, title: "Yearly review of the supplier",
                                  trigger: .recurring, period: Period(12, .months), direction: .after, actor: .us,
                                  recursFrom: CivilDate(iso: "2024-11-16")!)
            try p.write { tx in
                try tx.insert(rule)
                try tx.insert(XCTUnwrap(p.planner.occurrence(2, of: rule, calendar: .se)))
                return ((), AuditNote(action: "seed", entityType: "rule", entityId: rule.id, summary: "Recurring rule"))
            }
            let wb = Bench(Workbench(portfolio: p, databaseLabel: "test.sqlite"))
            XCTAssertTrue(wb.screen().contains("Overdue (2)"))
            wb.press(.char("x"), .enter)   // the handle form: an empty note, Enter marks it handled
            XCTAssertEqual(wb.state.status?.text,
                           "Deadline handled: Yearly review of the supplier (act by 2026-11-16); next occurrence opened, act by 2027-11-16")
            XCTAssertTrue(wb.screen().contains("Overdue (1)"))
        }
    }

    func testHelpOverlayListsTheBindingsOfTheCurrentContext() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("?"))
            var s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Help — Agenda"), s)
            XCTAssertTrue(s.contains("Enter            Open the item's agreement"), s)
            XCTAssertTrue(s.contains("x                Mark the deadline handled (asks; optional note)"), s)
            XCTAssertTrue(s.contains("Esc/q            Back (Esc clears a filter; q quits at the top level)"), s)
            XCTAssertFalse(s.contains("Next detail tab"))
            // The agenda's keys fill more than one box: scroll through it.
            var seen = s
            for _ in 0..<12 { wb.press(.char("j")); seen += wb.screen(160, 48) }
            for b in Bindings.bindings(for: .agenda) { XCTAssertTrue(seen.contains(b.description), b.description) }
            wb.press(.escape, .char("2"), .enter, .char("?"))
            s = wb.screen(160, 48)
            XCTAssertTrue(s.contains("Help — Agreement detail"), s)
            XCTAssertTrue(s.contains("]/l/→            Next detail tab"), s)
            XCTAssertFalse(s.contains("Mark the deadline handled"), s)
            wb.press(.char("q"))
            XCTAssertNil(wb.state.overlay)
        }
    }

    func testFilterNarrowsTheAgreementsList() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"), .char("/"))
            wb.type("låsbo")
            var s = wb.render(width: 80, height: 24)
            XCTAssertTrue(s.line(2).hasPrefix(" Agreement (1)"), s.line(2))
            XCTAssertTrue(s.line(3).hasPrefix("▸Personuppgiftsbiträdesa"), s.line(3))
            XCTAssertEqual(s.line(22), "/låsbo")
            wb.press(.enter)   // keep
            XCTAssertFalse(wb.state.filterEditing)
            XCTAssertEqual(wb.state.filter, "låsbo")
            wb.press(.escape)  // clears
            s = wb.render(width: 80, height: 24)
            XCTAssertTrue(s.line(2).hasPrefix(" Agreement (3)"), s.line(2))
            // The agenda filters in memory.
            wb.press(.char("1"), .char("/"))
            wb.type("8.6.3")
            let a = wb.screen()
            XCTAssertTrue(a.contains("Within 14 days (1)"), a)
            XCTAssertFalse(a.contains("Overdue (1)"), a)
            wb.press(.escape)
            XCTAssertTrue(wb.screen().contains("Overdue (1)"))
        }
    }

    func testQuitKeys() throws {
        try onMain {
            let wb = try Fixture.workbench()
            XCTAssertEqual(wb.handle(.ctrl("c")), .quit)
            wb.press(.char("2"), .enter)
            XCTAssertEqual(wb.handle(.char("q")), .redraw, "q in the detail goes back")
            XCTAssertEqual(wb.handle(.char("q")), .quit, "q at the top level quits")
        }
    }

    func testKeysDoNotReloadThePortfolio() throws {
        try onMain {
            let wb = try Fixture.workbench()
            _ = wb.render(width: 80, height: 24)
            wb.press(.char("2"))
            for _ in 0..<5 { wb.press(.char("j")); _ = wb.render(width: 160, height: 48) }
            for _ in 0..<5 { wb.press(.char("k")); _ = wb.render(width: 160, height: 48) }
            XCTAssertEqual(wb.agendaLoads, 1)
            XCTAssertEqual(wb.detailLoads, 3, "each agreement's detail is read once")
        }
    }

    func testOtherProcessWritesAreNoticedOnTick() throws {
        try onMain {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-ui-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("p.sqlite").path
            let seeded = try Fixture.portfolio()
            try seeded.store.writer.backup(to: try VarselStore.open(path: path).writer)
            let mine = Portfolio(store: try VarselStore.open(path: path), clock: .fixed(Fixture.today), user: "ui")
            let theirs = Portfolio(store: try VarselStore.open(path: path), clock: .fixed(Fixture.today), user: "cli")
            let wb = Bench(Workbench(portfolio: mine, databaseLabel: path))
            XCTAssertTrue(wb.screen().contains("Overdue (1)"))
            XCTAssertEqual(wb.tick(), .redraw, "the first idle tick builds the whole agenda after start-up")
            XCTAssertEqual(wb.tick(), .none)
            try theirs.handleDeadline(id: "dl-ev-0001-ps-4.3")
            XCTAssertEqual(wb.tick(), .redraw)
            let s = wb.screen()
            XCTAssertFalse(s.contains("Overdue (1)"), s)
            XCTAssertTrue(s.contains("Reloaded: the database was changed by another program"), s)
            XCTAssertEqual(wb.tick(), .none)
        }
    }
}
