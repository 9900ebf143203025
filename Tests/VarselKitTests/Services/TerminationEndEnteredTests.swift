import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 14: "where the end date cannot be computed, let the user enter it". An end entered by hand
/// (with its reason) wins over the computed one, the explanation says so, the follow-ons count
/// from it, and bad input changes nothing. Demo portfolio, today Mon 23 Nov 2026.
final class TerminationEndEnteredTests: XCTestCase {
    let today = day("2026-11-23")
    let reason = "agreed with the counterparty in the letter of 23 Nov 2026"

    func request(_ agreement: String, end: String?, reason: String?, right: TerminationRight = .ordinary,
                 change: String? = nil) -> TerminationRequest {
        TerminationRequest(agreementId: agreement, by: .us, date: today, right: right, changeNoticeId: change,
                           end: end.map(day), endReason: reason)
    }

    /// PUB-avtal has no ordinary termination period (9.1 only ends it for an uncured breach), so the
    /// end cannot be computed. 9.2: "Om Kunden inte lämnar ovannämnda instruktioner inom en period om
    /// tre (3) månader från då Avtalet sades upp, har Leverantören rätt att radera alla sådana
    /// personuppgifter" — the return instructions count from the end, so they follow the entered end.
    func testAnEnteredEndStandsWhereNoneCanBeComputedAndMovesTheFollowOns() throws {
        let p = try Fixture.demo(today: today)
        let computed = try p.previewTermination(request("pub-avtal-bilaga3", end: nil, reason: nil))
        XCTAssertNil(computed.computedEnd, "PUB-avtal gives no ordinary period")
        XCTAssertEqual(computed.endDate, today, "without an entered end: the notice date, with a warning")
        XCTAssertEqual(computed.followOn.map(\.actByDate), [day("2027-02-23")])

        let entered = try p.previewTermination(request("pub-avtal-bilaga3", end: "2027-03-31", reason: reason))
        XCTAssertEqual(entered.endDate, day("2027-03-31"))
        XCTAssertNil(entered.computedEnd)
        XCTAssertEqual(entered.endReason, reason)
        XCTAssertEqual(entered.explanation, "End date Wed 31 Mar 2027 entered by hand (no end could be computed): \(reason)")
        XCTAssertFalse(entered.warnings.contains { $0.contains("check the end date by hand") }, "\(entered.warnings)")
        // 31 Mar 2027 + 3 months = Wed 30 Jun 2027.
        XCTAssertEqual(entered.followOn.map(\.actByDate), [day("2027-06-30")])
        XCTAssertTrue(entered.followOn[0].explanation.contains("Wed 31 Mar 2027"), entered.followOn[0].explanation)

        let before = try Fixture.auditCount(p.store)
        let (t, _) = try p.recordTermination(request("pub-avtal-bilaga3", end: "2027-03-31", reason: reason))
        XCTAssertEqual(t.endDate, day("2027-03-31"))
        XCTAssertEqual(t.endEnteredReason, reason)
        XCTAssertNil(t.computedEndDate)
        XCTAssertEqual(t.explanation, entered.explanation)
        let stored = try p.store.read { try $0.record(TerminationNotice.self, id: t.id) }
        XCTAssertEqual(stored, t, "both new fields are stored")
        let agreement = try p.store.read { try $0.agreement("pub-avtal-bilaga3") }
        XCTAssertEqual(agreement.endDate, day("2027-03-31"))
        let open = try p.store.read { try $0.deadlines(DeadlineFilter(agreementIds: ["pub-avtal-bilaga3"], sourceKind: .termination)) }
        XCTAssertEqual(open.map(\.actByDate), [day("2027-06-30")])
        // One audit row, with the agreement before and the termination (and its entered end) after.
        XCTAssertEqual(try Fixture.auditCount(p.store), before + 1)
        let audit = try XCTUnwrap(try Fixture.lastAudit(p.store))
        XCTAssertTrue(audit.summary.contains("ends 2027-03-31 (entered by hand; computed: none)"), audit.summary)
        XCTAssertTrue(audit.after?.contains(reason) == true, audit.after ?? "")
        XCTAssertTrue(audit.before?.contains("\"status\":\"active\"") == true, audit.before ?? "")
    }

