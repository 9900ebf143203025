import Foundation

/// The portfolio's operations: every write validates first, then runs as one transaction with
/// one audit row (`PortfolioStorage.write`); reads go through `PortfolioQueries`. Written against
/// the storage interface only: no SQL, no backend types.
///
/// ## Topics
/// - Change notices: ``previewChangeNotice(_:)``, ``recordChangeNotice(_:)``
/// - Objections: ``recordObjection(noticeId:date:grounds:channel:note:)``, ``acceptChangeNotice(noticeId:date:channel:note:)``
/// - Terminations: ``previewTermination(agreementId:by:date:)``, ``recordTermination(agreementId:by:date:channel:note:)``
/// - Deadlines: ``handleDeadline(id:note:)``
public struct Portfolio: Sendable {
    public let store: any PortfolioStorage
    public var clock: VarselClock
    public var ids: any IDGenerating
    /// OS user written to audit rows.
    public var user: String
    public var planner: DeadlinePlanner

    public init(store: any PortfolioStorage, clock: VarselClock, ids: any IDGenerating = RandomIDGenerator(),
                user: String = OSUser.current(), planner: DeadlinePlanner = DeadlinePlanner()) {
        self.store = store; self.clock = clock; self.ids = ids; self.user = user; self.planner = planner
    }

    /// Read access.
    public var queries: PortfolioQueries { PortfolioQueries(store: store, today: clock.today, planner: planner) }

    /// One transaction + one audit row.
    func write<T>(_ body: (any PortfolioTransaction) throws -> (T, AuditNote)) throws -> T {
        try store.write(user: user, at: clock.now(), body)
    }

    /// One read snapshot of the records (previews).
    func read<T>(_ body: (any PortfolioRecords) throws -> T) throws -> T { try store.read(body) }
}
