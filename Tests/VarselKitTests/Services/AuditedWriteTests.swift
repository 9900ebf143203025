import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Every write of the portfolio service is one transaction with exactly one audit row; a refused
/// write changes nothing at all and says which field was wrong.
final class AuditedWriteTests: XCTestCase {
    let today = day("2026-11-23")

    private func assertOneAuditRow<T>(_ p: Portfolio, action: String, file: StaticString = #filePath, line: UInt = #line,
                                      _ body: () throws -> T) throws -> T {
        let before = try Fixture.auditCount(p.store)
        let value = try body()
        XCTAssertEqual(try Fixture.auditCount(p.store), before + 1, "audit rows after \(action)", file: file, line: line)
        let row = try Fixture.lastAudit(p.store)
        XCTAssertEqual(row?.action, action, file: file, line: line)
        XCTAssertEqual(row?.user, "tester", file: file, line: line)
        XCTAssertEqual(row?.at, "2026-11-23T09:00:00Z", file: file, line: line)
        return value
    }

    func testEveryWriteAddsExactlyOneAuditRow() throws {
        let p = try Fixture.demo(today: today)
        let (notice, preview) = try assertOneAuditRow(p, action: "record_change_notice") {
            try p.recordChangeNotice(ChangeNoticeDraft(
                agreementId: "mobilize-me-dpa", kind: .subProcessorAdded, receivedDate: day("2026-11-20"),
                summary: "Ny underdatabehandler: Twilio", effectiveDate: day("2027-01-04"),
                subProcessor: SubProcessorDraft(name: "Twilio Ireland Ltd", country: "IE", purpose: "SMS")))
        }
        XCTAssertEqual(preview.deadlines.map(\.id), ["dl-\(notice.id)-mobilize-me-dpa-subprocessor-approval"])
        // 1 day before Mon 4 Jan 2027 = Sun 3 Jan; act by moves earlier past Sat 2, 1 Jan (holiday) and 31 Dec (DK non-deadline day) to Wed 30 Dec 2026.
        XCTAssertEqual(preview.deadlines.first?.rawDate, day("2027-01-03"))
        XCTAssertEqual(preview.deadlines.first?.actByDate, day("2026-12-30"))

        try assertOneAuditRow(p, action: "record_objection") {
            try p.recordObjection(noticeId: notice.id, grounds: "Data leaves the EEA (onward transfer to Twilio Inc., US)")
        }
        try assertOneAuditRow(p, action: "accept_change_notice") {
            try p.acceptChangeNotice(noticeId: "cn-0002", note: "BankID login is fine")
        }
        let (event, deadlines) = try assertOneAuditRow(p, action: "record_event") {
            try p.recordEvent(agreementId: "migrationsverket-e-tjanster", kind: .incidentDiscovered, date: today,
                              minutes: 22 * 60 + 30, description: "Lost laptop with a session open")
        }
        XCTAssertEqual(deadlines.map(\.id), ["dl-\(event.id)-migrationsverket-e-tjanster-incident-report"])
        XCTAssertEqual(deadlines.first?.dueDate, day("2026-11-24"))
        XCTAssertEqual(deadlines.first?.dueMinutes, 22 * 60 + 30)
        try assertOneAuditRow(p, action: "handle_deadline") {
            try p.handleDeadline(id: deadlines[0].id, note: "Phoned the Helpdesk")
        }
        try assertOneAuditRow(p, action: "record_termination") {
            try p.recordTermination(agreementId: "pub-avtal-bilaga3", by: .us, date: today)
        }
    }

    func testObjectionWithoutRequiredGroundsChangesNothing() throws {
        let p = try Fixture.demo(today: today)
        // Mobilize Me 2.2 requires "konkret saglig begrundelse"; PUB-avtal 5.2 requires "sakliga skäl".
        let requiring = try p.store.exportDocument().noticeRules.filter(\.groundsRequired).map(\.id)
        XCTAssertEqual(requiring, ["mobilize-me-dpa-subprocessor-approval", "pub-avtal-bilaga3-subprocessor-objection"])

        for agreementId in ["mobilize-me-dpa", "pub-avtal-bilaga3"] {
            let (notice, _) = try p.recordChangeNotice(ChangeNoticeDraft(
                agreementId: agreementId, kind: .subProcessorAdded, receivedDate: day("2026-11-16"),
                summary: "New sub-processor", effectiveDate: day("2027-01-15"),
                subProcessor: SubProcessorDraft(name: "Acme Cloud Inc.", country: "US", purpose: "Hosting")))
            let before = try Fixture.tableCounts(p.store)
            let agendaBefore = try p.queries.agenda(within: 90).map(\.id)
            for blank in ["", "   ", "\n\t"] {
                let e = assertVarselError(.invalidInput, at: "grounds") {
                    try p.recordObjection(noticeId: notice.id, grounds: blank)
                }
                XCTAssertTrue(e?.what.contains(agreementId == "mobilize-me-dpa" ? "2.2" : "5.2") == true, e?.what ?? "")
                XCTAssertTrue(e?.what.contains(agreementId == "mobilize-me-dpa" ? "konkret saglig begrundelse" : "sakliga skäl") == true, e?.what ?? "")
            }
            XCTAssertEqual(try Fixture.tableCounts(p.store), before)
            XCTAssertEqual(try p.queries.agenda(within: 90).map(\.id), agendaBefore)
            let stored = try p.store.read { db in try db.record(ChangeNotice.self, id: notice.id) }
            XCTAssertEqual(stored?.status, .open)
        }
    }

    func testOtherRefusedWritesChangeNothingAndNameTheField() throws {
        let p = try Fixture.demo(today: today)
        let before = try Fixture.tableCounts(p.store)
        assertVarselError(.invalidInput, at: "received") {
            try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "pureservice", kind: .termsChanged,
                                                       receivedDate: day("2026-11-24"), summary: "From tomorrow"))
        }
        assertVarselError(.invalidInput, at: "summary") {
            try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "pureservice", kind: .termsChanged,
                                                       receivedDate: today, summary: "  "))
        }
        assertVarselError(.invalidInput, at: "sub-processor") {
            try p.recordChangeNotice(ChangeNoticeDraft(agreementId: "pureservice", kind: .subProcessorAdded,
                                                       receivedDate: today, summary: "Someone new"))
        }
        assertVarselError(.invalidInput, at: "date") {
            try p.recordObjection(noticeId: "cn-0001", date: day("2026-11-24"), grounds: "Tomorrow")
        }
        assertVarselError(.conflict, at: "notice") { try p.recordObjection(noticeId: "cn-0003", grounds: "Already accepted") }
        assertVarselError(.notFound, at: "deadline") { try p.handleDeadline(id: "dl-nope") }
        assertVarselError(.invalidInput, at: "date") {
            try p.recordTermination(agreementId: "pureservice", by: .us, date: day("2026-12-01"))
        }
        assertVarselError(.invalidInput, at: "time") {
            try p.recordEvent(agreementId: "pureservice", kind: .downtime, date: today, minutes: 1440, description: "x")
        }
        XCTAssertEqual(try Fixture.tableCounts(p.store), before)
    }
}