    /// Migrationsverket 11.1: "Avtalet gäller tillsvidare, med en ömsesidig uppsägningstid om tre (3)
    /// månader." Computed: Tue 23 Feb 2027; an end agreed later wins and both are shown.
    func testAnEnteredEndWinsOverTheComputedOneAndBothAreShown() throws {
        let p = try Fixture.demo(today: today)
        let pv = try p.previewTermination(request("migrationsverket-e-tjanster", end: "2027-03-31", reason: reason))
        XCTAssertEqual(pv.endDate, day("2027-03-31"))
        XCTAssertEqual(pv.computedEnd, day("2027-02-23"))
        XCTAssertTrue(pv.explanation.hasPrefix("End date Wed 31 Mar 2027 entered by hand (computed: Tue 23 Feb 2027; 3 months after notice given Mon 23 Nov 2026 (11.1)"),
                      pv.explanation)
        XCTAssertTrue(pv.explanation.hasSuffix("): \(reason)"), pv.explanation)
        XCTAssertTrue(pv.warnings.contains { $0.hasPrefix("The entered end 2027-03-31 differs from the computed end 2027-02-23 (") }, "\(pv.warnings)")

        // The same day as computed: no warning about a difference.
        let same = try p.previewTermination(request("migrationsverket-e-tjanster", end: "2027-02-23", reason: reason))
        XCTAssertFalse(same.warnings.contains { $0.contains("differs") }, "\(same.warnings)")

        let (t, _) = try p.recordTermination(request("migrationsverket-e-tjanster", end: "2027-03-31", reason: reason))
        XCTAssertEqual(t.computedEndDate, day("2027-02-23"))
        XCTAssertEqual(t.endEnteredReason, reason)
    }

    /// Without an entered end nothing changes: the computed end, no reason stored.
    func testWithoutAnEnteredEndTheComputedEndStands() throws {
        let p = try Fixture.demo(today: today)
        let (t, pv) = try p.recordTermination(request("migrationsverket-e-tjanster", end: nil, reason: nil))
        XCTAssertEqual(pv.computedEnd, day("2027-02-23"))
        XCTAssertEqual(t.endDate, day("2027-02-23"))
        XCTAssertNil(t.endEnteredReason)
        XCTAssertNil(t.computedEndDate)
    }

    /// Migrationsverket 11.2: "En sådan uppsägning ska gälla från och med den dag ändringen ska börja
    /// gälla" — with no day on the change notice the end cannot be computed: refused, unless entered.
    func testAfterAnObjectionToAChangeWithoutADayTheEndCanBeEntered() throws {
        let p = try Fixture.demo(today: today)
        // The demo's cn-0002 (changed terms) as if its notice had not said when the change applies.
        let notice: ChangeNotice = try p.write { tx in
            var n = try XCTUnwrap(try tx.record(ChangeNotice.self, id: "cn-0002"))
            n.effectiveDate = nil
            try tx.update(n)
            return (n, AuditNote(action: "test_clear_effective", entityType: "change_notice", entityId: n.id, summary: "test"))
        }
        try p.recordObjection(noticeId: notice.id, date: today, grounds: "Villkoren", channel: .email)
        let refused = assertVarselError(.invalidInput, at: "change") {
            try p.previewTermination(request("migrationsverket-e-tjanster", end: nil, reason: nil, right: .afterObjection, change: notice.id))
        }
        XCTAssertTrue(refused?.fix?.contains("--end") == true, "\(String(describing: refused))")
        let pv = try p.previewTermination(request("migrationsverket-e-tjanster", end: "2027-01-31", reason: reason,
                                                  right: .afterObjection, change: notice.id))
        XCTAssertEqual(pv.endDate, day("2027-01-31"))
        XCTAssertNil(pv.computedEnd)
        XCTAssertEqual(pv.explanation, "End date Sun 31 Jan 2027 entered by hand (no end could be computed): \(reason)")
    }

    /// Each bad input names its field and changes nothing (every table's rows, the audit trail).
    func testBadInputIsRefusedAndChangesNothing() throws {
        let p = try Fixture.demo(today: today)
        let counts = try Fixture.tableCounts(p.store)
        let agreement = try p.store.read { try $0.agreement("pub-avtal-bilaga3") }
        let before = assertVarselError(.invalidInput, at: "end") {
            try p.recordTermination(request("pub-avtal-bilaga3", end: "2026-11-22", reason: reason))
        }
        XCTAssertEqual(before?.what, "The entered end date 2026-11-22 is before the notice date 2026-11-23")
        let noReason = assertVarselError(.invalidInput, at: "endReason") {
            try p.recordTermination(request("pub-avtal-bilaga3", end: "2027-03-31", reason: "  "))
        }
        XCTAssertEqual(noReason?.what, "An end date entered by hand needs a reason")
        assertVarselError(.invalidInput, at: "endReason") {
            try p.recordTermination(request("pub-avtal-bilaga3", end: "2027-03-31", reason: nil))
        }
        let noEnd = assertVarselError(.invalidInput, at: "end") {
            try p.recordTermination(request("pub-avtal-bilaga3", end: nil, reason: reason))
        }
        XCTAssertEqual(noEnd?.what, "A reason for the end date was given, but no end date")
        XCTAssertEqual(try Fixture.tableCounts(p.store), counts)
        XCTAssertEqual(try p.store.read { try $0.agreement("pub-avtal-bilaga3") }, agreement)
        // The notice date itself is a valid end (immediate effect agreed).
        XCTAssertEqual(try p.previewTermination(request("pub-avtal-bilaga3", end: "2026-11-23", reason: reason)).endDate, today)
    }
}
