import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Unicode case folding of filters (`SearchFold`, `varsel_fold`, migration v3-folded-search).
final class SearchFoldTests: XCTestCase {
    func testFoldLowercasesNordicLettersAndKeepsThemDistinct() {
        XCTAssertEqual(SearchFold.fold("ØRESUND Ærø ÅRHUS ÄRLIG ÖST"), "øresund ærø århus ärlig öst")
        XCTAssertEqual(SearchFold.fold("øæåäö"), "øæåäö")
        XCTAssertEqual(SearchFold.fold("ẞ Straße"), "ß straße")
        XCTAssertEqual(SearchFold.fold("AB-12_%"), "ab-12_%")
        XCTAssertEqual(SearchFold.fold(""), "")
        // Diacritics are kept: "a" is not "å", "o" is not "ø" or "ö".
        XCTAssertFalse(SearchFold.fold("Århus").contains("a"))
        XCTAssertNotEqual(SearchFold.fold("Å"), SearchFold.fold("A"))
        XCTAssertNotEqual(SearchFold.fold("ø"), SearchFold.fold("ö"))
        // Lowercase, not full case folding: "ss" does not become "ß".
        XCTAssertEqual(SearchFold.fold("STRASSE"), "strasse")
    }

    func testDecomposedInputFoldsLikeComposed() {
        XCTAssertEqual(SearchFold.fold("A\u{30A}"), "å")
        XCTAssertEqual(SearchFold.fold("A\u{30A}"), SearchFold.fold("Å"))
        XCTAssertEqual(SearchFold.fold("\u{212B}"), "å") // ANGSTROM SIGN
        XCTAssertEqual(SearchFold.fold("O\u{308}STERSUND"), SearchFold.fold("Östersund"))
        XCTAssertEqual(SearchFold.fold("A\u{30A}").unicodeScalars.count, 1)
    }

    /// The fast path (text below U+0300 is taken as NFC) agrees with composing first.
    func testFastPathEqualsTheFullFold() {
        for v in 0..<0x300 {
            let s = String(UnicodeScalar(v)!) + "x" + String(UnicodeScalar(0x2FF - v)!)
            XCTAssertEqual(SearchFold.fold(s), s.precomposedStringWithCanonicalMapping.lowercased(), "U+\(String(v, radix: 16))")
        }
    }

