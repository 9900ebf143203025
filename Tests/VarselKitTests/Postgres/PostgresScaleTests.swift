import Foundation
import XCTest
@testable import VarselKit
@testable import VarselPostgres
@testable import VarselSQLite

/// PostgreSQL at scale (issue 12): bulk generation, and the agreements filter through the
/// trigger-kept `agreement_search` table and its `pg_trgm` index. Skipped without a server.
final class PostgresScaleTests: XCTestCase {
    let today = day("2026-11-23")

    func fresh() throws -> PostgresStorage {
        try XCTSkipIf(TestBackend.postgresURL == nil, "no PostgreSQL server (VARSEL_TEST_POSTGRES_URL)")
        return try TestBackend.freshPostgres()
    }

    /// The same seed gives the same portfolio on both backends (byte-identical exports, the same
    /// agenda from the derived renewal table), and PostgreSQL gets it in a few statements per
    /// table rather than one per row.
    func testGeneratedPortfolioIsTheSameAsOnSQLiteAndSentInBulk() throws {
        let pg = try fresh()
        let sqlite = try VarselStore.inMemory()
        let generator = PortfolioGenerator(agreements: 300, seed: 7, clock: .fixed(today))
        let expected = try generator.generate(into: sqlite, user: "gen")
        let sent = pg.session.statements
        let summary = try generator.generate(into: pg, user: "gen")
        XCTAssertLessThan(pg.session.statements - sent, 80, "bulk: a few statements per table (\(summary.deadlines) deadlines alone)")
        let sorted = JSONEncoder()
        sorted.outputFormatting = .sortedKeys
        XCTAssertEqual(String(decoding: try sorted.encode(summary), as: UTF8.self), String(decoding: try sorted.encode(expected), as: UTF8.self))
        XCTAssertEqual(String(decoding: try PortfolioExporter.exportJSON(store: pg), as: UTF8.self),
                       String(decoding: try PortfolioExporter.exportJSON(store: sqlite), as: UTF8.self))
        let planner = DeadlinePlanner()
        let pgAgenda = try pg.reading(today: today, planner: planner).agenda(within: 800).map(\.deadline)
        XCTAssertGreaterThan(pgAgenda.filter { $0.sourceKind == .term }.count, 10, "renewal notice days came from renewal_notices")
        XCTAssertEqual(pgAgenda, try sqlite.reading(today: today, planner: planner).agenda(within: 800).map(\.deadline))
        XCTAssertEqual(try pg.session.int("SELECT count(*) FROM agreement_search"), expected.agreements)
        XCTAssertTrue(try pg.verifyAuditChain().ok)
        try assertSameReads(pg, sqlite)
    }

    /// What the workbench reads, read on both backends: every agreement's detail (PostgreSQL reads
    /// it in one statement of JSON arrays), the list and the register in pages, the counts.
    func assertSameReads(_ pg: PostgresStorage, _ sqlite: VarselStore) throws {
        let planner = DeadlinePlanner()
        let p = pg.reading(today: today, planner: planner), q = sqlite.reading(today: today, planner: planner)
        let ids = try sqlite.exportDocument().agreements.map(\.id)
        for id in ids {
            var a = try p.detail(agreementId: id), b = try q.detail(agreementId: id)
            // Rows equal in their sort keys come in any order on either backend: compare as sets there.
            a.terminations.sort { $0.id < $1.id }; b.terminations.sort { $0.id < $1.id }
            a.events.sort { $0.id < $1.id }; b.events.sort { $0.id < $1.id }
            a.deadlines.sort { $0.id < $1.id }; b.deadlines.sort { $0.id < $1.id }
            XCTAssertEqual(a, b, "detail of \(id)")
        }
        XCTAssertThrowsError(try p.detail(agreementId: "no-such-agreement")) { e in
            XCTAssertEqual((e as? VarselError)?.kind, .notFound)
        }
        for filter in [nil, "a", "sø", "nord", "xyz"] as [String?] {
            for archived in [false, true] {
                XCTAssertEqual(try p.agreements(filter: filter, includeArchived: archived, after: nil, limit: 40),
                               try q.agreements(filter: filter, includeArchived: archived, after: nil, limit: 40), "\(filter ?? "-")")
                XCTAssertEqual(try p.searchLastAgreements(filter: filter, includeArchived: archived, limit: 30),
                               try q.searchLastAgreements(filter: filter, includeArchived: archived, limit: 30), "\(filter ?? "-")")
                XCTAssertEqual(try p.searchCount(filter: filter, includeArchived: archived),
                               try q.searchCount(filter: filter, includeArchived: archived), "\(filter ?? "-")")
            }
        }
        XCTAssertEqual(try p.subProcessorVendors(filter: nil, after: nil, before: nil, last: false, limit: 5000),
                       try q.subProcessorVendors(filter: nil, after: nil, before: nil, last: false, limit: 5000))
    }

