/// The fields each object of a portfolio document may have, so that a misspelt field in a
/// hand-written file is reported instead of silently dropped (a dropped field is lost data).
///
/// Field names come from the model types themselves (their stored properties are their coding keys).
indirect enum DocumentShape: Sendable {
    case object([String: DocumentShape])
    case array(DocumentShape)
    /// A scalar, or a list of scalars (change kinds): not looked into.
    case leaf

    /// The stored properties of `sample`, plus `legacy` names an older format used that decoding still maps.
    static func fields(of sample: Any, overriding nested: [String: DocumentShape] = [:], legacy: [String] = []) -> DocumentShape {
        var map: [String: DocumentShape] = [:]
        for child in Mirror(reflecting: sample).children {
            guard let label = child.label else { continue }
            map[label] = nested[label] ?? .leaf
        }
        for name in legacy { map[name] = .leaf }
        return .object(map)
    }

    static let document: DocumentShape = {
        let d = CivilDate(year: 2000, month: 1, day: 1)!
        let period = fields(of: Period(1, .days))
        let term = fields(of: AgreementTerm.indefinite,
                          overriding: ["initialPeriod": period, "renewalPeriod": period, "noticePeriod": period])
        let doc: [String: DocumentShape] = [
            "format": .leaf, "formatVersion": .leaf,
            "parties": .array(fields(of: Party(id: "", name: ""))),
            "agreements": .array(fields(of: Agreement(id: "", title: "", kind: .other, counterpartyId: "", ourRole: .other,
                                                      language: "", governingLaw: "", calendar: .se),
                                        overriding: ["term": term])),
            "versions": .array(fields(of: AgreementVersion(id: "", agreementId: "", version: "", date: nil, changes: ""))),
            "clauses": .array(fields(of: Clause(id: "", agreementId: "", reference: "", heading: "", text: ""))),
            "noticeRules": .array(fields(of: NoticeRule(id: "", agreementId: "", clauseRef: nil, title: "", trigger: .event,
                                                        period: nil, direction: .after, actor: .us),
                                         overriding: ["period": period, "leadTime": period,
                                                      "workingDays": fields(of: WorkingDayOptions())],
                                         legacy: ["rollForward"])),
            "subProcessors": .array(fields(of: SubProcessor(id: "", agreementId: "", name: "", country: "", purpose: "",
                                                            status: .approved))),
            "changeNotices": .array(fields(of: ChangeNotice(id: "", agreementId: "", kind: .other, receivedDate: d,
                                                            channel: .email, summary: ""))),
            "objections": .array(fields(of: Objection(id: "", changeNoticeId: "", date: d, grounds: "", channel: .email))),
            "terminations": .array(fields(of: TerminationNotice(id: "", agreementId: "", givenBy: .us, noticeDate: d,
                                                                channel: .email, ruleId: nil, endDate: d, explanation: ""))),
            "events": .array(fields(of: AgreementEvent(id: "", agreementId: "", kind: .other, date: d, description: ""))),
            "deadlines": .array(fields(of: Deadline(id: "", agreementId: "", ruleId: nil, sourceKind: .event, sourceId: "",
                                                    what: "", actor: .us, clauseRef: nil, anchorDate: d, rawDate: d,
                                                    dueDate: d, actByDate: d, explanation: ""))),
            "audit": .array(fields(of: AuditEntry(id: 0, at: "", user: "", action: "", entityType: "", entityId: "",
                                                  summary: "", before: nil, after: nil))),
        ]
        return .object(doc)
    }()

    /// The first field of `raw` that this shape does not know, with its path and the allowed names.
    func firstUnknownField(in raw: RawNode, at path: DocumentPath = .root) -> (DocumentPath, [String])? {
        switch (self, raw) {
        case (.object(let fields), .map(let entries, _)):
            for (key, value) in entries {
                guard let shape = fields[key] else { return (path.key(key), fields.keys.sorted()) }
                if let found = shape.firstUnknownField(in: value, at: path.key(key)) { return found }
            }
        case (.array(let element), .list(let items, _)):
            for (i, item) in items.enumerated() {
                if let found = element.firstUnknownField(in: item, at: path.index(i)) { return found }
            }
        default:
            break // wrong types are reported by decoding
        }
        return nil
    }
}
