import Foundation

/// The checks an authored record (agreement, party, clause, notice rule, sub-processor, version)
/// passes before it is written. Pure: each throws a `VarselError` naming what is wrong, the field
/// and how to fix it; the relations (parents, clauses) are loaded by the caller through the
/// transaction it validates in.
public enum AuthoringValidation {
    /// Parses a period as `varsel calc` does ("3 months", "20 working days", "fyra veckor").
    public static func period(_ text: String, field: String) throws -> Period {
        do { return try Period.parse(text) } catch let e as PeriodParseError {
            throw VarselError(.invalidInput, "Period \"\(text)\" for \(field): \(e.message)", at: field,
                              fix: "Write e.g. \"3 months\" or \"20 working days\"")
        }
    }

    /// Parses a YYYY-MM-DD date for `field`.
    public static func date(_ text: String, field: String) throws -> CivilDate {
        guard let d = CivilDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw VarselError(.invalidInput, "\"\(text)\" is not a date", at: field, fix: "Write YYYY-MM-DD with a real day, e.g. 2026-11-23")
        }
        return d
    }

    static func required(_ value: String, field: String, what: String) throws {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw VarselError(.invalidInput, "\(what) is empty", at: field, fix: "Give the \(what.lowercased()); it is required")
        }
    }

    static func positive(_ p: Period?, field: String) throws {
        guard let p else { return }
        if p.value < 1 || p.value > p.unit.maximumValue {
            throw VarselError(.invalidInput, "Period \(p.value) \(p.unit.plural) is out of range", at: field,
                              fix: "Use 1 to \(p.unit.maximumValue) \(p.unit.plural)")
        }
    }

    /// An agreement's own fields: title, language, date order and term.
    public static func agreement(_ a: Agreement) throws {
        try required(a.title, field: "title", what: "Title")
        try required(a.language, field: "language", what: "Language")
        try required(a.governingLaw, field: "governing-law", what: "Governing law")
        if let s = a.signedDate, let e = a.effectiveDate, e < s {
            throw VarselError(.invalidInput, "Effective date \(e.iso) is before the signing date \(s.iso)", at: "effective",
                              fix: "An agreement takes effect on or after the day it is signed: check both dates")
        }
        if let end = a.endDate, let start = a.effectiveDate ?? a.signedDate, end <= start {
            throw VarselError(.invalidInput, "End date \(end.iso) is not after the \(a.effectiveDate == nil ? "signing" : "effective") date \(start.iso)",
                              at: "end", fix: "Give an end date after \(start.iso), or leave it out")
        }
        try positive(a.term.initialPeriod, field: "initial-term")
        try positive(a.term.renewalPeriod, field: "renewal")
        try positive(a.term.noticePeriod, field: "term-notice")
        switch a.term.kind {
        case .autoRenewal:
            guard a.term.initialPeriod != nil, a.term.renewalPeriod != nil, a.term.noticePeriod != nil else {
                throw VarselError(.invalidInput, "A term with automatic renewal needs the initial term, the renewal period and the notice period",
                                  at: "term", fix: "Give --initial-term, --renewal and --term-notice, e.g. \"2 years\", \"1 year\", \"3 months\"")
            }
            guard a.effectiveDate != nil else {
                throw VarselError(.invalidInput, "A term with automatic renewal counts from the effective date, which is missing",
                                  at: "effective", fix: "Give --effective YYYY-MM-DD")
            }
        case .fixed:
            guard a.term.initialPeriod != nil || a.endDate != nil else {
                throw VarselError(.invalidInput, "A fixed term needs its length or an end date", at: "term",
                                  fix: "Give --initial-term (e.g. \"3 years\") or --end YYYY-MM-DD")
            }
            if a.term.initialPeriod != nil && a.effectiveDate == nil {
                throw VarselError(.invalidInput, "A fixed term counts from the effective date, which is missing", at: "effective",
                                  fix: "Give --effective YYYY-MM-DD")
            }
        case .indefinite:
            if a.term.initialPeriod != nil || a.term.renewalPeriod != nil {
                throw VarselError(.invalidInput, "An indefinite term has no initial term or renewal period", at: "term",
                                  fix: "Use --term fixed or --term auto-renewal, or leave the periods out")
            }
        }
        if a.endsWithParent && a.parentId == nil {
            throw VarselError(.invalidInput, "The agreement ends with its parent but has no parent", at: "parent",
                              fix: "Give --parent AGREEMENT, or drop --ends-with-parent")
        }
    }

    /// The parent exists and is not the agreement itself or one of its descendants.
    public static func parent(_ tx: any PortfolioRecords, of a: Agreement) throws {
        guard let parentId = a.parentId else { return }
        var seen: [String] = [a.id]
        var next: String? = parentId
        while let id = next {
            if seen.contains(id) {
                throw VarselError(.invalidInput, "Parent \"\(parentId)\" would form a cycle: \((seen + [id]).joined(separator: " → "))",
                                  at: "parent", fix: "Choose a parent that is not this agreement or one of the agreements under it")
            }
            guard let parent = try tx.record(Agreement.self, id: id) else {
                throw VarselError(.notFound, "No agreement with id \"\(id)\" to hang this agreement under", at: "parent",
                                  fix: "List agreements with `varsel agreements --all`")
            }
            seen.append(parent.id)
            next = parent.parentId
        }
    }

    /// A party: name, and the organisation number checked and normalised for its country.
    public static func party(_ p: Party) throws -> Party {
        try required(p.name, field: "name", what: "Name")
        var p = p
        p.name = p.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let c = p.country?.trimmingCharacters(in: .whitespaces), !c.isEmpty {
            guard c.count == 2, c.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw VarselError(.invalidInput, "Country \"\(c)\" is not an ISO country code", at: "country",
                                  fix: "Use two letters, e.g. SE, DK, NO, FI, DE")
            }
            p.country = c.uppercased()
        } else { p.country = nil }
        if let n = p.orgNumber, !n.trimmingCharacters(in: .whitespaces).isEmpty {
            p.orgNumber = try OrgNumbers.normalised(n, country: p.country, field: "org-number")
        } else { p.orgNumber = nil }
        return p
    }

    /// A clause: reference and text, no other clause of the agreement with the same reference.
    public static func clause(_ c: Clause, others: [Clause]) throws {
        try required(c.reference, field: "ref", what: "Clause reference")
        let ref = c.reference.trimmingCharacters(in: .whitespaces)
        if let dup = others.first(where: { $0.id != c.id && $0.reference.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(ref) == .orderedSame }) {
            throw VarselError(.conflict, "The agreement already has clause \(ref) (\(dup.id))", at: "ref",
                              fix: "Edit that clause (`varsel clause edit \(dup.id)`), or give this one another reference")
        }
    }

    /// A notice rule against its agreement: a period or vague wording, counting options that fit
    /// together, an anchor the agreement can give, and a clause reference the agreement has.
    public static func rule(_ r: NoticeRule, agreement a: Agreement, clauses: [Clause]) throws {
        try required(r.title, field: "title", what: "Title")
        try positive(r.period, field: "period")
        try positive(r.leadTime, field: "lead-time")
        if r.period == nil && (r.vagueText ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw VarselError(.invalidInput, "The rule has neither a period nor vague wording", at: "period",
                              fix: "Give --period \"4 weeks\", or --vague \"promptly\" for wording without a period")
        }
        if let p = r.optionProblem { throw VarselError(.invalidInput, p.what, at: p.field, fix: p.fix) }
        switch r.trigger {
        case .event:
            guard r.eventKind != nil else {
                throw VarselError(.invalidInput, "A rule counted from an event needs the event kind", at: "event-kind",
                                  fix: "Give --event-kind, one of: \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case .recurring:
            guard let p = r.period, Recurrence.isRecurrenceUnit(p.unit) else {
                throw VarselError(.invalidInput, "A recurring rule needs an interval in days, weeks, months or years", at: "period",
                                  fix: "Give e.g. --period \"12 months\"")
            }
            if r.direction != .after {
                throw VarselError(.invalidInput, "A recurring rule counts forward, not before", at: "direction", fix: "Use --direction after")
            }
            guard let from = r.recursFrom else {
                if r.actor == .them { break }
                throw VarselError(.invalidInput, "A recurring duty needs the day it counts from", at: "recurs-from",
                                  fix: "Give --recurs-from YYYY-MM-DD, e.g. the effective date \(a.effectiveDate?.iso ?? "of the agreement")")
            }
            if let start = a.effectiveDate ?? a.signedDate, from < start {
                throw VarselError(.invalidInput, "The recurrence starts \(from.iso), before the agreement takes effect (\(start.iso))",
                                  at: "recurs-from", fix: "Count from \(start.iso) or later")
            }
            if let end = a.ownEnd, from >= end {
                throw VarselError(.invalidInput, "The recurrence starts \(from.iso), when the agreement has ended (\(end.iso))",
                                  at: "recurs-from", fix: "Count from a day before \(end.iso)")
            }
        case .terminationNotice:
            if a.endsWithParent {
                throw VarselError(.invalidInput, "\(a.title) ends with its parent and cannot be terminated on its own, so a termination rule has no anchor",
                                  at: "trigger", fix: "Add the termination rule to the parent agreement \(a.parentId ?? "")")
            }
        case .changeNoticeReceived, .changeTakesEffect, .agreementEnds:
            break
        }
        if r.trigger != .event && r.trigger != .terminationNotice, let k = r.eventKind {
            throw VarselError(.invalidInput, "Event kind \(k.rawValue) belongs to rules counted from an event, not trigger \(r.trigger.rawValue)",
                              at: "event-kind", fix: "Drop --event-kind, or use --trigger event")
        }
        if r.trigger != .recurring && r.recursFrom != nil {
            throw VarselError(.invalidInput, "--recurs-from belongs to recurring rules, not trigger \(r.trigger.rawValue)", at: "recurs-from",
                              fix: "Drop --recurs-from, or use --trigger recurring")
        }
        if r.terminationRight != nil && r.trigger != .terminationNotice {
            throw VarselError(.invalidInput, "A termination right belongs to rules with trigger termination_notice", at: "right",
                              fix: "Drop --right, or use --trigger termination_notice")
        }
        if let ref = r.clauseRef?.trimmingCharacters(in: .whitespaces), !ref.isEmpty, !clauses.isEmpty,
           !clauses.contains(where: { $0.reference.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(ref) == .orderedSame }) {
            throw VarselError(.notFound, "\(a.title) has no clause \(ref)", at: "clause",
                              fix: "Use one of its clauses (\(clauses.map(\.reference).joined(separator: ", "))), or add it first with `varsel clause add`")
        }
    }

    /// A sub-processor: name, country, purpose, org number for its country, status coherent with approval.
    public static func subProcessor(_ s: SubProcessor) throws -> SubProcessor {
        try required(s.name, field: "name", what: "Name")
        try required(s.country, field: "country", what: "Country")
        try required(s.purpose, field: "purpose", what: "Purpose")
        var s = s
        s.country = s.country.trimmingCharacters(in: .whitespaces)
        if s.country.count == 2 { s.country = s.country.uppercased() }
        if let n = s.orgNumber, !n.trimmingCharacters(in: .whitespaces).isEmpty {
            s.orgNumber = try OrgNumbers.normalised(n, country: s.country, field: "org-number")
        } else { s.orgNumber = nil }
        if s.approvalBasis != nil && s.status != .approved {
            throw VarselError(.invalidInput, "An approval basis on a sub-processor that is \(s.status.rawValue)", at: "status",
                              fix: "Only an approved sub-processor has an approval basis")
        }
        return s
    }

    /// A version entry: a label, the changes, and a date not before the agreement was signed.
    public static func version(_ v: AgreementVersion, agreement a: Agreement, others: [AgreementVersion]) throws {
        try required(v.version, field: "version", what: "Version")
        if others.contains(where: { $0.id != v.id && $0.version == v.version }) {
            throw VarselError(.conflict, "\(a.title) already has version \(v.version)", at: "version", fix: "Give the new version its own label")
        }
        if let d = v.date, let s = a.signedDate, d < s {
            throw VarselError(.invalidInput, "Version date \(d.iso) is before the agreement was signed (\(s.iso))", at: "date",
                              fix: "Check the date")
        }
    }
}
