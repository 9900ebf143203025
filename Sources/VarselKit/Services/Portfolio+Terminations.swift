
/// A termination to preview or record: who gives notice, when, and which right is used.
public struct TerminationRequest: Hashable, Sendable {
    public var agreementId: String
    /// `.us` or `.them`.
    public var by: Actor
    public var date: CivilDate
    public var right: TerminationRight
    /// For `afterObjection`: the change notice objected to.
    public var changeNoticeId: String?
    /// An end date entered by hand: wins over the computed end (and stands where none can be
    /// computed). Needs `endReason`; on or after the notice date.
    public var end: CivilDate?
    /// Why the end was entered by hand (e.g. "agreed with the counterparty in the letter of 2 Dec").
    public var endReason: String?

    public init(agreementId: String, by: Actor, date: CivilDate, right: TerminationRight = .ordinary, changeNoticeId: String? = nil,
                end: CivilDate? = nil, endReason: String? = nil) {
        self.agreementId = agreementId; self.by = by; self.date = date; self.right = right; self.changeNoticeId = changeNoticeId
        self.end = end; self.endReason = endReason
    }
}

/// What recording a termination notice would do.
public struct TerminationPreview: Sendable {
    public var rule: NoticeRule?
    public var right: TerminationRight
    /// The day the agreement ends (the entered end where one was entered).
    public var endDate: CivilDate
    /// The end the rules give; nil when none can be computed (then, without an entered end,
    /// `endDate` falls back to the notice date with a warning).
    public var computedEnd: CivilDate?
    /// Set when the end was entered by hand: the reason given.
    public var endReason: String?
    public var explanation: String
    /// Deadlines that follow from the end (data return, delete-or-return decisions), including
    /// those of agreements that end with this one.
    public var followOn: [Deadline]
    /// Agreements that end with this one (a DPA that runs until its main agreement ends).
    public var endsAlso: [Agreement]
    /// For a right that needs an uncured breach: the written demand relied on.
    public var breachEventId: String?
    public var warnings: [String]
}

extension Portfolio {
    /// Computes the end date and follow-on deadlines of a termination notice, without writing.
    /// The notice date may be a later day: that plans a termination.
    public func previewTermination(_ request: TerminationRequest) throws -> TerminationPreview {
        try read { tx in try terminationPreview(tx, request, terminationId: "preview") }
    }

    /// Ordinary-notice preview (see ``previewTermination(_:)``).
    public func previewTermination(agreementId: String, by: Actor, date: CivilDate) throws -> TerminationPreview {
        try previewTermination(TerminationRequest(agreementId: agreementId, by: by, date: date))
    }

    /// The termination rights the agreement's rules give: ordinary notice always, then each other
    /// right a rule names, in `TerminationRight` order.
    public func terminationRights(agreementId: String) throws -> [TerminationRight] {
        let rules = try read { tx in try tx.rules(agreementId: agreementId) }
        let named = Set(rules.filter { $0.trigger == .terminationNotice }.map(\.right))
        return TerminationRight.allCases.filter { $0 == .ordinary || named.contains($0) }
    }

    /// Records a termination notice given by us or received from them: the agreement gets its end
    /// date and status `terminating`, agreements that end with it follow in the same transaction,
    /// and the follow-on deadlines open.
    @discardableResult
    public func recordTermination(_ request: TerminationRequest, channel: Channel = .letter,
                                  note: String? = nil) throws -> (TerminationNotice, TerminationPreview) {
        try refuseFutureNotice(request)
        return try write { tx in
            let id = ids.make("tn")
            let p = try terminationPreview(tx, request, terminationId: id)
            var agreement = try tx.agreement(request.agreementId)
            let notice = TerminationNotice(id: id, agreementId: agreement.id, givenBy: request.by, noticeDate: request.date,
                                           channel: channel, ruleId: p.rule?.id, endDate: p.endDate, explanation: p.explanation,
                                           note: note, terminationRight: p.right, changeNoticeId: request.changeNoticeId,
                                           breachEventId: p.breachEventId, endEnteredReason: p.endReason,
                                           computedEndDate: p.endReason == nil ? nil : p.computedEnd)
            try tx.insert(notice)
            let before = agreement
            agreement.endDate = p.endDate
            agreement.status = .terminating
            try tx.update(agreement)
            for var child in p.endsAlso {
                child.endDate = p.endDate
                child.status = .terminating
                try tx.update(child)
            }
            try AgreementEndings.dropPlanned(tx, agreementIds: [agreement.id] + p.endsAlso.map(\.id))
            let withdrawn = try Recurrence.dropAfterEnd(tx, agreementIds: [agreement.id] + p.endsAlso.map(\.id), end: p.endDate)
            if p.right == .afterObjection, let noticeId = request.changeNoticeId {
                // The objection ended in termination.
                try setObjectionOutcomes(tx, changeNoticeId: noticeId, from: .pending, to: .agreementTerminated)
            }
            for d in p.followOn { try tx.insert(d) }
            let who = request.by == .us ? "given by us" : "received from the counterparty"
            let also = p.endsAlso.isEmpty ? "" : "; ends with it: " + p.endsAlso.map(\.title).joined(separator: ", ")
            let entered = p.endReason == nil ? "" : " (entered by hand; computed: \(p.computedEnd?.iso ?? "none"))"
            return ((notice, p), AuditNote(action: "record_termination", entityType: "termination", entityId: id,
                                           summary: "Termination of \(agreement.title) (\(p.right.label)) \(who) on \(request.date.iso); ends \(p.endDate.iso)\(entered)\(also); \(p.followOn.count) follow-on deadline(s)"
                                               + (withdrawn > 0 ? "; \(withdrawn) recurring occurrence(s) after the end withdrawn" : ""),
                                           before: before, after: TerminationSnapshot(termination: notice, agreement: agreement,
                                                                                      endsAlso: p.endsAlso.map(\.id), deadlines: p.followOn)))
        }
    }

