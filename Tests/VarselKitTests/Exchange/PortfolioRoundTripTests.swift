import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

final class PortfolioRoundTripTests: XCTestCase {
    func roundTrip(_ first: VarselStore, file: String = "portfolio.json") throws -> (Data, Data) {
        let export1 = try PortfolioExporter.exportJSON(store: first)
        let second = try VarselStore.inMemory()
        let plan = try ExchangeFixtures.importer(second).importData(export1, fileName: file)
        XCTAssertEqual(plan.mode, .restore)
        XCTAssertFalse(plan.writesImportAuditRow)
        let export2 = try PortfolioExporter.exportJSON(store: second)
        return (export1, export2)
    }

    func testDemoPortfolioRoundTripIsByteIdentical() throws {
        let store = try ExchangeFixtures.demoStore()
        let (a, b) = try roundTrip(store)
        XCTAssertEqual(a, b)
        // The restored rows are marked imported in the database (not in the export) and keep their chain.
        let imported = try VarselStore.inMemory()
        try ExchangeFixtures.importer(imported).importData(a, fileName: "a.json")
        XCTAssertTrue(try imported.writer.read { db in try AuditEntry.fetchAll(db) }.allSatisfy(\.imported))
        XCTAssertFalse(String(decoding: b, as: UTF8.self).contains("\"imported\""))
        let doc = try JSONDecoder().decode(PortfolioDocument.self, from: a)
        XCTAssertEqual(doc.agreements.count, 6) // five agreements + the Hovedaftale placeholder
        XCTAssertFalse(doc.audit.isEmpty, "the audit trail is part of the export")
        XCTAssertFalse(doc.deadlines.isEmpty)
        // And a third generation, for good measure.
        let third = try VarselStore.inMemory()
        try ExchangeFixtures.importer(third).importData(b, fileName: "b.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: third), a)
        XCTAssertTrue(try third.writer.read { db in try AuditChain.verify(db) }.ok)
    }

    func testDemoExportIsDeterministic() throws {
        let one = try PortfolioExporter.exportJSON(store: try ExchangeFixtures.demoStore())
        let two = try PortfolioExporter.exportJSON(store: try ExchangeFixtures.demoStore())
        XCTAssertEqual(one, two)
        XCTAssertEqual(one.last, 0x0A)
    }

    func testHostilePortfolioRoundTripIsByteIdenticalAndLossless() throws {
        let doc = ExchangeFixtures.hostileDocument()
        let source = try VarselStore.inMemory()
        try ExchangeFixtures.importer(source).importData(try ExchangeFixtures.json(doc), fileName: "hostile.json")
        let (a, b) = try roundTrip(source)
        XCTAssertEqual(a, b)
        let back = try JSONDecoder().decode(PortfolioDocument.self, from: b)
        XCTAssertEqual(back.parties, doc.parties)
        XCTAssertEqual(back.agreements, doc.agreements)
        XCTAssertEqual(back.objections, doc.objections)
        XCTAssertEqual(back.objections[0].grounds.count, 10_000)
        XCTAssertEqual(back.noticeRules, doc.noticeRules)
        XCTAssertEqual(back.deadlines, doc.deadlines)
        // The file had no chain: the rows were chained on import, marked imported, content unchanged.
        XCTAssertEqual(back.audit.map { var e = $0; e.prevHash = nil; e.hash = nil; e.imported = false; return e }, doc.audit)
        XCTAssertNil(AuditChain.check(back.audit))
        XCTAssertTrue(String(decoding: b, as: UTF8.self).contains("العربية"))
    }

    func testHandWrittenImportWithoutAuditAppendsOneImportRow() throws {
        var doc = ExchangeFixtures.hostileDocument()
        doc.audit = []
        let store = try VarselStore.inMemory()
        let plan = try ExchangeFixtures.importer(store).importData(try ExchangeFixtures.json(doc), fileName: "hand.json")
        XCTAssertEqual(plan.mode, .add)
        let audit = try store.writer.read { db in try AuditEntry.fetchAll(db) }
        XCTAssertEqual(audit.count, 1)
        XCTAssertEqual(audit[0].action, "import")
        XCTAssertTrue(audit[0].summary.contains("2 added") == false && audit[0].summary.contains("added"), audit[0].summary)
        XCTAssertEqual(audit[0].at, "2026-11-23T09:00:00Z")
    }

    func testYAMLOfTheSameShapeImports() throws {
        let yaml = """
        format: varsel-portfolio
        formatVersion: 1
        parties:
          - id: pureservice-as
            name: "Pureservice AS"
            orgNumber: "929 782 216"
            country: "NO"
          - {id: us, name: Vi}
        agreements:
          - id: pureservice
            title: Pureservice tjenesteavtale
            kind: service_agreement
            counterpartyId: pureservice-as
            ourRole: customer
            language: nb
            governingLaw: Norwegian law
            calendar: "no"
            effectiveDate: 2024-08-01
            term: {kind: indefinite, noticePeriod: {value: 3, unit: months}}
            status: active
        clauses:
          - {id: c1, agreementId: pureservice, reference: "8.6.3", heading: Underleverandører, text: "…"}
        noticeRules:
          - id: r1
            agreementId: pureservice
            clauseRef: "8.6.3"
            title: Object to the new sub-processor
            trigger: change_notice_received
            changeKinds: [sub_processor_added]
            period: {value: 4, unit: weeks}
            direction: after
            actor: us
            writtenForm: true
            groundsRequired: false
            rollForward: true
            toEndOfMonth: false
            silenceIsApproval: false
        """
        let store = try VarselStore.inMemory()
        let plan = try ExchangeFixtures.importer(store).importData(Data(yaml.utf8), fileName: "hand.yaml")
        XCTAssertEqual(plan.addedCount, 5)
        let a = try store.writer.read { db in try Agreement.fetchOne(db, key: "pureservice") }
        XCTAssertEqual(a?.calendar, .no)
        XCTAssertEqual(a?.effectiveDate, CivilDate(year: 2024, month: 8, day: 1))
        XCTAssertEqual(a?.term.noticePeriod, Period(3, .months))
    }

    func testMergeUpdatesExistingAndAddsNew() throws {
        let store = try ExchangeFixtures.demoStore()
        var doc = try PortfolioExporter.document(store: store)
        let auditBefore = doc.audit.count
        let i = doc.agreements.firstIndex { $0.id == "pureservice" }!
        let oldTitle = doc.agreements[i].title
        doc.agreements[i].title = "Pureservice tjenesteavtale v2.6"
        doc.parties.append(Party(id: "new-party", name: "Ny Leverantör AB", country: "SE"))
        let data = try ExchangeFixtures.json(doc)

        // Without --merge: refused, nothing written.
        let countsBefore = try ExchangeFixtures.counts(store)
        XCTAssertThrowsError(try ExchangeFixtures.importer(store).importData(data, fileName: "m.json")) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
            XCTAssertTrue("\(error)".contains("--merge"), "\(error)")
        }
        XCTAssertEqual(try ExchangeFixtures.counts(store), countsBefore)

        // Dry run: reports, writes nothing.
        let dry = try ExchangeFixtures.importer(store).importData(data, fileName: "m.json", merge: true, dryRun: true)
        XCTAssertEqual(dry.addedCount, 1)
        XCTAssertEqual(dry.changedCount, 1)
        XCTAssertEqual(dry.tables.first { $0.name == "agreements" }?.changed, ["pureservice"])
        XCTAssertEqual(dry.unchangedCount, countsBefore.filter { $0.key != "audit" }.values.reduce(0, +) - 1)
        XCTAssertTrue(dry.reportLines(dryRun: true).contains("Dry run: nothing was written"))
        XCTAssertEqual(try ExchangeFixtures.counts(store), countsBefore)
        XCTAssertEqual(try store.writer.read { db in try Agreement.fetchOne(db, key: "pureservice")?.title }, oldTitle)

        // Merge: one changed, one added, one audit row with the old record.
        let plan = try ExchangeFixtures.importer(store).importData(data, fileName: "m.json", merge: true)
        XCTAssertEqual(plan.mode, .merge)
        XCTAssertEqual(plan.auditAlreadyPresent, auditBefore)
        var after = countsBefore
        after["parties"]! += 1
        after["audit"]! += 1
        XCTAssertEqual(try ExchangeFixtures.counts(store), after)
        XCTAssertEqual(try store.writer.read { db in try Agreement.fetchOne(db, key: "pureservice")?.title }, "Pureservice tjenesteavtale v2.6")
        let last = try store.writer.read { db in try AuditEntry.order(Column("id").desc).fetchOne(db) }!
        XCTAssertEqual(last.action, "import")
        XCTAssertTrue(last.before?.contains(oldTitle) == true, "the overwritten record is kept in the audit row")
        XCTAssertTrue(last.after?.contains("new-party") == true)
    }

