/// How the rows of a record kind belong to one agreement (the agreement's history, its edit document).
public enum AgreementLink: Sendable, Hashable {
    /// Shared by agreements (parties).
    case none
    /// The record is the agreement.
    case isAgreement
    /// The row names its agreement in this column (`agreement_id`).
    case column(String)
    /// Through a parent record: `column` holds the parent's id, and the parent kind (exchange key
    /// `parent`, itself linked by `.column`) names the agreement (objections → change notices).
    case through(parent: String, column: String)
}

/// A step over the registry that needs each kind's Swift type: a backend's export read, the importer.
package protocol RecordKindVisitor {
    mutating func visit<R: StoredRecord>(_ kind: RecordKind<R>) throws
}

/// One record kind, whatever its Swift type (`RecordRegistry.kinds` holds them in insert order).
package protocol AnyRecordKind: Sendable {
    /// The exchange document's key ("agreements", "noticeRules", …), also the name in import reports.
    var key: String { get }
    /// The storage's table (SQLite: the table name; other backends use the same name).
    var table: String { get }
    var recordType: any StoredRecord.Type { get }
    var agreementLink: AgreementLink { get }
    /// Whether an agreement's edit document (`varsel edit`) holds this kind.
    var inAgreementEdit: Bool { get }
    /// The fields one object of this kind may have.
    var shape: DocumentShape { get }

    func accept<V: RecordKindVisitor>(_ visitor: inout V) throws
    /// The ids of this kind's records in `doc`, in document order.
    func ids(in doc: PortfolioDocument) -> [String]
    /// The agreement each record of `doc` names (kinds linked by `.column`; empty otherwise).
    func agreementIds(in doc: PortfolioDocument) -> [String]
    /// Inserts this kind's records of `doc` (in insert order, parents first).
    func insert(_ doc: PortfolioDocument, into tx: any PortfolioTransaction) throws
    /// Adds the records agreement `agreementId` holds to `doc` (edit document kinds only).
    func load(agreementId: String, from records: any PortfolioRecords, into doc: inout PortfolioDocument) throws
    func checkFields(_ validator: DocumentValidator) throws
    func checkReferences(_ check: ReferenceCheck) throws
    func decode(from c: KeyedDecodingContainer<DocumentKey>, into doc: inout PortfolioDocument) throws
    func encode(_ doc: PortfolioDocument, to c: inout KeyedEncodingContainer<DocumentKey>) throws
}

/// A key of the exchange document (the registry's keys plus the header and the audit trail).
package struct DocumentKey: CodingKey {
    package var stringValue: String
    package var intValue: Int? { nil }
    package init(_ name: String) { stringValue = name }
    package init?(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
}

/// Everything the exchange document, its validator and importer, a backend's export read and the
/// history query know about one record kind, declared once in `RecordRegistry.kinds`.
package struct RecordKind<R: StoredRecord>: AnyRecordKind {
    package let key: String
    package let table: String
    package let agreementLink: AgreementLink
    package let shape: DocumentShape
    let get: @Sendable (PortfolioDocument) -> [R]
    let set: @Sendable (inout PortfolioDocument, [R]) -> Void
    /// The order records are inserted in (agreements: parents first).
    let insertOrder: @Sendable ([R]) -> [R]
    /// The agreement a record names, for kinds linked by `.column`.
    let agreementId: (@Sendable (R) -> String)?
    /// An agreement's records of this kind, for its edit document; nil: not in it.
    let ofAgreement: (@Sendable (any PortfolioRecords, String) throws -> [R])?
    /// Checks one record on its own (the validator's part for this kind).
    let fields: (@Sendable (DocumentValidator, R, DocumentPath) throws -> Void)?
    /// Checks one record's references.
    let references: (@Sendable (ReferenceCheck, R, DocumentPath) throws -> Void)?

    init(_ key: String, _ type: R.Type, table: String, link: AgreementLink, shape: DocumentShape,
         get: @escaping @Sendable (PortfolioDocument) -> [R], set: @escaping @Sendable (inout PortfolioDocument, [R]) -> Void,
         insertOrder: @escaping @Sendable ([R]) -> [R] = { $0 }, agreementId: (@Sendable (R) -> String)? = nil,
         ofAgreement: (@Sendable (any PortfolioRecords, String) throws -> [R])? = nil,
         fields: (@Sendable (DocumentValidator, R, DocumentPath) throws -> Void)? = nil,
         references: (@Sendable (ReferenceCheck, R, DocumentPath) throws -> Void)? = nil) {
        self.key = key; self.table = table; self.agreementLink = link; self.shape = shape
        self.get = get; self.set = set; self.insertOrder = insertOrder; self.agreementId = agreementId
        self.ofAgreement = ofAgreement; self.fields = fields; self.references = references
    }

    package var recordType: any StoredRecord.Type { R.self }
    package var inAgreementEdit: Bool { ofAgreement != nil }

    /// This kind's records in `doc`.
    package func rows(in doc: PortfolioDocument) -> [R] { get(doc) }
    /// Replaces this kind's records in `doc`.
    package func setRows(_ rows: [R], in doc: inout PortfolioDocument) { set(&doc, rows) }
    /// `rows` in insert order.
    package func ordered(_ rows: [R]) -> [R] { insertOrder(rows) }

    package func accept<V: RecordKindVisitor>(_ visitor: inout V) throws { try visitor.visit(self) }

    package func ids(in doc: PortfolioDocument) -> [String] { get(doc).map(\.id) }

    package func agreementIds(in doc: PortfolioDocument) -> [String] {
        guard let agreementId else { return [] }
        return get(doc).map(agreementId)
    }

    package func insert(_ doc: PortfolioDocument, into tx: any PortfolioTransaction) throws {
        for r in insertOrder(get(doc)) { try tx.insert(r) }
    }

    package func load(agreementId: String, from records: any PortfolioRecords, into doc: inout PortfolioDocument) throws {
        guard let ofAgreement else { return }
        set(&doc, try ofAgreement(records, agreementId))
    }

    package func checkFields(_ validator: DocumentValidator) throws {
        guard let fields else { return }
        for (i, r) in get(validator.doc).enumerated() { try fields(validator, r, DocumentPath.root.key(key).index(i)) }
    }

    package func checkReferences(_ check: ReferenceCheck) throws {
        guard let references else { return }
        for (i, r) in get(check.doc).enumerated() { try references(check, r, DocumentPath.root.key(key).index(i)) }
    }

    /// A missing list decodes as empty, so a hand-written file can hold only what it needs.
    package func decode(from c: KeyedDecodingContainer<DocumentKey>, into doc: inout PortfolioDocument) throws {
        set(&doc, try c.decodeIfPresent([R].self, forKey: DocumentKey(key)) ?? [])
    }

    package func encode(_ doc: PortfolioDocument, to c: inout KeyedEncodingContainer<DocumentKey>) throws {
        try c.encode(get(doc), forKey: DocumentKey(key))
    }
}
