import VarselKit
import VarselUI

/// `varsel show` as plain text.
struct AgreementReport {
    var detail: AgreementDetail
    var today: CivilDate

    var text: String {
        let a = detail.agreement
        var lines: [String] = []
        func add(_ s: String) { lines.append(TerminalText.sanitize(s)) }
        add("\(a.title)  [\(a.id)]")
        add("  \(a.kind.label), \(a.status.rawValue); language \(a.language); \(a.governingLaw) (calendar \(a.calendar.rawValue))")
        add("  Counterparty: \(detail.counterparty.name)" + (detail.counterparty.orgNumber.map { " (\($0))" } ?? ""))
        if let us = detail.ourParty { add("  Our party:    \(us.name) as \(a.ourRole.rawValue)") }
        let dates = [("signed", a.signedDate), ("effective", a.effectiveDate), ("ends", a.endDate)]
            .compactMap { n, d in d.map { "\(n) \($0.iso)" } }
        if !dates.isEmpty { add("  Dates: " + dates.joined(separator: ", ")) }
        add("  Term: \(termText(a.term))")
        if let r = detail.renewal { add("  Next renewal notice: act by \(r.actByDate.iso) — \(r.explanation)") }
        if let p = detail.parent { add("  Under: \(p.title) [\(p.id)]" + (a.endsWithParent ? " (ends with it)" : "")) }
        if let c = a.transferConsentClause { add("  Outside the EEA only with our written consent (\(c))") }
        for c in detail.children { add("  Has: \(c.title) [\(c.id)]") }
        if !detail.versions.isEmpty {
            add(""); add("Versions")
            for v in detail.versions { add("  \(v.version)  \(v.date?.iso ?? "")  \(v.changes)") }
        }
        add(""); add("Notice rules")
        for r in detail.rules {
            var flags: [String] = []
            if r.rule.writtenForm { flags.append("written form") }
            if r.rule.groundsRequired { flags.append("grounds required") }
            if r.rule.silenceIsApproval { flags.append("silence = approval") }
            flags += r.rule.countingFlags
            if r.rule.governsNoticesBy != .them { flags.append("governs notices given by \(r.rule.governsNoticesBy.rawValue)") }
            if r.rule.writtenForm, let w = r.rule.writtenFormClause, w != r.rule.clauseRef { flags.append("written form: \(w)") }
            add("  \(r.rule.clauseRef ?? "—")  \(r.rule.title) — \(r.periodText), \(r.rule.actor.rawValue) act" + (flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"))
            add("        \(r.ifTodayText)")
        }
        add(""); add("Sub-processors")
        if detail.subProcessors.isEmpty { add("  none recorded") }
        for s in detail.subProcessors {
            add("  \(s.name)" + (s.orgNumber.map { " (\($0))" } ?? "") + " — \(s.country) — \(s.purpose) — \(s.statusText) [\(s.id)]")
        }
        if !detail.changeNotices.isEmpty {
            add(""); add("Change notices")
            for n in detail.changeNotices {
                let by = n.givenBy == .us ? "  given by us" : ""
                add("  \(n.receivedDate.iso)\(by)  \(n.kind.label): \(n.summary) — \(n.statusText) [\(n.id)]")
                if let f = n.transferFlag { add("      warning: \(f)") }
                for o in detail.objections where o.changeNoticeId == n.id {
                    let state = o.withdrawnDate.map { " — withdrawn \($0.iso)" }
                        ?? (o.outcome == .pending ? "" : " — outcome: \(o.outcome.rawValue)")
                    add("      objection \(o.date.iso) by \(o.channel.rawValue): \(o.grounds)\(state) [\(o.id)]")
                    if let note = o.note, !note.isEmpty { add("        note: \(note)") }
                }
            }
        }
        for t in detail.terminations {
            let withdrawn = t.withdrawnDate.map { "WITHDRAWN \($0.iso): " } ?? ""
            add(""); add("Termination: \(withdrawn)given by \(t.givenBy.rawValue) \(t.noticeDate.iso) (\(t.terminationRight.label)), ends \(t.endDate.iso) — \(t.explanation) [\(t.id)]")
            if let note = t.note, !note.isEmpty { add("  note: \(note)") }
        }
        add(""); add("Deadlines")
        if detail.deadlines.isEmpty { add("  none") }
        for d in detail.deadlines {
            let status = d.status(today: today)
            add("  \(d.actByDate.iso)  \(status.rawValue.uppercased())  \(d.what)" + (d.clauseRef.map { " (\($0))" } ?? "") + " [\(d.id)]")
            add("        \(d.explanation)")
            if d.resolution == .deemedAccepted, let note = d.handledNote { add("        \(note)") }
            else if let note = d.handledNote, !note.isEmpty { add("        handled \(d.handledDate?.iso ?? ""): \(note)") }
            if let f = d.flag { add("        warning: \(f)") }
            if d.isSnoozed(today: today), let s = d.snoozedUntil { add("        snoozed until \(s.iso) (act by \(d.actByDate.iso) unchanged)") }
            if d.state == .handled, d.resolution == nil, let note = d.handledNote { add("        handled \(d.handledDate?.iso ?? ""): \(note)") }
            if let note = d.note { add("        note: \(note)") }
        }
        add(""); add("History")
        for e in detail.history.prefix(20) { add("  \(e.at)  \(e.user)  \(e.action): \(e.summary)") }
        return lines.joined(separator: "\n")
    }

    func termText(_ t: AgreementTerm) -> String {
        switch t.kind {
        case .indefinite: return "indefinite" + (t.noticePeriod.map { ", \($0) notice" } ?? "")
        case .fixed: return "fixed" + (t.initialPeriod.map { ", \($0)" } ?? "")
        case .autoRenewal:
            return "\(t.initialPeriod?.description ?? "?"), then renews by \(t.renewalPeriod?.description ?? "?"); notice \(t.noticePeriod?.description ?? "?") before a term ends"
        }
    }
}
