import VarselKit

/// The text of each agreement detail tab, as lines to wrap and scroll.
enum DetailTabs {
    static func lines(_ d: AgreementDetail, tab: DetailTab, today: CivilDate) -> [StyledLine] {
        switch tab {
        case .overview: overview(d, today: today)
        case .rules: rules(d)
        case .subProcessors: subProcessors(d)
        case .notices: notices(d, today: today)
        case .history: history(d)
        case .clauses: clauses(d)
        case .versions: versions(d)
        case .text: []  // drawn from its own layout (`AgreementTextPane`)
        }
    }

    static let heading = CellStyle(.title, bold: true)

    static func party(_ p: Party) -> String {
        var s = p.name
        var extra: [String] = []
        if let o = p.orgNumber { extra.append("org \(o)") }
        if let c = p.country { extra.append(c) }
        if !extra.isEmpty { s += " (" + extra.joined(separator: ", ") + ")" }
        return s
    }

    static func overview(_ d: AgreementDetail, today: CivilDate) -> [StyledLine] {
        let a = d.agreement
        var out: [StyledLine] = [
            StyledLine("Id: \(a.id) · \(a.kind.label) · status \(a.status.rawValue)"),
            StyledLine("Counterparty: \(party(d.counterparty))", indent: 2),
        ]
        if let us = d.ourParty { out.append(StyledLine("Our party: \(party(us)) as \(a.ourRole.rawValue)", indent: 2)) }
        else { out.append(StyledLine("Our role: \(a.ourRole.rawValue)")) }
        out.append(StyledLine("Law: \(a.governingLaw) · language \(a.language) · calendar \(a.calendar.name)"))
        out.append(StyledLine("Version \(a.version ?? "—") · signed \(Format.date(a.signedDate)) · effective \(Format.date(a.effectiveDate)) · ends \(Format.date(a.endDate))"))
        out.append(StyledLine("Term: \(Format.term(a.term))", indent: 2))
        if let c = a.transferConsentClause {
            out.append(StyledLine("Outside the EEA only with our written consent (\(c))", indent: 2))
        }
        if let r = d.renewal {
            let left = today.days(until: r.actByDate)
            out.append(StyledLine("Next renewal notice: act by \(r.actByDate.iso) (\(Format.daysLeft(left))) — \(r.what)",
                                  .role(Format.role(daysLeft: left)), indent: 2))
        }
        if let p = d.parent {
            out.append(StyledLine("Main agreement: \(p.title) (\(p.id))" + (a.endsWithParent ? " — this agreement ends with it" : ""), indent: 2))
        }
        if !d.children.isEmpty {
            out.append(StyledLine(""))
            out.append(StyledLine("Agreements under this one", heading))
            out += d.children.map { StyledLine("  \($0.title) (\($0.id)) · \(Format.kind($0.kind)) · \($0.status.rawValue)", indent: 4) }
        }
        // A passed silence-is-approval window is deemed accepted, not open (even before it is settled).
        let open = d.deadlines.filter { $0.state == .open && $0.status(today: today) != .deemedAccepted }
        out.append(StyledLine(""))
        out.append(StyledLine("Open deadlines (\(open.count))", heading))
        if open.isEmpty { out.append(StyledLine("  none", .role(.muted))) }
        for dl in open {
            let left = dl.daysLeft(today: today)
            out.append(StyledLine("  \(dl.actByDate.iso)  \(Format.daysLeft(left))  \(dl.what)\(dl.clauseRef.map { " (\($0))" } ?? "")"
                                  + snoozedText(dl, today: today),
                                  .role(Format.role(daysLeft: left)), indent: 4))
        }
        // Handled ones of every kind (events, renewals, duties, notices): what R can reopen.
        let handled = d.deadlines.filter { $0.state == .handled && $0.resolution != .deemedAccepted }
        if !handled.isEmpty {
            out.append(StyledLine(""))
            out.append(StyledLine("Handled deadlines (\(handled.count)) · R reopens one", heading))
            for dl in handled {
                out.append(StyledLine("  ✓ \(dl.actByDate.iso)  \(dl.what)\(dl.clauseRef.map { " (\($0))" } ?? "") — handled \(Format.date(dl.handledDate))"
                                      + (dl.handledNote.map { $0.isEmpty ? "" : ": \($0)" } ?? ""), .role(.handled), indent: 6))
            }
        }
        if !d.versions.isEmpty {
            out.append(StyledLine(""))
            out.append(StyledLine("Versions", heading))
            out += d.versions.map { StyledLine("  \($0.version)  \(Format.date($0.date))  \($0.changes)", indent: 4) }
        }
        if let notes = a.notes, !notes.isEmpty {
            out.append(StyledLine(""))
            out.append(StyledLine("Notes", heading))
            out.append(StyledLine("  " + notes, indent: 2))
        }
        return out
    }

