
extension Portfolio {
    /// Whether an objection to this notice must state grounds (some agreements demand objective grounds).
    public func groundsRequirement(noticeId: String) throws -> NoticeRule? {
        try read { tx in
            try tx.groundsRule(for: try tx.changeNotice(noticeId))
        }
    }

    /// Records our objection: stores it, marks the notice objected and a proposed sub-processor
    /// objected, and closes the notice's open deadlines. An objection sent by the window's last day
    /// undoes a deemed acceptance settled in the meantime; a later one is refused.
    @discardableResult
    public func recordObjection(noticeId: String, date: CivilDate? = nil, grounds: String, channel: Channel = .email,
                                note: String? = nil) throws -> RecordedObjection {
        try write { tx in
            var notice = try tx.changeNotice(noticeId)
            let date = date ?? clock.today
            let grounds = grounds.trimmingCharacters(in: .whitespacesAndNewlines)
            // A deemed acceptance stands only if no objection was sent in time: an objection sent by the
            // window's act-by day and recorded later (reads settle first) undoes it.
            let deemed = notice.status == .accepted && notice.decisionBasis == .deemed
                ? try tx.deadlines(DeadlineFilter(sourceKind: .changeNotice, sourceId: notice.id, resolution: .deemedAccepted))
                : []
            let lastDay = deemed.map(\.actByDate).max()
            guard notice.status == .open || lastDay != nil else {
                throw VarselError(.conflict, "Change notice \(noticeId) is already \(notice.statusText)",
                                  at: "notice", fix: "Only open notices can be objected to; see `varsel show \(notice.agreementId)`")
            }
            if let lastDay, date > lastDay {
                throw VarselError(.conflict, "Change notice \(noticeId) was deemed accepted on \(notice.decisionDate?.iso ?? "?")"
                                  + " (\(notice.decisionClause ?? "silence is approval")): no objection by \(lastDay.iso), and \(date.iso) is later",
                                  at: "date", fix: "An objection counts only if sent by \(lastDay.iso); give --date if it was sent then")
            }
            if date > clock.today {
                throw VarselError(.invalidInput, "Objection date \(date.iso) is after today (\(clock.today.iso))", at: "date",
                                  fix: "Record the objection on or after the day it is sent")
            }
            if date < notice.receivedDate {
                throw VarselError(.invalidInput, "Objection date \(date.iso) is before the notice was received (\(notice.receivedDate.iso))",
                                  at: "date", fix: "Check the date")
            }
            let rules = try tx.rules(agreementId: notice.agreementId)
            if grounds.isEmpty, let rule = rules.first(where: { $0.requiresGrounds(forObjectionTo: notice) }) {
                let words = rule.groundsText.map { " (\"\($0)\")" } ?? ""
                throw VarselError(.invalidInput, "Clause \(rule.clauseRef ?? "?") requires grounds for an objection\(words)",
                                  at: "grounds", fix: "State the objective reasons for the objection (--grounds \"…\")")
            }
            let objection = Objection(id: ids.make("obj"), changeNoticeId: notice.id, date: date, grounds: grounds,
                                      channel: channel, note: note)
            try tx.insert(objection)
            let before = notice
            notice.status = .objected
            try tx.update(notice)
            if let spId = notice.subProcessorId, var sp = try tx.record(SubProcessor.self, id: spId), sp.status == .proposed {
                sp.status = .objected
                try tx.update(sp)
            }
            var closed = try closeDeadlines(tx, sourceKind: .changeNotice, sourceId: notice.id,
                                            note: "Objection \(objection.id) sent \(date.iso) by \(channel.rawValue)")
            if !deemed.isEmpty {
                // Undo the deemed acceptance: the objection was in time.
                notice.decisionBasis = nil; notice.decisionDate = nil; notice.decisionClause = nil
                try tx.update(notice)
                if let spId = notice.subProcessorId, var sp = try tx.record(SubProcessor.self, id: spId), sp.approvalBasis == .deemed {
                    sp.status = .objected; sp.approvalBasis = nil; sp.approvalDate = nil; sp.approvalClause = nil
                    try tx.update(sp)
                }
                if let old = notice.replacesSubProcessorId, var sp = try tx.record(SubProcessor.self, id: old), sp.status == .removed {
                    sp.status = .approved
                    try tx.update(sp)
                }
                for var d in deemed {
                    d.resolution = nil
                    d.handledDate = clock.today
                    d.handledNote = "Objection \(objection.id) sent \(date.iso) by \(channel.rawValue), in time: the deemed acceptance is undone"
                    try tx.update(d)
                    closed.append(d)
                }
            }
            let agreement = try tx.agreement(notice.agreementId)
            let summary = "Objection to \(notice.kind.label.lowercased()) on \(agreement.title) (\(notice.id)); "
                + "\(closed.count) deadline(s) handled; grounds: \(grounds.isEmpty ? "none given" : grounds)"
            return (RecordedObjection(objection: objection, closed: closed), AuditNote(action: "record_objection", entityType: "objection", entityId: objection.id,
                                         summary: summary, before: before,
                                         after: ObjectionSnapshot(objection: objection, notice: notice, closedDeadlines: closed)))
        }
    }