    /// Ordinary-notice termination (see ``recordTermination(_:channel:note:)``).
    @discardableResult
    public func recordTermination(agreementId: String, by: Actor, date: CivilDate, channel: Channel = .letter,
                                  note: String? = nil) throws -> (TerminationNotice, TerminationPreview) {
        try recordTermination(TerminationRequest(agreementId: agreementId, by: by, date: date), channel: channel, note: note)
    }

    /// A notice is recorded when it is given or received; a later day can only be planned
    /// (`previewTermination`, `--dry-run`, the form's preview).
    public func refuseFutureNotice(_ request: TerminationRequest) throws {
        guard request.date > clock.today else { return }
        throw VarselError(.invalidInput, "Notice date \(request.date.iso) is after today (\(clock.today.iso))", at: "date",
                          fix: "Record the notice when it is given or received; a dry run (--dry-run, the form's preview) plans one for a later day")
    }

    private func terminationPreview(_ tx: any PortfolioRecords, _ request: TerminationRequest, terminationId: String) throws -> TerminationPreview {
        let agreement = try tx.agreement(request.agreementId)
        let (by, date) = (request.by, request.date)
        guard by == .us || by == .them else {
            throw VarselError(.invalidInput, "A termination notice is given by \"us\" or \"them\"", at: "by")
        }
        if agreement.endsWithParent, let parentId = agreement.parentId {
            let parent = try? tx.agreement(parentId)
            let name = parent.map { "\($0.title) (\($0.id))" } ?? parentId
            throw VarselError(.conflict, "\(agreement.title) runs until its main agreement \(name) ends and cannot be terminated on its own",
                              at: "agreement",
                              fix: "Terminate the main agreement instead (`varsel terminate \(parentId)`): this agreement ends with it and its follow-on deadlines open")
        }
        if agreement.status == .ended || agreement.status == .terminating {
            throw VarselError(.conflict, "\(agreement.title) is already \(agreement.status.rawValue) (ends \(agreement.endDate?.iso ?? "?"))",
                              at: "agreement", fix: "A termination notice is recorded once per agreement")
        }
        let rules = try tx.rules(agreementId: agreement.id)
        if request.changeNoticeId != nil && request.right != .afterObjection {
            throw VarselError(.invalidInput, "A change notice goes with the after-objection right only", at: "change",
                              fix: "Leave out --change, or use --right after-objection")
        }
        let entered = try enteredEnd(request)
        var warnings: [String] = []
        var effect: (rule: NoticeRule?, end: CivilDate?, explanation: String, breach: String?)
        switch request.right {
        case .ordinary:
            let e = try ordinaryEnd(agreement, rules: rules, by: by, date: date)
            effect = (e.0, e.1, e.2, nil)
        case .afterObjection, .forCause:
            let rule = try specialRule(agreement, rules: rules, request: request)
            if request.right == .afterObjection {
                let e = try afterObjectionEnd(tx, agreement, rule: rule, request: request, warnings: &warnings)
                effect = (rule, e.0, e.1, nil)
            } else {
                let e = try forCauseEnd(tx, agreement, rule: rule, rules: rules, request: request)
                effect = (rule, request.date, e.0, e.1)
            }
        }
        if let rule = effect.rule, rule.writtenForm { warnings.append("Clause \(rule.writtenFormRef ?? "?") requires the notice in writing") }
        let computable = effect.end != nil
        if effect.end == nil && entered == nil {
            warnings.append("The agreement has no termination notice rule; check the end date by hand")
            effect.end = date
            effect.explanation = "No termination period recorded: the agreement ends on the notice date \(date.humanText)"
        }
        var computed = effect.end
        var computedExplanation = effect.explanation
        if let end = effect.end, let fixedEnd = agreement.ownEnd, fixedEnd < end {
            // Notice can end an agreement earlier, never later than it already ends.
            if entered == nil {
                warnings.append("The agreement already ends \(fixedEnd.iso), before the notice period runs out; it still ends \(fixedEnd.iso)")
            }
            computed = fixedEnd
            computedExplanation = "Ends on its fixed end date \(fixedEnd.humanText), before the notice period runs out (\(effect.explanation))"
        }
        let finalEnd: CivilDate, finalExplanation: String
        if let entered {
            (finalEnd, finalExplanation) = (entered.end, Self.enteredExplanation(entered, computed: computed, computedExplanation: computedExplanation))
            if let computed, computed != entered.end {
                warnings.append("The entered end \(entered.end.iso) differs from the computed end \(computed.iso) (\(computedExplanation))")
            }
            if let fixedEnd = agreement.ownEnd, fixedEnd < entered.end {
                warnings.append("The entered end \(entered.end.iso) is after the agreement's own end \(fixedEnd.iso)")
            }
        } else {
            (finalEnd, finalExplanation) = (computed ?? date, computedExplanation)
        }
        var followOn = planner.deadlines(forEnd: finalEnd, terminationId: terminationId, rules: rules, calendar: agreement.calendar)
        let endsAlso = try AgreementEndings.dependants(tx, of: agreement.id)
        for child in endsAlso {
            followOn += planner.deadlines(forEnd: finalEnd, terminationId: terminationId, rules: try tx.rules(agreementId: child.id),
                                          calendar: child.calendar)
            warnings.append("\(child.title) ends with it on \(finalEnd.iso) (it runs until its main agreement ends)")
        }
        // A follow-on the end leaves no time for is stored all the same and counts as missed at once.
        warnings += planner.missedAtOnceWarnings(followOn, today: clock.today)
        return TerminationPreview(rule: effect.rule, right: request.right, endDate: finalEnd, computedEnd: computable ? computed : nil,
                                  endReason: entered?.reason, explanation: finalExplanation,
                                  followOn: followOn, endsAlso: endsAlso, breachEventId: effect.breach, warnings: warnings)
    }
}

