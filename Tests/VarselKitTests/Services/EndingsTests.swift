import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 13 item 2: every rule anchored on "agreement ends" fires from every way an agreement
/// ends — termination by either party, expiry of a fixed term, ending with a parent.
final class EndingsTests: XCTestCase {
    /// Pureservice 1.5: "Kunden kan i løpet av avtaleperioden hente ut egne data (kundedata) fra systemet. […]
    /// Etter avtalens utløp vil Pureservice deaktivere tilgang og slette kundedata."
    /// 8.10.1: "Ved opphør av databehandlertjenestene skal databehandleren slette alle personopplysninger […] eller
    /// levere tilbake alle personopplysningene og slette eksisterende kopier, etter behandlingsansvarliges valg".
    /// A.5: "Ved opphør av Hovedavtalen, og denne databehandleravtale, skal databehandler tilbakelevere alle
    /// personopplysninger […] Med mindre behandlingsansvarlig ønsker det vil databehandler slette alle data".
    /// The text gives no period; the demo records the choice (and the export) 30 days before the end.
    func testPureserviceTerminationOpensTheReturnOrDeletionChoice() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        for by in [Actor.us, .them] {
            let preview = try p.previewTermination(agreementId: "pureservice", by: by, date: day("2026-11-23"))
            XCTAssertEqual(preview.endDate, day("2026-11-23"))
            XCTAssertEqual(preview.followOn.map(\.ruleId), ["pureservice-data-return-decision"])
            let d = try XCTUnwrap(preview.followOn.first)
            XCTAssertEqual(d.clauseRef, "8.10.1")
            XCTAssertEqual(d.anchorDate, day("2026-11-23"))
            // Mon 23 Nov 2026 − 30 days = Sat 24 Oct 2026 → act by Fri 23 Oct 2026 (R6, NO).
            XCTAssertEqual(d.rawDate, day("2026-10-24"))
            XCTAssertEqual(d.actByDate, day("2026-10-23"))
            // Created already past its act-by day: missed at once, with a clear warning.
            XCTAssertEqual(d.status(today: p.clock.today), .missed)
            XCTAssertTrue(preview.warnings.contains { $0 == "Already missed: \"\(d.what)\" (8.10.1) had to be done by Fri 23 Oct 2026, before today (Mon 23 Nov 2026)" },
                          "\(preview.warnings)")
        }
        let (notice, _) = try p.recordTermination(agreementId: "pureservice", by: .them, date: day("2026-11-23"))
        let agenda = try p.queries.agenda(within: 0)
        let item = try XCTUnwrap(agenda.first { $0.id == "dl-\(notice.id)-pureservice-data-return-decision" })
        XCTAssertEqual(item.window, .overdue)
    }

    /// A fixed-term agreement has its end follow-ons on the agenda without anyone recording a termination,
    /// they move when the end moves (import --merge), and a termination replaces them.
    func testFixedTermFollowOnsArePlannedAtImportAndFollowTheEnd() throws {
        let store = try TestBackend.makeStore()
        let importer = PortfolioImporter(store: store, clock: .fixed(day("2026-11-23")), user: "tester")
        var doc = Self.fixedTermDocument()
        try importer.importData(try JSONEncoder().encode(doc), fileName: "fixed.json")
        let p = Portfolio(store: store, clock: .fixed(day("2026-11-23")), ids: TestIDs(), user: "tester")
        // Fixed term of 1 year from Thu 1 Jan 2026: last day Thu 31 Dec 2026; 30 days before = Tue 1 Dec 2026.
        var planned = try p.store.read { db in try db.deadlines(DeadlineFilter(agreementIds: ["fixed"])) }
        XCTAssertEqual(planned.map(\.id), ["dl-end-fixed-fixed-return"])
        XCTAssertEqual(planned.first?.sourceKind, .agreementEnd)
        XCTAssertEqual(planned.first?.anchorDate, day("2026-12-31"))
        XCTAssertEqual(planned.first?.actByDate, day("2026-12-01"))
        XCTAssertNotNil(try p.queries.agenda(within: 30).first { $0.id == "dl-end-fixed-fixed-return" })

        // The end moves (a fixed end date is agreed): the planned follow-on moves with it.
        doc.agreements[0].endDate = day("2027-03-31")
        try importer.importData(try JSONEncoder().encode(doc), fileName: "fixed.json", merge: true)
        planned = try p.store.read { db in try db.deadlines(DeadlineFilter(agreementIds: ["fixed"])) }
        XCTAssertEqual(planned.map(\.anchorDate), [day("2027-03-31")])
        XCTAssertEqual(planned.map(\.actByDate), [day("2027-03-01")])

        // Terminated earlier: the termination's follow-on replaces the planned one.
        let (t, preview) = try p.recordTermination(agreementId: "fixed", by: .us, date: day("2026-11-23"))
        XCTAssertEqual(t.endDate, day("2026-11-23"))
        planned = try p.store.read { db in try db.deadlines(DeadlineFilter(agreementIds: ["fixed"])) }
        XCTAssertEqual(planned.map(\.id), ["dl-\(t.id)-fixed-return"])
        XCTAssertEqual(preview.followOn.map(\.id), ["dl-\(t.id)-fixed-return"])
    }

    /// The demo load plans them too, and a fresh export → import keeps them once (no duplicates).
    func testPlannedFollowOnsRoundTripWithoutDuplicates() throws {
        let store = try TestBackend.makeStore()
        let importer = PortfolioImporter(store: store, clock: .fixed(day("2026-11-23")), user: "tester")
        try importer.importData(try JSONEncoder().encode(Self.fixedTermDocument()), fileName: "fixed.json")
        let exported = try PortfolioExporter.exportJSON(store: store)
        let second = try TestBackend.makeStore()
        try PortfolioImporter(store: second, clock: .fixed(day("2026-11-23")), user: "tester").importData(exported, fileName: "x.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: second), exported)
        let n = try second.read { db in try db.deadlines(DeadlineFilter()).count }
        XCTAssertEqual(n, 1)
    }

    static func fixedTermDocument() -> PortfolioDocument {
        PortfolioDocument(
            parties: [Party(id: "acme", name: "Acme AB")],
            agreements: [Agreement(id: "fixed", title: "Fixed-term DPA", kind: .dataProcessingAgreement, counterpartyId: "acme",
                                   ourRole: .controller, language: "sv", governingLaw: "Swedish law", calendar: .se,
                                   effectiveDate: day("2026-01-01"),
                                   term: AgreementTerm(kind: .fixed, initialPeriod: Period(1, .years)))],
            noticeRules: [NoticeRule(id: "fixed-return", agreementId: "fixed", clauseRef: nil, title: "Decide: return or delete",
                                     trigger: .agreementEnds, period: Period(30, .days), direction: .before, actor: .us)])
    }
}
