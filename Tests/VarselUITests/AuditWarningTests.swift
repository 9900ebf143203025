import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// The workbench verifies the newest audit rows at start and says so in the header when they fail.
final class AuditWarningTests: XCTestCase {
    func testHeaderWarnsWhenTheNewestAuditRowsFailVerification() throws {
        try onMain {
        let portfolio = try Fixture.portfolio()
        let clean = Bench(Workbench(portfolio: portfolio, databaseLabel: "test"))
        XCTAssertNil(clean.auditWarning)
        XCTAssertFalse(clean.render(width: 120, height: 30).line(0).contains("AUDIT"))

        // Someone edits the newest row with the guard dropped (as sqlite3 can).
        try portfolio.store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET summary = 'rewritten' WHERE id = (SELECT max(id) FROM audit)")
        }
        let last = try portfolio.store.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") }
        let tampered = Bench(Workbench(portfolio: portfolio, databaseLabel: "test"))
        XCTAssertEqual(tampered.auditWarning, "AUDIT TRAIL ALTERED at row \(last!): run varsel audit verify")
        XCTAssertTrue(tampered.render(width: 120, height: 30).line(0).contains("AUDIT TRAIL ALTERED at row \(last!)"))
        }
    }
}
