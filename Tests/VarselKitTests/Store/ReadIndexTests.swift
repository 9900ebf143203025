import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// Migration v14-read-indexes: an agreement's history and the header's snoozed counts read through
/// indexes (docs/performance.md, "Two slow reads"), and still read the same rows. Demo portfolio,
/// today 2026-11-23.
final class ReadIndexTests: XCTestCase {
    let today = day("2026-11-23")

    static func plan(_ store: any PortfolioStorage, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    func testHistoryReadsTheTrailThroughTheEntityIdIndex() throws {
        let p = try Fixture.demo(today: today)
        let plan = try Self.plan(p.store, SQLiteReading.historySQL, ["id": "pureservice"])
        let text = plan.joined(separator: "\n")
        XCTAssertTrue(plan.contains { $0.hasPrefix("SEARCH audit USING INDEX audit_entity_id") }, text)
        XCTAssertFalse(plan.contains { $0.hasPrefix("SCAN") && $0 != "SCAN CONSTANT ROW" }, "no table is scanned:\n\(text)")
    }

    /// The history holds the audit rows of the agreement and of everything that belongs to it —
    /// clauses, rules, sub-processors and versions as well as notices, objections (through their
    /// notice), terminations, events and deadlines — and none of another agreement's.
    func testHistoryHoldsTheRowsOfEverythingThatBelongsToTheAgreement() throws {
        let p = try Fixture.demo(today: today)
        let clause = try p.addClause(Clause(id: "", agreementId: "pureservice", reference: "99.1", heading: "Test",
                                            text: "A clause added by the test.")).record
        try p.addClause(Clause(id: "", agreementId: "mobilize-me-dpa", reference: "99.1", heading: "Other",
                               text: "Another agreement's clause."))
        let notice = try XCTUnwrap(p.store.exportDocument().changeNotices.first { $0.agreementId == "pureservice" && $0.status == .open })
        let objection = try p.recordObjection(noticeId: notice.id, grounds: "Data leaves the EEA").objection

        let history = try p.queries.detail(agreementId: "pureservice").history
        XCTAssertEqual(history.filter { $0.action == "add_clause" }.map(\.entityId), [clause.id], "this agreement's clause only")
        XCTAssertEqual(history.filter { $0.action == "record_objection" }.map(\.entityId), [objection.id])

        // Against the whole trail, for every agreement of the demo: the rows whose entity is the
        // agreement or one of its records, newest first.
        let doc = try p.store.exportDocument()
        for a in doc.agreements {
            let notices = Set(doc.changeNotices.filter { $0.agreementId == a.id }.map(\.id))
            var ids: Set<String> = [a.id]
            ids.formUnion(doc.versions.filter { $0.agreementId == a.id }.map(\.id))
            ids.formUnion(doc.clauses.filter { $0.agreementId == a.id }.map(\.id))
            ids.formUnion(doc.noticeRules.filter { $0.agreementId == a.id }.map(\.id))
            ids.formUnion(doc.subProcessors.filter { $0.agreementId == a.id }.map(\.id))
            ids.formUnion(notices)
            ids.formUnion(doc.objections.filter { notices.contains($0.changeNoticeId) }.map(\.id))
            ids.formUnion(doc.terminations.filter { $0.agreementId == a.id }.map(\.id))
            ids.formUnion(doc.events.filter { $0.agreementId == a.id }.map(\.id))
            ids.formUnion(doc.deadlines.filter { $0.agreementId == a.id }.map(\.id))
            let expected = doc.audit.filter { ids.contains($0.entityId) }.map(\.id).sorted(by: >)
            XCTAssertEqual(try p.queries.detail(agreementId: a.id).history.map(\.id), expected, a.id)
        }
    }

    func testSnoozedCountsReadOnlyTheSnoozedIndex() throws {
        let p = try Fixture.demo(today: today)
        XCTAssertEqual(try p.queries.agendaHead(limit: 10).counts.snoozed, 0)
        // Act by Mon 30 Nov 2026: within 14 days.
        _ = try p.snoozeDeadline(id: "dl-cn-0001-pureservice-subprocessor-objection", until: day("2026-11-27"))
        let counts = try p.queries.agendaHead(limit: 10).counts
        XCTAssertEqual([counts.snoozed14, counts.snoozed30, counts.snoozed90], [1, 0, 0])
        let snoozed = try p.queries.agenda(within: 90).filter { $0.deadline.actByDate >= today && $0.deadline.isSnoozed(today: today) }
        XCTAssertEqual(counts.snoozed, snoozed.count)

        let plan = try Self.plan(p.store, SQLiteReading.snoozedCountsSQL,
                                 ["today": today, "d14": today.adding(days: 14), "d30": today.adding(days: 30), "horizon": today.adding(days: 90)])
        XCTAssertEqual(plan.count, 1, plan.joined(separator: "\n"))
        XCTAssertTrue(plan[0].hasPrefix("SEARCH deadlines USING COVERING INDEX deadlines_snoozed"), plan[0])
    }

    /// Issue 10: the default agreements list leaves archived agreements out without a slower read.
    /// Its pages keep the plan of the full list (the status comes from the `agreements_list` index
    /// the join already reads: no temporary sort, no wide row); counts and positions take off the
    /// archived rows found through the partial index `agreements_archived` (v16: only archived
    /// rows are read), not by joining every agreement.
    func testArchivedAgreementsLeaveTheListThroughIndexes() throws {
        let p = try Fixture.demo(today: today)
        try p.archiveAgreement(id: "pureservice", date: today)
        for filter in [nil, "avtal"] as [String?] {
            let (all, allArgs) = SQLiteReading.searchSQL(filter: filter, includeArchived: true)
            let (active, activeArgs) = SQLiteReading.searchSQL(filter: filter, includeArchived: false)
            XCTAssertTrue(active.contains("a.status <> 'ended'"), active)
            let order = " ORDER BY s.title, s.id LIMIT 200"
            let allPlan = try Self.plan(p.store, all + order, StatementArguments(allArgs))
            let activePlan = try Self.plan(p.store, active + order, StatementArguments(activeArgs))
            XCTAssertEqual(activePlan, allPlan, "the page reads the same way")
            XCTAssertTrue(activePlan.contains { $0.hasPrefix("SEARCH a USING COVERING INDEX agreements_list") }, activePlan.joined(separator: "\n"))
            XCTAssertFalse(activePlan.contains { $0.contains("TEMP B-TREE") }, activePlan.joined(separator: "\n"))

            let row = try XCTUnwrap(try p.queries.searchAgreements(filter: filter, limit: 100).last)
            for before in [nil, row] as [AgreementRow?] {
                let (sql, args) = SQLiteReading.archivedCountSQL(filter: filter, before: before)
                let plan = try Self.plan(p.store, sql, StatementArguments(args))
                let text = plan.joined(separator: "\n")
                XCTAssertTrue(plan.contains { $0.hasPrefix("SCAN a USING INDEX agreements_archived") || $0.hasPrefix("SEARCH a USING INDEX agreements_archived") }, text)
                XCTAssertFalse(plan.contains { $0.hasPrefix("SCAN s") || $0.hasPrefix("SCAN agreement_search") }, "the search table is not scanned:\n\(text)")
                XCTAssertFalse(plan.contains { $0.hasPrefix("SCAN a") && !$0.contains("agreements_archived") }, text)
            }
        }
        // The partial index holds the archived rows only.
        let indexed = try p.store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM agreements INDEXED BY agreements_archived WHERE status = 'ended'")
        }
        XCTAssertEqual(indexed, 1)
    }
}
