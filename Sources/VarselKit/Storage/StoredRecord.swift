/// A record kind the storage keeps, matched by its stable text id. Every model type of
/// `PortfolioDocument` but `AuditEntry` (audit rows are only ever appended) is one.
public protocol StoredRecord: Codable, Hashable, Sendable, Identifiable where ID == String {}

extension Party: StoredRecord {}
extension Agreement: StoredRecord {}
extension AgreementVersion: StoredRecord {}
extension Clause: StoredRecord {}
extension AgreementDocument: StoredRecord {}
extension NoticeRule: StoredRecord {}
extension SubProcessor: StoredRecord {}
extension ChangeNotice: StoredRecord {}
extension Objection: StoredRecord {}
extension TerminationNotice: StoredRecord {}
extension AgreementEvent: StoredRecord {}
extension Deadline: StoredRecord {}

/// Which stored deadlines a load or delete is about; nil fields do not restrict.
public struct DeadlineFilter: Sendable, Hashable {
    /// The order of the loaded rows.
    public enum Order: Sendable, Hashable {
        /// The backend's natural order (SQLite: the order of the index it reads).
        case none
        /// Act-by day, then id.
        case actByThenId
        /// Open before handled, then act-by day (an agreement's deadline tab).
        case openFirstThenActBy
    }
    public var agreementIds: [String]?
    public var sourceKind: DeadlineSourceKind?
    public var sourceId: String?
    public var ruleId: String?
    public var state: DeadlineState?
    public var silenceIsApproval: Bool?
    public var resolution: DeadlineResolution?
    /// Only deadlines whose raw date is after this day.
    public var rawDateAfter: CivilDate?
    public var order: Order

    public init(agreementIds: [String]? = nil, sourceKind: DeadlineSourceKind? = nil, sourceId: String? = nil,
                ruleId: String? = nil, state: DeadlineState? = nil, silenceIsApproval: Bool? = nil,
                resolution: DeadlineResolution? = nil, rawDateAfter: CivilDate? = nil, order: Order = .none) {
        self.agreementIds = agreementIds; self.sourceKind = sourceKind; self.sourceId = sourceId; self.ruleId = ruleId
        self.state = state; self.silenceIsApproval = silenceIsApproval; self.resolution = resolution
        self.rawDateAfter = rawDateAfter; self.order = order
    }

    /// The deadlines one source (a change notice, an event, a termination, …) opened.
    public static func source(_ kind: DeadlineSourceKind, _ id: String, state: DeadlineState? = nil,
                              order: Order = .none) -> DeadlineFilter {
        DeadlineFilter(sourceKind: kind, sourceId: id, state: state, order: order)
    }
}
