import Foundation
import GRDB

/// The portfolio's operations: every write validates first, then runs as one transaction with
/// one audit row; reads go through `PortfolioQueries`.
///
/// ## Topics
/// - Change notices: ``previewChangeNotice(_:)``, ``recordChangeNotice(_:)``
/// - Objections: ``recordObjection(noticeId:date:grounds:channel:note:)``, ``acceptChangeNotice(noticeId:note:)``
/// - Terminations: ``previewTermination(agreementId:by:date:)``, ``recordTermination(agreementId:by:date:channel:note:)``
/// - Deadlines: ``handleDeadline(id:note:)``
public struct Portfolio: Sendable {
    public let store: VarselStore
    public var clock: VarselClock
    public var ids: any IDGenerating
    /// OS user written to audit rows.
    public var user: String
    public var planner: DeadlinePlanner

    public init(store: VarselStore, clock: VarselClock, ids: any IDGenerating = RandomIDGenerator(),
                user: String = OSUser.current(), planner: DeadlinePlanner = DeadlinePlanner()) {
        self.store = store; self.clock = clock; self.ids = ids; self.user = user; self.planner = planner
    }

    /// Read access.
    public var queries: PortfolioQueries { PortfolioQueries(store: store, today: clock.today, planner: planner) }

    /// One transaction + one audit row.
    func write<T>(_ body: (Database) throws -> (T, AuditNote)) throws -> T {
        try store.auditedWrite(user: user, at: clock.now(), body)
    }

    /// Loads an agreement or fails with a precise error.
    func agreement(_ db: Database, _ id: String) throws -> Agreement {
        guard let a = try Agreement.fetchOne(db, key: id) else {
            throw VarselError(.notFound, "No agreement with id \"\(id)\"", fix: "List agreements with `varsel agreements`")
        }
        return a
    }

    func rules(_ db: Database, agreementId: String) throws -> [NoticeRule] {
        try NoticeRule.filter(Column("agreement_id") == agreementId).order(Column("id")).fetchAll(db)
    }
}
