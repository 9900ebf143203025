import Foundation
import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// The `:` command line: export, backup and calendar with a confirmation line; no overwrite without `!`.
final class CommandPromptTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-prompt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testExportWritesThePortfolioAndConfirms() throws {
        let dir: URL = self.dir
        try onMain {
            let wb = try Fixture.workbench()
            let path = dir.appendingPathComponent("out.json").path
            wb.press(.char(":"))
            XCTAssertEqual(wb.state.context, .prompt)
            wb.type("export \(path)")
            XCTAssertTrue(wb.screen().contains(":export \(path)"))
            wb.press(.enter)
            XCTAssertNil(wb.state.prompt)
            let status = try XCTUnwrap(wb.state.status)
            XCTAssertFalse(status.isError, status.text)
            XCTAssertTrue(status.text.hasPrefix("Exported the whole portfolio"), status.text)
            XCTAssertTrue(wb.screen(160, 48).contains("Exported the whole portfolio"))
            let doc = try JSONDecoder().decode(PortfolioDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            XCTAssertEqual(doc.agreements.map(\.id).sorted(), try wb.portfolio.queries.agreements().map(\.id).sorted())
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
            XCTAssertEqual(mode?.intValue, 0o600)

            // An existing file is not overwritten without "!".
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
            wb.press(.char(":")); wb.type("export \(path)"); wb.press(.enter)
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "keep me")
            wb.press(.char(":")); wb.type("export! \(path)"); wb.press(.enter)
            XCTAssertEqual(wb.state.status?.isError, false)
            XCTAssertNotEqual(try String(contentsOfFile: path, encoding: .utf8), "keep me")
        }
    }

    func testCalendarAndUnknownCommandAndEscape() throws {
        let dir: URL = self.dir
        try onMain {
            let wb = try Fixture.workbench()
            let path = dir.appendingPathComponent("d.ics").path
            wb.press(.char(":")); wb.type("calendar \(path) 90"); wb.press(.enter)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let events = text.components(separatedBy: "BEGIN:VEVENT").count - 1
            XCTAssertEqual(events, try wb.portfolio.queries.agenda(within: 90).count)
            XCTAssertEqual(wb.state.status?.text, "Calendar with \(events) deadlines (next 90 days and overdue) written to \(path)")

            wb.press(.char(":")); wb.type("frobnicate x"); wb.press(.enter)
            XCTAssertEqual(wb.state.status?.isError, true)
            XCTAssertTrue(wb.state.status?.text.hasPrefix("Unknown command :frobnicate") ?? false)

            let auditBefore = try Fixture.auditCount(wb.portfolio)
            wb.press(.char(":")); wb.type("export \(dir.appendingPathComponent("no.json").path)"); wb.press(.escape)
            XCTAssertNil(wb.state.prompt)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("no.json").path))
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), auditBefore)
        }
    }
}