    /// A rare term is answered through the trigram index on the folded search key, not by reading
    /// every agreement (at a size where a scan would be the planner's choice without the index).
    func testAgreementFilterUsesTheTrigramIndex() throws {
        let pg = try fresh()
        try XCTSkipIf(try pg.session.one("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'") == nil, "pg_trgm not installed")
        try PortfolioGenerator(agreements: 4_000, seed: 3, clock: .fixed(today)).generate(into: pg, user: "gen")
        // What autovacuum does after a bulk load (the GIN index's pending list merged, statistics).
        try pg.session.query("VACUUM ANALYZE")
        for filter in ["xqzw", "tromsø kommune zz"] {
            let source = PostgresReading.listSource(filter: filter, includeArchived: true)
            let plan = try pg.session.query("EXPLAIN " + source.countSQL, source.binds)
                .compactMap { $0[0].string }.joined(separator: "\n")
            XCTAssertTrue(plan.contains("agreement_search_trgm"), plan)
            XCTAssertFalse(plan.contains("Seq Scan on agreement_search"), plan)
        }
        let reading = pg.reading(today: today, planner: DeadlinePlanner())
        XCTAssertEqual(try reading.agreementCount(filter: "xqzw", includeArchived: true), 0)
        let some = try XCTUnwrap(reading.agreements(filter: nil, includeArchived: true, after: nil, limit: 1).first)
        XCTAssertEqual(try reading.agreements(filter: some.id, includeArchived: true, after: nil, limit: 5).map(\.id), [some.id])
    }

    /// The filter finds the same agreements as on SQLite — Unicode folding (å/ø/æ, decomposed
    /// letters), LIKE's own characters taken literally — after inserts, a retitle and a party's
    /// rename (the triggers keep the search table in step with every write).
    func testFilterResultsEqualSQLitesAfterEveryKindOfWrite() throws {
        let pg = try fresh()
        let sqlite = try VarselStore.inMemory()
        let parties = [Party(id: "p1", name: "Tromsø Kommune", country: "NO"), Party(id: "p2", name: "ÆBLE ApS", country: "DK"),
                       Party(id: "p3", name: "A\u{30A}rhus Data", country: "DK"), Party(id: "p4", name: "Ödeshög 50% AB", country: "SE")]
        let titles = ["Avtal om drift – Nord", "Databehandleraftale Århus", "Tjenesteavtale snø_rydding", "Rabatt 50% på allt",
                      "Backslash \\ avtal", "ÅRSAVTAL ØRESUND", "Straße und Kærlighed"]
        func agreement(_ i: Int, _ title: String) -> Agreement {
            Agreement(id: "ag-\(i)", title: title, kind: .serviceAgreement, counterpartyId: parties[i % parties.count].id,
                      ourRole: .customer, language: "sv", governingLaw: "Swedish law", calendar: .se)
        }
        for store in [pg as any PortfolioStorage, sqlite] {
            try store.write(user: "t", at: Date(timeIntervalSince1970: 0)) { tx in
                try tx.insertAll(parties)
                try tx.insertAll(Array(titles.enumerated().prefix(4)).map { agreement($0.offset, $0.element) })
                for (i, t) in titles.enumerated().dropFirst(4) { try tx.insert(agreement(i, t)) }
                return ((), AuditNote(action: "seed", entityType: "portfolio", entityId: "x", summary: "seed"))
            }
        }
        let filters = ["å", "Å", "a\u{30A}", "ø", "ØRE", "æble", "kærlig", "50%", "%", "_", "ø_r", "\\", "nord", "tromsø", "ag-3", "zz"]
        func compare(_ when: String) throws {
            for f in filters {
                let mine = try pg.reading(today: today, planner: DeadlinePlanner()).agreements(filter: f, includeArchived: true, after: nil, limit: 50).map(\.id)
                let theirs = try sqlite.reading(today: today, planner: DeadlinePlanner()).agreements(filter: f, includeArchived: true, after: nil, limit: 50).map(\.id)
                XCTAssertEqual(mine, theirs, "\(when): filter \(f)")
                XCTAssertEqual(try pg.reading(today: today, planner: DeadlinePlanner()).agreementCount(filter: f, includeArchived: true), theirs.count, "\(when): \(f)")
            }
        }
        try compare("inserted")
        XCTAssertEqual(try pg.reading(today: today, planner: DeadlinePlanner()).agreements(filter: "50%", includeArchived: true, after: nil, limit: 50).map(\.id),
                       ["ag-3"], "% is a character, not a wildcard")
        for store in [pg as any PortfolioStorage, sqlite] {
            try store.write(user: "t", at: Date(timeIntervalSince1970: 0)) { tx in
                var a = try tx.agreement("ag-0")
                a.title = "Avtal om drift – Syd"
                try tx.update(a)
                var p = try XCTUnwrap(tx.record(Party.self, id: "p1"))
                p.name = "Bodø Kommune"
                try tx.update(p)
                return ((), AuditNote(action: "edit", entityType: "agreement", entityId: "ag-0", summary: "edit"))
            }
        }
        try compare("edited")
        let reading = pg.reading(today: today, planner: DeadlinePlanner())
        XCTAssertEqual(try reading.agreementCount(filter: "nord", includeArchived: true), 0)
        XCTAssertEqual(try reading.agreements(filter: "bodø", includeArchived: true, after: nil, limit: 50).map(\.id), ["ag-0", "ag-4"])
        XCTAssertEqual(try reading.agreementCount(filter: "tromsø", includeArchived: true), 0)
    }
}
