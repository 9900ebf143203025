
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
    /// Who gives the notice: `them` (received from the counterparty, the default) or `us`.
    /// For `us`, `receivedDate` is the day we give it.
    public var givenBy: Actor

    public init(agreementId: String, kind: ChangeKind, receivedDate: CivilDate, channel: Channel = .email,
                summary: String, effectiveDate: CivilDate? = nil, subProcessor: SubProcessorDraft? = nil,
                replacesSubProcessorId: String? = nil, givenBy: Actor = .them) {
        self.agreementId = agreementId; self.kind = kind; self.receivedDate = receivedDate; self.channel = channel
        self.summary = summary; self.effectiveDate = effectiveDate; self.subProcessor = subProcessor
        self.replacesSubProcessorId = replacesSubProcessorId; self.givenBy = givenBy
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
        try read { tx in
            let (notice, _, agreement) = try validate(draft, tx)
            let rules = try tx.rules(agreementId: agreement.id)
            return try preview(notice, rules: rules, agreement: agreement)
        }
    }

    /// The first rule that counts back from the day a change applies, for a notice of `kind` given by
    /// `givenBy` under the agreement: such a notice must carry its effective date (forms mark the
    /// field required). nil when no rule needs it.
    public func ruleNeedingEffectiveDate(agreementId: String, kind: ChangeKind, givenBy: Actor = .them) throws -> NoticeRule? {
        try read { tx in
            let probe = ChangeNotice(id: "", agreementId: agreementId, kind: kind, receivedDate: clock.today, channel: .email,
                                     summary: "", givenBy: givenBy)
            return planner.rulesNeedingEffectiveDate(for: probe, in: try tx.rules(agreementId: agreementId)).first
        }
    }

    /// Records a change notice (and its proposed sub-processor) and opens its deadlines.
    @discardableResult
    public func recordChangeNotice(_ draft: ChangeNoticeDraft) throws -> (ChangeNotice, ChangeNoticePreview) {
        try write { tx in
            var (notice, sub, agreement) = try validate(draft, tx)
            if let sub {
                try tx.insert(sub)
                notice.subProcessorId = sub.id
            }
            try tx.insert(notice)
            let rules = try tx.rules(agreementId: agreement.id)
            let result = try preview(notice, rules: rules, agreement: agreement)
            for d in result.deadlines { try tx.insert(d) }
            let due = result.deadlines.map { "\($0.what) by \($0.actByDate.iso)" }.joined(separator: "; ")
            let note = AuditNote(action: "record_change_notice", entityType: "change_notice", entityId: notice.id,
                                 summary: "\(notice.kind.label) on \(agreement.title): \(notice.summary)" + (due.isEmpty ? "" : " — \(due)"),
                                 after: ChangeNoticeSnapshot(notice: notice, subProcessor: sub, deadlines: result.deadlines))
            return ((notice, result), note)
        }
    }

    private func preview(_ notice: ChangeNotice, rules: [NoticeRule], agreement: Agreement) throws -> ChangeNoticePreview {
        let calendar = agreement.calendar
        let needing = planner.rulesNeedingEffectiveDate(for: notice, in: rules)
        if let rule = needing.first {
            let ref = rule.clauseRef.map { "Clause \($0)" } ?? "Rule \(rule.id)"
            let what = notice.kind.isSubProcessorChange
                ? "the day the sub-processor is to be engaged" : "the day the change applies"
            throw VarselError(.invalidInput, "\(ref) counts from \(what) (\"\(rule.title)\"), but the notice has no effective date: "
                              + "no deadline could be opened", at: "effective",
                              fix: "Give \(what) with --effective YYYY-MM-DD (in the form: Applies from); ask the counterparty if the notice does not say")
        }
        var deadlines = planner.deadlines(for: notice, rules: rules, calendar: calendar, agreementEnd: agreement.ownEnd)
        var warnings = planner.lateNoticeWarnings(for: notice, rules: rules, calendar: calendar)
        var lateOurs: Set<String> = []
        if notice.givenBy == .us {
            // Our own duty to notify in time (Mobilize Me 8.1): met when we gave notice by the act-by day.
            for i in deadlines.indices where deadlines[i].actor == .us && notice.effectiveDate != nil {
                if notice.receivedDate <= deadlines[i].actByDate {
                    deadlines[i].state = .handled
                    deadlines[i].handledDate = notice.receivedDate
                    deadlines[i].handledNote = "Notice given \(notice.receivedDate.iso), on time"
                } else {
                    lateOurs.insert(deadlines[i].id)
                    warnings.append("Our notice is late: given \(notice.receivedDate.humanText), but \(deadlines[i].explanation)")
                }
            }
        }
        warnings += planner.missedAtOnceWarnings(deadlines.filter { $0.state == .open && !lateOurs.contains($0.id) }, today: clock.today)
        if let flag = notice.transferFlag { warnings.append(flag) }
        if deadlines.isEmpty {
            let any = rules.contains { $0.applies(to: notice.kind, givenBy: notice.givenBy)
                && ($0.trigger == .changeNoticeReceived || $0.trigger == .changeTakesEffect) }
            let giver = notice.givenBy == .us ? "given by us" : "from the counterparty"
            if any {
                warnings.append("The agreement's rules for \"\(notice.kind.label)\" \(giver) bind the counterparty only: no deadline for us was opened")
            } else {
                warnings.append("The agreement has no notice rule for \"\(notice.kind.label)\" \(giver): no deadline was opened")
            }
        }
        return ChangeNoticePreview(deadlines: deadlines, warnings: warnings)
    }

    private func validate(_ draft: ChangeNoticeDraft, _ tx: any PortfolioRecords) throws -> (ChangeNotice, SubProcessor?, Agreement) {
        let agreement = try tx.agreement(draft.agreementId)
        guard draft.givenBy == .us || draft.givenBy == .them else {
            throw VarselError(.invalidInput, "A change notice is given by one party, not \"\(draft.givenBy.rawValue)\"", at: "given-by",
                              fix: "Use \"them\" for a notice received from the counterparty, \"us\" for one we give")
        }
        let summary = draft.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty else {
            throw VarselError(.invalidInput, "The change notice needs a summary", at: "summary",
                              fix: "Say in a few words what is changing, e.g. \"New sub-processor: Sinch AB (e-mail)\"")
        }
        if draft.receivedDate > clock.today {
            throw VarselError(.invalidInput, "\(draft.givenBy == .us ? "Notice" : "Received") date \(draft.receivedDate.iso) is after today (\(clock.today.iso))",
                              at: "received", fix: "Give the day the notice actually arrived")
        }
        if let eff = draft.effectiveDate, eff < draft.receivedDate {
            throw VarselError(.invalidInput, "Effective date \(eff.iso) is before the notice was received (\(draft.receivedDate.iso))",
                              at: "effective", fix: "Check the date the change is to apply")
        }
        if draft.kind.isSubProcessorChange && draft.subProcessor == nil {
            throw VarselError(.invalidInput, "A sub-processor change needs the proposed sub-processor", at: "sub-processor",
                              fix: "Give its name, country and purpose (--sub-name, --sub-country, --sub-purpose)")
        }
        if let r = draft.replacesSubProcessorId, try tx.record(SubProcessor.self, id: r) == nil {
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
                                  replacesSubProcessorId: draft.replacesSubProcessorId, givenBy: draft.givenBy,
                                  transferFlag: sub.flatMap { Self.transferFlag($0, agreement: agreement) })
        return (notice, sub, agreement)
    }
}

extension Portfolio {
    /// The warning for a sub-processor outside the EEA proposed under an agreement that forbids
    /// such processing or transfers without our written consent (Pureservice C.5, C.6); nil otherwise.
    public static func transferFlag(_ sub: SubProcessor, agreement: Agreement) -> String? {
        guard let clause = agreement.transferConsentClause, sub.isOutsideEEA else { return nil }
        return "Outside the EEA: \(sub.name) is in \(sub.country); processing or transfer outside the EEA needs our written consent (\(clause))"
    }
}

/// What the audit row keeps of a recorded change notice.
struct ChangeNoticeSnapshot: Encodable {
    var notice: ChangeNotice
    var subProcessor: SubProcessor?
    var deadlines: [Deadline]
}
