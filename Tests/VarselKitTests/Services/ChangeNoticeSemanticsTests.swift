import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 13 items 8, 9, 10 and 13, each built from its clause (quoted in the original language).
final class ChangeNoticeSemanticsTests: XCTestCase {
    let today = day("2026-11-23")

    // MARK: Item 8 — no effective date, no deadline

    /// Mobilize Me 2.2: "Leverandøren må ikke uden udtrykkelig skriftlig godkendelse fra Institutionen
    /// anvende andre underdatabehandlere end dem, der er angivet i bilag 2, herunder foretage
    /// udskiftning af disse". The decision is due before the sub-processor is used, so a notice
    /// without the engagement date must be refused with a precise error, not recorded with no deadline.
    /// The Notices view's list: cut at `limit`, it keeps the newest days whole (it used to drop
    /// an arbitrary part of a busy day, often its latest notices); each row's window is the one
    /// its own lookup gives.
    func testTheNoticesListKeepsTheNewestAndTheirWindows() throws {
        let p = try Fixture.demo(today: today)
        var recorded: [String] = []
        for k in 1...5 {
            let (n, _) = try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "pureservice", kind: .termsChanged,
                                                                    receivedDate: today, summary: "batch-\(k)",
                                                                    effectiveDate: day("2027-01-31")))
            recorded.append(n.id)
        }
        let notices = try p.store.exportDocument().changeNotices
        let third = notices.map(\.receivedDate).sorted(by: >)[2]
        let kept = Set(try p.queries.notices(limit: 3).filter { $0.kind == .change }.map(\.id))
        XCTAssertEqual(kept, Set(notices.filter { $0.receivedDate >= third }.map(\.id)))
        XCTAssertTrue(Set(recorded).isSubset(of: kept), "all of the day's notices, however many")
        let all = try p.queries.notices()
        let deadlines = try p.store.exportDocument().deadlines
        for row in all {
            let own = deadlines.filter { $0.sourceId == row.id && $0.sourceKind == (row.kind == .change ? .changeNotice : .termination)
                && (row.kind == .change || $0.state == .open) }
                .sorted { ($0.state == .open ? 0 : 1, $0.actByDate, $0.id) < ($1.state == .open ? 0 : 1, $1.actByDate, $1.id) }
            XCTAssertEqual(row.window?.id, own.first?.id, row.id)
        }
        XCTAssertTrue(all.contains { $0.window != nil })
    }

    func testMobilizeMeSubProcessorWithoutEngagementDateAsksForIt() throws {
        let p = try Fixture.demo(today: today)
        let draft = ChangeNoticeDraft(agreementId: "mobilize-me-dpa", kind: .subProcessorReplaced, receivedDate: today,
                                      summary: "Udskiftning af SMS-leverandør",
                                      subProcessor: SubProcessorDraft(name: "Sinch A/S", country: "DK", purpose: "SMS"))
        let counts = try Fixture.tableCounts(p.store)
        let e = assertVarselError(.invalidInput, at: "effective") { try p.recordChangeNotice(draft) }
        XCTAssertTrue(e?.what.contains("Clause 2.2 counts from the day the sub-processor is to be engaged") == true, e?.what ?? "")
        XCTAssertTrue(e?.fix?.contains("--effective YYYY-MM-DD") == true, e?.fix ?? "")
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts, "nothing written")
        assertVarselError(.invalidInput, at: "effective") { try p.previewChangeNotice(draft) }
        XCTAssertEqual(try p.ruleNeedingEffectiveDate(agreementId: "mobilize-me-dpa", kind: .subProcessorReplaced)?.id,
                       "mobilize-me-dpa-subprocessor-approval")
        XCTAssertNil(try p.ruleNeedingEffectiveDate(agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded))

        var dated = draft
        dated.effectiveDate = day("2026-12-15")
        let (_, preview) = try p.recordChangeNotice(dated)
        XCTAssertEqual(preview.deadlines.map(\.actByDate), [day("2026-12-14")])
        XCTAssertEqual(preview.warnings, [])
    }

    /// "No notice rule" only when there is none: Pureservice 2.9 binds Pureservice ("Behandlingsansvarlig
    /// skal varsles senest 90 dager før overdragelse"), which is a rule, though not one for us.
    func testNoRuleWarningOnlyWhenThereIsNone() throws {
        let p = try Fixture.demo(today: today)
        let assignment = try p.previewChangeNotice(ChangeNoticeDraft(
            agreementId: "pureservice", kind: .assignment, receivedDate: today, summary: "Overdragelse", effectiveDate: day("2027-03-01")))
        XCTAssertEqual(assignment.warnings,
                       ["The agreement's rules for \"Assignment\" from the counterparty bind the counterparty only: no deadline for us was opened"])
        let other = try p.previewChangeNotice(ChangeNoticeDraft(agreementId: "pureservice", kind: .other, receivedDate: today, summary: "x"))
        XCTAssertEqual(other.warnings, ["The agreement has no notice rule for \"Other change\" from the counterparty: no deadline was opened"])
    }

    // MARK: Item 9 — who gives notice

    /// Mobilize Me 8.1: "Institutionen kan til enhver tid, med et forudgående varsel på mindst 30 dage,
    /// foretage ændringer i Aftalen og instruksen". The 30 days run from us to the supplier: a change
    /// notice received from Mobilize Me must not create a "we must notify" deadline.
    func testNoticeFromTheSupplierDoesNotFireOurOwnNoticeDuty() throws {
        let p = try Fixture.demo(today: today)
        let (_, preview) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .termsChanged, receivedDate: day("2026-11-20"),
            summary: "Mobilize Me opdaterer sine vilkår", effectiveDate: day("2026-12-01")))
        XCTAssertEqual(preview.deadlines, [], "no bogus overdue 'we must notify' deadline")
        XCTAssertFalse(try p.queries.agenda(within: 90).contains { $0.deadline.ruleId == "mobilize-me-dpa-change-notice" })
        XCTAssertEqual(preview.warnings,
                       ["The agreement has no notice rule for \"Terms changed\" from the counterparty: no deadline was opened"])
    }

    /// The same clause, for a notice we give: our duty (notify ≥ 30 days before) is a deadline,
    /// met when we gave notice in time and missed (with a warning) when we did not.
    func testNoticeWeGiveProducesOurDutyDeadline() throws {
        let p = try Fixture.demo(today: today)
        let (notice, onTime) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .termsChanged, receivedDate: today,
            summary: "Ny instruks om logning", effectiveDate: day("2027-01-07"), givenBy: .us))
        XCTAssertEqual(notice.givenBy, .us)
        let duty = try XCTUnwrap(onTime.deadlines.first)
        XCTAssertEqual(duty.ruleId, "mobilize-me-dpa-change-notice")
        XCTAssertEqual(duty.actByDate, day("2026-12-08"))   // 30 days before Thu 7 Jan 2027
        XCTAssertEqual(duty.state, .handled)
        XCTAssertEqual(duty.handledNote, "Notice given 2026-11-23, on time")
        XCTAssertEqual(onTime.warnings, [])

        let (_, late) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .termsChanged, receivedDate: today,
            summary: "Ændret opbevaringsperiode", effectiveDate: day("2026-12-10"), givenBy: .us))
        let missed = try XCTUnwrap(late.deadlines.first)
        XCTAssertEqual(missed.state, .open)
        XCTAssertEqual(missed.actByDate, day("2026-11-10"))
        XCTAssertEqual(late.warnings.count, 1)
        XCTAssertTrue(late.warnings[0].hasPrefix("Our notice is late: given Mon 23 Nov 2026, but at least 30 days before change applies"),
                      late.warnings[0])
        XCTAssertEqual(try p.queries.agenda(within: 90).first { $0.id == missed.id }?.status, .missed)
    }

    /// A notice we give does not open the objection windows that govern the counterparty's notices
    /// (Pureservice 8.6.3 "Databehandleren skal skriftlig underrette den behandlingsansvarlige").
    func testTheirRulesDoNotFireForOurNotices() throws {
        let p = try Fixture.demo(today: today)
        let preview = try p.previewChangeNotice(ChangeNoticeDraft(
            agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: today, summary: "x", effectiveDate: day("2026-12-01"),
            subProcessor: SubProcessorDraft(name: "X", country: "NO", purpose: "y"), givenBy: .us))
        XCTAssertEqual(preview.deadlines, [])
        XCTAssertFalse(preview.warnings.contains { $0.hasPrefix("Notice came late") })
        assertVarselError(.invalidInput, at: "given-by") {
            try p.previewChangeNotice(ChangeNoticeDraft(agreementId: "pureservice", kind: .other, receivedDate: today, summary: "x",
                                                        givenBy: .either))
        }
    }

    // MARK: Item 10 — anchor words

    /// Pureservice 7.2: "forutsatt at Kunden har reklamert innen rimelig tid og senest 3 måneder etter
    /// mangelen fant sted" — counted from when the defect occurred, and said so.
    func testPureserviceDefectClaimCountsFromWhenTheDefectOccurred() throws {
        let p = try Fixture.demo(today: today)
        let (_, deadlines) = try p.recordEvent(agreementId: "pureservice", kind: .defectOccurred, date: day("2026-11-02"),
                                               description: "Integration dropped tickets")
        let claim = try XCTUnwrap(deadlines.first { $0.ruleId == "pureservice-defect-claim" })
        XCTAssertEqual(claim.explanation, "3 months after the defect occurred Mon 2 Nov 2026 (7.2) = Tue 2 Feb 2027")
        XCTAssertNotNil(deadlines.first { $0.ruleId == "pureservice-defect-claim-reasonable-time" })
        // Discovery is not the anchor of 7.2: a "defect discovered" event opens neither limb.
        let (_, discovered) = try p.recordEvent(agreementId: "pureservice", kind: .defectDiscovered, date: day("2026-11-20"),
                                                description: "Found the dropped tickets")
        XCTAssertEqual(discovered, [])
    }

    /// Migrationsverket 8: "senast tre (3) månader från det att skadan upptäcktes eller borde ha upptäckts".
    func testMigrationsverketDamagesUseTheContractsAnchorWords() throws {
        let p = try Fixture.demo(today: today)
        let (_, deadlines) = try p.recordEvent(agreementId: "migrationsverket-e-tjanster", kind: .damageDiscovered,
                                               date: day("2026-11-16"), description: "Skada")
        XCTAssertEqual(deadlines.first?.explanation,
                       "3 months after the damage was or should have been discovered Mon 16 Nov 2026 (8) = Tue 16 Feb 2027")
        let rule = try XCTUnwrap(try p.queries.detail(agreementId: "migrationsverket-e-tjanster").rules.first { $0.id == "migrationsverket-e-tjanster-damages-claim" })
        XCTAssertTrue(rule.ifTodayText.hasPrefix("the damage was or should have been discovered today → act by"), rule.ifTodayText)
    }

    // MARK: Item 13 — written approval, written-form clause, transfers outside the EEA

    /// Mobilize Me 2.2 needs "udtrykkelig skriftlig godkendelse": `accept` records date and channel,
    /// and a phone call is not written.
    func testAcceptRecordsTheDateAndChannelOfAWrittenApproval() throws {
        let p = try Fixture.demo(today: today)
        let (notice, _) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .subProcessorAdded, receivedDate: day("2026-11-16"), summary: "Ny",
            effectiveDate: day("2026-12-15"), subProcessor: SubProcessorDraft(name: "Sinch A/S", country: "DK", purpose: "SMS")))
        let counts = try Fixture.tableCounts(p.store)
        let e = assertVarselError(.invalidInput, at: "channel") {
            try p.acceptChangeNotice(noticeId: notice.id, date: day("2026-11-20"), channel: .phone)
        }
        XCTAssertEqual(e?.what, "Clause 2.2 requires the approval in writing; phone is not written")
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)
        try p.acceptChangeNotice(noticeId: notice.id, date: day("2026-11-20"), channel: .letter)
        let (n, sp) = try p.store.read { db in
            (try db.record(ChangeNotice.self, id: notice.id)!, try db.record(SubProcessor.self, id: notice.subProcessorId!)!)
        }
        XCTAssertEqual(n.decisionBasis, .express)
        XCTAssertEqual(n.decisionDate, day("2026-11-20"))
        XCTAssertEqual(n.decisionChannel, .letter)
        XCTAssertEqual(n.decisionClause, "2.2")
        XCTAssertEqual(n.statusText, "accepted (letter 2026-11-20, 2.2)")
        XCTAssertEqual(sp.approvalBasis, .express)
        XCTAssertEqual(sp.approvalDate, day("2026-11-20"))
        XCTAssertTrue(try Fixture.lastAudit(p.store)?.summary.contains("on 2026-11-20 by letter") == true)
    }

    /// Migrationsverket 11.3 ("En uppsägning ska alltid vara skriftlig för att vara giltig") requires
    /// writing for a termination, not for accepting a change: a phone acceptance is recorded.
    func testWrittenFormOfATerminationDoesNotBindAnAcceptance() throws {
        let p = try Fixture.demo(today: today)
        try p.acceptChangeNotice(noticeId: "cn-0002", date: today, channel: .phone)
        let n = try p.store.read { db in try db.record(ChangeNotice.self, id: "cn-0002")! }
        XCTAssertEqual(n.statusText, "accepted (phone 2026-11-23, 11.2)")
    }

    /// Pureservice C.5: "Behandlingen skal kun skje innenfor EØS." C.6: "Databehandleren kan kun overføre
    /// personopplysninger til tredjeland dersom behandlingsansvarlig har skriftlig samtykket til slik
    /// overføring". A proposed sub-processor outside the EEA is flagged on the notice and its deadline.
    func testSubProcessorOutsideTheEEAIsFlaggedWhereTransfersNeedConsent() throws {
        let p = try Fixture.demo(today: today)
        let draft = ChangeNoticeDraft(agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: today,
                                      summary: "Ny", effectiveDate: day("2027-01-04"),
                                      subProcessor: SubProcessorDraft(name: "Zendesk, Inc.", country: "US", purpose: "Support"))
        let flag = "Outside the EEA: Zendesk, Inc. is in US; processing or transfer outside the EEA needs our written consent (C.5, C.6)"
        XCTAssertTrue(try p.previewChangeNotice(draft).warnings.contains(flag))
        let (notice, preview) = try p.recordChangeNotice(draft)
        XCTAssertEqual(notice.transferFlag, flag)
        XCTAssertEqual(preview.deadlines.map(\.flag), [flag])
        XCTAssertEqual(try p.queries.agenda(within: 90).first { $0.deadline.sourceId == notice.id }?.deadline.flag, flag)
        XCTAssertEqual(try p.queries.notices().first { $0.id == notice.id }?.flag, flag)

        // Inside the EEA (Norway), or under an agreement without such a clause (PUB 7.2 allows SCCs): no flag.
        var inside = draft
        inside.subProcessor?.country = "NO"
        XCTAssertFalse(try p.previewChangeNotice(inside).warnings.contains { $0.hasPrefix("Outside the EEA") })
        let pub = try p.previewChangeNotice(ChangeNoticeDraft(agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded, receivedDate: today,
                                                              summary: "x", subProcessor: SubProcessorDraft(name: "Y", country: "US", purpose: "z")))
        XCTAssertFalse(pub.warnings.contains { $0.hasPrefix("Outside the EEA") })
    }
}
