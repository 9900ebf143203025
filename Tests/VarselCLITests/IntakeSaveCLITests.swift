import Foundation
import XCTest

/// `varsel intake FILE --save [--accept-all] [--parent AGREEMENT]` (issue 11 on the authoring
/// services): the agreement and what was proposed in one transaction with one audit row naming the
/// file and its SHA-256; a refused save writes nothing.
final class IntakeSaveCLITests: CLITestCase {
    let today = "2026-11-23"
    var db: String { path("v.sqlite") }
    let contracts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/contracts")

    private func contract(_ name: String) throws -> String {
        let url = contracts.appendingPathComponent(name)
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), "the five agreements are in Resources/contracts")
        return url.path
    }

    private func sha256(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }

    func testAcceptAllCreatesEverythingProposedWithOneAuditRowNamingTheFile() throws {
        let file = try contract("dk-mobilize-me-databehandleraftale.txt")
        let proposal = try XCTUnwrap(try Varsel.expect(0, ["intake", file, "--format", "json"]).json() as? [String: Any])
        let rules = try XCTUnwrap(proposal["rules"] as? [[String: Any]])
        let r = try Varsel.expect(0, ["intake", file, "--save", "--accept-all", "--create", "--db", db, "--today", today])
        XCTAssertTrue(r.stdout.hasPrefix("Saved agreement "), r.stdout)
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM audit"), ["1"])
        XCTAssertEqual(try sqlite(db, "SELECT action, summary LIKE '%dk-mobilize-me-databehandleraftale.txt (SHA-256 ' || '\(try sha256(file))' || ')%' FROM audit"),
                       ["intake|1"])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM notice_rules"), [String(rules.count)])
        // "CVR. nr.: 34208077" (Mobilize Me) and "Curanet A/S, … Cvr. 29139555" (Bilag 1) with their normalised numbers.
        XCTAssertEqual(try sqlite(db, "SELECT org_number FROM parties"), ["CVR 34208077"])
        XCTAssertTrue(try sqlite(db, "SELECT org_number FROM sub_processors").contains("CVR 29139555"))
        XCTAssertEqual(try sqlite(db, "SELECT calendar, language FROM agreements"), ["dk|da"])
    }

    func testSaveWithoutAcceptAllKeepsTheStructureOnlyAndAParentIsChecked() throws {
        let main = try contract("no-pureservice-tjenesteavtale.txt")
        try Varsel.expect(0, ["intake", main, "--save", "--create", "--db", db, "--today", today])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM notice_rules"), ["0"])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM sub_processors"), ["0"])
        XCTAssertNotEqual(try sqlite(db, "SELECT count(*) FROM clauses"), ["0"])
        let mainId = try XCTUnwrap(try sqlite(db, "SELECT id FROM agreements").first)
        // A contract naming no party: refused (nothing written) until a counterparty is given.
        let terms = try contract("se-migrationsverket-kommunikationskanaler-anvandarvillkor.txt")
        let before = try Varsel.expect(0, ["export", "--db", db]).stdout
        let refused = try Varsel.expect(2, ["intake", terms, "--save", "--db", db, "--today", today])
        XCTAssertTrue(refused.stderr.contains("No party was found in se-migrationsverket-kommunikationskanaler-anvandarvillkor.txt"), refused.stderr)
        try Varsel.expect(2, ["intake", terms, "--save", "--parent", "nowhere", "--counterparty", "x", "--db", db, "--today", today])
        XCTAssertEqual(try Varsel.expect(0, ["export", "--db", db]).stdout, before)
        let party = try XCTUnwrap(try sqlite(db, "SELECT id FROM parties").first)
        try Varsel.expect(0, ["intake", terms, "--save", "--counterparty", party, "--parent", mainId, "--db", db, "--today", today])
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM agreements WHERE parent_id = '\(mainId)'"), ["1"])
    }
}