    /// A rule's first line on the Notice rules tab: "8.6.3  Object to the new sub-processor".
    static func ruleHeading(_ r: NoticeRule) -> String { "\(r.clauseRef ?? "—")  \(r.title)" }

    static func rules(_ d: AgreementDetail) -> [StyledLine] {
        guard !d.rules.isEmpty else { return [StyledLine("No notice rules recorded for this agreement.", .role(.muted))] }
        var out: [StyledLine] = []
        for (i, rv) in d.rules.enumerated() {
            let r = rv.rule
            if i > 0 { out.append(StyledLine("")) }
            out.append(StyledLine(ruleHeading(r), heading, indent: 4))
            out.append(StyledLine("  Period: \(rv.periodText) · who acts: \(r.actor.rawValue)", indent: 4))
            out.append(StyledLine((r.trigger == .recurring ? "  " : "  If today: ") + rv.ifTodayText, .role(.accent), indent: 4))
            var flags: [String] = []
            if r.writtenForm { flags.append("written form") }
            if r.groundsRequired { flags.append("grounds required" + (r.groundsText.map { " (\"\($0)\")" } ?? "")) }
            if r.silenceIsApproval { flags.append("silence = approval") }
            if r.governsNoticesBy != .them { flags.append("governs notices given by \(r.governsNoticesBy.rawValue)") }
            if r.writtenForm, let w = r.writtenFormClause, w != r.clauseRef { flags.append("written form required by \(w)") }
            if r.isVague { flags.append("period assumed") }
            flags += r.countingFlags
            if !flags.isEmpty { out.append(StyledLine("  Flags: " + flags.joined(separator: " · "), CellStyle(.hint, bold: true), indent: 4)) }
            if let c = rv.clause {
                out.append(StyledLine("  \(c.reference) \(c.heading)", .role(.muted), indent: 4))
                for para in c.text.split(separator: "\n", omittingEmptySubsequences: true) {
                    out.append(StyledLine("    " + para, .role(.muted), indent: 4))
                }
            }
        }
        return out
    }

    static func subProcessors(_ d: AgreementDetail) -> [StyledLine] {
        guard !d.subProcessors.isEmpty else { return [StyledLine("No sub-processors recorded for this agreement.", .role(.muted))] }
        var out: [StyledLine] = []
        for s in d.subProcessors {
            let style: CellStyle = s.status == .approved ? .normal : CellStyle(.due30, bold: true)
            out.append(StyledLine("\(s.name)\(s.orgNumber.map { " (org \($0))" } ?? "") — \(s.country) — \(s.statusText)", style, indent: 4))
            out.append(StyledLine("  \(s.purpose)\(s.since.map { " · since \($0.iso)" } ?? "")\(s.transferMechanism.map { " · \($0)" } ?? "")", .role(.muted), indent: 4))
        }
        return out
    }

