import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 10 in the workbench: the authoring forms (a, e, n, x, p, C), the live preview of the
/// notice-rule form, `u` undo and `E` in $EDITOR — each driven by keys through `Bench`, the
/// database read back with its audit rows.
final class AuthoringFormTests: XCTestCase {
    static let window = "dl-cn-0001-ps-8.6.3"

    @MainActor static func deadline(_ wb: Bench, _ id: String) throws -> Deadline? {
        try wb.portfolio.store.read { try $0.record(Deadline.self, id: id) }
    }

    @MainActor static func rule(_ wb: Bench, _ id: String) throws -> NoticeRule? {
        try wb.portfolio.store.read { try $0.record(NoticeRule.self, id: id) }
    }

    @MainActor static func lastAction(_ wb: Bench) throws -> String? { try wb.portfolio.queries.audit(limit: 1).first?.action }

    /// Cycles the form's record choice until the title field shows `title`.
    @MainActor static func pick(_ wb: Bench, title: String, field: String = "title") {
        for _ in 0..<10 where wb.state.form?.value(field) != title { wb.press(.right) }
    }

    /// The new-agreement form from an empty database, a new party with a real Danish CVR
    /// (Mobilize Me's DPA: "Og MOBILIZE ME ApS … CVR. nr.: 34208077") and a term with automatic renewal.
    func testANewAgreementWithANewDanishPartyAndAutomaticRenewal() throws {
        try onMain {
            let wb = try Fixture.workbench(empty: true)
            XCTAssertTrue(wb.screen().contains("2, then a"), wb.screen())
            wb.press(.char("2"), .char("a"))
            XCTAssertTrue(wb.screen(100, 40).contains("New agreement"), wb.screen(100, 40))
            wb.type("Mobilize Me databehandleraftale"); wb.press(.tab, .tab)
            wb.type("MOBILIZE ME ApS")
            XCTAssertEqual(wb.state.form?["party-org"]?.hidden, false, "a new party asks for its number")
            wb.press(.tab); wb.type("34208077"); wb.press(.tab); wb.type("DK")
            wb.press(.tab, .right, .right)                       // our role: controller
            wb.press(.tab, .ctrl("u")); wb.type("da")
            wb.press(.tab, .ctrl("u")); wb.type("Danish law")
            wb.press(.tab, .right)                               // calendar: Denmark
            wb.press(.tab); wb.type("2025-12-10"); wb.press(.tab); wb.type("2025-12-10")
            wb.press(.tab, .tab, .right, .right)                 // term: fixed with automatic renewal
            XCTAssertEqual(wb.state.form?["renewal"]?.hidden, false)
            wb.press(.tab); wb.type("2 years"); wb.press(.tab); wb.type("1 year"); wb.press(.tab); wb.type("3 months")
            XCTAssertTrue(wb.state.form?.info.contains { $0.text.contains("New party \"MOBILIZE ME ApS\" will be added") } == true)
            XCTAssertTrue(wb.state.form?.info.contains { $0.text.hasPrefix("Renewal: act by 2027-09-09 — Give notice to stop the renewal") } == true,
                          "\(wb.state.form?.info.map(\.text) ?? [])")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let a = try XCTUnwrap(try wb.portfolio.queries.resolveAgreement("Mobilize"))
            XCTAssertEqual(a.term, AgreementTerm(kind: .autoRenewal, initialPeriod: Period(2, .years), renewalPeriod: Period(1, .years),
                                                 noticePeriod: Period(3, .months)))
            XCTAssertEqual(a.calendar, .dk); XCTAssertEqual(a.ourRole, .controller); XCTAssertEqual(a.language, "da")
            let party = try XCTUnwrap(try wb.portfolio.store.read { try $0.record(Party.self, id: a.counterpartyId) })
            XCTAssertEqual(party.country, "DK")
            XCTAssertEqual(party.orgNumber?.filter(\.isNumber), "34208077")
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 2).map(\.action), ["add_agreement", "add_party"])
            XCTAssertEqual(wb.state.status?.text.hasPrefix("Agreement Mobilize Me databehandleraftale added as "), true, wb.state.status?.text ?? "")
            XCTAssertTrue(wb.state.detailFocused, "the new agreement is shown")
            XCTAssertEqual(wb.state.undo.count, 1)
        }
    }

    /// A corrupted CVR (last digit changed) is refused at the new party's number; nothing is written.
    func testANewAgreementWithABadCVRIsRefusedAtTheFieldAndWritesNothing() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("2"), .char("a"))
            wb.type("Curanet hosting"); wb.press(.tab, .tab); wb.type("Curanet A/S")
            wb.press(.tab); wb.type("29139556"); wb.press(.tab); wb.type("DK")
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "party-org", wb.state.form?.error?.description ?? "no error")
            XCTAssertTrue(wb.screen(100, 40).contains("⚠"), wb.screen(100, 40))
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
            XCTAssertThrowsError(try wb.portfolio.queries.resolveAgreement("Curanet"))
        }
    }

    /// An existing party by type-ahead, but a term with automatic renewal without its periods:
    /// the error lands at the term; nothing is written.
    func testAutomaticRenewalWithoutPeriodsIsRefusedAtTheTerm() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("2"), .char("a"))
            wb.type("Pureservice tillegg"); wb.press(.tab, .tab); wb.type("pureserv")
            XCTAssertTrue(wb.state.form?.info.contains { $0.text.contains("Counterparty: Pureservice AS") } == true, "\(wb.state.form?.info.map(\.text) ?? [])")
            XCTAssertEqual(wb.state.form?["party-org"]?.hidden, true)
            for _ in 0..<10 where wb.state.form?.focusedField?.id != "term" { wb.press(.tab) }
            wb.press(.right, .right, .ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "term", wb.state.form?.error?.description ?? "no error")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    /// The notice-rule form shows, before saving, the dates the rule gives today and the open
    /// deadline it moves; saving moves it (one audit row), `u` moves it back (another).
    /// Pureservice 8.6.3 in the fixture: "minst fire uker før en ny underleverandør tas i bruk".
    func testRuleFormPreviewsTheMoveAndUUndoesItTwice() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .rules)
            wb.press(.char("e"))
            XCTAssertEqual(wb.state.form?.title, "Edit notice rule")
            Self.pick(wb, title: "Object to the new sub-processor")
            XCTAssertEqual(wb.state.form?.value("period"), "4 weeks")
            for _ in 0..<10 where wb.state.form?.focusedField?.id != "period" { wb.press(.tab) }
            wb.press(.ctrl("u")); wb.type("5 weeks")
            let info = wb.state.form?.info.map(\.text) ?? []
            XCTAssertTrue(info.contains("1 open deadline move: Object to the new sub-processor 1 Dec 2026 → 8 Dec 2026"), "\(info)")
            XCTAssertTrue(info.contains { $0.hasPrefix("If today: notice received today → act by") }, "\(info)")
            XCTAssertEqual(try Self.deadline(wb, Self.window)?.actByDate, CivilDate(iso: "2026-12-01"), "the preview wrote nothing")
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            XCTAssertEqual(try Self.deadline(wb, Self.window)?.actByDate, CivilDate(iso: "2026-12-08"))
            XCTAssertEqual(try Self.lastAction(wb), "edit_rule")
            // A clause, then undo twice: the clause goes, then the rule's period comes back.
            wb.press(.char("C")); wb.type("16.1"); wb.press(.tab); wb.type("Opphør"); wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            XCTAssertEqual(try wb.portfolio.store.read { try $0.clauses(agreementId: "pureservice") }.map(\.reference).sorted(), ["16.1", "8.6.3"])
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 2)
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: clause 16.1 added (removed)")
            XCTAssertEqual(try wb.portfolio.store.read { try $0.clauses(agreementId: "pureservice") }.map(\.reference), ["8.6.3"])
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Undone: the change to notice rule Object to the new sub-processor; 1 open deadline moved back")
            XCTAssertEqual(try Self.rule(wb, "ps-8.6.3")?.period, Period(4, .weeks))
            XCTAssertEqual(try Self.deadline(wb, Self.window)?.actByDate, CivilDate(iso: "2026-12-01"))
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 2).map(\.action), ["edit_rule", "remove_clause"])
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 4, "each undo is one audited write")
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.text, "Nothing to undo: no change made in this session is left")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits + 4)
        }
    }

    /// A bad period is shown at its field by the preview and on save; nothing is written.
    func testRuleFormRefusesABadPeriodAtTheField() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.openAgreement("pureservice", tab: .rules)
            wb.press(.char("n"))
            XCTAssertEqual(wb.state.form?.title, "New notice rule")
            wb.type("Return the data"); wb.press(.tab, .tab, .tab); wb.type("four fortnights")
            XCTAssertTrue(wb.state.form?.info.contains { $0.text.hasPrefix("Not ready to save: Period \"four fortnights\"") } == true,
                          "\(wb.state.form?.info.map(\.text) ?? [])")
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "period")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    /// Someone else changed the rule after our edit: `u` refuses, naming why, and writes nothing.
    func testUndoRefusesWhenTheRecordChangedSince() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .rules)
            wb.press(.char("e"))
            Self.pick(wb, title: "Object to the new sub-processor")
            for _ in 0..<10 where wb.state.form?.focusedField?.id != "period" { wb.press(.tab) }
            wb.press(.ctrl("u")); wb.type("5 weeks"); wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form)
            try wb.portfolio.editRule(id: "ps-8.6.3") { $0.period = Period(6, .weeks) }
            wb.dataChanged()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("u"))
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertTrue(wb.state.status?.text.hasPrefix("Cannot undo the change to notice rule Object to the new sub-processor: Notice rule Object to the new sub-processor was changed since") == true,
                          wb.state.status?.text ?? "")
            XCTAssertEqual(try Self.rule(wb, "ps-8.6.3")?.period, Period(6, .weeks))
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    /// n on the Sub-processors tab adds one (a real CVR: "Curanet A/S … Cvr. 29139555"); u marks it removed.
    func testSubProcessorAddedAndUndone() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .subProcessors)
            wb.press(.char("n"))
            wb.type("Curanet A/S"); wb.press(.tab); wb.type("29139555"); wb.press(.tab); wb.type("DK"); wb.press(.tab); wb.type("Hosting")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let added = try XCTUnwrap(try wb.portfolio.store.read { try $0.subProcessors(agreementId: "pureservice") }.first { $0.name == "Curanet A/S" })
            XCTAssertEqual(added.status, .approved)
            XCTAssertEqual(try Self.lastAction(wb), "add_sub_processor")
            wb.press(.char("u"))
            let after = try XCTUnwrap(try wb.portfolio.store.read { try $0.record(SubProcessor.self, id: added.id) })
            XCTAssertEqual(after.status, .removed, "the record stays as history")
            XCTAssertEqual(try Self.lastAction(wb), "remove_sub_processor")
        }
    }

    /// x on the Overview archives after the confirmation line; u makes it active again.
    func testArchiveAsksFirstAndUndoRestoresTheAgreement() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.press(.char("2"))
            for _ in 0..<5 where wb.selectedAgreementRow?.id != "pub-avtal" { wb.press(.char("j")) }
            XCTAssertEqual(wb.selectedAgreementRow?.id, "pub-avtal")
            wb.press(.char("x"))
            XCTAssertNil(wb.state.form, "x does nothing in the list")
            wb.press(.enter, .char("x"))
            XCTAssertEqual(wb.state.form?.title, "Archive agreement")
            wb.press(.ctrl("s"))
            guard case .confirm(let question) = wb.state.overlay else { return XCTFail("no confirmation line: \(wb.screen(100, 30))") }
            XCTAssertEqual(question.question, "Archive Personuppgiftsbiträdesavtal Bilaga 3 as ended 2026-11-23? It leaves the agenda; nothing is deleted.")
            XCTAssertEqual(try wb.portfolio.store.read { try $0.agreement("pub-avtal") }.status, .active, "nothing before y")
            wb.press(.char("y"))
            let archived = try wb.portfolio.store.read { try $0.agreement("pub-avtal") }
            XCTAssertEqual(archived.status, .ended); XCTAssertEqual(archived.endDate, CivilDate(iso: "2026-11-23"))
            wb.press(.char("u"))
            let back = try wb.portfolio.store.read { try $0.agreement("pub-avtal") }
            XCTAssertEqual(back.status, .active); XCTAssertNil(back.endDate)
            XCTAssertEqual(try wb.portfolio.queries.audit(limit: 2).map(\.action), ["edit_agreement", "archive_agreement"])
        }
    }

    /// p edits the counterparty; a Norwegian number with a bad check digit is refused at the field.
    func testPartyFormChecksTheOrgNumber() throws {
        try onMain {
            let wb = try Fixture.workbench()
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("p"))
            XCTAssertEqual(wb.state.form?.value("name"), "Pureservice AS")
            for _ in 0..<5 where wb.state.form?.focusedField?.id != "org-number" { wb.press(.tab) }
            wb.press(.ctrl("u")); wb.type("929782217"); wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "org-number", wb.state.form?.error?.description ?? "no error")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
        }
    }

    /// E: the agreement as YAML in a (scripted) editor; a valid change lands with one audit row,
    /// an invalid one is put back with the problem on top and, saved again unchanged, writes nothing.
    func testEEditsTheAgreementInTheEditor() throws {
        try onMain {
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
            let audits = try Fixture.auditCount(p)
            wb.workbench.editor = { path in
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: "heading: Foranstaltninger", with: "heading: Sikkerhedsforanstaltninger")
                    .write(toFile: path, atomically: true, encoding: .utf8)
            }
            wb.press(.char("E"))
            XCTAssertEqual(try p.store.read { try $0.record(Clause.self, id: "c41") }?.heading, "Sikkerhedsforanstaltninger")
            XCTAssertEqual(try Fixture.auditCount(p), audits + 1)
            XCTAssertTrue(wb.state.status?.text.hasPrefix("Edited in $EDITOR: Imported") == true, wb.state.status?.text ?? "")
            var rounds: [String] = []
            wb.workbench.editor = { path in
                let text = try String(contentsOfFile: path, encoding: .utf8)
                rounds.append(text)
                if rounds.count == 1 {
                    try text.replacingOccurrences(of: "value: 12", with: "value: 0").write(toFile: path, atomically: true, encoding: .utf8)
                }
            }
            wb.press(.char("E"))
            XCTAssertEqual(rounds.count, 2, "the editor reopened once")
            XCTAssertTrue(rounds.last?.hasPrefix(AgreementEditSession.errorMark + "problem:") == true, rounds.last ?? "")
            XCTAssertTrue(rounds.last?.contains("(line ") == true, "the problem names its line: \(rounds.last ?? "")")
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertEqual(try Fixture.auditCount(p), audits + 1)
            XCTAssertEqual(try Self.rule(wb, "r41")?.period, Period(12, .months))
            // Unchanged: nothing written.
            wb.workbench.editor = { _ in }
            wb.press(.char("E"))
            XCTAssertEqual(wb.state.status?.text, "Edited in $EDITOR: no changes; nothing written")
            XCTAssertEqual(try Fixture.auditCount(p), audits + 1)
        }
    }
}
