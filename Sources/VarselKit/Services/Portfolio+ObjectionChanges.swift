
/// Changes to a recorded objection; nil fields stay as they are.
public struct ObjectionEdit: Hashable, Sendable {
    public var grounds: String?
    public var channel: Channel?
    public var date: CivilDate?
    /// `.some(nil)` or blank clears the note.
    public var note: String??

    public init(grounds: String? = nil, channel: Channel? = nil, date: CivilDate? = nil, note: String?? = nil) {
        self.grounds = grounds; self.channel = channel; self.date = date; self.note = note
    }
}

/// What withdrawing an objection did.
public struct ObjectionWithdrawal: Sendable {
    public var objection: Objection
    /// The change notice's deadlines opened again.
    public var reopened: [Deadline]
    /// Set when the window had already passed and silence is approval: the change is now deemed accepted.
    public var deemed: DeemedAcceptance?
    /// The notice's status afterwards.
    public var noticeStatus: ChangeNoticeStatus
}

extension Portfolio {
    /// Edits an objection's grounds, channel, date or note. Rules that require grounds still do;
    /// the date keeps the limits of `recordObjection` (not after today, not before the notice, and
    /// within a silence-is-approval window it closed).
    @discardableResult
    public func editObjection(id: String, _ edit: ObjectionEdit, loaded: RecordVersion? = nil) throws -> Objection {
        try write { tx in
            var o = try activeObjection(tx, id, doing: "edited", loaded: loaded)
            let notice = try tx.changeNotice(o.changeNoticeId)
            let before = o
            if let grounds = edit.grounds { o.grounds = grounds.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let channel = edit.channel { o.channel = channel }
            if let note = edit.note {
                let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
                o.note = (text?.isEmpty ?? true) ? nil : text
            }
            if o.grounds.isEmpty, let rule = try tx.groundsRule(for: notice) {
                throw VarselError(.invalidInput, "Clause \(rule.clauseRef ?? "?") requires grounds for an objection"
                                  + (rule.groundsText.map { " (\"\($0)\")" } ?? ""),
                                  at: "grounds", fix: "Keep the objective reasons for the objection (--grounds \"…\")")
            }
            if let date = edit.date {
                if date > clock.today {
                    throw VarselError(.invalidInput, "Objection date \(date.iso) is after today (\(clock.today.iso))", at: "date",
                                      fix: "Give the day the objection was sent")
                }
                if date < notice.receivedDate {
                    throw VarselError(.invalidInput, "Objection date \(date.iso) is before the notice was received (\(notice.receivedDate.iso))",
                                      at: "date", fix: "Check the date")
                }
                let windows = try tx.deadlines(DeadlineFilter(sourceKind: .changeNotice, sourceId: notice.id, silenceIsApproval: true))
                if let lastDay = windows.map(\.actByDate).max(), date > lastDay {
                    throw VarselError(.conflict, "An objection sent \(date.iso) is after the window's last day \(lastDay.iso)"
                                      + (windows.first?.clauseRef.map { " (\($0): silence is approval)" } ?? ""),
                                      at: "date", fix: "If it was sent late, withdraw it (`varsel objection withdraw \(id)`): the change is then deemed accepted")
                }
                o.date = date
            }
            guard o != before else {
                throw VarselError(.invalidInput, "Nothing to change on objection \(id)", at: "objection",
                                  fix: "Give --grounds, --channel, --date or --note")
            }
            try tx.update(o)
            return (o, AuditNote(action: "edit_objection", entityType: "objection", entityId: id,
                                 summary: "Objection \(id) to \(notice.id) edited: " + Self.changes(before, o),
                                 before: before, after: o))
        }
    }

    /// Withdraws our objection (the row stays, dated). When no other objection stands, the change
    /// notice is open again and the deadlines the objection closed reopen; a silence-is-approval
    /// window that has passed is then settled as deemed accepted, in the same transaction.
    @discardableResult
    public func withdrawObjection(id: String, note: String? = nil, loaded: RecordVersion? = nil) throws -> ObjectionWithdrawal {
        try write { tx in
            var o = try activeObjection(tx, id, doing: "withdrawn", loaded: loaded)
            if o.outcome == .agreementTerminated {
                throw VarselError(.conflict, "The agreement was terminated after objection \(id)", at: "objection",
                                  fix: "Withdraw the termination first (`varsel termination withdraw …`)")
            }
            var notice = try tx.changeNotice(o.changeNoticeId)
            let before = o
            let noticeBefore = notice
            o.withdrawnDate = clock.today
            if let note, !note.isEmpty { o.note = [o.note, "Withdrawn: \(note)"].compactMap { $0 }.joined(separator: "\n") }
            try tx.update(o)
            let others = try tx.activeObjections(changeNoticeId: notice.id).count
            var reopened: [Deadline] = []
            var deemed: (DeemedAcceptance, AuditNote)?
            if others == 0 && notice.status == .objected {
                notice.status = .open
                try tx.update(notice)
                if let spId = notice.subProcessorId, var sp = try tx.record(SubProcessor.self, id: spId), sp.status == .objected {
                    sp.status = .proposed
                    try tx.update(sp)
                }
                let closedBy = try tx.deadlines(.source(.changeNotice, notice.id, state: .handled))
                    .filter { $0.resolution == nil && ($0.handledNote?.hasPrefix("Objection \(id) ") ?? false) }
                for var d in closedBy {
                    d.state = .open; d.handledDate = nil; d.handledNote = nil
                    try tx.update(d)
                    reopened.append(d)
                }
                deemed = try settleWindows(tx, sourceKind: .changeNotice, sourceId: notice.id, today: clock.today)
                notice = try tx.changeNotice(notice.id)
            }
            var summary = "Objection \(id) to \(notice.id) withdrawn \(clock.today.iso)" + (note.map { " (\($0))" } ?? "")
            if others > 0 { summary += "; \(others) other objection(s) stand, the notice stays objected" }
            if !reopened.isEmpty { summary += "; \(reopened.count) deadline(s) reopened" }
            if let deemed { summary += "; " + deemed.1.summary }
            let result = ObjectionWithdrawal(objection: o, reopened: reopened, deemed: deemed?.0, noticeStatus: notice.status)
            return (result, AuditNote(action: "withdraw_objection", entityType: "objection", entityId: id, summary: summary,
                                      before: ObjectionChangeSnapshot(objection: before, notice: noticeBefore, deadlines: []),
                                      after: ObjectionChangeSnapshot(objection: o, notice: notice,
                                                                     deadlines: try reopened.compactMap { try tx.record(Deadline.self, id: $0.id) })))
        }
    }

    /// Records what came of an objection. `withdrawn` (the counterparty withdrew the change) marks
    /// the change notice withdrawn; moving away from it marks the notice objected again.
    /// `agreement_terminated` needs a recorded termination of the agreement.
    @discardableResult
    public func setObjectionOutcome(id: String, _ outcome: ObjectionOutcome, loaded: RecordVersion? = nil) throws -> Objection {
        try write { tx in
            var o = try activeObjection(tx, id, doing: "given an outcome", loaded: loaded)
            var notice = try tx.changeNotice(o.changeNoticeId)
            guard o.outcome != outcome else {
                throw VarselError(.invalidInput, "Objection \(id) already has the outcome \(outcome.rawValue)", at: "outcome")
            }
            if outcome == .agreementTerminated,
               try tx.activeTerminationCount(agreementId: notice.agreementId) == 0 {
                throw VarselError(.conflict, "No termination is recorded on agreement \(notice.agreementId)", at: "outcome",
                                  fix: "Record it with `varsel terminate \(notice.agreementId) --by us --right after-objection --change \(notice.id)`: that sets the outcome")
            }
            if o.outcome == .agreementTerminated,
               try tx.activeTerminationCount(agreementId: notice.agreementId) > 0 {
                throw VarselError(.conflict, "Agreement \(notice.agreementId) was terminated after objection \(id)", at: "outcome",
                                  fix: "Withdraw the termination first (`varsel termination withdraw …`)")
            }
            let before = o
            let noticeBefore = notice
            o.outcome = outcome
            try tx.update(o)
            if outcome == .withdrawn, notice.status == .objected {
                notice.status = .withdrawn
                try tx.update(notice)
            } else if outcome != .withdrawn, notice.status == .withdrawn {
                notice.status = .objected
                try tx.update(notice)
            }
            let noticeText = notice.status != noticeBefore.status ? "; change notice \(notice.id) now \(notice.status.rawValue)" : ""
            return (o, AuditNote(action: "objection_outcome", entityType: "objection", entityId: id,
                                 summary: "Objection \(id) outcome: \(before.outcome.rawValue) → \(outcome.rawValue)\(noticeText)",
                                 before: ObjectionChangeSnapshot(objection: before, notice: noticeBefore, deadlines: []),
                                 after: ObjectionChangeSnapshot(objection: o, notice: notice, deadlines: [])))
        }
    }

    /// The objection, unless withdrawn (or, with `loaded`, changed since a form showed it).
    private func activeObjection(_ tx: any PortfolioRecords, _ id: String, doing: String, loaded: RecordVersion? = nil) throws -> Objection {
        guard let o = try tx.record(Objection.self, id: id) else {
            throw VarselError(.notFound, "No objection with id \"\(id)\"", at: "objection",
                              fix: "See the agreement's objections with `varsel show AGREEMENT`")
        }
        try requireUnchanged(o, since: loaded, entityType: "objection", tx)
        if let w = o.withdrawnDate {
            throw VarselError(.conflict, "Objection \(id) was withdrawn on \(w.iso) and cannot be \(doing)", at: "objection",
                              fix: "Record a new objection if one is sent again (`varsel object \(o.changeNoticeId)`)")
        }
        return o
    }

    /// "grounds, date 2026-11-02 → 2026-11-03" for the audit summary.
    private static func changes(_ a: Objection, _ b: Objection) -> String {
        var out: [String] = []
        if a.grounds != b.grounds { out.append("grounds") }
        if a.channel != b.channel { out.append("channel \(a.channel.rawValue) → \(b.channel.rawValue)") }
        if a.date != b.date { out.append("date \(a.date.iso) → \(b.date.iso)") }
        if a.note != b.note { out.append("note") }
        return out.joined(separator: ", ")
    }
}

struct ObjectionChangeSnapshot: Encodable {
    var objection: Objection
    var notice: ChangeNotice
    var deadlines: [Deadline]
}
