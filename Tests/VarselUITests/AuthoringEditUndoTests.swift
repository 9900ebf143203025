import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 10, the rest of "`e` on the selected thing in any tab" and "`u` undoes the last change":
/// clauses and version entries in their tabs (e, n, x), and `u` for version entries, removed
/// rules and clauses, change notices, an agreement with the party made for it and an `E` session.
/// Each driven by keys; the database and its audit rows read back after.
final class AuthoringEditUndoTests: XCTestCase {
    @MainActor static func clauses(_ wb: Bench, _ id: String = "pureservice") throws -> [Clause] {
        try wb.portfolio.store.read { try $0.clauses(agreementId: id) }
    }

    @MainActor static func versions(_ wb: Bench, _ id: String = "pureservice") throws -> [AgreementVersion] {
        try wb.portfolio.store.read { try $0.versions(agreementId: id) }
    }

    @MainActor static func label(_ wb: Bench, _ id: String = "pureservice") throws -> String? {
        try wb.portfolio.store.read { try $0.agreement(id) }.version
    }

    @MainActor static func actions(_ wb: Bench, _ n: Int) throws -> [String] { try wb.portfolio.queries.audit(limit: n).map(\.action) }

    @MainActor static func focus(_ wb: Bench, _ id: String) {
        for _ in 0..<20 where wb.state.form?.focusedField?.id != id { wb.press(.tab) }
        XCTAssertEqual(wb.state.form?.focusedField?.id, id)
    }

