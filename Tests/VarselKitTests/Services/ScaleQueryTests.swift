import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// The workbench's paged queries for large portfolios (`agreement_search`, the grouped register):
/// same rows and order as a brute-force filter over everything, and keyset pages that join up.
final class ScaleQueryTests: XCTestCase {
    static let today = day("2026-11-23")

    /// A generated portfolio (Nordic names, shared sub-processor pool) plus hostile titles for LIKE.
    func portfolio() throws -> Portfolio {
        let store = try TestBackend.makeStore()
        _ = try PortfolioGenerator(agreements: 150, seed: 7, clock: .fixed(Self.today)).generate(into: store, user: "t")
        try store.seed { db in
            try db.insert(Party(id: "odd", name: "ØRESUND 100% Data_AB", country: "DK"))
            for (i, t) in ["50% rabatt_avtal", "avtal 50 procent", "AVTAL med Ärlig AB", "Ærø Data ApS", "a\\b avtal"].enumerated() {
                try db.insert(Agreement(id: "odd-\(i)", title: t, kind: .other, counterpartyId: "odd", ourRole: .customer,
                              language: "sv", governingLaw: "Swedish law", calendar: .se))
            }
            try db.insert(SubProcessor(id: "odd-sp1", agreementId: "odd-0", name: "microsoft norge as", country: "SE", purpose: "Backup", status: .approved))
            try db.insert(SubProcessor(id: "odd-sp3", agreementId: "odd-2", name: "Microsoft Norge AS", country: "NO", purpose: "Hosting", status: .approved))
            try db.insert(SubProcessor(id: "odd-sp2", agreementId: "odd-1", name: "Zeta_100% Ltd", orgNumber: "556677-8899", country: "GB",
                             purpose: "Support", status: .proposed))
        }
        return Portfolio(store: store, clock: .fixed(Self.today), ids: TestIDs(), user: "t")
    }

