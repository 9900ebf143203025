import Foundation
import XCTest

/// `varsel edit AGREEMENT` with a scripted $EDITOR (a shell script applying sed), as issue 10 asks:
/// a valid change lands with one audit row; an invalid one is shown at the top of the reopened file
/// with its line number and changes nothing; an unchanged file writes nothing.
final class EditCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }

    @discardableResult
    private func v(_ status: Int32, _ args: [String], editor: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        try Varsel.expect(status, args + ["--db", db, "--today", today], environment: editor.map { ["EDITOR": $0, "VISUAL": ""] } ?? [:],
                          file: file, line: line)
    }

    private func seed() throws {
        try v(0, ["party", "add", "--create", "--id", "mm", "--name", "Mobilize Me ApS", "--org-number", "34208077", "--country", "DK"])
        try v(0, ["agreement", "add", "--id", "dpa", "--title", "Mobilize Me DPA", "--counterparty", "mm", "--signed", "2024-05-01",
                  "--effective", "2024-05-01"])
        try v(0, ["rule", "add", "dpa", "--id", "obj", "--title", "Object to the change", "--trigger", "change_notice_received",
                  "--period", "4 weeks"])
        try v(0, ["notice", "add", "dpa", "--kind", "other", "--received", "2026-11-16", "--summary", "New terms"])
    }

    /// An editor script: copies what it was shown to `seen-N.yaml`, then applies `sedScript`.
    private func editor(_ sedScript: String) throws -> String {
        let script = path("editor.sh")
        try """
        #!/bin/sh
        n=$(ls \(dir.path)/seen-*.yaml 2>/dev/null | wc -l)
        cp "$1" "\(dir.path)/seen-$n.yaml"
        sed -i '\(sedScript)' "$1"
        """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return script
    }

    private func seen(_ n: Int) throws -> [String] {
        try String(contentsOfFile: path("seen-\(n).yaml"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testAValidChangeLandsWithOneAuditRowAndMovesTheDeadline() throws {
        try seed()
        let audits = try sqlite(db, "SELECT count(*) FROM audit")
        let r = try v(0, ["edit", "dpa"], editor: try editor("s/value: 4/value: 6/"))
        XCTAssertTrue(r.stdout.contains("~ noticeRules obj"), r.stdout)
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit"), [String(Int(audits[0])! + 1)])
        XCTAssertEqual(try sqlite(db, "SELECT action FROM audit ORDER BY id DESC LIMIT 1"), ["import"])
        // Received Mon 16 Nov 2026 + 6 weeks = Mon 28 Dec 2026 (was 14 Dec with 4 weeks).
        XCTAssertEqual(try sqlite(db, "SELECT due_date FROM deadlines WHERE rule_id = 'obj'"), ["2026-12-28"])
        // What the editor showed: the agreement, its party and its rule in the portfolio shape.
        let shown = try seen(0)
        XCTAssertTrue(shown.contains("format: varsel-portfolio") && shown.contains("  id: dpa") && shown.contains("  orgNumber: CVR 34208077"), "\(shown)")
    }

    func testAnInvalidChangeIsShownWithItsLineNumberAndChangesNothing() throws {
        try seed()
        let before = try v(0, ["export"]).stdout
        let r = try v(2, ["edit", "dpa"], editor: try editor("s/value: 4/value: 0/"))
        XCTAssertTrue(r.stderr.contains("varsel: error: noticeRules[0].period.value: A period of 0 weeks is not a period"), r.stderr)
        XCTAssertEqual(try v(0, ["export"]).stdout, before, "nothing written")
        // The reopened file starts with the problem; the line it names is the bad line of that file.
        let reopened = try seen(1)
        XCTAssertTrue(reopened[0].hasPrefix("# varsel: problem: noticeRules[0].period.value: A period of 0 weeks"), reopened[0])
        let whereLine = try XCTUnwrap(reopened.first { $0.hasPrefix("# varsel: where:") })
        let n = try XCTUnwrap(whereLine.range(of: #"line \d+"#, options: .regularExpression).flatMap { Int(whereLine[$0].dropFirst(5)) })
        XCTAssertEqual(reopened[n - 1], "    value: 0", "line \(n) of the reopened file")
        // The first round named the same line in the file as saved (without the 4 problem lines).
        XCTAssertTrue(r.stderr.contains("(line \(n - 4))"), r.stderr)
    }

    func testAnUnchangedFileWritesNothing() throws {
        try seed()
        let audits = try sqlite(db, "SELECT count(*) FROM audit")
        let r = try v(0, ["edit", "dpa"], editor: "true")
        XCTAssertEqual(r.stdout, "No changes to Mobilize Me DPA; nothing written\n")
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit"), audits)
    }

    /// Issue 12: a colleague saves the agreement while this editor is open. The save is not applied
    /// over theirs unseen: the file reopens naming who changed it and when; saving it unchanged
    /// writes nothing, and their change stands.
    func testAColleaguesSaveWhileTheEditorIsOpenIsShownNotOverwritten() throws {
        try seed()
        let bin = try XCTUnwrap(Varsel.binary).path
        let script = path("editor.sh")
        try """
        #!/bin/sh
        n=$(ls \(dir.path)/seen-*.yaml 2>/dev/null | wc -l)
        cp "$1" "\(dir.path)/seen-$n.yaml"
        if [ "$n" = 0 ]; then
          "\(bin)" agreement edit dpa --title "Mobilize Me DPA 2025" --db "\(db)" --today \(today) >/dev/null || exit 1
          sed -i 's/value: 4/value: 6/' "$1"
        fi
        """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let r = try v(2, ["edit", "dpa"], editor: script)
        XCTAssertTrue(r.stderr.contains("since you opened it: "), r.stderr)
        let reopened = try seen(1)[0]
        XCTAssertTrue(reopened.hasPrefix("# varsel: problem: Changed by "), reopened)
        XCTAssertEqual(try sqlite(db, "SELECT title FROM agreements WHERE id = 'dpa'"), ["Mobilize Me DPA 2025"], "the colleague's change stands")
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit WHERE action = 'import'"), ["0"], "the stale file was not applied")
    }
}
