import GRDB

/// A change notice as typed into a form or the command line, before it is stored.
public struct ChangeNoticeDraft: Sendable, Equatable {
    public var agreementId: String
    public var kind: ChangeKind
    public var receivedDate: CivilDate
    public var channel: Channel
    public var summary: String
    public var effectiveDate: CivilDate?
    /// The proposed sub-processor (sub-processor changes).
    public var subProcessor: SubProcessorDraft?
    public var replacesSubProcessorId: String?

    public init(agreementId: String, kind: ChangeKind, receivedDate: CivilDate, channel: Channel = .email,
                summary: String, effectiveDate: CivilDate? = nil, subProcessor: SubProcessorDraft? = nil,
                replacesSubProcessorId: String? = nil) {
        self.agreementId = agreementId; self.kind = kind; self.receivedDate = receivedDate; self.channel = channel
        self.summary = summary; self.effectiveDate = effectiveDate; self.subProcessor = subProcessor
        self.replacesSubProcessorId = replacesSubProcessorId
    }
}

/// A proposed sub-processor as announced in a change notice.
public struct SubProcessorDraft: Sendable, Equatable {
    public var name: String
    public var orgNumber: String?
    public var address: String?
    public var country: String
    public var purpose: String
    public var transferMechanism: String?

    public init(name: String, orgNumber: String? = nil, address: String? = nil, country: String, purpose: String,
                transferMechanism: String? = nil) {
        self.name = name; self.orgNumber = orgNumber; self.address = address; self.country = country
        self.purpose = purpose; self.transferMechanism = transferMechanism
    }
}

/// What recording a change notice would do: the deadlines it opens and any warnings.
public struct ChangeNoticePreview: Sendable {
    public var deadlines: [Deadline]
    /// E.g. "Notice came late: …", or that the agreement has no rule for this kind of change.
    public var warnings: [String]
}

extension Portfolio {
    /// Validates a draft and computes the deadlines it would open, without writing.
    public func previewChangeNotice(_ draft: ChangeNoticeDraft) throws -> ChangeNoticePreview {
        try store.writer.read { db in
            let (notice, _, agreement) = try validate(draft, db)
            let rules = try rules(db, agreementId: agreement.id)
            return preview(notice, rules: rules, agreement: agreement)
        }
    }

    /// Records a change notice (and its proposed sub-processor) and opens its deadlines.
    @discardableResult
    public func recordChangeNotice(_ draft: ChangeNoticeDraft) throws -> (ChangeNotice, ChangeNoticePreview) {
        try write { db in
            var (notice, sub, agreement) = try validate(draft, db)
            if let sub {
                try sub.insert(db)
                notice.subProcessorId = sub.id
            }
            try notice.insert(db)
            let rules = try rules(db, agreementId: agreement.id)
            let result = preview(notice, rules: rules, agreement: agreement)
            for d in result.deadlines { try d.insert(db) }
            let due = result.deadlines.map { "\($0.what) by \($0.actByDate.iso)" }.joined(separator: "; ")
            let note = AuditNote(action: "record_change_notice", entityType: "change_notice", entityId: notice.id,
                                 summary: "\(notice.kind.label) on \(agreement.title): \(notice.summary)" + (due.isEmpty ? "" : " — \(due)"),
                                 after: ChangeNoticeSnapshot(notice: notice, subProcessor: sub, deadlines: result.deadlines))
            return ((notice, result), note)
        }
    }

    private func preview(_ notice: ChangeNotice, rules: [NoticeRule], agreement: Agreement) -> ChangeNoticePreview {
        let calendar = agreement.calendar
        let deadlines = planner.deadlines(for: notice, rules: rules, calendar: calendar, agreementEnd: agreement.ownEnd)
        var warnings = planner.lateNoticeWarnings(for: notice, rules: rules, calendar: calendar)
        warnings += planner.missedAtOnceWarnings(deadlines, today: clock.today)
        if deadlines.isEmpty {
            warnings.append("The agreement has no notice rule for \"\(notice.kind.label)\": no deadline was opened")
        }
        return ChangeNoticePreview(deadlines: deadlines, warnings: warnings)
    }

    private func validate(_ draft: ChangeNoticeDraft, _ db: Database) throws -> (ChangeNotice, SubProcessor?, Agreement) {
        let agreement = try agreement(db, draft.agreementId)
        let summary = draft.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty else {
            throw VarselError(.invalidInput, "The change notice needs a summary", at: "summary",
                              fix: "Say in a few words what is changing, e.g. \"New sub-processor: Sinch AB (e-mail)\"")
        }
        if draft.receivedDate > clock.today {
            throw VarselError(.invalidInput, "Received date \(draft.receivedDate.iso) is after today (\(clock.today.iso))",
                              at: "received", fix: "Give the day the notice actually arrived")
        }
        if let eff = draft.effectiveDate, eff < draft.receivedDate {
            throw VarselError(.invalidInput, "Effective date \(eff.iso) is before the notice was received (\(draft.receivedDate.iso))",
                              at: "effective", fix: "Check the date the change is to apply")
        }
        let isSubProcessorChange = draft.kind == .subProcessorAdded || draft.kind == .subProcessorReplaced
        if isSubProcessorChange && draft.subProcessor == nil {
            throw VarselError(.invalidInput, "A sub-processor change needs the proposed sub-processor", at: "sub-processor",
                              fix: "Give its name, country and purpose (--sub-name, --sub-country, --sub-purpose)")
        }
        if let r = draft.replacesSubProcessorId, try SubProcessor.fetchOne(db, key: r) == nil {
            throw VarselError(.notFound, "No sub-processor with id \"\(r)\"", at: "replaces",
                              fix: "List them with `varsel subprocessors --agreement \(agreement.id)`")
        }
        var sub: SubProcessor?
        if let s = draft.subProcessor {
            let name = s.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else {
                throw VarselError(.invalidInput, "The proposed sub-processor needs a name", at: "sub-processor name")
            }
            guard !s.country.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw VarselError(.invalidInput, "The proposed sub-processor needs a country", at: "sub-processor country",
                                  fix: "Use an ISO code such as SE, NO, DK, IE, US, or EEA")
            }
            sub = SubProcessor(id: ids.make("sp"), agreementId: agreement.id, name: name, orgNumber: s.orgNumber,
                               address: s.address, country: s.country, purpose: s.purpose,
                               transferMechanism: s.transferMechanism, status: .proposed, since: draft.effectiveDate)
        }
        let notice = ChangeNotice(id: ids.make("cn"), agreementId: agreement.id, kind: draft.kind,
                                  receivedDate: draft.receivedDate, channel: draft.channel, summary: summary,
                                  effectiveDate: draft.effectiveDate, subProcessorId: nil,
                                  replacesSubProcessorId: draft.replacesSubProcessorId)
        return (notice, sub, agreement)
    }
}

/// What the audit row keeps of a recorded change notice.
struct ChangeNoticeSnapshot: Encodable {
    var notice: ChangeNotice
    var subProcessor: SubProcessor?
    var deadlines: [Deadline]
}
