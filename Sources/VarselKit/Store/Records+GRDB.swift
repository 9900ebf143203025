import GRDB

/// Rows map to the model types through Codable with snake_case columns;
/// nested values (term, periods, change kinds) are stored as JSON text.
protocol SnakeCaseRecord: FetchableRecord, PersistableRecord, Codable {}

extension SnakeCaseRecord {
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

extension Party: SnakeCaseRecord { public static let databaseTableName = "parties" }
extension Agreement: SnakeCaseRecord { public static let databaseTableName = "agreements" }
extension AgreementVersion: SnakeCaseRecord { public static let databaseTableName = "agreement_versions" }
extension Clause: SnakeCaseRecord { public static let databaseTableName = "clauses" }
extension NoticeRule: SnakeCaseRecord { public static let databaseTableName = "notice_rules" }
extension SubProcessor: SnakeCaseRecord { public static let databaseTableName = "sub_processors" }
extension ChangeNotice: SnakeCaseRecord { public static let databaseTableName = "change_notices" }
extension Objection: SnakeCaseRecord { public static let databaseTableName = "objections" }
extension TerminationNotice: SnakeCaseRecord { public static let databaseTableName = "terminations" }
extension AgreementEvent: SnakeCaseRecord { public static let databaseTableName = "events" }
extension Deadline: SnakeCaseRecord { public static let databaseTableName = "deadlines" }
extension AuditEntry: SnakeCaseRecord { public static let databaseTableName = "audit" }

/// Dates are stored as ISO text so that SQL comparisons sort them correctly.
extension CivilDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CivilDate? {
        String.fromDatabaseValue(dbValue).flatMap(CivilDate.init(iso:))
    }
}

extension Agreement {
    /// Every insert or update of an agreement rewrites its renewal notice days, so the
    /// `renewal_notices` index can never fall out of step with the term.
    public func aroundSave(_ db: Database, save: () throws -> PersistenceSuccess) throws {
        _ = try save()
        try RenewalIndex.refresh(db, agreement: self)
    }
}
