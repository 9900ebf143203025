import Foundation
import VarselResources

/// Builds the demo database: the five real agreements from `Resources/demo/portfolio.json`,
/// and events placed relative to "today" so the agenda always has an overdue item and items
/// in the 14-, 30- and 90-day windows. Events go through the same services as user input.
public enum DemoPortfolio {
    /// The bundled demo document.
    public static func document() throws -> PortfolioDocument {
        guard let url = VarselResources.demoFile("portfolio.json") else {
            throw VarselError(.io, "The demo portfolio is missing from the installation (Resources/demo/portfolio.json)")
        }
        return try JSONDecoder().decode(PortfolioDocument.self, from: Data(contentsOf: url))
    }

    /// Loads the demo into an empty store, dated around `clock.today`.
    public static func load(into store: any PortfolioStorage, clock: VarselClock, user: String = OSUser.current()) throws {
        let doc = try document()
        guard try !store.reading(today: clock.today, planner: DeadlinePlanner()).hasAgreements() else {
            throw VarselError(.conflict, "\(store.path) already holds agreements", fix: "Use --force to replace it, or another --db")
        }
        let portfolio = Portfolio(store: store, clock: clock, ids: SequentialIDGenerator(), user: user)
        try portfolio.write { tx in
            try PortfolioSnapshot.insert(doc, into: tx)
            _ = try Recurrence.openMissing(tx, rules: doc.noticeRules, today: clock.today, planner: portfolio.planner)
            try AgreementEndings.sync(tx, agreementIds: doc.agreements.map(\.id), planner: portfolio.planner)
            return ((), AuditNote(action: "load_demo", entityType: "portfolio", entityId: "demo",
                                  summary: "Demo portfolio loaded: \(doc.agreements.count) agreements, \(doc.noticeRules.count) notice rules, \(doc.subProcessors.count) sub-processors"))
        }
        try recordEvents(portfolio)
        // Windows that passed without objection become deemed acceptances (PUB 5.2), as at every start.
        try portfolio.settleDeemedAcceptances()
    }

    static func recordEvents(_ p: Portfolio) throws {
        let t = p.clock.today
        func day(_ offset: Int) -> CivilDate { t.adding(days: offset) }
        // Within 14 days: Pureservice announced a new sub-processor 20 days ago, engaged in 8 days; 4-week window (8.6.3).
        try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: day(-20), channel: .email,
            summary: "Pureservice will use Twilio Ireland Ltd for SMS notifications to end users",
            effectiveDate: day(8),
            subProcessor: SubProcessorDraft(name: "Twilio Ireland Ltd", address: "Dublin, Ireland",
                                            country: "IE", purpose: "SMS notifications", transferMechanism: "SCC 2021/914 (onward transfer to Twilio Inc., US)")))
        // Within 30 days: Migrationsverket notified changed e-service terms that apply in 22 days (10.1); the decision
        // (11.2) is due the day before, moved earlier by at most 5 days over Easter or Christmas, so always 16–30 days.
        try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "migrationsverket-e-tjanster", kind: .termsChanged, receivedDate: day(-3), channel: .portal,
            summary: "Ändrade allmänna villkor för e-tjänster: ny behörighetskontroll med BankID", effectiveDate: day(22)))
        // Within 90 days: an audit of the access-control supplier planned in 73 days (6.2).
        try p.recordEvent(agreementId: "pub-avtal-bilaga3", kind: .auditPlanned, date: day(73),
                          description: "Granskning på plats av behörighetssystemet")
        // Overdue: Pureservice downtime 40 days ago; SLA credit had to be claimed within 4 weeks (4.3), 12 days ago
        // (still overdue when R5 rolls it over Easter in Norway, up to 5 days).
        try p.recordEvent(agreementId: "pureservice", kind: .downtime, date: day(-40),
                          description: "Pureservice unavailable 09:10–15:40 (6 h 30 min); monthly uptime 99.1 %")
        // Handled: Mobilize Me proposed a new sub-processor two months ago; we approved it (2.2).
        let (old, _) = try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "mobilize-me-dpa", kind: .subProcessorAdded, receivedDate: day(-60), channel: .email,
            summary: "Ny underdatabehandler til SMS-udsendelse",
            effectiveDate: day(-20),
            subProcessor: SubProcessorDraft(name: "GatewayAPI ApS", address: "Aarhus, Danmark",
                                            country: "DK", purpose: "SMS-udsendelse")))
        try p.acceptChangeNotice(noticeId: old.id, date: day(-45), channel: .email,
                                 note: "Express written approval (2.2) by the DPO after review")
        // Deemed accepted: the PUB supplier announced a new sub-processor 40 days ago and we did not object
        // "skyndsamt" (assumed 10 working days); under 5.2 it is deemed approved when the window has passed.
        try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pub-avtal-bilaga3", kind: .subProcessorAdded, receivedDate: day(-40), channel: .email,
            summary: "Ny underleverantör för drift av passersystemets molntjänst",
            subProcessor: SubProcessorDraft(name: "Elastx AB", address: "Stockholm", country: "SE",
                                            purpose: "Drift (molninfrastruktur)")))
        // Within 30 days, flagged: Pureservice proposes a US sub-processor, but C.5/C.6 allow processing and
        // transfers outside the EEA only with our written consent.
        try p.recordChangeNotice(ChangeNoticeDraft(
            agreementId: "pureservice", kind: .subProcessorAdded, receivedDate: day(-5), channel: .email,
            summary: "Pureservice will use Datadog, Inc. for application monitoring", effectiveDate: day(40),
            subProcessor: SubProcessorDraft(name: "Datadog, Inc.", address: "New York, USA", country: "US",
                                            purpose: "Application monitoring (logs may contain personal data)")))
    }
}
