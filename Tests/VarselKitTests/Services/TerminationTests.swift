import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// A termination notice yields the day the agreement ends and the deadlines that follow from it.
final class TerminationTests: XCTestCase {
    /// Migrationsverket 11.1, mutual 3 months: notice Mon 30 Nov 2026 + 3 months = Sun 28 Feb 2027 (R3, no 30 Feb).
    /// The agreement ends that Sunday: R5 moves the last day for *doing* something, not the day a notice
    /// period runs out, so the end date must not roll to Mon 1 Mar 2027.
    func testMigrationsverketThreeMonthsEndsOnTheSundayItFallsOn() throws {
        let p = try Fixture.demo(today: day("2026-12-01"))
        let preview = try p.previewTermination(agreementId: "migrationsverket-e-tjanster", by: .us, date: day("2026-11-30"))
        XCTAssertEqual(preview.rule?.id, "migrationsverket-e-tjanster-termination")
        XCTAssertEqual(preview.endDate, day("2027-02-28"))
        XCTAssertTrue(preview.explanation.hasPrefix("3 months after notice given Mon 30 Nov 2026 (11.1) = Sun 28 Feb 2027"),
                      preview.explanation)
        XCTAssertFalse(preview.explanation.contains("rolled to"), preview.explanation)
        // "11.3 Krav på skriftlighet — En uppsägning ska alltid vara skriftlig för att vara giltig."
        // The written form comes from 11.3, not from 11.1 (which gives the period).
        XCTAssertEqual(preview.warnings, ["Clause 11.3 requires the notice in writing"])
        XCTAssertTrue(preview.followOn.isEmpty)

        let (notice, _) = try p.recordTermination(agreementId: "migrationsverket-e-tjanster", by: .them, date: day("2026-11-30"))
        XCTAssertEqual(notice.endDate, day("2027-02-28"))
        XCTAssertEqual(notice.ruleId, "migrationsverket-e-tjanster-termination")
        let agreement = try p.store.read { db in try db.record(Agreement.self, id: "migrationsverket-e-tjanster") }
        XCTAssertEqual(agreement?.endDate, day("2027-02-28"))
        XCTAssertEqual(agreement?.status, .terminating)
        // A second notice for the same agreement is refused.
        assertVarselError(.conflict, at: "agreement") {
            try p.recordTermination(agreementId: "migrationsverket-e-tjanster", by: .us, date: day("2026-12-01"))
        }
    }

    /// Other month-end cases: 31 Aug + 3 months = 30 Nov (a Monday in 2026), no roll needed either way.
    func testMigrationsverketMonthEndWithoutWeekend() throws {
        let p = try Fixture.demo(today: day("2026-09-01"))
        let preview = try p.previewTermination(agreementId: "migrationsverket-e-tjanster", by: .them, date: day("2026-08-31"))
        XCTAssertEqual(preview.endDate, day("2026-11-30"))
    }

    /// PUB-avtal 9.2: return instructions within 3 months after the agreement ends. The PUB-avtal has no
    /// termination period of its own (9.1: immediate effect), so it ends on the notice day.
    func testPubAvtalReturnInstructionsThreeMonthsAfterTheEnd() throws {
        let p = try Fixture.demo(today: day("2026-11-30"))
        let (notice, preview) = try p.recordTermination(agreementId: "pub-avtal-bilaga3", by: .us, date: day("2026-11-30"))
        XCTAssertEqual(notice.endDate, day("2026-11-30"))
        XCTAssertEqual(preview.warnings, ["The agreement has no termination notice rule; check the end date by hand"])
        XCTAssertEqual(preview.followOn.count, 1)
        let d = try XCTUnwrap(preview.followOn.first)
        XCTAssertEqual(d.id, "dl-\(notice.id)-pub-avtal-bilaga3-return-instructions")
        XCTAssertEqual(d.clauseRef, "9.2")
        XCTAssertEqual(d.anchorDate, day("2026-11-30"))
        // 9.2: "Om Kunden inte lämnar ovannämnda instruktioner inom en period om tre (3) månader från då Avtalet
        // sades upp, har Leverantören rätt att radera alla sådana personuppgifter". From the raw day on the
        // supplier may delete, so the date must not roll later: 30 Nov 2026 + 3 months = Sun 28 Feb 2027, act by
        // the previous working day Fri 26 Feb 2027 (R9), not Mon 1 Mar (R5 would let the data be deleted first).
        XCTAssertEqual(d.rawDate, day("2027-02-28"))
        XCTAssertEqual(d.dueDate, day("2027-02-28"))
        XCTAssertEqual(d.actByDate, day("2027-02-26"))
        XCTAssertTrue(d.explanation.hasSuffix("act by Fri 26 Feb 2027 (R9: Sunday is not a deadline day in Sweden, moved earlier)"), d.explanation)
        let onAgenda = try XCTUnwrap(p.queries.agenda(within: 88).first { $0.id == d.id })
        XCTAssertEqual(onAgenda.daysLeft, 88)
        XCTAssertNil(try p.queries.agenda(within: 87).first { $0.id == d.id })
    }

    /// Mobilize Me 9.2: tell the supplier whether to delete or return the data at least 30 days before the end.
    func testMobilizeMeDeleteOrReturnThirtyDaysBeforeTheEnd() throws {
        let p = try Fixture.demo(today: day("2027-01-25"))
        // 12.1: the DPA runs until the main agreement ends, so the main agreement is terminated.
        let (notice, preview) = try p.recordTermination(agreementId: "mobilize-me-hovedaftale", by: .them, date: day("2027-01-25"))
        XCTAssertEqual(notice.endDate, day("2027-01-25"))
        XCTAssertEqual(preview.endsAlso.map(\.id), ["mobilize-me-dpa"])
        let d = try XCTUnwrap(preview.followOn.first)
        XCTAssertEqual(preview.followOn.count, 1)
        XCTAssertEqual(d.id, "dl-\(notice.id)-mobilize-me-dpa-delete-or-return")
        XCTAssertEqual(d.clauseRef, "9.2")
        XCTAssertTrue(d.writtenForm)
        // Mon 25 Jan 2027 − 30 days = Sat 26 Dec 2026 (2. juledag); act by moves earlier past 25 Dec and
        // 24 Dec (DK non-deadline day) to Wed 23 Dec 2026 (R6).
        XCTAssertEqual(d.rawDate, day("2026-12-26"))
        XCTAssertEqual(d.actByDate, day("2026-12-23"))
        let item = try XCTUnwrap(p.queries.agenda(within: 0).first { $0.id == d.id })
        XCTAssertEqual(item.window, .overdue)
        XCTAssertEqual(item.daysLeft, -33)
    }
}