    /// SQL LIKE without ICU: case-insensitive for ASCII letters only.
    static func asciiFold(_ s: String) -> [UInt8] { s.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 } }
    static func likeContains(_ haystack: String?, _ needle: String) -> Bool {
        guard let haystack else { return false }
        let h = asciiFold(haystack), n = asciiFold(needle)
        if n.isEmpty { return true }
        guard h.count >= n.count else { return false }
        return (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n }
    }
    /// The agreements filter: NFC, Unicode lowercase, then a byte substring (written out here
    /// without `SearchFold`'s fast path).
    static func foldContains(_ haystack: String, _ needle: String) -> Bool {
        let fold = { (s: String) in Array(s.precomposedStringWithCanonicalMapping.lowercased().utf8) }
        let h = fold(haystack), n = fold(needle)
        if n.isEmpty { return true }
        guard h.count >= n.count else { return false }
        return (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n }
    }
    /// Title without case (ASCII, as NOCASE), then id.
    static func listOrder(_ a: AgreementRow, _ b: AgreementRow) -> Bool {
        let ta = asciiFold(a.title), tb = asciiFold(b.title)
        if ta != tb { return ta.lexicographicallyPrecedes(tb) }
        return Array(a.id.utf8).lexicographicallyPrecedes(Array(b.id.utf8))
    }

    let filters = ["", "avtal", "AVTAL", "data", "sø", "ø", "Ø", "50%", "_", "\\", "a\\b", "xyz", " nord ", "ag-", "ärl",
                   "ÄRL", "øresund", "ÆRØ", "å", "A\u{30A}", "a", "\u{1F}"]

    func testAgreementPagesEqualABruteForceFilter() throws {
        let p = try portfolio()
        let q = p.queries
        let all = try q.agreements(filter: nil, limit: 100_000)
        XCTAssertEqual(all.count, 155)
        for f in filters {
            let needle = f.trimmingCharacters(in: .whitespaces)
            let expected = all.filter { needle.isEmpty || Self.foldContains($0.title, needle) || Self.foldContains($0.counterparty, needle)
                || Self.foldContains($0.id, needle) }.sorted(by: Self.listOrder)
            // The list on `agreements` and the one on `agreement_search` agree, and both equal the brute force.
            XCTAssertEqual(try q.agreements(filter: f, limit: 100_000), expected, "filter \(f)")
            XCTAssertEqual(try q.searchAgreements(filter: f, limit: 100_000), expected, "filter \(f)")
            XCTAssertEqual(try q.searchCount(filter: f), expected.count, "filter \(f)")
            XCTAssertEqual(try q.agreementCount(filter: f), expected.count, "filter \(f)")
            // Forward pages join up without gaps or repeats.
            var forward: [AgreementRow] = []
            var page = try q.searchAgreements(filter: f, limit: 7)
            while !page.isEmpty {
                forward += page
                page = try q.searchAgreements(filter: f, after: page.last!, limit: 7)
            }
            XCTAssertEqual(forward, expected, "forward pages, filter \(f)")
            // Backward from the last page.
            var backward = try q.searchLastAgreements(filter: f, limit: 5)
            XCTAssertEqual(backward, Array(expected.suffix(5)))
            while let first = backward.first {
                let before = try q.searchAgreements(filter: f, before: first, limit: 6)
                if before.isEmpty { break }
                backward = before + backward
            }
            XCTAssertEqual(backward, expected, "backward pages, filter \(f)")
            // Positions.
            for (i, row) in expected.enumerated() where i % 11 == 0 || i == expected.count - 1 {
                let pos = try q.searchPosition(id: row.id, filter: f)
                XCTAssertEqual(pos?.index, i, "position of \(row.id), filter \(f)")
                XCTAssertEqual(pos?.row, row)
            }
            if let hidden = all.first(where: { !expected.contains($0) }) {
                XCTAssertNil(try q.searchPosition(id: hidden.id, filter: f))
            }
        }
    }

    func testSearchTableFollowsWrites() throws {
        let p = try portfolio()
        try TestBackend.execute(p.store, "UPDATE agreements SET title = 'Zzz omdöpt' WHERE id = 'odd-0'")
        try TestBackend.execute(p.store, "UPDATE parties SET name = 'Kvarnholmen Qx' WHERE id = 'odd'")
        try p.store.seed { db in
            try db.insert(Agreement(id: "new-1", title: "Nytt avtal Qx", kind: .other, counterpartyId: "odd", ourRole: .customer,
                          language: "sv", governingLaw: "Swedish law", calendar: .se))
        }
        try TestBackend.execute(p.store, "DELETE FROM agreements WHERE id = 'odd-4'")
        let q = p.queries
        XCTAssertEqual(try q.searchAgreements(filter: "qx", limit: 100).map(\.id), ["odd-1", "odd-2", "new-1", "odd-0", "odd-3"])
        XCTAssertEqual(try q.searchAgreements(filter: "omdöpt", limit: 10).map(\.title), ["Zzz omdöpt"])
        XCTAssertEqual(try q.searchAgreements(filter: "rabatt", limit: 10), [])
        XCTAssertEqual(try q.searchCount(filter: nil), try q.agreementCount())
        XCTAssertEqual(try q.searchAgreements(filter: nil, limit: 100_000), try q.agreements(filter: nil, limit: 100_000))
    }

    /// A file written before v18_vendor_statuses gets each name's statuses in the summary, and a
    /// status change after the migration moves them.
    func testMigrationFillsTheVendorStatuses() throws {
        try XCTSkipIf(TestBackend.current != .sqlite, "SQLite's migration")
        let queue = try DatabaseQueue(configuration: VarselStore.configuration())
        try Schema.migrator.migrate(queue, upTo: "v17_agreement_documents")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO parties (id, name) VALUES ('p', 'Part');
                INSERT INTO agreements (id, title, kind, counterparty_id, our_role, language, governing_law, calendar, term, status)
                VALUES ('a1', 'Avtal', 'other', 'p', 'customer', 'sv', 'Swedish law', 'se', '{"kind":"indefinite"}', 'active');
                INSERT INTO sub_processors (id, agreement_id, name, country, purpose, status)
                VALUES ('s1', 'a1', 'Curanet A/S', 'DK', 'Hosting', 'approved'), ('s2', 'a1', 'CURANET A/S', 'DK', 'Backup', 'objected');
                """)
        }
        try Schema.migrator.migrate(queue)
        func statuses() throws -> [String] {
            try queue.read { db in try String.fetchAll(db, sql: "SELECT statuses FROM sub_processor_vendors") }
                .map { $0.split(separator: ",").sorted().joined(separator: ",") }
        }
        XCTAssertEqual(try statuses(), ["approved,objected"])
        try queue.write { db in try db.execute(sql: "UPDATE sub_processors SET status = 'removed' WHERE id = 's2'") }
        XCTAssertEqual(try statuses(), ["approved,removed"])
    }

    func testMigrationBackfillsTheSearchTable() throws {
        let queue = try DatabaseQueue(configuration: VarselStore.configuration())
        try Schema.migrator.migrate(queue, upTo: "v1-portfolio")
        try queue.write { db in
            try Party(id: "p", name: "Søbæk Digital Ltd").insert(db)
            // Raw SQL: the current model has columns a v1 database does not have yet.
            try db.execute(sql: """
                INSERT INTO agreements (id, title, kind, counterparty_id, our_role, language, governing_law, calendar, term, status)
                VALUES ('a1', 'Avtal', 'other', 'p', 'customer', 'sv', 'Swedish law', 'se', '{"kind":"indefinite"}', 'active')
                """)
        }
        try Schema.migrator.migrate(queue)
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT title, id, counterparty, folded FROM agreement_search") }
        XCTAssertEqual(rows.map { [$0["title"], $0["id"], $0["counterparty"]] as [String] }, [["Avtal", "a1", "Søbæk Digital Ltd"]])
        XCTAssertEqual(rows.map { $0["folded"] as String }, ["avtal\u{1F}søbæk digital ltd\u{1F}a1"])
    }

    /// The register in pages equals grouping every sub-processor row (the old register) by name.
    func testRegisterPagesEqualTheFullRegister() throws {
        let p = try portfolio()
        let q = p.queries
        let full = try q.subProcessorRegister()
        XCTAssertGreaterThan(full.count, 50)
        for f in ["", "microsoft", "NORGE", "se", "backup", "100%", "_", "Support", "556677", "xyz", "avtal", "hosting"] {
            let needle = f.trimmingCharacters(in: .whitespaces)
            let expected = full.filter { e in
                needle.isEmpty || e.uses.contains { u in
                    Self.likeContains(e.name, needle) || Self.likeContains(u.country, needle) || Self.likeContains(u.purpose, needle)
                        || Self.likeContains(u.agreementTitle, needle)
                } || (try? p.store.read { try $0.records(SubProcessor.self, ids: e.uses.map(\.subProcessorId)) }).map { $0.contains { Self.likeContains($0.orgNumber, needle) } } == true
            }
            var pages: [SubProcessorVendor] = []
            var page = try q.subProcessorVendors(filter: f, limit: 9)
            while !page.isEmpty {
                pages += page
                page = try q.subProcessorVendors(filter: f, after: page.last!.name, limit: 9)
            }
            XCTAssertEqual(pages.map(\.id), expected.map(\.id), "filter \(f)")
            XCTAssertEqual(try q.subProcessorVendorCount(filter: f), expected.count, "filter \(f)")
            for (v, e) in zip(pages, expected) {
                XCTAssertEqual(v.agreements, Set(e.uses.map(\.agreementId)).count, v.name)
                XCTAssertEqual(v.uses, e.uses.count, v.name)
                XCTAssertEqual(v.countries, e.countries.sorted(), v.name)
                XCTAssertEqual(try q.subProcessorUses(name: v.name), e.uses, v.name)
            }
            // Backward and last pages join up too.
            var backward = try q.subProcessorVendors(filter: f, last: true, limit: 4)
            XCTAssertEqual(backward.map(\.id), expected.suffix(4).map(\.id))
            while let first = backward.first {
                let before = try q.subProcessorVendors(filter: f, before: first.name, limit: 8)
                if before.isEmpty { break }
                backward = before + backward
            }
            XCTAssertEqual(backward.map(\.id), expected.map(\.id), "backward, filter \(f)")
        }
        // Names that differ only in case are one entry.
        let ms = try q.subProcessorVendors(filter: "microsoft norge", limit: 10)
        XCTAssertEqual(ms.count, 1)
        XCTAssertEqual(try q.subProcessorUses(name: "MICROSOFT NORGE AS").count, ms.first?.uses)
    }

    /// The register's summary table (`sub_processor_vendors`, kept by triggers) equals grouping the
    /// rows after inserts (a new name, a known name in other case), updates (name, country,
    /// agreement, status) and deletes (including a name's last row).
    func testVendorSummaryFollowsEveryWrite() throws {
        let p = try portfolio()
        let q = p.queries
        func check(_ step: String) throws {
            var pages: [SubProcessorVendor] = []
            var page = try q.subProcessorVendors(filter: nil, limit: 7)
            while !page.isEmpty {
                pages += page
                page = try q.subProcessorVendors(filter: nil, after: page.last!.name, limit: 7)
            }
            let full = try q.subProcessorRegister()
            XCTAssertEqual(pages.map(\.id), full.map(\.id), step)
            XCTAssertEqual(try q.subProcessorVendorCount(filter: nil), full.count, step)
            for (v, e) in zip(pages, full) {
                XCTAssertEqual(v.uses, e.uses.count, "\(step): \(v.name)")
                XCTAssertEqual(v.agreements, Set(e.uses.map(\.agreementId)).count, "\(step): \(v.name)")
                XCTAssertEqual(v.countries, e.countries.sorted(), "\(step): \(v.name)")
                XCTAssertEqual(v.statuses, SubProcessorVendor.attentionOrder.filter(Set(e.uses.map(\.status)).contains),
                               "\(step): \(v.name)")
                // Uses in title order from the (name, agreement title) index, titles kept by triggers.
                XCTAssertEqual(try q.subProcessorUses(name: v.name), e.uses, "\(step): \(v.name)")
                XCTAssertEqual(try q.subProcessorUses(name: v.name, limit: 2), Array(e.uses.prefix(2)), "\(step): \(v.name)")
            }
        }
        try check("generated")
        let existing = Array(try p.store.exportDocument().subProcessors.prefix(3))
        try p.store.seed { db in
            try db.insert(SubProcessor(id: "sp-new-1", agreementId: "odd-0", name: "Zz Brand New Vendor Oy", country: "FI",
                             purpose: "Hosting", status: .proposed))
            try db.insert(SubProcessor(id: "sp-new-2", agreementId: "odd-1", name: existing[0].name.uppercased(), country: "IS",
                             purpose: "Backup", status: .approved))
        }
        try check("inserted")
        try p.store.seed { db in
            var moved = existing[1]; moved.name = "Zz Brand New Vendor Oy"; try db.update(moved)
            var abroad = existing[2]; abroad.country = "JP"; abroad.agreementId = "odd-2"; try db.update(abroad)
        }
        try check("updated")
        try p.store.seed { db in
            var objected = existing[0]; objected.status = .objected; try db.update(objected)
        }
        try check("status changed")
        try p.store.seed { db in
            // Renamed agreements move their uses in every vendor's title order.
            for id in ["odd-0", existing[0].agreementId] {
                var a = try XCTUnwrap(db.record(Agreement.self, id: id))
                a.title = "Ååå renamed " + a.title
                try db.update(a)
            }
        }
        try check("agreement renamed")
        try p.store.seed { db in
            for id in ["sp-new-1", existing[1].id, "sp-new-2"] { try db.delete(try XCTUnwrap(db.record(SubProcessor.self, id: id))) }
        }
        try check("deleted")
        XCTAssertTrue(try q.subProcessorVendors(filter: nil, limit: 5000).allSatisfy { $0.name != "Zz Brand New Vendor Oy" })
    }
}