    /// e on the Clauses tab edits the clause (reference, heading, multi-line text); u puts it back.
    /// Pureservice 8.6.3: "Leverandøren skal varsle Behandlingsansvarlig skriftlig minst fire uker
    /// før en ny underleverandør tas i bruk."
    func testClauseEditedInTheFormAndUndone() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let before = try XCTUnwrap(try Self.clauses(wb).first)
            wb.openAgreement("pureservice", tab: .clauses)
            XCTAssertTrue(wb.screen(100, 30).contains("Clauses (1) · e edits, n adds, x removes"), wb.screen(100, 30))
            wb.press(.char("e"))
            XCTAssertEqual(wb.state.form?.title, "Edit clause")
            XCTAssertEqual(wb.state.form?.value("heading"), "Underleverandører")
            Self.focus(wb, "heading"); wb.press(.ctrl("u")); wb.type("Bruk av underleverandører")
            Self.focus(wb, "text"); wb.type("\nBehandlingsansvarlig kan protestere.")
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let edited = try XCTUnwrap(try Self.clauses(wb).first)
            XCTAssertEqual(edited.heading, "Bruk av underleverandører")
            XCTAssertTrue(edited.text.hasSuffix("\nBehandlingsansvarlig kan protestere."), edited.text)
            XCTAssertEqual(try Self.actions(wb, 1), ["edit_clause"])
            XCTAssertEqual(wb.state.status?.text, "Clause 8.6.3 changed")
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: the change to clause 8.6.3")
            XCTAssertEqual(try Self.clauses(wb).first, before)
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 2, "the edit and its undo: one audit row each")
        }
    }

    /// A clause a notice rule cites is refused with the rule named; nothing is written. n on the
    /// Clauses tab adds one, x removes it after the confirmation line, u puts it back.
    func testClauseRemovalIsRefusedWhileCitedAndUndoPutsARemovedOneBack() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .clauses)
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("x"))
            XCTAssertEqual(wb.state.form?.title, "Remove clause")
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.what, "Clause 8.6.3 is cited by notice rule ps-8.6.3 (Object to the new sub-processor)",
                           wb.state.form?.error?.description ?? "no error")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
            wb.press(.escape)
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.form?.title, "New clause")
            wb.type("16.1"); wb.press(.tab); wb.type("Opphør"); wb.press(.tab); wb.type("Avtalen kan sies opp.\nOppsigelsen skal være skriftlig.")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let added = try XCTUnwrap(try Self.clauses(wb).first { $0.reference == "16.1" })
            XCTAssertEqual(added.text, "Avtalen kan sies opp.\nOppsigelsen skal være skriftlig.")
            wb.press(.char("x"))
            for _ in 0..<3 where wb.state.form?.value(RecordPicker.field) != "16.1 Opphør" { wb.press(.right) }
            wb.press(.ctrl("s"))
            guard case .confirm(let q) = wb.state.overlay else { return XCTFail("no confirmation line: \(wb.screen(100, 30))") }
            XCTAssertEqual(q.question, "Remove clause 16.1 Opphør?")
            XCTAssertNotNil(try Self.clauses(wb).first { $0.id == added.id }, "nothing before y")
            wb.press(.char("y"))
            XCTAssertNil(try Self.clauses(wb).first { $0.id == added.id })
            XCTAssertEqual(try Self.actions(wb, 1), ["remove_clause"])
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: removing clause 16.1 (it is back)")
            XCTAssertEqual(try Self.clauses(wb).first { $0.id == added.id }, added)
            XCTAssertEqual(try Self.actions(wb, 1), ["restore_clause"])
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 3)
        }
    }

    /// n, e and x on the Versions tab, then u three times walks all of it back: the entries and
    /// the agreement's version label are as before, with one audit row per change and per undo.
    func testVersionEntriesAddedEditedRemovedAndUndone() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let audits = try Fixture.auditCount(wb.portfolio)
            XCTAssertEqual(try Self.label(wb), "2.5")
            wb.openAgreement("pureservice", tab: .versions)
            XCTAssertTrue(wb.screen(100, 30).contains("No version entries recorded"), wb.screen(100, 30))
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.form?.title, "New version entry")
            wb.type("2.6"); wb.press(.tab, .ctrl("u")); wb.type("2026-03-01"); wb.press(.tab); wb.type("New sub-processor list")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let added = try XCTUnwrap(try Self.versions(wb).first)
            XCTAssertEqual(try Self.label(wb), "2.6")
            // e: the label changes; the agreement's current version follows it.
            wb.press(.char("e"))
            XCTAssertEqual(wb.state.form?.title, "Edit version entry")
            XCTAssertEqual(wb.state.form?.value("version"), "2.6")
            Self.focus(wb, "version"); wb.press(.ctrl("u")); wb.type("2.6.1")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            XCTAssertEqual(try Self.versions(wb).map(\.version), ["2.6.1"])
            XCTAssertEqual(try Self.label(wb), "2.6.1")
            // x: asks first, then removes.
            wb.press(.char("x"), .ctrl("s"))
            guard case .confirm(let q) = wb.state.overlay else { return XCTFail("no confirmation line: \(wb.screen(100, 30))") }
            XCTAssertEqual(q.question, "Remove version entry 2.6.1 (2026-03-01)?")
            wb.press(.char("y"))
            XCTAssertEqual(try Self.versions(wb), [])
            XCTAssertEqual(try Self.actions(wb, 3), ["remove_version", "edit_version", "add_version"])
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: removing version entry 2.6.1 (it is back)")
            XCTAssertEqual(try Self.versions(wb).map(\.version), ["2.6.1"]); XCTAssertEqual(try Self.label(wb), "2.6.1")
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: the change to version entry 2.6.1")
            XCTAssertEqual(try Self.versions(wb), [added]); XCTAssertEqual(try Self.label(wb), "2.6")
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: adding version 2.6 (entry removed; the agreement is version 2.5 again)")
            XCTAssertEqual(try Self.versions(wb), []); XCTAssertEqual(try Self.label(wb), "2.5")
            XCTAssertEqual(try Self.actions(wb, 3), ["remove_version", "edit_version", "restore_version"])
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 6)
        }
    }

    /// A colleague changed the entry while the form was open: saving is refused naming the change
    /// ("Changed by … since you opened it"); their value stays, nothing of ours is written.
    func testVersionEditRefusesAColleaguesChange() throws {
        try onMain {
            let wb = try Fixture.workbench()
            try wb.portfolio.addVersion(AgreementVersion(id: "v25", agreementId: "pureservice", version: "2.5",
                                                         date: CivilDate(iso: "2024-08-01"), changes: "Signed"))
            wb.dataChanged()
            wb.openAgreement("pureservice", tab: .versions)
            wb.press(.char("e"))
            Self.focus(wb, "changes"); wb.type(" (as signed)")
            let colleague = Portfolio(store: wb.portfolio.store, clock: wb.portfolio.clock, user: "anna")
            try colleague.editVersion(id: "v25") { $0.changes = "Signed by both" }
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.ctrl("s"))
            XCTAssertNotNil(wb.state.form, "the form stays open")
            XCTAssertTrue(wb.state.form?.error?.what.hasPrefix("Changed by anna at") == true, wb.state.form?.error?.description ?? "no error")
            XCTAssertEqual(try Self.versions(wb).first?.changes, "Signed by both")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    /// x on the Notice rules tab removes a rule and withdraws its open deadline; u puts the rule
    /// back with that deadline as it was (same id, same act-by day, its note kept).
    func testRuleRemovalUndoneRestoresTheRuleAndItsOpenDeadline() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let window = AuthoringFormTests.window
            try wb.portfolio.noteDeadline(id: window, note: "Ask legal")
            wb.dataChanged()
            let rule = try XCTUnwrap(try AuthoringFormTests.rule(wb, "ps-8.6.3"))
            let deadline = try XCTUnwrap(try AuthoringFormTests.deadline(wb, window))
            wb.openAgreement("pureservice", tab: .rules)
            wb.press(.char("x"))
            for _ in 0..<6 where !(wb.state.form?.value(RecordPicker.field).hasSuffix("Object to the new sub-processor") ?? false) { wb.press(.right) }
            wb.press(.ctrl("s"), .char("y"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            XCTAssertNil(try AuthoringFormTests.rule(wb, "ps-8.6.3"))
            XCTAssertNil(try AuthoringFormTests.deadline(wb, window))
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: removing notice rule Object to the new sub-processor; it is back with its 1 open deadline")
            XCTAssertEqual(try AuthoringFormTests.rule(wb, "ps-8.6.3"), rule)
            XCTAssertEqual(try AuthoringFormTests.deadline(wb, window), deadline)
            XCTAssertEqual(try Self.actions(wb, 2), ["restore_rule", "remove_rule"])
        }
    }

    /// c records a change notice (a new sub-processor proposed with it, its objection window
    /// opened); u takes all three back in one audited write.
    func testChangeNoticeRecordingUndone() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let subs = try wb.portfolio.store.read { try $0.subProcessors(agreementId: "pureservice") }
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("c"))
            Self.focus(wb, "summary"); wb.type("Sinch Sweden AB for SMS")
            Self.focus(wb, "effective"); wb.type("2027-01-15")
            Self.focus(wb, "sub-processor name"); wb.type("Sinch Sweden AB")
            Self.focus(wb, "sub-processor country"); wb.type("SE")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let notice = try XCTUnwrap(try wb.portfolio.queries.detail(agreementId: "pureservice").changeNotices.first { $0.summary == "Sinch Sweden AB for SMS" })
            XCTAssertFalse(try wb.portfolio.store.read { try $0.deadlines(DeadlineFilter(sourceId: notice.id)) }.isEmpty)
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: recording change notice \(notice.id) (taken back with its 1 deadline)")
            XCTAssertNil(try wb.portfolio.store.read { try $0.record(ChangeNotice.self, id: notice.id) })
            XCTAssertEqual(try wb.portfolio.store.read { try $0.deadlines(DeadlineFilter(sourceId: notice.id)) }, [])
            XCTAssertEqual(try wb.portfolio.store.read { try $0.subProcessors(agreementId: "pureservice") }, subs)
            XCTAssertEqual(try Self.actions(wb, 1), ["unrecord_change_notice"])
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 1)
        }
    }

    /// An objection recorded to the notice since: u refuses, naming it, and changes nothing.
    func testChangeNoticeUndoRefusedAfterAnObjection() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("c"))
            Self.focus(wb, "summary"); wb.type("Sinch Sweden AB for SMS")
            Self.focus(wb, "effective"); wb.type("2027-01-15")
            Self.focus(wb, "sub-processor name"); wb.type("Sinch Sweden AB")
            Self.focus(wb, "sub-processor country"); wb.type("SE")
            wb.press(.ctrl("s"))
            let notice = try XCTUnwrap(try wb.portfolio.queries.detail(agreementId: "pureservice").changeNotices.first { $0.summary == "Sinch Sweden AB for SMS" })
            try wb.portfolio.recordObjection(noticeId: notice.id, date: CivilDate(iso: "2026-11-23")!, grounds: "Not in the EEA list")
            wb.dataChanged()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertTrue(wb.state.status?.text.contains("was recorded to change notice \(notice.id)") == true, wb.state.status?.text ?? "")
            XCTAssertNotNil(try wb.portfolio.store.read { try $0.record(ChangeNotice.self, id: notice.id) })
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    /// a with a new counterparty, then u: the agreement and the party made for it both go (one
    /// audit row); a party another agreement uses stays.
    func testUndoingANewAgreementTakesBackThePartyMadeForIt() throws {
        try onMain {
            let wb = try Fixture.workbench(empty: true)
            wb.press(.char("2"), .char("a"))
            wb.type("Mobilize Me databehandleraftale"); wb.press(.tab, .tab)
            wb.type("MOBILIZE ME ApS"); wb.press(.tab); wb.type("34208077"); wb.press(.tab); wb.type("DK")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let a = try wb.portfolio.queries.resolveAgreement("Mobilize")
            XCTAssertNotNil(try wb.portfolio.store.read { try $0.record(Party.self, id: a.counterpartyId) })
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: agreement Mobilize Me databehandleraftale added (taken back; party MOBILIZE ME ApS too)")
            XCTAssertNil(try wb.portfolio.store.read { try $0.record(Agreement.self, id: a.id) })
            XCTAssertNil(try wb.portfolio.store.read { try $0.record(Party.self, id: a.counterpartyId) })
            XCTAssertEqual(try Self.actions(wb, 1), ["unrecord_agreement"])
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 1)
        }
    }

    /// An agreement something was added to since is archived by u, not deleted (it has history).
    func testUndoingANewAgreementWithAClauseArchivesIt() throws {
        try onMain {
            let wb = try Fixture.workbench(empty: true)
            wb.press(.char("2"), .char("a"))
            wb.type("Mobilize Me databehandleraftale"); wb.press(.tab, .tab)
            wb.type("MOBILIZE ME ApS"); wb.press(.tab); wb.type("34208077"); wb.press(.tab); wb.type("DK")
            wb.press(.ctrl("s"))
            let a = try wb.portfolio.queries.resolveAgreement("Mobilize")
            try wb.portfolio.addClause(Clause(id: "c41", agreementId: a.id, reference: "4.1", heading: "Foranstaltninger", text: ""))
            wb.dataChanged()
            wb.press(.char("u"))
            XCTAssertEqual(try wb.portfolio.store.read { try $0.agreement(a.id) }.status, .ended)
            XCTAssertNotNil(try wb.portfolio.store.read { try $0.record(Party.self, id: a.counterpartyId) })
            XCTAssertEqual(try Self.actions(wb, 1), ["archive_agreement"])
        }
    }

    /// The Mobilize Me DPA with clause 4.1 ("Leverandøren skal mindst en gang årligt gennemgå sine
    /// interne sikkerhedsforskrifter") and its yearly review rule, as `AuthoringFormTests` builds it.
    @MainActor static func mobilize() throws -> Bench {
        let wb = try Fixture.workbench(empty: true)
        let p = wb.portfolio
        try p.addParty(Party(id: "mm", name: "MOBILIZE ME ApS", orgNumber: "34208077", country: "DK"))
        try p.addAgreement(Agreement(id: "dpa", title: "Mobilize Me DPA", kind: .dataProcessingAgreement, counterpartyId: "mm",
                                     ourRole: .controller, language: "da", governingLaw: "Danish law", calendar: .dk,
                                     signedDate: CivilDate(iso: "2025-12-10"), effectiveDate: CivilDate(iso: "2025-12-10")))
        try p.addClause(Clause(id: "c41", agreementId: "dpa", reference: "4.1", heading: "Foranstaltninger",
                               text: "Leverandøren skal mindst en gang årligt gennemgå sine interne sikkerhedsforskrifter"))
        try p.addRule(NoticeRule(id: "r41", agreementId: "dpa", clauseRef: "4.1", title: "Yearly security review", trigger: .recurring,
                                 period: Period(12, .months), direction: .after, actor: .us, recursFrom: CivilDate(iso: "2025-12-10")))
        wb.dataChanged()
        wb.openAgreement("dpa", tab: .overview)
        return wb
    }

    /// An editor that changes the file once (`edit`), then leaves it (a session that fails gives up).
    static func editOnce(_ edit: @escaping (String) -> String) -> (String) throws -> Void {
        var rounds = 0
        return { path in
            rounds += 1
            guard rounds == 1 else { return }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// u after E: every record the session changed is as before (the clause's heading, the rule's
    /// period and the deadline it moved), and a version entry it added goes — one audit row.
    func testUndoOfAnEditorSessionPutsEveryRecordBack() throws {
        try onMain {
            let wb = try Self.mobilize()
            let p = wb.portfolio
            let clause = try XCTUnwrap(try Self.clauses(wb, "dpa").first)
            let rule = try XCTUnwrap(try AuthoringFormTests.rule(wb, "r41"))
            let open = try p.store.read { try $0.deadlines(DeadlineFilter(agreementIds: ["dpa"], ruleId: "r41", state: .open)) }
            XCTAssertEqual(open.count, 1)
            wb.workbench.editor = Self.editOnce { text in
                text.replacingOccurrences(of: "heading: Foranstaltninger", with: "heading: Sikkerhedsforanstaltninger")
                    .replacingOccurrences(of: "value: 12", with: "value: 13")
            }
            wb.press(.char("E"))
            XCTAssertEqual(try Self.clauses(wb, "dpa").first?.heading, "Sikkerhedsforanstaltninger", wb.state.status?.text ?? "")
            XCTAssertEqual(try AuthoringFormTests.rule(wb, "r41")?.period, Period(13, .months), wb.state.status?.text ?? "")
            let audits = try Fixture.auditCount(p)
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: the $EDITOR edit of Mobilize Me DPA (2 records put back)")
            XCTAssertEqual(try Self.clauses(wb, "dpa").first, clause)
            XCTAssertEqual(try AuthoringFormTests.rule(wb, "r41"), rule)
            XCTAssertEqual(try p.store.read { try $0.deadlines(DeadlineFilter(agreementIds: ["dpa"], ruleId: "r41", state: .open)) }.map(\.actByDate),
                           open.map(\.actByDate), "the deadline is back on its day")
            XCTAssertEqual(try Self.actions(wb, 1), ["undo_edit"])
            XCTAssertEqual(try Fixture.auditCount(p), audits + 1)
        }
    }

    /// Changed since the E session (another write): u refuses and changes nothing.
    func testUndoOfAnEditorSessionRefusedWhenChangedSince() throws {
        try onMain {
            let wb = try Self.mobilize()
            wb.workbench.editor = Self.editOnce { $0.replacingOccurrences(of: "heading: Foranstaltninger", with: "heading: Sikkerhedsforanstaltninger") }
            wb.press(.char("E"))
            XCTAssertEqual(try Self.clauses(wb, "dpa").first?.heading, "Sikkerhedsforanstaltninger", wb.state.status?.text ?? "")
            try wb.portfolio.editClause(id: "c41") { $0.heading = "Colleague" }
            wb.dataChanged()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertTrue(wb.state.status?.text.contains("was changed since the edit in $EDITOR") == true, wb.state.status?.text ?? "")
            XCTAssertEqual(try Self.clauses(wb, "dpa").first?.heading, "Colleague")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    /// The hint bar names u.
    func testHintBarNamesUndo() throws {
        try onMain {
            let wb = try Fixture.workbench()
            XCTAssertTrue(wb.screen(160, 30).contains("u undo"), wb.screen(160, 30))
        }
    }
}
