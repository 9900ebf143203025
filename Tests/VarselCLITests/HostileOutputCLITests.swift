import Foundation
import VarselUI
import XCTest

/// Hostile text from an imported portfolio (terminal escapes, C1 controls, bidi overrides) must not
/// reach a terminal through any command-line output: human-facing text is sanitised, CSV drops the
/// controls, JSON escapes them, ICS drops them (docs/exchange.md).
final class HostileOutputCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    /// OSC 52 (clipboard write), OSC 0 (window title), ESC[2J (clear screen), C1 CSI, BEL, a bidi
    /// override and a forged line.
    static let hostile = "Evil\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}txet\u{2066}\nFAKE LINE\u{85}end 東京 👩‍👩‍👧‍👦 👍🏽 ｶﾅ"

    /// The demo portfolio with hostile text in every human field, plus a party whose id is hostile.
    private func hostilePortfolio() throws -> String {
        try Varsel.expect(0, ["demo", "--db", path("demo.sqlite"), "--today", today])
        let exported = try Varsel.expect(0, ["export", "--db", path("demo.sqlite")]).stdout
        var doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        let fields: Set<String> = ["title", "name", "summary", "what", "explanation", "description", "purpose", "grounds",
                                   "changes", "note", "notes"]
        func poison(_ value: Any, key: String?) -> Any {
            if let dict = value as? [String: Any] {
                return Dictionary(uniqueKeysWithValues: dict.map { ($0.key, poison($0.value, key: $0.key)) })
            }
            if let array = value as? [Any] { return array.map { poison($0, key: key) } }
            if let s = value as? String, let key, fields.contains(key), !s.isEmpty { return s + " " + Self.hostile }
            return value
        }
        for (key, value) in doc where key != "audit" { doc[key] = poison(value, key: nil) }
        var parties = try XCTUnwrap(doc["parties"] as? [[String: Any]])
        parties.append(["id": "p-\u{1B}]52;c;eA==\u{07}\u{9B}2J", "name": Self.hostile])
        doc["parties"] = parties
        let file = path("hostile.json")
        try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]).write(to: URL(fileURLWithPath: file))
        try Varsel.expect(0, ["import", file, "--db", db, "--today", today])
        return file
    }

    /// Text for a terminal: no C0 control except LF, no DEL, no C1, no bidi control.
    private func assertTerminalSafe(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for s in text.unicodeScalars where s != "\n" {
            let v = s.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                XCTFail("\(what): U+\(String(v, radix: 16, uppercase: true)) reaches the terminal in\n\(text.debugDescription.prefix(600))",
                        file: file, line: line)
                return
            }
        }
    }

    /// A data format: no ESC, BEL, DEL, C1 or bidi control (tab, CR, LF allowed).
    private func assertNoControls(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for s in text.unicodeScalars where !["\n", "\r", "\t"].contains(s) {
            let v = s.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                XCTFail("\(what): U+\(String(v, radix: 16, uppercase: true)) in\n\(text.debugDescription.prefix(600))", file: file, line: line)
                return
            }
        }
    }

    func testHumanOutputIsSanitisedEverywhere() throws {
        let file = try hostilePortfolio()
        var outputs: [(String, RunResult)] = []
        func run(_ status: Int32?, _ args: [String]) throws {
            let r = try status.map { try Varsel.expect($0, args + ["--db", db, "--today", today]) }
                ?? Varsel.run(args + ["--db", db, "--today", today])
            outputs.append((args.joined(separator: " "), r))
        }
        try run(0, ["agreements"])
        try run(0, ["subprocessors"])
        try run(0, ["notices"])
        try run(0, ["deadlines", "--within", "400"])
        try run(3, ["check", "--within", "400"])
        try run(0, ["show", "pureservice"])
        try run(0, ["audit"])
        // Into the plain demo: the hostile party is added, the poisoned records changed.
        outputs.append(("import", try Varsel.expect(0, ["import", "--merge", "--dry-run", file, "--db", path("demo.sqlite"), "--today", today])))
        try run(0, ["notice", "add", "pureservice", "--kind", "sub_processor_added", "--summary", Self.hostile,
                    "--sub-name", Self.hostile, "--sub-country", "SE"])
        try run(0, ["event", "pureservice", "--kind", "incident_discovered", "--time", "09:30", "--description", Self.hostile])
        try run(0, ["terminate", "pureservice", "--by", "us", "--dry-run"])
        try run(2, ["show", Self.hostile])
        try run(2, ["object", Self.hostile])
        for (what, r) in outputs {
            assertTerminalSafe(r.stdout, "stdout of \(what)")
            assertTerminalSafe(r.stderr, "stderr of \(what)")
        }
        // The hostile text is there, made visible, and cannot forge a line of `check`.
        let check = try XCTUnwrap(outputs.first { $0.0.hasPrefix("check") }?.1.stdout)
        XCTAssertTrue(check.contains("Evil␛]52;c;cm0gLXJmIH4=␇␛]0;pwned␇␛[2J\u{FFFD}31mtxet FAKE LINE end"), check)
        XCTAssertFalse(check.split(separator: "\n").contains { $0.hasPrefix("FAKE") }, check)
        let table = try XCTUnwrap(outputs.first { $0.0.hasPrefix("deadlines") }?.1.stdout)
        XCTAssertTrue(table.contains("␛[2J"), table)
        let dryRun = try XCTUnwrap(outputs.first { $0.0.hasPrefix("import") }?.1.stdout)
        XCTAssertTrue(dryRun.contains("p-␛]52;c;eA==␇\u{FFFD}2J"), dryRun)
    }

    /// Tables line up by display width with hostile, wide and very long text: the STATUS column
    /// starts at the same column in every row.
    func testTablesStayAligned() throws {
        _ = try hostilePortfolio()
        let long = path("long.json")
        try #"{"format": "varsel-portfolio", "formatVersion": 1, "agreements": [{"id": "long", "title": "\#(String(repeating: "Långt 東京 ", count: 1_000))", "kind": "other", "counterpartyId": "us", "ourRole": "customer", "language": "sv", "governingLaw": "x", "calendar": "se", "term": {"kind": "indefinite"}, "status": "active"}]}"#
            .write(toFile: long, atomically: true, encoding: .utf8)
        try Varsel.expect(0, ["import", long, "--db", db, "--today", today])
        let table = try Varsel.expect(0, ["agreements", "--db", db, "--today", today]).stdout
        let lines = table.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first)
        let column = DisplayWidth.of(String(header[..<header.range(of: "STATUS")!.lowerBound]))
        var rows = 0
        for line in lines.dropFirst(2) {
            let r = try XCTUnwrap(line.range(of: "  active"), line)
            XCTAssertEqual(DisplayWidth.of(String(line[..<r.lowerBound])) + 2, column, line)
            rows += 1
        }
        XCTAssertGreaterThanOrEqual(rows, 6)   // every agreement of the demo, and the long one
    }

    func testImportErrorMessagesAreSanitised() throws {
        try Varsel.expect(0, ["demo", "--db", db, "--today", today])
        let evil = "\u{1B}]52;c;eA==\u{07}\u{9B}2J\u{202E}"
        // A bad value, an unknown field name and a YAML syntax error quoting the line.
        let json = path("bad.json"), field = path("field.json"), yaml = path("bad.yaml")
        try #"{"format": "varsel-portfolio", "formatVersion": 1, "parties": [{"id": "p\#(evil)", "name": "x", "country": "S\#(evil)E"}]}"#
            .write(toFile: json, atomically: true, encoding: .utf8)
        try #"{"format": "varsel-portfolio", "formatVersion": 1, "parties": [{"id": "p", "name": "x", "n\#(evil)": 1}]}"#
            .write(toFile: field, atomically: true, encoding: .utf8)
        try "format: varsel-portfolio\nformatVersion: 1\nparties:\n  - id: \"p\(evil)\n    name: [unclosed \(evil)\n"
            .write(toFile: yaml, atomically: true, encoding: .utf8)
        for f in [json, field, yaml] {
            for extra in [[], ["--dry-run"], ["--merge"]] {
                let r = try Varsel.run(["import", f, "--db", db, "--today", today] + extra)
                XCTAssertNotEqual(r.status, 0, r.stdout)
                XCTAssertFalse(r.stderr.isEmpty)
                assertTerminalSafe(r.stdout, "stdout of import \(f)")
                assertTerminalSafe(r.stderr, "stderr of import \(f)")
            }
        }
    }

    func testCSVJSONAndICSCarryNoRawControls() throws {
        _ = try hostilePortfolio()
        for command in [["agreements"], ["subprocessors"], ["notices"], ["deadlines", "--within", "400"], ["audit"]] {
            let csv = try Varsel.expect(0, command + ["--format", "csv", "--db", db, "--today", today]).stdout
            assertNoControls(csv, "CSV of \(command[0])")
            let json = try Varsel.expect(0, command + ["--format", "json", "--db", db, "--today", today]).stdout
            assertTerminalSafe(json, "JSON of \(command[0])")
            // Escaped, not lost: the hostile text decodes back exactly.
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), command[0])
            if command[0] != "audit" {
                XCTAssertTrue(json.contains("\\u001b]52;c;cm0gLXJmIH4=\\u0007"), "\(command[0]): \(json.prefix(400))")
                XCTAssertTrue(json.contains("\\u009b31m\\u202etxet\\u2066\\nFAKE LINE\\u0085end"), "\(command[0]): \(json.prefix(400))")
            }
        }
        let deadlines = try Varsel.expect(0, ["deadlines", "--within", "400", "--format", "json", "--db", db, "--today", today]).stdout
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(deadlines.utf8)) as? [[String: Any]])
        XCTAssertTrue(items.contains { ($0["what"] as? String)?.hasSuffix(" " + Self.hostile) == true })
        for command in [["show", "pureservice"], ["export"]] {
            let json = try Varsel.expect(0, command + ["--format", "json", "--db", db, "--today", today]).stdout
            assertTerminalSafe(json, "JSON of \(command[0])")
            XCTAssertTrue(json.contains("\\u009b31m\\u202etxet"), command[0])
        }
        let ics = try Varsel.expect(0, ["calendar", "--within", "400", "--db", db, "--today", today]).stdout
        assertNoControls(ics, "ICS")
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains(#"Evil]52\;c\;cm0gLXJmIH4=]0\;pwned[2J31mtxet\nFAKE LINE\nend"#), ics)
    }
}
