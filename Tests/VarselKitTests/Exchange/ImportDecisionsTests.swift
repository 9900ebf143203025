import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

/// An import never rewrites a recorded decision (issue 15 bug 6), and may refer to records already
/// in the database (bug 10, docs/exchange.md).
final class ImportDecisionsTests: XCTestCase {
    var store: VarselStore!
    var portfolio: Portfolio!

    override func setUpWithError() throws {
        store = try ExchangeFixtures.demoStore()
        portfolio = Portfolio(store: store, clock: ExchangeFixtures.clock, ids: SequentialIDGenerator(), user: "t")
    }

    func document() throws -> PortfolioDocument { try PortfolioExporter.document(store: store) }

    /// Imports `doc` and expects a refusal naming every fragment, with the database unchanged.
    func assertRefused(_ doc: PortfolioDocument, merge: Bool = true, _ fragments: [String], line: UInt = #line) throws {
        let before = try PortfolioExporter.exportJSON(store: store)
        XCTAssertThrowsError(try ExchangeFixtures.importer(store).importData(try ExchangeFixtures.json(doc), fileName: "crafted.json", merge: merge),
                             line: line) { error in
            let text = "\(error)"
            for f in fragments { XCTAssertTrue(text.contains(f), "«\(f)» missing in: \(text)", line: line) }
        }
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: store), before, "the database changed", line: line)
    }

    /// The crafted merge from the issue: an objection's grounds and date changed and its notice moved
    /// from objected to accepted. Refused with every conflict listed, nothing written.
    func testMergeCannotRewriteAnObjectionOrMoveItsNotice() throws {
        let o = try portfolio.recordObjection(noticeId: "cn-0001", date: CivilDate(iso: "2026-11-20")!,
                                              grounds: "Twilio transfers data to the US without a TIA", channel: .email)
        var doc = try document()
        let oi = try XCTUnwrap(doc.objections.firstIndex { $0.id == o.id })
        let ni = try XCTUnwrap(doc.changeNotices.firstIndex { $0.id == "cn-0001" })
        XCTAssertEqual(doc.changeNotices[ni].status, .objected)
        doc.objections[oi].grounds = "No objection after all"
        doc.objections[oi].date = CivilDate(iso: "2026-12-05")!
        doc.changeNotices[ni].status = .accepted
        try assertRefused(doc, [
            "would rewrite 4 recorded decisions",
            "changeNotices[\(ni)] \"cn-0001\": status objected in the database, accepted in the file",
            "objections[\(oi)] \"\(o.id)\": date 2026-11-20 in the database, 2026-12-05 in the file",
            "objections[\(oi)] \"\(o.id)\": grounds \"Twilio transfers data to the US without a TIA\" in the database, \"No objection after all\" in the file",
            "objections[\(oi)] \"\(o.id)\": objects to change notice \"cn-0001\", which would be accepted",
        ])
        XCTAssertEqual(try store.writer.read { db in try ChangeNotice.fetchOne(db, key: "cn-0001")?.status }, .objected)
    }

    func testMergeCannotRewriteAcceptanceTerminationOrHandledDeadline() throws {
        let (t, _) = try portfolio.recordTermination(agreementId: "pureservice", by: .us, date: ExchangeFixtures.today)
        let open = try store.writer.read { db in try Deadline.filter(Column("state") == "open").order(Column("id")).fetchOne(db) }!
        _ = try portfolio.handleDeadline(id: open.id, note: "Claimed by e-mail")
        var doc = try document()
        let ti = doc.terminations.firstIndex { $0.id == t.id }!
        doc.terminations[ti].noticeDate = ExchangeFixtures.today.adding(days: 30)
        doc.terminations[ti].endDate = doc.terminations[ti].endDate.adding(days: 31)
        let di = doc.deadlines.firstIndex { $0.id == open.id }!
        doc.deadlines[di].handledNote = "Never claimed"
        let ai = doc.changeNotices.firstIndex { $0.id == "cn-0003" }!   // accepted in the demo
        doc.changeNotices[ai].status = .objected
        doc.changeNotices[ai].decisionBasis = nil; doc.changeNotices[ai].decisionDate = nil
        doc.changeNotices[ai].decisionChannel = nil; doc.changeNotices[ai].decisionClause = nil
        try assertRefused(doc, [
            "terminations[\(ti)] \"\(t.id)\": noticeDate",
            "terminations[\(ti)] \"\(t.id)\": endDate",
            "deadlines[\(di)] \"\(open.id)\": handledNote \"Claimed by e-mail\" in the database, \"Never claimed\" in the file",
            "changeNotices[\(ai)] \"cn-0003\": status accepted in the database, objected in the file",
        ])
        // Reopening the handled deadline is a rewrite too.
        doc = try document()
        doc.deadlines[di].state = .open; doc.deadlines[di].handledDate = nil; doc.deadlines[di].handledNote = nil
        try assertRefused(doc, ["deadlines[\(di)] \"\(open.id)\": handled on 2026-11-23 in the database but open in the file"])
    }

    func testAddingAnObjectionToANoticeThatIsNotObjectedIsRefused() throws {
        var doc = PortfolioDocument()
        doc.objections = [Objection(id: "o-new", changeNoticeId: "cn-0003", date: ExchangeFixtures.today, grounds: "x", channel: .email)]
        try assertRefused(doc, merge: false, ["objections[0] \"o-new\": objects to change notice \"cn-0003\", which would be accepted"])
    }

    /// What a merge may still do: record an objection's outcome, update a notice's summary.
    func testMergeMayRecordAnOutcomeAndEditOtherFields() throws {
        let o = try portfolio.recordObjection(noticeId: "cn-0001", grounds: "g", channel: .email)
        var doc = try document()
        doc.objections[doc.objections.firstIndex { $0.id == o.id }!].outcome = .alternativeOffered
        doc.changeNotices[doc.changeNotices.firstIndex { $0.id == "cn-0001" }!].summary = "New sub-processor: Twilio Ireland Ltd (corrected)"
        let plan = try ExchangeFixtures.importer(store).importData(try ExchangeFixtures.json(doc), fileName: "ok.json", merge: true)
        XCTAssertEqual(plan.changedCount, 2)
        XCTAssertEqual(try store.writer.read { db in try Objection.fetchOne(db, key: o.id)?.outcome }, .alternativeOffered)
    }

    /// Bug 10: "agreementId "pureservice" names no agreement in the file" — a file may name records
    /// that are only in the database, in add and in merge mode.
    func testReferencesToRecordsInTheDatabase() throws {
        var doc = PortfolioDocument()
        doc.changeNotices = [ChangeNotice(id: "cn-new", agreementId: "pureservice", kind: .termsChanged,
                                          receivedDate: ExchangeFixtures.today, channel: .email, summary: "New price list")]
        doc.noticeRules = [NoticeRule(id: "r-new", agreementId: "pureservice", clauseRef: "8.6.3", title: "Extra rule",
                                      trigger: .changeNoticeReceived, changeKinds: [.termsChanged], period: Period(10, .days),
                                      direction: .after, actor: .us)]
        doc.objections = [Objection(id: "o-new", changeNoticeId: "cn-new", date: ExchangeFixtures.today, grounds: "Too expensive", channel: .email)]
        doc.changeNotices[0].status = .objected
        for merge in [false, true] {
            let target = try ExchangeFixtures.demoStore()
            let plan = try ExchangeFixtures.importer(target).importData(try ExchangeFixtures.json(doc), fileName: "refs.json", merge: merge)
            XCTAssertEqual(plan.addedCount, 3, "merge \(merge)")
            XCTAssertEqual(try target.writer.read { db in try ChangeNotice.fetchOne(db, key: "cn-new")?.agreementId }, "pureservice")
        }
        // A name that is nowhere is still refused, naming the database too.
        doc.changeNotices[0].agreementId = "nowhere"
        try assertRefused(doc, merge: false, ["agreementId \"nowhere\" names no agreement in the file or the database"])
        // Into an empty database the file must be complete.
        let empty = try VarselStore.inMemory()
        XCTAssertThrowsError(try ExchangeFixtures.importer(empty).importData(try ExchangeFixtures.json(doc), fileName: "refs.json")) { error in
            XCTAssertTrue("\(error)".contains("names no agreement in the file"), "\(error)")
        }
    }
}