    func testSQLFunction() throws {
        let store = try VarselStore.inMemory()
        let row = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT varsel_fold('ÅRHUS Ø'), varsel_fold(?), varsel_fold(NULL)", arguments: ["A\u{30A}"])!
        }
        XCTAssertEqual(row[0] as String, "århus ø")
        XCTAssertEqual(row[1] as String, "å")
        XCTAssertNil(row[2] as String?)
    }

    /// A file store (a pool: one writer, several readers) with a few Nordic agreements.
    func nordicStore(_ tmp: TempFolder) throws -> Portfolio {
        let store = try VarselStore.open(path: tmp.path("nordic.sqlite"))
        try store.writer.write { db in
            try Party(id: "ore", name: "Øresund AB").insert(db)
            try Party(id: "arh", name: "A\u{30A}rhus Kommune").insert(db) // decomposed, as pasted from some sources
            for (id, title, party) in [("o1", "Driftsavtal", "ore"), ("o2", "ÆBLE leveranse", "arh"), ("o3", "Avtal om sjöfart", "ore")] {
                try Agreement(id: id, title: title, kind: .other, counterpartyId: party, ourRole: .customer,
                              language: "sv", governingLaw: "Swedish law", calendar: .se).insert(db)
            }
        }
        return Portfolio(store: store, clock: .fixed(day("2026-11-23")), ids: TestIDs(), user: "t")
    }

    func ids(_ q: PortfolioQueries, _ filter: String) throws -> [String] {
        try q.searchAgreements(filter: filter, limit: 100).map(\.id)
    }

    func testSearchFoldsUnicodeCase() throws {
        let tmp = try TempFolder(); defer { tmp.remove() }
        let q = try nordicStore(tmp).queries
        XCTAssertEqual(try ids(q, "øRE"), ["o3", "o1"])
        XCTAssertEqual(try ids(q, "ÅRHUS"), ["o2"])
        XCTAssertEqual(try ids(q, "\u{212B}rhus"), ["o2"])
        XCTAssertEqual(try ids(q, " æble "), ["o2"])
        XCTAssertEqual(try ids(q, "SJÖ"), ["o3"])
        XCTAssertEqual(try ids(q, "arhus"), []) // "a" is not "å"
        XCTAssertEqual(try ids(q, "sjo"), [])
        XCTAssertEqual(try ids(q, "ab\u{1F}"), []) // never across fields
        XCTAssertEqual(try q.agreements(filter: "øRE").map(\.id), ["o3", "o1"])
        XCTAssertEqual(try q.agreementCount(filter: "ØRESUND"), 2)
        XCTAssertEqual(try q.resolveAgreement("ÆBLE").id, "o2")
        XCTAssertEqual(try q.resolveAgreement("århus").id, "o2")
        XCTAssertThrowsError(try q.resolveAgreement("ØRESUND"))
    }

    func testSearchFollowsRenames() throws {
        let tmp = try TempFolder(); defer { tmp.remove() }
        let p = try nordicStore(tmp)
        try p.store.writer.write { db in
            var a = try Agreement.fetchOne(db, key: "o1")!
            a.title = "Ändrat DRIFTSAVTAL"
            try a.update(db)
            try db.execute(sql: "UPDATE parties SET name = 'Ålborg ApS' WHERE id = 'ore'")
        }
        let q = p.queries
        XCTAssertEqual(try ids(q, "ändrat"), ["o1"])
        XCTAssertEqual(try ids(q, "ÅLBORG"), ["o3", "o1"])
        XCTAssertEqual(try ids(q, "øresund"), [])
        XCTAssertEqual(try ids(q, "drift"), ["o1"])
        XCTAssertEqual(try q.agreements(filter: "ålborg").map(\.id), ["o3", "o1"])
    }

    /// A database made by a binary at v2-search gets the folded key when a newer one opens it.
    func testMigrationFromV2FillsTheFoldedKey() throws {
        let tmp = try TempFolder(); defer { tmp.remove() }
        let path = tmp.path("v2.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v2-search")
            try queue.write { db in
                try Party(id: "p", name: "SØBÆK Digital").insert(db)
                // Raw SQL: the current model has columns a v2 database does not have yet.
                try db.execute(sql: """
                    INSERT INTO agreements (id, title, kind, counterparty_id, our_role, language, governing_law, calendar, term, status)
                    VALUES ('A-1', 'Ærlig Avtal', 'other', 'p', 'customer', 'sv', 'Swedish law', 'se', '{"kind":"indefinite"}', 'active')
                    """)
            }
            try queue.close()
        }
        let store = try VarselStore.open(path: path)
        let rows = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT title, id, counterparty, folded FROM agreement_search") }
        XCTAssertEqual(rows.map { [$0["title"], $0["id"], $0["counterparty"], $0["folded"]] as [String] },
                       [["Ærlig Avtal", "A-1", "SØBÆK Digital", "ærlig avtal\u{1F}søbæk digital\u{1F}a-1"]])
        let q = PortfolioQueries(store: store, today: day("2026-11-23"))
        XCTAssertEqual(try ids(q, "søbæk"), ["A-1"])
        // The recreated triggers keep it in step.
        try store.writer.write { db in try db.execute(sql: "UPDATE agreements SET title = 'Øvrigt' WHERE id = 'A-1'") }
        XCTAssertEqual(try ids(q, "øVRIGT"), ["A-1"])
        XCTAssertEqual(try ids(q, "ærlig"), [])
    }
}
