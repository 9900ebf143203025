import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// YAML alias expansion ("billion laughs", issue 15 bug 5): a few hundred bytes of nested aliases
/// must be refused quickly with a precise message, before Yams builds the document; honest
/// anchors still import.
final class YAMLBombTests: XCTestCase {
    /// Imports `data` (add, merge, dry run) into an empty and a demo store: refused with every
    /// fragment in the message, nothing written.
    func assertRejected(_ data: Data, file: String, _ fragments: [String], line: UInt = #line) throws {
        for target in [try VarselStore.inMemory(), try ExchangeFixtures.demoStore()] {
            let before = try ExchangeFixtures.counts(target)
            for (merge, dryRun) in [(false, false), (true, false), (false, true)] {
                XCTAssertThrowsError(try ExchangeFixtures.importer(target).importData(data, fileName: file, merge: merge, dryRun: dryRun),
                                     line: line) { error in
                    let text = "\(error)"
                    XCTAssertEqual((error as? VarselError)?.kind, .invalidInput, text, line: line)
                    for f in fragments + [file] { XCTAssertTrue(text.contains(f), "«\(f)» missing in: \(text)", line: line) }
                }
            }
            XCTAssertEqual(try ExchangeFixtures.counts(target), before, line: line)
        }
    }

    /// Nine levels of nine aliases each: 9^9 ≈ 387 million nodes from under 500 bytes.
    static func bomb(leaf: String = "[lol,lol,lol,lol,lol,lol,lol,lol,lol]", use: String = "parties: *a8") -> String {
        var lines = ["format: varsel-portfolio", "formatVersion: 1", "a0: &a0 \(leaf)"]
        for i in 1...8 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]") }
        lines.append(use)
        return lines.joined(separator: "\n") + "\n"
    }

    func testBillionLaughsIsRefusedFast() throws {
        let variants = [
            Self.bomb(),
            // Aliases as mapping keys: Yams hashes every key while composing.
            Self.bomb(use: "k: {*a8: 1, *a7: 2, [*a8]: 3}"),
            // Few nodes, much text.
            Self.bomb(leaf: "\"" + String(repeating: "x", count: 200) + "\""),
        ]
        for yaml in variants {
            XCTAssertLessThan(yaml.utf8.count, 700)
            let started = Date()
            try assertRejected(Data(yaml.utf8), file: "bomb.yaml",
                               ["The YAML document is too large once expanded", "its aliases expand to more than", "line 8"])
            XCTAssertLessThan(Date().timeIntervalSince(started), 2, "took \(Date().timeIntervalSince(started)) s")
        }
    }

    func testDeepNestingIsRefused() throws {
        let yaml = "format: varsel-portfolio\nformatVersion: 1\nparties: " + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "\n"
        try assertRejected(Data(yaml.utf8), file: "deep.yaml", ["nests deeper than 64 levels", "line 3"])
    }

    func testLimitsScaleWithTheFileAndCountExactly() throws {
        // 3 levels of 3: the root mapping, its keys and values, expanded: well within the limits.
        let small = "a: &a [x, y]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
        XCTAssertNoThrow(try YAMLLimits.check(Array(small.utf8)))
        // Exactly at and just above the node limit for a small file (200,000 nodes).
        func wide(_ n: Int) -> String { "a: &a [" + Array(repeating: "x", count: 1000).joined(separator: ",") + "]\nb: [" + Array(repeating: "*a", count: n).joined(separator: ",") + "]\n" }
        XCTAssertNoThrow(try YAMLLimits.check(Array(wide(150).utf8)))   // ~151,000 nodes
        XCTAssertThrowsError(try YAMLLimits.check(Array(wide(250).utf8))) // ~251,000 nodes
    }

    func testHonestAnchorsStillImport() throws {
        let yaml = """
        format: varsel-portfolio
        formatVersion: 1
        parties:
          - &nordic {id: p1, name: Nordic AB, country: SE}
          - {id: us, name: Vi, country: SE}
        """
        let store = try VarselStore.inMemory()
        let plan = try ExchangeFixtures.importer(store).importData(Data(yaml.utf8), fileName: "anchors.yaml")
        XCTAssertEqual(plan.addedCount, 2)
    }
}
