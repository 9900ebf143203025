import Foundation
import GRDB
import VarselKit

/// Rows map to the model types through Codable with snake_case columns;
/// nested values (term, periods, change kinds) are stored as JSON text.
protocol SnakeCaseRecord: FetchableRecord, PersistableRecord, Codable {}

extension SnakeCaseRecord {
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

extension TableRecord where Self: StoredRecord {
    /// The table `RecordRegistry` declares for the kind (a type it lacks fails as "no such table").
    public static var databaseTableName: String { RecordRegistry.table(of: Self.self) ?? "unregistered_\(Self.self)" }
}

// Every `StoredRecord` is a row of its kind's table (`RecordRegistry`); the audit trail is not a kind.
extension Party: SnakeCaseRecord {}
extension Agreement: SnakeCaseRecord {}
extension AgreementVersion: SnakeCaseRecord {}
extension Clause: SnakeCaseRecord {}
extension AgreementDocument: SnakeCaseRecord {}
extension NoticeRule: SnakeCaseRecord {}
extension SubProcessor: SnakeCaseRecord {}
extension ChangeNotice: SnakeCaseRecord {}
extension Objection: SnakeCaseRecord {}
extension TerminationNotice: SnakeCaseRecord {}
extension AgreementEvent: SnakeCaseRecord {}
extension Deadline: SnakeCaseRecord {}
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

extension Deadline {
    /// Hand-written row decoding: the agenda reads thousands of deadlines, and this is several
    /// times faster than the Codable path.
    public init(row: Row) throws {
        func date(_ column: String) throws -> CivilDate {
            guard let d = CivilDate.fromDatabaseValue(row[column]) else {
                throw VarselError(.invalidInput, "Deadline \(row["id"] as String? ?? "?") has a bad \(column)", at: "deadlines.\(column)")
            }
            return d
        }
        self.init(id: row["id"], agreementId: row["agreement_id"], ruleId: row["rule_id"],
                  sourceKind: DeadlineSourceKind(rawValue: row["source_kind"]) ?? .event, sourceId: row["source_id"],
                  what: row["what"], actor: Actor(rawValue: row["actor"]) ?? .us, clauseRef: row["clause_ref"],
                  anchorDate: try date("anchor_date"), rawDate: try date("raw_date"), dueDate: try date("due_date"),
                  actByDate: try date("act_by_date"), dueMinutes: row["due_minutes"],
                  remindDate: CivilDate.fromDatabaseValue(row["remind_date"]), explanation: row["explanation"],
                  assumed: row["assumed"], writtenForm: row["written_form"], groundsRequired: row["grounds_required"],
                  state: DeadlineState(rawValue: row["state"]) ?? .open,
                  handledDate: CivilDate.fromDatabaseValue(row["handled_date"]), handledNote: row["handled_note"],
                  silenceIsApproval: row["silence_is_approval"],
                  resolution: (row["resolution"] as String?).flatMap(DeadlineResolution.init(rawValue:)), flag: row["flag"],
                  snoozedUntil: CivilDate.fromDatabaseValue(row["snoozed_until"]), note: row["note"])
    }
}

extension Agreement {
    /// Hand-written row decoding (the renewal part of the agenda reads thousands of agreements).
    public init(row: Row) throws {
        let termJSON: String = row["term"]
        let term: AgreementTerm
        do { term = try JSONDecoder().decode(AgreementTerm.self, from: Data(termJSON.utf8)) } catch {
            throw VarselError(.invalidInput, "Agreement \(row["id"] as String? ?? "?") has an unreadable term", at: "agreements.term")
        }
        // The calendar decides every date: never guess it.
        guard let calendar = CalendarID(rawValue: row["calendar"]) else {
            throw VarselError(.invalidInput, "Agreement \(row["id"] as String? ?? "?") has an unknown calendar", at: "agreements.calendar")
        }
        self.init(id: row["id"], title: row["title"], kind: AgreementKind(rawValue: row["kind"]) ?? .other,
                  counterpartyId: row["counterparty_id"], ourPartyId: row["our_party_id"],
                  ourRole: OurRole(rawValue: row["our_role"]) ?? .other, language: row["language"],
                  governingLaw: row["governing_law"], calendar: calendar,
                  version: row["version"], signedDate: CivilDate.fromDatabaseValue(row["signed_date"]),
                  effectiveDate: CivilDate.fromDatabaseValue(row["effective_date"]),
                  endDate: CivilDate.fromDatabaseValue(row["end_date"]), term: term,
                  status: AgreementStatus(rawValue: row["status"]) ?? .active, parentId: row["parent_id"], notes: row["notes"],
                  endsWithParent: row["ends_with_parent"] ?? false,
                  transferConsentClause: row["transfer_consent_clause"])
    }
}

extension SubProcessor {
    /// Hand-written row decoding (the register reads a vendor's uses on every selection change).
    public init(row: Row) throws {
        guard let status = SubProcessorStatus(rawValue: row["status"]) else {
            throw VarselError(.invalidInput, "Sub-processor \(row["id"] as String? ?? "?") has an unknown status", at: "sub_processors.status")
        }
        self.init(id: row["id"], agreementId: row["agreement_id"], name: row["name"], orgNumber: row["org_number"],
                  address: row["address"], country: row["country"], purpose: row["purpose"],
                  transferMechanism: row["transfer_mechanism"], status: status,
                  since: CivilDate.fromDatabaseValue(row["since"]),
                  approvalBasis: (row["approval_basis"] as String?).flatMap(DecisionBasis.init(rawValue:)),
                  approvalDate: CivilDate.fromDatabaseValue(row["approval_date"]), approvalClause: row["approval_clause"])
    }
}

extension Clause {
    /// Hand-written row decoding (an agreement's detail reads all its clauses).
    public init(row: Row) throws {
        self.init(id: row["id"], agreementId: row["agreement_id"], reference: row["reference"], heading: row["heading"], text: row["text"])
    }
}

extension Deadline {
    /// The deadline columns in the order `init(positional:)` reads them; select them with
    /// `Deadline.selection(alias:)` so later schema changes cannot shift them.
    static let positionalColumns = ["id", "agreement_id", "rule_id", "source_kind", "source_id", "what", "actor", "clause_ref",
                                    "anchor_date", "raw_date", "due_date", "act_by_date", "due_minutes", "remind_date",
                                    "explanation", "assumed", "written_form", "grounds_required", "state", "handled_date",
                                    "handled_note", "silence_is_approval", "resolution", "flag", "snoozed_until", "note"]