    static func notices(_ d: AgreementDetail, today: CivilDate) -> [StyledLine] {
        var out: [StyledLine] = []
        out.append(StyledLine("Change notices (\(d.changeNotices.count))", heading))
        if d.changeNotices.isEmpty { out.append(StyledLine("  none", .role(.muted))) }
        for n in d.changeNotices {
            let style: CellStyle = n.status == .open ? CellStyle(.due14, bold: true) : .normal
            let by = n.givenBy == .us ? " · given by us" : ""
            out.append(StyledLine("  \(n.receivedDate.iso)  \(n.kind.label)\(by) · \(n.statusText) · \(n.id)", style, indent: 4))
            out.append(StyledLine("    \(n.summary)", indent: 6))
            if let f = n.transferFlag { out.append(StyledLine("    ⚠ \(f)", CellStyle(.error, bold: true), indent: 6)) }
            if let e = n.effectiveDate { out.append(StyledLine("    applies from \(e.iso)", .role(.muted), indent: 6)) }
            for dl in d.deadlines where dl.sourceId == n.id {
                out.append(deadlineLine(dl, today: today))
            }
            for o in d.objections where o.changeNoticeId == n.id {
                out.append(StyledLine("    Objection \(o.id) on \(o.date.iso) by \(o.channel.rawValue) (\(o.outcome.rawValue)): \(o.grounds.isEmpty ? "no grounds given" : o.grounds)",
                                      .role(.success), indent: 6))
                if let note = o.note, !note.isEmpty { out.append(StyledLine("      Note: \(note)", .role(.muted), indent: 12)) }
            }
        }
        out.append(StyledLine(""))
        out.append(StyledLine("Termination notices (\(d.terminations.count))", heading))
        if d.terminations.isEmpty { out.append(StyledLine("  none", .role(.muted))) }
        for t in d.terminations {
            out.append(StyledLine("  \(t.noticeDate.iso)  given by \(t.givenBy.rawValue) · \(t.terminationRight.label) · ends \(t.endDate.iso) · \(t.id)", CellStyle(.due30, bold: true), indent: 4))
            out.append(StyledLine("    \(t.explanation)", .role(.muted), indent: 6))
            if let note = t.note, !note.isEmpty { out.append(StyledLine("    Note: \(note)", .role(.muted), indent: 10)) }
            for dl in d.deadlines where dl.sourceId == t.id { out.append(deadlineLine(dl, today: today)) }
        }
        return out
    }

    static func deadlineLine(_ dl: Deadline, today: CivilDate) -> StyledLine {
        if dl.status(today: today) == .deemedAccepted {
            return StyledLine("    ✓ \(dl.what) by \(dl.actByDate.iso) — deemed accepted (no objection in time)\(dl.clauseRef.map { " [\($0)]" } ?? "")",
                              .role(.handled), indent: 6)
        }
        if dl.state == .handled {
            return StyledLine("    ✓ \(dl.what) by \(dl.actByDate.iso) — handled \(Format.date(dl.handledDate))"
                              + (dl.handledNote.map { $0.isEmpty ? "" : ": \($0)" } ?? ""), .role(.handled), indent: 6)
        }
        let left = dl.daysLeft(today: today)
        return StyledLine("    • \(dl.what) by \(dl.actByDate.iso) (\(Format.daysLeft(left)))\(dl.clauseRef.map { " [\($0)]" } ?? "")"
                          + snoozedText(dl, today: today),
                          CellStyle(Format.role(daysLeft: left), bold: true), indent: 6)
    }

    /// " · snoozed to 2026-11-30" for a snoozed open deadline (the act-by day is unchanged), else "".
    static func snoozedText(_ dl: Deadline, today: CivilDate) -> String {
        guard dl.isSnoozed(today: today), let s = dl.snoozedUntil else { return "" }
        return " · snoozed to \(s.iso)"
    }

    /// The Clauses tab: each clause's reference, heading and text (`e` edits, `n` adds, `x` removes).
    static func clauses(_ d: AgreementDetail) -> [StyledLine] {
        guard !d.clauses.isEmpty else { return [StyledLine("No clauses recorded for this agreement. n adds one.", .role(.muted))] }
        var out = [StyledLine("Clauses (\(d.clauses.count)) · e edits, n adds, x removes", .role(.muted))]
        for c in d.clauses {
            out.append(StyledLine(""))
            out.append(StyledLine("\(c.reference)  \(c.heading)", heading, indent: 4))
            for para in c.text.split(separator: "\n", omittingEmptySubsequences: true) {
                out.append(StyledLine("  " + para, indent: 4))
            }
        }
        return out
    }

    /// The Versions tab: the version log, newest last (`e` edits, `n` adds, `x` removes an entry).
    static func versions(_ d: AgreementDetail) -> [StyledLine] {
        var out = [StyledLine("Current version: \(d.agreement.version ?? "—")")]
        guard !d.versions.isEmpty else { return out + [StyledLine("No version entries recorded. n adds one.", .role(.muted))] }
        out += d.versions.map { StyledLine("  \($0.version)  \(Format.date($0.date))  \($0.changes)", indent: 4) }
        return out
    }

    static func history(_ d: AgreementDetail) -> [StyledLine] {
        guard !d.history.isEmpty else { return [StyledLine("No history yet.", .role(.muted))] }
        return d.history.flatMap { e -> [StyledLine] in
            let at = e.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
            return [StyledLine("\(at)  \(e.user)  \(e.action)", heading),
                    StyledLine("  \(e.summary)", indent: 2)]
        }
    }
}