    /// Records that we accept a change notice expressly: the decision's date and channel are stored
    /// (Mobilize Me 2.2 needs express written approval), the proposed sub-processor becomes approved
    /// and the notice's open deadlines close. Where a rule demands the written form, a phone call or
    /// meeting is refused.
    public func acceptChangeNotice(noticeId: String, date: CivilDate? = nil, channel: Channel? = nil,
                                   note: String? = nil) throws {
        try write { tx in
            var notice = try tx.changeNotice(noticeId)
            guard notice.status == .open else {
                throw VarselError(.conflict, "Change notice \(noticeId) is already \(notice.statusText)", at: "notice")
            }
            let date = date ?? clock.today
            if date > clock.today {
                throw VarselError(.invalidInput, "Approval date \(date.iso) is after today (\(clock.today.iso))", at: "date",
                                  fix: "Record the approval on or after the day it is sent")
            }
            if date < notice.receivedDate {
                throw VarselError(.invalidInput, "Approval date \(date.iso) is before the notice was received (\(notice.receivedDate.iso))",
                                  at: "date", fix: "Check the date")
            }
            let rules = try tx.rules(agreementId: notice.agreementId)
            let own = planner.ownRules(for: notice, in: rules)
            // An approval due before the change applies whose own clause demands writing (Mobilize Me 2.2:
            // "udtrykkelig skriftlig godkendelse"). A written objection (8.6.3) or a form another clause
            // requires for a termination (Migrationsverket 11.3) does not bind an acceptance.
            let written = own.first { $0.writtenForm && $0.trigger == .changeTakesEffect && !$0.silenceIsApproval
                && ($0.writtenFormClause == nil || $0.writtenFormClause == $0.clauseRef) }
            if let written, let channel, channel == .phone || channel == .meeting {
                throw VarselError(.invalidInput, "Clause \(written.writtenFormRef ?? "?") requires the approval in writing; \(channel.rawValue) is not written",
                                  at: "channel", fix: "Send the approval in writing (--channel email, letter or portal) and record that")
            }
            let before = notice
            notice.status = .accepted
            notice.decisionBasis = .express
            notice.decisionDate = date
            notice.decisionChannel = channel
            notice.decisionClause = (written ?? own.first)?.clauseRef
            try tx.update(notice)
            if let spId = notice.subProcessorId, var sp = try tx.record(SubProcessor.self, id: spId) {
                sp.status = .approved
                sp.approvalBasis = .express
                sp.approvalDate = date
                sp.approvalClause = (written ?? own.first)?.clauseRef
                try tx.update(sp)
            }
            if let old = notice.replacesSubProcessorId, var sp = try tx.record(SubProcessor.self, id: old) {
                sp.status = .removed
                try tx.update(sp)
            }
            let how = channel.map { " by \($0.rawValue)" } ?? ""
            let closed = try closeDeadlines(tx, sourceKind: .changeNotice, sourceId: notice.id,
                                            note: note ?? "Change accepted \(date.iso)\(how)")
            return ((), AuditNote(action: "accept_change_notice", entityType: "change_notice", entityId: notice.id,
                                  summary: "Accepted \(notice.kind.label.lowercased()) (\(notice.id)) on \(date.iso)\(how); \(closed.count) deadline(s) handled",
                                  before: before, after: notice))
        }
    }

    /// Marks every open deadline of a source handled today; returns them.
    func closeDeadlines(_ tx: any PortfolioTransaction, sourceKind: DeadlineSourceKind, sourceId: String, note: String) throws -> [Deadline] {
        var closed: [Deadline] = []
        let open = try tx.deadlines(.source(sourceKind, sourceId, state: .open))
        for var d in open {
            d.state = .handled
            d.handledDate = clock.today
            d.handledNote = note
            try tx.update(d)
            closed.append(d)
        }
        return closed
    }
}

/// What recording an objection did: the objection, and the deadlines it closed (the notice's open
/// deadlines, and a deemed acceptance it undid). Reads as the objection (`recorded.id`, `.date`).
@dynamicMemberLookup
public struct RecordedObjection: Sendable, Hashable {
    public var objection: Objection
    /// The deadlines marked handled by the objection.
    public var closed: [Deadline]
    public subscript<T>(dynamicMember keyPath: KeyPath<Objection, T>) -> T { objection[keyPath: keyPath] }
}

struct ObjectionSnapshot: Encodable {
    var objection: Objection
    var notice: ChangeNotice
    var closedDeadlines: [Deadline]
}
