import Foundation
import GRDB
import VarselKit

extension PortfolioSnapshot {
    /// Every record, each table ordered by id (audit by sequence).
    static func read(_ db: Database) throws -> PortfolioDocument {
        let byId = [Column("id")]
        return PortfolioDocument(
            parties: try Party.order(byId).fetchAll(db),
            agreements: try Agreement.order(byId).fetchAll(db),
            versions: try AgreementVersion.order(byId).fetchAll(db),
            clauses: try Clause.order(byId).fetchAll(db),
            noticeRules: try NoticeRule.order(byId).fetchAll(db),
            subProcessors: try SubProcessor.order(byId).fetchAll(db),
            changeNotices: try ChangeNotice.order(byId).fetchAll(db),
            objections: try Objection.order(byId).fetchAll(db),
            terminations: try TerminationNotice.order(byId).fetchAll(db),
            events: try AgreementEvent.order(byId).fetchAll(db),
            deadlines: try Deadline.order(byId).fetchAll(db),
            audit: try AuditEntry.order(byId).fetchAll(db))
    }
}
