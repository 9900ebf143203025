import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Kept contract texts in the exchange document (key "documents"): a lossless round trip, old
/// documents without the key, precise validation paths, and no rewriting of a kept text by merge.
final class AgreementDocumentExchangeTests: XCTestCase {
    /// The demo portfolio plus one intake-saved agreement with its text.
    func sourceStore() throws -> (VarselStore, AgreementDocument) {
        let store = try ExchangeFixtures.demoStore()
        let p = Portfolio(store: store, clock: ExchangeFixtures.clock, ids: SequentialIDGenerator(), user: "tester")
        let saved = try p.addAgreementBundle(AgreementDocumentTests.bundle(), sourceFile: "avtal.pdf",
                                             sha256: String(repeating: "0f", count: 32))
        return (store, try XCTUnwrap(try p.queries.documents(agreementId: saved.record.id).first))
    }

    func json(_ store: VarselStore) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: try PortfolioExporter.exportJSON(store: store)) as? [String: Any])
    }

    func testExportImportExportKeepsTheTextByteForByte() throws {
        let (source, kept) = try sourceStore()
        let a = try PortfolioExporter.exportJSON(store: source)
        let target = try VarselStore.inMemory()
        try ExchangeFixtures.importer(target).importData(a, fileName: "a.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: target), a)
        XCTAssertEqual(try target.exportDocument().documents, [kept])
        let decoded = try JSONDecoder().decode(PortfolioDocument.self, from: a)
        XCTAssertEqual(decoded.documents.first?.text, AgreementDocumentTests.text)
    }

    /// An export written before texts were kept has no "documents" key: it imports, with none.
    func testADocumentWithoutTextsImports() throws {
        var doc = try json(try ExchangeFixtures.demoStore())
        XCTAssertNotNil(doc.removeValue(forKey: "documents"), "exports now carry the key")
        let data = try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
        let target = try VarselStore.inMemory()
        try ExchangeFixtures.importer(target).importData(data, fileName: "old.json")
        XCTAssertEqual(try target.exportDocument().documents, [])
        XCTAssertEqual(try target.exportDocument().agreements.count, 6)
    }

    func testInvalidDocumentsNameTheirPath() throws {
        let (source, _) = try sourceStore()
        let base = try json(source)
        func rejected(_ key: String, _ value: Any, _ fragments: [String], line: UInt = #line) throws {
            var doc = base
            var rows = try XCTUnwrap(doc["documents"] as? [[String: Any]])
            rows[0][key] = value
            doc["documents"] = rows
            let data = try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
            let target = try VarselStore.inMemory()
            XCTAssertThrowsError(try ExchangeFixtures.importer(target).importData(data, fileName: "bad.json"), line: line) { error in
                let text = (error as? VarselError)?.description ?? "\(error)"
                for f in fragments { XCTAssertTrue(text.contains(f), "«\(f)» missing in: \(text)", line: line) }
            }
            XCTAssertEqual(try target.exportDocument().agreements.count, 0, "nothing written", line: line)
        }
        try rejected("sha256", "not-a-hash", ["documents[0].sha256", "is not a SHA-256 hash"])
        try rejected("text", "  ", ["documents[0].text", "Text is empty"])
        try rejected("importedAt", "yesterday", ["documents[0].importedAt", "not an import time"])
        try rejected("mediaType", "rtf", ["documents[0].mediaType", "rtf"])
        try rejected("agreementId", "nowhere", ["documents[0].agreementId", "nowhere"])
        try rejected("fileName", "", ["documents[0].fileName", "File name is empty"])
    }

    /// A merge may not rewrite a kept text: it is evidence of what was signed.
    func testMergeRefusesToRewriteAKeptText() throws {
        let (source, kept) = try sourceStore()
        var doc = try json(source)
        var rows = try XCTUnwrap(doc["documents"] as? [[String: Any]])
        rows[0]["text"] = "Something else entirely"
        doc["documents"] = rows
        let data = try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
        XCTAssertThrowsError(try ExchangeFixtures.importer(source).importData(data, fileName: "m.json", merge: true)) { error in
            let text = (error as? VarselError)?.description ?? "\(error)"
            XCTAssertTrue(text.contains("documents[0] \"\(kept.id)\": text"), text)
            XCTAssertTrue(text.contains("a kept text is immutable"), text)
        }
        XCTAssertEqual(try source.exportDocument().documents, [kept])
    }
}
