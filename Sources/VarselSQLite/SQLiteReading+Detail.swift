import Foundation
import GRDB
import VarselKit

extension SQLiteReading {
    /// Everything about one agreement, for `varsel show` and the agreement view.
    func detail(agreementId: String) throws -> AgreementDetail {
        try read { db in
            guard let a = try Agreement.fetchOne(db, key: agreementId) else {
                throw VarselError(.notFound, "No agreement with id \"\(agreementId)\"", fix: "List agreements with `varsel agreements`")
            }
            let byAgreement = Column("agreement_id") == a.id
            let clauses = try Clause.filter(byAgreement).order(Column("id")).fetchAll(db)
            // In clause order (2.2, 2.9, 7.2, 7.3 …), as the contract reads; the id breaks ties.
            let rules = try NoticeRule.filter(byAgreement).order(Column("id")).fetchAll(db)
                .enumerated().sorted { x, y in
                    ClauseOrder.areInOrder(x.element.clauseRef, y.element.clauseRef)
                        || (!ClauseOrder.areInOrder(y.element.clauseRef, x.element.clauseRef) && x.offset < y.offset)
                }.map(\.element)
            let notices = try ChangeNotice.filter(byAgreement).order(Column("received_date").desc, Column("id")).fetchAll(db)
            let objections = try Objection.fetchAll(db, sql: """
                SELECT o.* FROM objections o JOIN change_notices n ON n.id = o.change_notice_id
                WHERE n.agreement_id = ? ORDER BY o.date, o.id
                """, arguments: [a.id])
            let children = try Row.fetchAll(db, sql: """
                SELECT a.id, a.title, a.kind, a.status, a.calendar, p.name AS counterparty,
                  (SELECT min(d.act_by_date) FROM deadlines d WHERE d.agreement_id = a.id AND d.state = 'open') AS next_act_by
                FROM agreements a JOIN parties p ON p.id = a.counterparty_id WHERE a.parent_id = ? ORDER BY a.title
                """, arguments: [a.id]).map(Self.agreementRow)
            let parent = try a.parentId.flatMap { pid in
                try Row.fetchOne(db, sql: """
                    SELECT a.id, a.title, a.kind, a.status, a.calendar, p.name AS counterparty, NULL AS next_act_by
                    FROM agreements a JOIN parties p ON p.id = a.counterparty_id WHERE a.id = ?
                    """, arguments: [pid]).map(Self.agreementRow)
            }
            let history = try AuditEntry.fetchAll(db, sql: Self.historySQL, arguments: ["id": a.id])
            return AgreementDetail(
                agreement: a,
                counterparty: try Party.fetchOne(db, key: a.counterpartyId) ?? Party(id: a.counterpartyId, name: a.counterpartyId),
                ourParty: try a.ourPartyId.flatMap { try Party.fetchOne(db, key: $0) },
                parent: parent, children: children,
                versions: try AgreementVersion.filter(byAgreement).order(Column("id")).fetchAll(db),
                clauses: clauses,
                rules: (rules + StatutoryRules.rules(for: a)).map { context.ruleView($0, clauses: clauses, calendar: a.calendar) },
                subProcessors: try SubProcessor.filter(byAgreement).order(Column("name"), Column("id")).fetchAll(db),
                changeNotices: notices, objections: objections,
                terminations: try TerminationNotice.filter(byAgreement).order(Column("notice_date")).fetchAll(db),
                events: try AgreementEvent.filter(byAgreement).order(Column("date")).fetchAll(db),
                deadlines: try Deadline.filter(byAgreement).order(Column("state").desc, Column("act_by_date")).fetchAll(db),
                renewal: context.renewalDeadline(a), history: history)
        }
    }

    /// An agreement's history: the audit rows of the agreement and of every record that belongs to
    /// it by `RecordRegistry`'s agreement links, newest first. The ids come from each kind's
    /// agreement index; the rows through `audit_entity_id` (v14-read-indexes), not a scan of the trail.
    static let historySQL: String = {
        var ids = ["SELECT :id"]
        for kind in RecordRegistry.kinds {
            switch kind.agreementLink {
            case .none, .isAgreement:
                continue
            case .column(let column):
                ids.append("SELECT id FROM \(kind.table) WHERE \(column) = :id")
            case .through(let parentKey, let column):
                guard let parent = RecordRegistry.kind(key: parentKey), case .column(let parentColumn) = parent.agreementLink else {
                    preconditionFailure("\(kind.key) names its agreement through \(parentKey), which has no agreement column")
                }
                ids.append("SELECT c.id FROM \(kind.table) c JOIN \(parent.table) p ON p.id = c.\(column) WHERE p.\(parentColumn) = :id")
            }
        }
        return "SELECT * FROM audit WHERE entity_id IN (" + ids.joined(separator: " UNION ALL ") + ") ORDER BY id DESC"
    }()

