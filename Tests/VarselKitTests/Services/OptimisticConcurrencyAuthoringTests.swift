import Foundation
import XCTest
@testable import VarselKit

/// Issue 12 for the authoring services a workbench form saves through (agreement, party, notice
/// rule, sub-processor, and the archive/remove they confirm): Bertil's save with the version his
/// form loaded is refused after Anna changed the record, naming her change, and writes nothing.
/// On both backends (the parameterised storage suite of `OptimisticConcurrencyTests`).
extension OptimisticConcurrencyTests {
    /// Anna changes the record first; Bertil's save with the version he opened on is refused with
    /// her change named; nothing of his is written; without a version it would have gone through.
    func assertRefused(_ bertil: Portfolio, summary: String, _ body: () throws -> Void,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try bertil.store.exportDocument()
        let audits = try bertil.queries.audit(limit: 10_000).count
        let e = assertVarselError(.conflict, at: "version", body)
        XCTAssertEqual(e?.what, "Changed by anna at 10:42 UTC since you opened it: \(summary)", file: file, line: line)
        XCTAssertTrue(e?.fix?.contains("press r to reload") == true, e?.fix ?? "", file: file, line: line)
        XCTAssertEqual(try bertil.store.exportDocument(), before, "nothing was written", file: file, line: line)
        XCTAssertEqual(try bertil.queries.audit(limit: 10_000).count, audits, file: file, line: line)
        XCTAssertEqual(try bertil.queries.audit(limit: 1).first?.user, "anna", file: file, line: line)
    }

    func testAgreementEditAndArchiveRefuseAColleaguesChange() throws {
        let (anna, bertil) = try twoUsers()
        let opened = RecordVersion(try bertil.store.read { try $0.agreement("pureservice") })
        try anna.editAgreement(id: "pureservice", loaded: opened) { $0.governingLaw = "Norwegian law (Oslo)" }
        try assertRefused(bertil, summary: "Edited agreement Pureservice tjenesteavtale") {
            try bertil.editAgreement(id: "pureservice", loaded: opened) { $0.language = "en" }
        }
        try assertRefused(bertil, summary: "Edited agreement Pureservice tjenesteavtale") {
            try bertil.archiveAgreement(id: "pureservice", loaded: opened)
        }
        // Reloaded, Bertil's change goes through on top of Anna's.
        let now = RecordVersion(try bertil.store.read { try $0.agreement("pureservice") })
        let r = try bertil.editAgreement(id: "pureservice", loaded: now) { $0.language = "en" }
        XCTAssertEqual(r.record.governingLaw, "Norwegian law (Oslo)")
    }

    func testPartyEditRefusesAColleaguesChange() throws {
        let (anna, bertil) = try twoUsers()
        let party = try XCTUnwrap(try bertil.store.read { try $0.record(Party.self, id: "pureservice-as") })
        try anna.editParty(id: party.id) { $0.name = "Pureservice Norge AS" }
        try assertRefused(bertil, summary: "Edited party Pureservice Norge AS") {
            try bertil.editParty(id: party.id, loaded: RecordVersion(party)) { $0.country = "NO" ; $0.name = "Pureservice" }
        }
        XCTAssertEqual(try bertil.store.read { try $0.record(Party.self, id: party.id) }?.name, "Pureservice Norge AS")
    }

    func testRuleEditAndRemovalRefuseAColleaguesChange() throws {
        let (anna, bertil) = try twoUsers()
        let rule = try XCTUnwrap(try bertil.store.read { try $0.rules(agreementId: "pureservice") }.first { $0.period != nil })
        try anna.editRule(id: rule.id) { $0.title = "Anna's title" }
        try assertRefused(bertil, summary: "Edited notice rule Anna's title") {
            try bertil.editRule(id: rule.id, loaded: RecordVersion(rule)) { $0.title = "Bertil's title" }
        }
        try assertRefused(bertil, summary: "Edited notice rule Anna's title") {
            try bertil.removeRule(id: rule.id, loaded: RecordVersion(rule))
        }
        XCTAssertEqual(try bertil.store.read { try $0.record(NoticeRule.self, id: rule.id) }?.title, "Anna's title")
    }

    func testSubProcessorEditAndRemovalRefuseAColleaguesChange() throws {
        let (anna, bertil) = try twoUsers()
        let sp = try XCTUnwrap(try bertil.store.read { try $0.subProcessors(agreementId: "pureservice") }.first { $0.status == .approved })
        try anna.editSubProcessor(id: sp.id) { $0.purpose = "Anna's purpose" }
        try assertRefused(bertil, summary: "Edited sub-processor \(sp.name)") {
            try bertil.editSubProcessor(id: sp.id, loaded: RecordVersion(sp)) { $0.purpose = "Bertil's purpose" }
        }
        try assertRefused(bertil, summary: "Edited sub-processor \(sp.name)") {
            try bertil.removeSubProcessor(id: sp.id, date: today, loaded: RecordVersion(sp))
        }
        XCTAssertEqual(try bertil.store.read { try $0.record(SubProcessor.self, id: sp.id) }?.purpose, "Anna's purpose")
    }
}