extension Portfolio {
    /// The end entered by hand, checked: on or after the notice date, with a reason; nil when none.
    func enteredEnd(_ request: TerminationRequest) throws -> (end: CivilDate, reason: String)? {
        let reason = request.endReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let end = request.end else {
            guard reason.isEmpty else {
                throw VarselError(.invalidInput, "A reason for the end date was given, but no end date", at: "end",
                                  fix: "Enter the end date too (--end YYYY-MM-DD), or leave out the reason")
            }
            return nil
        }
        guard end >= request.date else {
            throw VarselError(.invalidInput, "The entered end date \(end.iso) is before the notice date \(request.date.iso)", at: "end",
                              fix: "Enter an end on or after the notice date \(request.date.iso)")
        }
        guard !reason.isEmpty else {
            throw VarselError(.invalidInput, "An end date entered by hand needs a reason", at: "endReason",
                              fix: "Say where it comes from, e.g. --end-reason \"agreed with the counterparty in the letter of 2 Dec\"")
        }
        return (end, reason)
    }

    /// "End date 31 Mar 2027 entered by hand (computed: 15 Jan 2027; …): reason".
    static func enteredExplanation(_ entered: (end: CivilDate, reason: String), computed: CivilDate?, computedExplanation: String) -> String {
        let basis = computed.map { "computed: \($0.humanText); \(computedExplanation)" } ?? "no end could be computed"
        return "End date \(entered.end.humanText) entered by hand (\(basis)): \(entered.reason)"
    }
}

struct TerminationSnapshot: Encodable {
    var termination: TerminationNotice
    var agreement: Agreement
    var endsAlso: [String]
    var deadlines: [Deadline]
}

extension Portfolio {
    /// Moves the active objections to a change notice from one outcome to another (a termination
    /// after an objection recorded or withdrawn).
    func setObjectionOutcomes(_ tx: any PortfolioTransaction, changeNoticeId: String, from: ObjectionOutcome,
                              to: ObjectionOutcome) throws {
        for var o in try tx.activeObjections(changeNoticeId: changeNoticeId) where o.outcome == from {
            o.outcome = to
            try tx.update(o)
        }
    }
}
