import Foundation
import GRDB
import XCTest
@testable import VarselKit
@testable import VarselSQLite

enum ExchangeFixtures {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!
    static var clock: VarselClock { .fixed(today) }

    static func demoStore() throws -> VarselStore {
        let store = try VarselStore.inMemory()
        try DemoPortfolio.load(into: store, clock: clock, user: "tester")
        return store
    }

    static func importer(_ store: any PortfolioStorage) -> PortfolioImporter {
        PortfolioImporter(store: store, clock: clock, user: "tester")
    }

    /// Row counts of every table, audit included: "unchanged" means these are equal.
    static func counts(_ store: any PortfolioStorage) throws -> [String: Int] {
        try store.writer.read { db in
            var c: [String: Int] = [:]
            for t in RecordRegistry.kinds.map({ $0.table }) + ["audit"] {
                c[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)")!
            }
            return c
        }
    }

    static let hostile: String = {
        let pieces = ["\"quoted\"", "comma, semi; colon:", "line\nbreak\r\nCRLF", "back\\slash", "emoji 🇸🇪👩🏽‍💻✅",
                      "עברית", "العربية", "=1+2", "tab\there", "<tag>&amp;", "{\"json\": [1]}", "null", "yes", "~"]
        return pieces.joined(separator: " | ")
    }()

    /// A portfolio whose text fields hold everything that breaks naive writers.
    static func hostileDocument() -> PortfolioDocument {
        let d = today
        let grounds = String(repeating: "Sakliga skäl, \"konkret\"; \n", count: 400).prefix(10_000)
        return PortfolioDocument(
            parties: [Party(id: "p-\"1\"", name: "Firma \(hostile)", orgNumber: "556,677-8899", country: "SE", address: "Gata 1\nStad"),
                      Party(id: "us", name: "Vi själva")],
            agreements: [Agreement(id: "a,1", title: "Avtal \(hostile)", kind: .serviceAgreement, counterpartyId: "p-\"1\"",
                                   ourPartyId: "us", ourRole: .customer, language: "sv", governingLaw: "Svensk rätt; \"lag\"",
                                   calendar: .se, version: "2.5", signedDate: d, effectiveDate: d,
                                   term: AgreementTerm(kind: .autoRenewal, initialPeriod: Period(1, .years),
                                                       renewalPeriod: Period(1, .years), noticePeriod: Period(3, .months)),
                                   notes: hostile),
                         Agreement(id: "a-dpa", title: "PUB \u{202E}rtl override", kind: .dataProcessingAgreement, counterpartyId: "p-\"1\"",
                                   ourRole: .controller, language: "ar", governingLaw: "—", calendar: .dk, parentId: "a,1")],
            versions: [AgreementVersion(id: "v1", agreementId: "a,1", version: "1.0", date: nil, changes: hostile)],
            clauses: [Clause(id: "c1", agreementId: "a,1", reference: "8.6.3", heading: "Under\u{00A0}leverantörer", text: hostile)],
            noticeRules: [NoticeRule(id: "r1", agreementId: "a,1", clauseRef: "8.6.3", title: "Object, \"now\"", trigger: .changeNoticeReceived,
                                     changeKinds: [.subProcessorAdded], period: Period(4, .weeks), direction: .after, actor: .us,
                                     writtenForm: true, groundsRequired: true, groundsText: hostile),
                          NoticeRule(id: "r2", agreementId: "a,1", clauseRef: nil, title: "Promptly", trigger: .event, eventKind: .incidentDiscovered,
                                     period: nil, vagueText: "skyndsamt", direction: .after, actor: .us, leadTime: Period(2, .workingDays))],
            subProcessors: [SubProcessor(id: "s1", agreementId: "a,1", name: "Twilio, Inc. 🇺🇸", country: "US", purpose: hostile, status: .proposed)],
            changeNotices: [ChangeNotice(id: "cn1", agreementId: "a,1", kind: .subProcessorAdded, receivedDate: d.adding(days: -3),
                                         channel: .email, summary: hostile, effectiveDate: d.adding(days: 20), subProcessorId: "s1", status: .objected)],
            objections: [Objection(id: "o1", changeNoticeId: "cn1", date: d, grounds: String(grounds), channel: .letter, note: hostile)],
            events: [AgreementEvent(id: "e1", agreementId: "a,1", kind: .incidentDiscovered, date: d, minutes: 570, description: hostile)],
            deadlines: [Deadline(id: "dl1", agreementId: "a,1", ruleId: "r1", sourceKind: .changeNotice, sourceId: "cn1", what: "Object; \(hostile)",
                                 actor: .us, clauseRef: "8.6.3", anchorDate: d, rawDate: d, dueDate: d.adding(days: 28),
                                 actByDate: d.adding(days: 28), explanation: hostile, writtenForm: true)],
            audit: [AuditEntry(id: 1, at: "2026-11-20T08:00:00Z", user: "märta", action: "record_change_notice", entityType: "change_notice",
                               entityId: "cn1", summary: hostile, before: nil, after: "{\"x\":\"\(hostile.replacingOccurrences(of: "\"", with: "\\\""))\"}")])
    }

    static func json(_ doc: PortfolioDocument) throws -> Data { try PortfolioExporter.encodeJSON(doc) }
}
