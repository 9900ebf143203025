import GRDB

extension Portfolio {
    /// Whether an objection to this notice must state grounds (some agreements demand objective grounds).
    public func groundsRequirement(noticeId: String) throws -> NoticeRule? {
        try store.writer.read { db in
            let notice = try changeNotice(db, noticeId)
            return try rules(db, agreementId: notice.agreementId)
                .first { $0.groundsRequired && $0.applies(to: notice.kind) && $0.trigger != .terminationNotice }
        }
    }

    /// Records our objection: stores it, marks the notice objected and a proposed sub-processor
    /// objected, and closes the notice's open deadlines.
    @discardableResult
    public func recordObjection(noticeId: String, date: CivilDate? = nil, grounds: String, channel: Channel = .email,
                                note: String? = nil) throws -> Objection {
        try write { db in
            var notice = try changeNotice(db, noticeId)
            let date = date ?? clock.today
            let grounds = grounds.trimmingCharacters(in: .whitespacesAndNewlines)
            guard notice.status == .open else {
                throw VarselError(.conflict, "Change notice \(noticeId) is already \(notice.status.rawValue)",
                                  at: "notice", fix: "Only open notices can be objected to; see `varsel show \(notice.agreementId)`")
            }
            if date > clock.today {
                throw VarselError(.invalidInput, "Objection date \(date.iso) is after today (\(clock.today.iso))", at: "date",
                                  fix: "Record the objection on or after the day it is sent")
            }
            if date < notice.receivedDate {
                throw VarselError(.invalidInput, "Objection date \(date.iso) is before the notice was received (\(notice.receivedDate.iso))",
                                  at: "date", fix: "Check the date")
            }
            let rules = try rules(db, agreementId: notice.agreementId)
            if grounds.isEmpty, let rule = rules.first(where: { $0.groundsRequired && $0.applies(to: notice.kind) && $0.trigger != .terminationNotice }) {
                let words = rule.groundsText.map { " (\"\($0)\")" } ?? ""
                throw VarselError(.invalidInput, "Clause \(rule.clauseRef ?? "?") requires grounds for an objection\(words)",
                                  at: "grounds", fix: "State the objective reasons for the objection (--grounds \"…\")")
            }
            let objection = Objection(id: ids.make("obj"), changeNoticeId: notice.id, date: date, grounds: grounds,
                                      channel: channel, note: note)
            try objection.insert(db)
            let before = notice
            notice.status = .objected
            try notice.update(db)
            if let spId = notice.subProcessorId, var sp = try SubProcessor.fetchOne(db, key: spId), sp.status == .proposed {
                sp.status = .objected
                try sp.update(db)
            }
            let closed = try closeDeadlines(db, sourceKind: .changeNotice, sourceId: notice.id,
                                            note: "Objection \(objection.id) sent \(date.iso) by \(channel.rawValue)")
            let agreement = try agreement(db, notice.agreementId)
            let summary = "Objection to \(notice.kind.label.lowercased()) on \(agreement.title) (\(notice.id)); "
                + "\(closed.count) deadline(s) handled; grounds: \(grounds.isEmpty ? "none given" : grounds)"
            return (objection, AuditNote(action: "record_objection", entityType: "objection", entityId: objection.id,
                                         summary: summary, before: before,
                                         after: ObjectionSnapshot(objection: objection, notice: notice, closedDeadlines: closed)))
        }
    }

    /// Records that we accept a change notice: the proposed sub-processor becomes approved and
    /// the notice's open deadlines close.
    public func acceptChangeNotice(noticeId: String, note: String? = nil) throws {
        try write { db in
            var notice = try changeNotice(db, noticeId)
            guard notice.status == .open else {
                throw VarselError(.conflict, "Change notice \(noticeId) is already \(notice.status.rawValue)", at: "notice")
            }
            let before = notice
            notice.status = .accepted
            try notice.update(db)
            if let spId = notice.subProcessorId, var sp = try SubProcessor.fetchOne(db, key: spId) {
                sp.status = .approved
                try sp.update(db)
            }
            if let old = notice.replacesSubProcessorId, var sp = try SubProcessor.fetchOne(db, key: old) {
                sp.status = .removed
                try sp.update(db)
            }
            let closed = try closeDeadlines(db, sourceKind: .changeNotice, sourceId: notice.id,
                                            note: note ?? "Change accepted \(clock.today.iso)")
            return ((), AuditNote(action: "accept_change_notice", entityType: "change_notice", entityId: notice.id,
                                  summary: "Accepted \(notice.kind.label.lowercased()) (\(notice.id)); \(closed.count) deadline(s) handled",
                                  before: before, after: notice))
        }
    }

    func changeNotice(_ db: Database, _ id: String) throws -> ChangeNotice {
        guard let n = try ChangeNotice.fetchOne(db, key: id) else {
            throw VarselError(.notFound, "No change notice with id \"\(id)\"", at: "notice",
                              fix: "List notices with `varsel notices`")
        }
        return n
    }

    /// Marks every open deadline of a source handled today; returns them.
    func closeDeadlines(_ db: Database, sourceKind: DeadlineSourceKind, sourceId: String, note: String) throws -> [Deadline] {
        var closed: [Deadline] = []
        let open = try Deadline.filter(Column("source_kind") == sourceKind.rawValue && Column("source_id") == sourceId
                                       && Column("state") == DeadlineState.open.rawValue).fetchAll(db)
        for var d in open {
            d.state = .handled
            d.handledDate = clock.today
            d.handledNote = note
            try d.update(db)
            closed.append(d)
        }
        return closed
    }
}

struct ObjectionSnapshot: Encodable {
    var objection: Objection
    var notice: ChangeNotice
    var closedDeadlines: [Deadline]
}