    /// The sub-processor register across all agreements, grouped by sub-processor name. The filter
    /// is SQL `LIKE` and folds ASCII case only, as the workbench's register (`registerFilter`).
    func subProcessorRegister(filter: String? = nil, agreementId: String? = nil) throws -> [SubProcessorRegisterEntry] {
        try read { db in
            var sql = """
                SELECT s.*, a.title AS agreement_title, p.name AS counterparty
                FROM sub_processors s JOIN agreements a ON a.id = s.agreement_id JOIN parties p ON p.id = a.counterparty_id
                WHERE 1
                """
            var args: [any DatabaseValueConvertible] = []
            if let agreementId { sql += " AND s.agreement_id = ?"; args.append(agreementId) }
            if let f = filter?.trimmingCharacters(in: .whitespaces), !f.isEmpty {
                let pattern = "%" + Self.escapeLike(f) + "%"
                sql += " AND (s.name LIKE ? ESCAPE '\\' OR s.purpose LIKE ? ESCAPE '\\' OR s.country LIKE ? ESCAPE '\\' OR a.title LIKE ? ESCAPE '\\')"
                args += [pattern, pattern, pattern, pattern]
            }
            sql += " ORDER BY s.name COLLATE NOCASE, a.title COLLATE NOCASE, s.id"
            var entries: [SubProcessorRegisterEntry] = []
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
                let s = try SubProcessor(row: row)
                let use = SubProcessorRegisterEntry.Use(subProcessorId: s.id, agreementId: s.agreementId,
                                                        agreementTitle: row["agreement_title"], counterparty: row["counterparty"],
                                                        country: s.country, purpose: s.purpose, status: s.status, since: s.since, statusText: s.statusText)
                if let last = entries.indices.last, entries[last].name.lowercased() == s.name.lowercased() {
                    entries[last].uses.append(use)
                    if entries[last].orgNumber == nil { entries[last].orgNumber = s.orgNumber }
                } else {
                    entries.append(SubProcessorRegisterEntry(name: s.name, orgNumber: s.orgNumber, uses: [use]))
                }
            }
            return entries
        }
    }

    /// Change and termination notices, open ones first, newest first within each group: of each
    /// kind the newest `limit` and every other one of the oldest day among them (a cut never falls
    /// inside one day: which of one day's notices are newest is not known).
    func notices(filter: String? = nil, limit: Int = 500) throws -> [NoticeRow] {
        try read { db in
            var rows: [NoticeRow] = []
            let changes = try Row.fetchAll(db, sql: """
                SELECT n.*, a.title AS agreement_title, s.name AS sub_name FROM change_notices n
                JOIN agreements a ON a.id = n.agreement_id LEFT JOIN sub_processors s ON s.id = n.sub_processor_id
                WHERE n.received_date >= coalesce((SELECT received_date FROM change_notices ORDER BY received_date DESC LIMIT 1 OFFSET ?), '')
                ORDER BY n.received_date DESC, n.id
                """, arguments: [max(0, limit - 1)])
            let changeWindows = try Self.windows(db, kind: "change_notice", openOnly: false,
                                                 ids: changes.map { $0["id"] as String })
            for row in changes {
                let n = try ChangeNotice(row: row)
                let window = changeWindows[n.id]
                let sub: String? = row["sub_name"]
                rows.append(NoticeRow(kind: .change, id: n.id, agreementId: n.agreementId, agreementTitle: row["agreement_title"],
                                      date: n.receivedDate, summary: (n.givenBy == .us ? "Our notice — " : "") + n.kind.label + ": " + (sub ?? n.summary),
                                      status: n.statusText, isOpen: n.status == .open, window: window, givenBy: n.givenBy,
                                      flag: n.transferFlag))
            }
            let terms = try Row.fetchAll(db, sql: """
                SELECT t.*, a.title AS agreement_title FROM terminations t JOIN agreements a ON a.id = t.agreement_id
                WHERE t.notice_date >= coalesce((SELECT notice_date FROM terminations ORDER BY notice_date DESC LIMIT 1 OFFSET ?), '')
                ORDER BY t.notice_date DESC, t.id
                """, arguments: [max(0, limit - 1)])
            let termWindows = try Self.windows(db, kind: "termination", openOnly: true, ids: terms.map { $0["id"] as String })
            for row in terms {
                let t = try TerminationNotice(row: row)
                let window = termWindows[t.id]
                rows.append(NoticeRow(kind: .termination, id: t.id, agreementId: t.agreementId, agreementTitle: row["agreement_title"],
                                      date: t.noticeDate, summary: "Termination \(t.givenBy == .us ? "given by us" : "received") — ends \(t.endDate.iso)",
                                      status: t.withdrawnDate.map { "withdrawn \($0.iso)" } ?? (t.givenBy == .us ? "given" : "received"),
                                      isOpen: t.withdrawnDate == nil && t.endDate >= today, window: window,
                                      givenBy: t.givenBy))
            }
            if let f = filter?.lowercased(), !f.isEmpty {
                rows = rows.filter { ($0.summary + " " + $0.agreementTitle + " " + $0.id).lowercased().contains(f) }
            }
            return rows.sorted { ($0.isOpen ? 0 : 1, -$0.date.dayNumber, $0.id) < ($1.isOpen ? 0 : 1, -$1.date.dayNumber, $1.id) }
        }
    }

    /// The window shown beside each of `ids` (notices of `kind`): its first deadline by state
    /// (open before handled) and act-by day, or only an open one, in one query for the whole list.
    static func windows(_ db: Database, kind: String, openOnly: Bool, ids: [String]) throws -> [String: Deadline] {
        guard !ids.isEmpty else { return [:] }
        let all = try Deadline.fetchAll(db, sql: """
            SELECT * FROM deadlines WHERE source_kind = ? AND source_id IN (SELECT value FROM json_each(?))
            \(openOnly ? "AND state = 'open'" : "") ORDER BY source_id, state DESC, act_by_date, id
            """, arguments: [kind, String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)])
        var first: [String: Deadline] = [:]
        for d in all where first[d.sourceId] == nil { first[d.sourceId] = d }
        return first
    }

    /// The most recent audit entries (all entities).
    func audit(limit: Int = 200) throws -> [AuditEntry] {
        try read { db in try AuditEntry.order(Column("id").desc).limit(limit).fetchAll(db) }
    }
}