    /// A merge that changes a notice rule's period moves the open deadlines it produced.
    func testMergeRecomputesOpenDeadlinesOfAChangedRule() throws {
        let store = try ExchangeFixtures.demoStore()
        var doc = try PortfolioExporter.document(store: store)
        let r = doc.noticeRules.firstIndex { $0.id == "pureservice-subprocessor-objection" }!
        let open = try store.writer.read { db in
            try Deadline.filter(Column("rule_id") == "pureservice-subprocessor-objection" && Column("state") == "open").fetchOne(db)
        }!
        doc.noticeRules[r].period = Period(30, .days)   // was 4 weeks
        _ = try ExchangeFixtures.importer(store).importData(try ExchangeFixtures.json(doc), fileName: "m.json", merge: true)
        let moved = try store.writer.read { db in try Deadline.fetchOne(db, key: open.id) }!
        XCTAssertEqual(moved.anchorDate, open.anchorDate)
        XCTAssertEqual(moved.rawDate, open.anchorDate.adding(days: 30))
        XCTAssertTrue(moved.explanation.hasPrefix("30 days after notice received"), moved.explanation)
        XCTAssertEqual(moved.state, .open)
    }

    /// A stale file cannot reopen a deadline handled (or a notice decided) since it was exported.
    func testMergeRefusesToUndoARecordedDecision() throws {
        let store = try ExchangeFixtures.demoStore()
        let stale = try ExchangeFixtures.json(try PortfolioExporter.document(store: store))
        let open = try store.writer.read { db in try Deadline.filter(Column("state") == "open").order(Column("id")).fetchOne(db) }!
        let p = Portfolio(store: store, clock: .fixed(CivilDate(iso: "2026-11-23")!), ids: SequentialIDGenerator(), user: "t")
        try p.handleDeadline(id: open.id, note: "done")
        let counts = try ExchangeFixtures.counts(store)
        XCTAssertThrowsError(try ExchangeFixtures.importer(store).importData(stale, fileName: "old.json", merge: true)) { error in
            XCTAssertTrue("\(error)".contains("would rewrite 1 recorded decision"), "\(error)")
            XCTAssertTrue("\(error)".contains(open.id), "\(error)")
        }
        XCTAssertEqual(try ExchangeFixtures.counts(store), counts)
        XCTAssertEqual(try store.writer.read { db in try Deadline.fetchOne(db, key: open.id)?.state }, .handled)
    }
}
