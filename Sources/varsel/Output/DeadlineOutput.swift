import VarselKit

/// A deadline as the command line reports it (JSON and CSV share these fields; `DeadlineJSON`
/// writes the same JSON without building these).
struct DeadlineOutput: Encodable {
    var id: String
    var agreementId: String
    var agreement: String
    var counterparty: String
    var what: String
    var actor: String
    var clause: String?
    var anchorDate: String
    var rawDate: String
    var dueDate: String
    var actByDate: String
    var dueTime: String?
    var daysLeft: Int
    var window: String
    var status: String
    var rule: String
    var assumed: Bool
    var writtenForm: Bool
    var groundsRequired: Bool
    /// A warning shown with the deadline (e.g. a sub-processor outside the EEA needing our consent).
    var flag: String?
    /// Remind-me-later day: left out of `check` until then (never once overdue).
    var snoozedUntil: String?
    /// The deadline's own note.
    var note: String?

    init(_ item: AgendaItem) {
        let d = item.deadline
        id = d.id; agreementId = d.agreementId; agreement = item.agreementTitle; counterparty = item.counterparty
        what = d.what; actor = d.actor.rawValue; clause = d.clauseRef; anchorDate = d.anchorDate.iso
        rawDate = d.rawDate.iso; dueDate = d.dueDate.iso; actByDate = d.actByDate.iso
        dueTime = d.dueMinutes.map(DeadlineEngine.clockText); daysLeft = item.daysLeft
        window = item.window.rawValue; status = item.status.rawValue; rule = d.explanation
        assumed = d.assumed; writtenForm = d.writtenForm; groundsRequired = d.groundsRequired
        flag = d.flag; snoozedUntil = d.snoozedUntil?.iso; note = d.note
    }

    static let csvHeader = ["id", "act_by", "days_left", "window", "status", "agreement", "counterparty", "what", "actor",
                            "clause", "anchor", "raw", "due", "rule", "snoozed_until", "note"]
    var csvRow: [String] {
        [id, actByDate, String(daysLeft), window, status, agreement, counterparty, what, actor, clause ?? "", anchorDate,
         rawDate, dueDate, rule, snoozedUntil ?? "", note ?? ""]
    }
}

extension Int {
    /// "today", "3 d", "-5 d" — days left as the agenda shows it.
    var daysLeftText: String { self == 0 ? "today" : "\(self) d" }
}
