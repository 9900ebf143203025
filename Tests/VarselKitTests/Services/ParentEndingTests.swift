import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Issue 13 item 3: an agreement that ends with its parent.
///
/// Mobilize Me 12.1: "Aftalen indgås ved begge parters underskrift og løber indtil ophør af Hovedaftalen."
/// 9.2: "Institutionen skal senest 30 dage inden Hovedaftalens ophør skriftligt meddele Leverandøren, hvorvidt
/// alle personoplysningerne skal slettes eller tilbageleveres til Institutionen."
final class ParentEndingTests: XCTestCase {
    func testTheDPACannotBeTerminatedOnItsOwn() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let before = try Fixture.tableCounts(p.store)
        for by in [Actor.us, .them] {
            let e = assertVarselError(.conflict, at: "agreement") {
                try p.recordTermination(agreementId: "mobilize-me-dpa", by: by, date: day("2026-11-23"))
            }
            XCTAssertTrue(e?.what.contains("runs until its main agreement") == true, "\(String(describing: e))")
            XCTAssertTrue(e?.what.contains("mobilize-me-hovedaftale") == true)
            XCTAssertTrue(e?.fix?.contains("varsel terminate mobilize-me-hovedaftale") == true)
        }
        XCTAssertEqual(try Fixture.tableCounts(p.store), before)
    }

    /// Terminating the main agreement ends the DPA in the same transaction (one audit row) and opens 9.2's
    /// decision, counted back from the main agreement's end.
    func testTerminatingTheMainAgreementEndsTheDPAAndOpensItsFollowOn() throws {
        let p = try Fixture.demo(today: day("2026-11-23"))
        let audits = try Fixture.auditCount(p.store)
        let (t, preview) = try p.recordTermination(agreementId: "mobilize-me-hovedaftale", by: .us, date: day("2026-11-23"))
        XCTAssertEqual(try Fixture.auditCount(p.store), audits + 1)
        XCTAssertTrue(try Fixture.lastAudit(p.store)?.summary.contains("ends with it: Databehandleraftale") == true)
        let dpa = try XCTUnwrap(p.store.read { db in try db.record(Agreement.self, id: "mobilize-me-dpa") })
        XCTAssertEqual(dpa.endDate, t.endDate)
        XCTAssertEqual(dpa.status, .terminating)
        let d = try XCTUnwrap(preview.followOn.first { $0.ruleId == "mobilize-me-dpa-delete-or-return" })
        XCTAssertEqual(d.agreementId, "mobilize-me-dpa")
        XCTAssertEqual(d.sourceId, t.id)
        XCTAssertEqual(d.anchorDate, t.endDate)
        // The placeholder main agreement has no notice period: it ends on the notice day, so the 30-days-before
        // decision is missed at once, with a clear warning.
        XCTAssertEqual(d.status(today: p.clock.today), .missed)
        XCTAssertTrue(preview.warnings.contains { $0.hasPrefix("Already missed: \"Tell Mobilize Me in writing") }, "\(preview.warnings)")
        XCTAssertTrue(try p.store.read { db in try (db.record(Deadline.self, id: d.id) != nil) })
    }

    /// A parent with a known end (fixed end date): the DPA's end follows it and its 9.2 decision is on the
    /// agenda without any termination; when the parent's end moves, so does the decision.
    func testAParentsFixedEndPlansTheChildsFollowOns() throws {
        let store = try TestBackend.makeStore()
        let clock = VarselClock.fixed(day("2026-11-23"))
        try DemoPortfolio.load(into: store, clock: clock, user: "tester")
        var doc = try PortfolioExporter.document(store: store)
        let i = try XCTUnwrap(doc.agreements.firstIndex { $0.id == "mobilize-me-hovedaftale" })
        doc.agreements[i].endDate = day("2027-06-30")
        try PortfolioImporter(store: store, clock: clock, user: "tester").importData(try JSONEncoder().encode(doc), fileName: "m.json", merge: true)
        let dpa = try XCTUnwrap(store.read { db in try db.record(Agreement.self, id: "mobilize-me-dpa") })
        XCTAssertEqual(dpa.endDate, day("2027-06-30"))
        let d = try XCTUnwrap(store.read { db in try db.record(Deadline.self, id: "dl-end-mobilize-me-dpa-mobilize-me-dpa-delete-or-return") })
        XCTAssertEqual(d.anchorDate, day("2027-06-30"))
        // Wed 30 Jun 2027 − 30 days = Mon 31 May 2027.
        XCTAssertEqual(d.actByDate, day("2027-05-31"))
    }

    func testEndsWithParentNeedsAParent() throws {
        var doc = EndingsTests.fixedTermDocument()
        doc.agreements[0].endsWithParent = true
        let store = try TestBackend.makeStore()
        let e = assertVarselError(.invalidInput) {
            try PortfolioImporter(store: store, clock: .fixed(day("2026-11-23")), user: "t").importData(try JSONEncoder().encode(doc), fileName: "x.json")
        }
        XCTAssertTrue(e?.location?.hasSuffix("agreements[0].endsWithParent") == true, "\(String(describing: e))")
    }

    /// Documents written before the field existed decode with it off; the field round-trips.
    func testEndsWithParentDecodesFromOldDocumentsAndRoundTrips() throws {
        let old = #"{"id":"a","title":"T","kind":"other","counterpartyId":"p","ourRole":"user","language":"sv","governingLaw":"x","calendar":"se","term":{"kind":"indefinite"},"status":"active"}"#
        XCTAssertFalse(try JSONDecoder().decode(Agreement.self, from: Data(old.utf8)).endsWithParent)
        let store = try TestBackend.makeStore()
        try DemoPortfolio.load(into: store, clock: .fixed(day("2026-11-23")), user: "t")
        let doc = try PortfolioExporter.document(store: store)
        XCTAssertEqual(doc.agreements.filter(\.endsWithParent).map(\.id), ["mobilize-me-dpa"])
    }
}