    /// `d.id, d.agreement_id, …` for a SELECT list.
    static func selection(alias: String) -> String { positionalColumns.map { "\(alias).\($0)" }.joined(separator: ", ") }

    /// Decodes the first 26 columns by position (no per-column name lookups: the agenda reads
    /// thousands of rows).
    init(positional row: Row) throws {
        func date(_ i: Int) throws -> CivilDate {
            guard let d = CivilDate.fromDatabaseValue(row[i]) else {
                throw VarselError(.invalidInput, "Deadline \(row[0] as String? ?? "?") has a bad \(Self.positionalColumns[i])",
                                  at: "deadlines.\(Self.positionalColumns[i])")
            }
            return d
        }
        self.init(id: row[0], agreementId: row[1], ruleId: row[2],
                  sourceKind: DeadlineSourceKind(rawValue: row[3]) ?? .event, sourceId: row[4],
                  what: row[5], actor: Actor(rawValue: row[6]) ?? .us, clauseRef: row[7],
                  anchorDate: try date(8), rawDate: try date(9), dueDate: try date(10), actByDate: try date(11),
                  dueMinutes: row[12], remindDate: CivilDate.fromDatabaseValue(row[13]), explanation: row[14],
                  assumed: row[15], writtenForm: row[16], groundsRequired: row[17],
                  state: DeadlineState(rawValue: row[18]) ?? .open,
                  handledDate: CivilDate.fromDatabaseValue(row[19]), handledNote: row[20],
                  silenceIsApproval: row[21], resolution: (row[22] as String?).flatMap(DeadlineResolution.init(rawValue:)),
                  flag: row[23], snoozedUntil: CivilDate.fromDatabaseValue(row[24]), note: row[25])
    }
}
