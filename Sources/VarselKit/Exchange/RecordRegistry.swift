/// Every record kind Varsel stores, declared once, in insert order (parents before children).
///
/// The exchange document (its keys, decoding, shape), the validator, the importer, the export read
/// of a backend, the agreement's edit document and its history query iterate this list; a new record
/// kind is one entry here (docs/architecture.md, "How to add a record type").
package enum RecordRegistry {
    package static let kinds: [any AnyRecordKind] = [
        parties, agreements, versions, clauses, documents, noticeRules, subProcessors,
        changeNotices, objections, terminations, events, deadlines,
    ]

    static let parties = RecordKind("parties", Party.self, table: "parties", link: .none,
        shape: DocumentShape.fields(of: Party(id: "", name: "")),
        get: { $0.parties }, set: { $0.parties = $1 },
        ofAgreement: { records, id in
            let a = try records.agreement(id)
            return try records.records(Party.self, ids: [a.counterpartyId] + (a.ourPartyId.map { [$0] } ?? []))
                .sorted { $0.id < $1.id }
        },
        fields: { v, p, path in try v.checkParty(p, at: path) })

    static let agreements = RecordKind("agreements", Agreement.self, table: "agreements", link: .isAgreement,
        shape: DocumentShape.fields(of: Agreement(id: "", title: "", kind: .other, counterpartyId: "", ourRole: .other,
                                                  language: "", governingLaw: "", calendar: .se),
                                    overriding: ["term": DocumentShape.term]),
        get: { $0.agreements }, set: { $0.agreements = $1 }, insertOrder: { PortfolioSnapshot.orderedByParent($0) },
        ofAgreement: { records, id in [try records.agreement(id)] },
        fields: { v, a, path in try v.checkAgreement(a, at: path) },
        references: { c, a, path in try c.checkAgreement(a, at: path) })

    static let versions = RecordKind("versions", AgreementVersion.self, table: "agreement_versions", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: AgreementVersion(id: "", agreementId: "", version: "", date: nil, changes: "")),
        get: { $0.versions }, set: { $0.versions = $1 }, agreementId: { $0.agreementId },
        ofAgreement: { records, id in try records.versions(agreementId: id) },
        references: { c, v, path in try c.agreement(v.agreementId, path.key("agreementId")) })

    static let clauses = RecordKind("clauses", Clause.self, table: "clauses", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: Clause(id: "", agreementId: "", reference: "", heading: "", text: "")),
        get: { $0.clauses }, set: { $0.clauses = $1 }, agreementId: { $0.agreementId },
        ofAgreement: { records, id in try records.clauses(agreementId: id) },
        fields: { v, c, path in try v.nonEmpty(c.reference, path.key("reference"), "Reference") },
        references: { c, cl, path in try c.agreement(cl.agreementId, path.key("agreementId")) })

    /// Contract texts (intake). Not in the edit document: the text is immutable once saved.
    static let documents = RecordKind("documents", AgreementDocument.self, table: "agreement_documents", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: AgreementDocument(id: "", agreementId: "", fileName: "", mediaType: .txt, sha256: "", text: "",
                                                          extractorVersion: "", language: "", importedAt: "", importedBy: "")),
        get: { $0.documents }, set: { $0.documents = $1 }, agreementId: { $0.agreementId },
        fields: { v, d, path in try v.checkDocument(d, at: path) },
        references: { c, d, path in try c.agreement(d.agreementId, path.key("agreementId")) })

    static let noticeRules = RecordKind("noticeRules", NoticeRule.self, table: "notice_rules", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: NoticeRule(id: "", agreementId: "", clauseRef: nil, title: "", trigger: .event,
                                                   period: nil, direction: .after, actor: .us),
                                    overriding: ["period": DocumentShape.period, "leadTime": DocumentShape.period,
                                                 "workingDays": DocumentShape.fields(of: WorkingDayOptions())],
                                    legacy: ["rollForward"]),
        get: { $0.noticeRules }, set: { $0.noticeRules = $1 }, agreementId: { $0.agreementId },
        ofAgreement: { records, id in try records.rules(agreementId: id) },
        fields: { v, r, path in try v.checkRule(r, at: path) },
        references: { c, r, path in try c.checkRule(r, at: path) })

    static let subProcessors = RecordKind("subProcessors", SubProcessor.self, table: "sub_processors", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: SubProcessor(id: "", agreementId: "", name: "", country: "", purpose: "",
                                                     status: .approved)),
        get: { $0.subProcessors }, set: { $0.subProcessors = $1 }, agreementId: { $0.agreementId },
        ofAgreement: { records, id in try records.subProcessors(agreementId: id) },
        fields: { v, s, path in try v.checkSubProcessor(s, at: path) },
        references: { c, s, path in try c.agreement(s.agreementId, path.key("agreementId")) })

    static let changeNotices = RecordKind("changeNotices", ChangeNotice.self, table: "change_notices", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: ChangeNotice(id: "", agreementId: "", kind: .other, receivedDate: DocumentShape.day,
                                                     channel: .email, summary: "")),
        get: { $0.changeNotices }, set: { $0.changeNotices = $1 }, agreementId: { $0.agreementId },
        fields: { v, n, path in try v.checkChangeNotice(n, at: path) },
        references: { c, n, path in try c.checkChangeNotice(n, at: path) })

    static let objections = RecordKind("objections", Objection.self, table: "objections", link: .through(parent: "changeNotices", column: "change_notice_id"),
        shape: DocumentShape.fields(of: Objection(id: "", changeNoticeId: "", date: DocumentShape.day, grounds: "", channel: .email)),
        get: { $0.objections }, set: { $0.objections = $1 },
        fields: { v, o, path in try v.checkObjection(o, at: path) },
        references: { c, o, path in try c.ref(o.changeNoticeId, in: c.notices, path, "changeNoticeId", "changeNotices") })

    static let terminations = RecordKind("terminations", TerminationNotice.self, table: "terminations", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: TerminationNotice(id: "", agreementId: "", givenBy: .us, noticeDate: DocumentShape.day,
                                                          channel: .email, ruleId: nil, endDate: DocumentShape.day, explanation: "")),
        get: { $0.terminations }, set: { $0.terminations = $1 }, agreementId: { $0.agreementId },
        fields: { v, t, path in try v.checkTermination(t, at: path) },
        references: { c, t, path in try c.checkTermination(t, at: path) })

    static let events = RecordKind("events", AgreementEvent.self, table: "events", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: AgreementEvent(id: "", agreementId: "", kind: .other, date: DocumentShape.day, description: "")),
        get: { $0.events }, set: { $0.events = $1 }, agreementId: { $0.agreementId },
        fields: { v, e, path in try v.checkEvent(e, at: path) },
        references: { c, e, path in try c.agreement(e.agreementId, path.key("agreementId")) })

    static let deadlines = RecordKind("deadlines", Deadline.self, table: "deadlines", link: .column("agreement_id"),
        shape: DocumentShape.fields(of: Deadline(id: "", agreementId: "", ruleId: nil, sourceKind: .event, sourceId: "",
                                                 what: "", actor: .us, clauseRef: nil, anchorDate: DocumentShape.day,
                                                 rawDate: DocumentShape.day, dueDate: DocumentShape.day,
                                                 actByDate: DocumentShape.day, explanation: "")),
        get: { $0.deadlines }, set: { $0.deadlines = $1 }, agreementId: { $0.agreementId },
        fields: { v, d, path in try v.checkDeadline(d, at: path) },
        references: { c, d, path in try c.checkDeadline(d, at: path) })

    /// Tables a backend keeps that are not record kinds: the audit trail (its own document key),
    /// and what the backend derives from records (SQLite: search, renewal and vendor indexes,
    /// migrations). A test checks every table of a fresh database is a kind's or one of these.
    package static let derivedTables: Set<String> = [
        "audit", "agreement_search", "renewal_notices", "sub_processor_vendors", "grdb_migrations", "sqlite_sequence",
    ]

    /// The kind with this exchange key.
    package static func kind(key: String) -> (any AnyRecordKind)? { kinds.first { $0.key == key } }

    private static let tablesByType: [ObjectIdentifier: String] =
        Dictionary(uniqueKeysWithValues: kinds.map { (ObjectIdentifier($0.recordType), $0.table) })

    /// The table of a stored record type (nil for a type no kind declares).
    package static func table(of type: any StoredRecord.Type) -> String? { tablesByType[ObjectIdentifier(type)] }
}
