import Foundation

/// Turns a problem at a document path into a `VarselError` naming the file, the path, the YAML line
/// when known, what is wrong and how to fix it.
struct ProblemReporter: @unchecked Sendable {
    var file: String
    var raw: RawNode?

    func problem(_ path: DocumentPath?, _ what: String, line: Int? = nil, fix: String) -> VarselError {
        var location = file
        if let path { location += ": " + path.description }
        if let line = line ?? path.flatMap({ raw?.line(of: $0) }) { location += " (line \(line))" }
        let message = path.map { "\($0): \(what)" } ?? what
        return VarselError(.invalidInput, message, at: location, fix: fix + ". Nothing was imported")
    }

    /// A `DecodingError` in words, with its coding path as a JSON path.
    func decodingProblem(_ error: DecodingError) -> VarselError {
        switch error {
        case .keyNotFound(let key, let ctx):
            let path = DocumentPath(codingPath: ctx.codingPath)
            return problem(path.key(key.stringValue), "Missing required field \"\(key.stringValue)\"",
                           line: raw?.line(of: path),
                           fix: "Add \"\(key.stringValue)\" to \(path); docs/exchange.md lists every field")
        case .valueNotFound(let type, let ctx):
            let path = DocumentPath(codingPath: ctx.codingPath)
            return problem(path, "Expected \(Self.typeWords(type)), found null",
                           fix: "Give a value, or leave the field out if it is optional")
        case .typeMismatch(let type, let ctx):
            let path = DocumentPath(codingPath: ctx.codingPath)
            let found = ctx.debugDescription.range(of: "but found ").map { " but found " + ctx.debugDescription[$0.upperBound...]
                .replacingOccurrences(of: " instead.", with: "") } ?? ""
            return problem(path, "Wrong type: expected \(Self.typeWords(type))\(found)",
                           fix: "Write \(Self.typeWords(type)) here (e.g. \(Self.example(type)))")
        case .dataCorrupted(let ctx):
            let path = DocumentPath(codingPath: ctx.codingPath)
            let d = ctx.debugDescription
            if let r = d.range(of: "Cannot initialize "), let from = d.range(of: " from invalid ", range: r.upperBound..<d.endIndex),
               let value = d.range(of: " value ", range: from.upperBound..<d.endIndex) {
                let typeName = String(d[r.upperBound..<from.lowerBound])
                let bad = String(d[value.upperBound...])
                let allowed = Self.enumValues[typeName].map { "; allowed: " + $0.joined(separator: ", ") } ?? ""
                return problem(path, "Unknown value \"\(bad)\"\(allowed)",
                               fix: "Use one of the allowed values (docs/exchange.md lists them)")
            }
            if d.contains("YYYY-MM-DD") {
                return problem(path, "Not a valid date: \(d)",
                               fix: "Write dates as YYYY-MM-DD with a real day, e.g. \"2026-11-23\"")
            }
            if ctx.codingPath.isEmpty {
                return problem(nil, "The document cannot be read: \(d)", fix: "Check the file's syntax, or export it again")
            }
            return problem(path, d, fix: "Correct the value; docs/exchange.md describes every field")
        @unknown default:
            return problem(nil, "\(error)", fix: "Check the file")
        }
    }

    static func typeWords(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type: return "a whole number"
        case is String.Type: return "text (a string)"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a value of type \(name)"
        }
    }

    static func example(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type: "14"
        case is String.Type: "\"text\""
        case is Bool.Type: "true"
        default: "see docs/exchange.md"
        }
    }

    /// Allowed values of each enum, by type name, for "unknown value" messages.
    static let enumValues: [String: [String]] = [
        "PeriodUnit": PeriodUnit.allCases.map(\.rawValue),
        "AgreementKind": AgreementKind.allCases.map(\.rawValue),
        "AgreementStatus": AgreementStatus.allCases.map(\.rawValue),
        "OurRole": OurRole.allCases.map(\.rawValue),
        "CalendarID": CalendarID.allCases.map(\.rawValue),
        "Kind": AgreementTerm.Kind.allCases.map(\.rawValue),
        "EventKind": EventKind.allCases.map(\.rawValue),
        "ChangeKind": ChangeKind.allCases.map(\.rawValue),
        "Channel": Channel.allCases.map(\.rawValue),
        "ChangeNoticeStatus": ChangeNoticeStatus.allCases.map(\.rawValue),
        "ObjectionOutcome": ObjectionOutcome.allCases.map(\.rawValue),
        "RuleTrigger": RuleTrigger.allCases.map(\.rawValue),
        "Actor": Actor.allCases.map(\.rawValue),
        "DeadlineDirection": DeadlineDirection.allCases.map(\.rawValue),
        "SubProcessorStatus": SubProcessorStatus.allCases.map(\.rawValue),
        "DeadlineSourceKind": DeadlineSourceKind.allCases.map(\.rawValue),
        "DeadlineState": DeadlineState.allCases.map(\.rawValue),
        "DecisionBasis": DecisionBasis.allCases.map(\.rawValue),
        "DeadlineResolution": DeadlineResolution.allCases.map(\.rawValue),
    ]
}

/// Checks a decoded document: required text, periods, duplicate ids, references, audit rows.
/// Each record kind's part is a method here that its `RecordRegistry` entry names.
package struct DocumentValidator {
    let doc: PortfolioDocument
    let reporter: ProblemReporter
    let existing: ExistingIDs?

    typealias P = DocumentPath
    static let root = DocumentPath.root

    func fail(_ path: DocumentPath, _ what: String, _ fix: String) -> VarselError { reporter.problem(path, what, fix: fix) }

    /// Everything that does not need the database. References are checked by `validateReferences`
    /// once the database is open: a file may refer to records already there.
    mutating func validateStandalone() throws {
        try uniqueIds()
        try fields()
    }

    func uniqueIds() throws {
        func check(_ name: String, _ ids: [String]) throws {
            var seen: [String: Int] = [:]
            for (i, id) in ids.enumerated() {
                let path = Self.root.key(name).index(i).key("id")
                if id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw fail(path, "The id is empty", "Give every record a stable id, e.g. \"pureservice\"")
                }
                if id != id.trimmingCharacters(in: .whitespacesAndNewlines) {
                    throw fail(path, "The id \"\(id)\" starts or ends with white space", "Remove the spaces around the id")
                }
                if let first = seen[id] {
                    throw fail(path, "Duplicate id \"\(id)\": \(name)[\(first)] has the same id",
                               "Give each record in \(name) its own id")
                }
                seen[id] = i
            }
        }
        for kind in RecordRegistry.kinds { try check(kind.key, kind.ids(in: doc)) }
        var seen: [Int64: Int] = [:]
        for (i, a) in doc.audit.enumerated() {
            let path = Self.root.key("audit").index(i).key("id")
            if a.id < 1 { throw fail(path, "Audit id \(a.id) must be 1 or more", "Keep the audit rows as exported") }
            if let first = seen[a.id] {
                throw fail(path, "Duplicate audit id \(a.id): audit[\(first)] has the same id", "Keep the audit rows as exported")
            }
            seen[a.id] = i
        }
    }

    func ruleOptions(_ rule: NoticeRule, _ path: DocumentPath) throws {
        if let p = rule.optionProblem { throw fail(path.key(p.field), p.what, p.fix) }
    }

    func nonEmpty(_ value: String, _ path: DocumentPath, _ what: String) throws {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw fail(path, "\(what) is empty", "Write the \(what.lowercased()), it is required")
        }
    }

    func period(_ p: Period?, _ path: DocumentPath) throws {
        guard let p else { return }
        if p.value == 0 {
            throw fail(path.key("value"), "A period of 0 \(p.unit.plural) is not a period", "Use a positive number, e.g. {\"value\": 14, \"unit\": \"days\"}")
        }
        if p.value < 0 {
            throw fail(path.key("value"), "Negative period \(p.value) \(p.unit.plural)",
                       "Periods are always positive; say \"before\" with \"direction\": \"before\" instead")
        }
        if p.value > p.unit.maximumValue {
            throw fail(path.key("value"), "Period \(p.value) \(p.unit.plural) is longer than the largest allowed (\(p.unit.maximumValue))",
                       "Check the number and the unit")
        }
    }

    /// Each kind's records on their own (in `RecordRegistry` order), then the audit rows.
    func fields() throws {
        for kind in RecordRegistry.kinds { try kind.checkFields(self) }
        for (i, a) in doc.audit.enumerated() {
            let path = Self.root.key("audit").index(i)
            if !Self.isAuditTime(a.at) {
                throw fail(path.key("at"), "\"\(a.at)\" is not an audit time", "Use ISO 8601 UTC, e.g. \"2026-11-23T09:14:02Z\"")
            }
            try nonEmpty(a.action, path.key("action"), "Action")
            for (key, value) in [("prevHash", a.prevHash), ("hash", a.hash)] {
                if let value, !Self.isSHA256Hex(value) {
                    throw fail(path.key(key), "\(key) \"\(value.prefix(80))\" is not a SHA-256 hash", "Keep the audit rows as exported: 64 lowercase hex digits")
                }
            }
        }
    }

    func checkDocument(_ d: AgreementDocument, at path: P) throws {
        try nonEmpty(d.fileName, path.key("fileName"), "File name")
        if !Self.isSHA256Hex(d.sha256) {
            throw fail(path.key("sha256"), "sha256 \"\(d.sha256.prefix(80))\" is not a SHA-256 hash",
                       "Keep the document as exported: 64 lowercase hex digits of the source file")
        }
        try nonEmpty(d.text, path.key("text"), "Text")
        try nonEmpty(d.extractorVersion, path.key("extractorVersion"), "Extractor version")
        try nonEmpty(d.language, path.key("language"), "Language")
        if !Self.isAuditTime(d.importedAt) {
            throw fail(path.key("importedAt"), "\"\(d.importedAt)\" is not an import time", "Use ISO 8601 UTC, e.g. \"2026-11-23T09:14:02Z\"")
        }
        try nonEmpty(d.importedBy, path.key("importedBy"), "Imported by")
    }

    func checkParty(_ p: Party, at path: P) throws { try nonEmpty(p.name, path.key("name"), "Name") }

    func checkAgreement(_ a: Agreement, at path: P) throws {
        try nonEmpty(a.title, path.key("title"), "Title")
        try nonEmpty(a.language, path.key("language"), "Language")
        try period(a.term.initialPeriod, path.key("term").key("initialPeriod"))
        try period(a.term.renewalPeriod, path.key("term").key("renewalPeriod"))
        try period(a.term.noticePeriod, path.key("term").key("noticePeriod"))
        if a.endsWithParent && a.parentId == nil {
            throw fail(path.key("endsWithParent"), "Agreement \"\(a.id)\" ends with its parent but has no parentId",
                       "Add \"parentId\": the main agreement it runs with, or set \"endsWithParent\": false")
        }
        if a.term.kind == .autoRenewal && (a.term.initialPeriod == nil || a.term.renewalPeriod == nil || a.term.noticePeriod == nil) {
            throw fail(path.key("term"), "An auto_renewal term needs initialPeriod, renewalPeriod and noticePeriod",
                       "Add the missing periods, or use \"kind\": \"indefinite\" or \"fixed\"")
        }
    }

    func checkRule(_ r: NoticeRule, at path: P) throws {
        try nonEmpty(r.title, path.key("title"), "Title")
        try period(r.period, path.key("period"))
        try period(r.leadTime, path.key("leadTime"))
        if r.period == nil && (r.vagueText ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw fail(path, "The rule has neither a period nor vagueText",
                       "Give a period ({\"value\": 4, \"unit\": \"weeks\"}) or, for vague wording, \"vagueText\": \"promptly\"")
        }
        try ruleOptions(r, path)
        try recurrence(r, path)
        if r.terminationRight != nil && r.trigger != .terminationNotice {
            throw fail(path.key("terminationRight"), "terminationRight belongs to rules with trigger \"termination_notice\", not \"\(r.trigger.rawValue)\"",
                       "Remove \"terminationRight\", or use \"trigger\": \"termination_notice\"")
        }
        if let by = r.noticeBy, r.trigger != .changeNoticeReceived && r.trigger != .changeTakesEffect {
            throw fail(path.key("noticeBy"), "noticeBy \"\(by.rawValue)\" only applies to change-notice rules, not trigger \"\(r.trigger.rawValue)\"",
                       "Remove noticeBy, or use trigger change_notice_received or change_takes_effect")
        }
        if let a = r.anchorText, a.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw fail(path.key("anchorText"), "anchorText is empty", "Write the contract's anchor words (\"the defect occurred\"), or leave the field out")
        }
        if r.trigger == .event && r.eventKind == nil {
            throw fail(path.key("eventKind"), "A rule with trigger \"event\" needs an eventKind",
                       "Add \"eventKind\", one of: \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func checkSubProcessor(_ s: SubProcessor, at path: P) throws {
        try nonEmpty(s.name, path.key("name"), "Name")
        try nonEmpty(s.country, path.key("country"), "Country")
        if s.approvalBasis != nil && s.status != .approved {
            throw fail(path.key("approvalBasis"), "approvalBasis \"\(s.approvalBasis!.rawValue)\" on a sub-processor that is \(s.status.rawValue)",
                       "Only an approved sub-processor has an approval basis; set \"status\": \"approved\" or remove approvalBasis")
        }
    }

    func checkChangeNotice(_ n: ChangeNotice, at path: P) throws {
        if n.givenBy == .either {
            throw fail(path.key("givenBy"), "A change notice is given by one party, not \"either\"",
                       "Use \"them\" (received from the counterparty) or \"us\" (our own notice)")
        }
        if let basis = n.decisionBasis, n.status != .accepted {
            throw fail(path.key("decisionBasis"), "decisionBasis \"\(basis.rawValue)\" on a notice that is \(n.status.rawValue)",
                       "Only an accepted notice has a decision basis; set \"status\": \"accepted\" or remove decisionBasis")
        }
        if n.decisionBasis == .deemed && n.decisionDate == nil {
            throw fail(path.key("decisionDate"), "A deemed acceptance needs the day it took effect",
                       "Add \"decisionDate\" (YYYY-MM-DD), the day after the objection window closed")
        }
    }

    func checkEvent(_ e: AgreementEvent, at path: P) throws {
        if e.madeBy == .either {
            throw fail(path.key("madeBy"), "madeBy \"either\" does not say who made the demand", "Use \"us\" or \"them\"")
        }
        if let m = e.minutes, !(0..<1440).contains(m) {
            throw fail(path.key("minutes"), "minutes \(m) is not a time of day", "Use minutes after midnight, 0 to 1439 (e.g. 570 for 09:30)")
        }
    }

    func checkTermination(_ t: TerminationNotice, at path: P) throws {
        if t.terminationRight == .afterObjection && t.changeNoticeId == nil {
            throw fail(path.key("changeNoticeId"), "A termination after an objection needs the changeNoticeId of the change objected to",
                       "Add \"changeNoticeId\", or use \"terminationRight\": \"ordinary\"")
        }
        if let w = t.withdrawnDate, w < t.noticeDate {
            throw fail(path.key("withdrawnDate"), "withdrawnDate \(w.iso) is before the notice date \(t.noticeDate.iso)",
                       "A termination is withdrawn on or after the day it was given")
        }
        if let reason = t.endEnteredReason {
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw fail(path.key("endEnteredReason"), "endEnteredReason is empty",
                           "Say why the end date was entered by hand, or remove \"endEnteredReason\" (the end is then taken as computed)")
            }
            if t.endDate < t.noticeDate {
                throw fail(path.key("endDate"), "The end date \(t.endDate.iso) entered by hand is before the notice date \(t.noticeDate.iso)",
                           "Enter an end on or after the notice date")
            }
        } else if let c = t.computedEndDate {
            throw fail(path.key("computedEndDate"), "computedEndDate \(c.iso) is set, but the end was not entered by hand (no endEnteredReason)",
                       "Add \"endEnteredReason\", or remove \"computedEndDate\"")
        }
    }

    func checkDeadline(_ d: Deadline, at path: P) throws {
        if d.resolution != nil && d.state != .handled {
            throw fail(path.key("resolution"), "resolution \"\(d.resolution!.rawValue)\" on an open deadline",
                       "A resolution closes a deadline: set \"state\": \"handled\" with its handledDate, or remove resolution")
        }
        if let m = d.dueMinutes, !(0..<1440).contains(m) {
            throw fail(path.key("dueMinutes"), "dueMinutes \(m) is not a time of day", "Use minutes after midnight, 0 to 1439")
        }
        if let s = d.snoozedUntil, s > d.actByDate {
            throw fail(path.key("snoozedUntil"), "snoozedUntil \(s.iso) is after the act-by day \(d.actByDate.iso)",
                       "A snooze ends by the act-by day at the latest: use \(d.actByDate.iso) or earlier, or remove snoozedUntil")
        }
    }

    func checkObjection(_ o: Objection, at path: P) throws {
        if let w = o.withdrawnDate, w < o.date {
            throw fail(path.key("withdrawnDate"), "withdrawnDate \(w.iso) is before the objection's date \(o.date.iso)",
                       "An objection is withdrawn on or after the day it was sent")
        }
    }

    /// A recurring rule needs an interval in calendar units counted forward, and (when we act) the
    /// day it counts from; `recursFrom` belongs to recurring rules only.
    func recurrence(_ r: NoticeRule, _ path: DocumentPath) throws {
        guard r.trigger == .recurring else {
            if r.recursFrom != nil {
                throw fail(path.key("recursFrom"), "recursFrom is set on a rule with trigger \"\(r.trigger.rawValue)\"",
                           "Remove recursFrom, or use \"trigger\": \"recurring\"")
            }
            return
        }
        guard let p = r.period else {
            throw fail(path.key("period"), "A recurring rule needs a period (how often), not vague wording",
                       "Give the interval, e.g. \"period\": {\"value\": 12, \"unit\": \"months\"}")
        }
        if !Recurrence.isRecurrenceUnit(p.unit) {
            throw fail(path.key("period").key("unit"), "A recurrence cannot run every \(p) (\(p.unit.rawValue))",
                       "Use days, weeks, months or years, e.g. {\"value\": 1, \"unit\": \"years\"}")
        }
        if r.direction != .after {
            throw fail(path.key("direction"), "A recurring rule counts forward from recursFrom, not \"before\"",
                       "Use \"direction\": \"after\"")
        }
        if r.recursFrom == nil && r.actor != .them {
            throw fail(path.key("recursFrom"), "A recurring duty of ours needs recursFrom, the day it counts from",
                       "Add \"recursFrom\": \"YYYY-MM-DD\" (e.g. the day the agreement took effect); occurrence 1 is one period later")
        }
    }

    /// 64 lowercase hexadecimal digits.
    static func isSHA256Hex(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func isAuditTime(_ s: String) -> Bool {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return s.utf8.count == 20 && f.date(from: s) != nil
    }

    /// Every reference resolves to a record of the document or (for a non-empty database) of the
    /// database: each kind's part, in `RecordRegistry` order.
    mutating func validateReferences() throws {
        let check = ReferenceCheck(validator: self)
        for kind in RecordRegistry.kinds { try kind.checkReferences(check) }
    }
}

/// The ids a document's references may name (the document's and, for a non-empty database, the
/// database's), and each kind's reference checks.
package struct ReferenceCheck {
    let validator: DocumentValidator
    let parents: [String: String?]
    let parties: Set<String>, ruleIds: Set<String>, subs: Set<String>, notices: Set<String>
    let terminations: Set<String>, events: Set<String>
    let clauseRefs: [String: Set<String>]
    var doc: PortfolioDocument { validator.doc }
    var existing: ExistingIDs? { validator.existing }

    init(validator v: DocumentValidator) {
        validator = v
        let doc = v.doc, existing = v.existing
        var parents: [String: String?] = existing?.agreements ?? [:]
        for a in doc.agreements { parents[a.id] = a.parentId }
        self.parents = parents
        parties = Set(doc.parties.map(\.id)).union(existing?.parties ?? [])
        ruleIds = Set(doc.noticeRules.map(\.id)).union(existing?.rules ?? [])
        subs = Set(doc.subProcessors.map(\.id)).union(existing?.subProcessors ?? [])
        notices = Set(doc.changeNotices.map(\.id)).union(existing?.changeNotices ?? [])
        terminations = Set(doc.terminations.map(\.id)).union(existing?.terminations ?? [])
        events = Set(doc.events.map(\.id)).union(existing?.events ?? [])
        var clauseRefs: [String: Set<String>] = [:]
        let docClauseIds = Set(doc.clauses.map(\.id))
        for (id, c) in existing?.clauses ?? [:] where !docClauseIds.contains(id) { clauseRefs[c.agreementId, default: []].insert(c.reference) }
        for c in doc.clauses { clauseRefs[c.agreementId, default: []].insert(c.reference) }
        self.clauseRefs = clauseRefs
    }

    func fail(_ path: DocumentPath, _ what: String, _ fix: String) -> VarselError { validator.fail(path, what, fix) }

    func agreement(_ id: String, _ path: DocumentPath) throws {
        guard parents[id] != nil else {
            throw fail(path, "agreementId \"\(id)\" names no agreement in the file\(existing == nil ? "" : " or the database")",
                       "Add the agreement to \"agreements\", or correct the id")
        }
    }

    func ref(_ id: String?, in set: Set<String>, _ path: DocumentPath, _ field: String, _ table: String) throws {
        guard let id else { return }
        guard set.contains(id) else {
            throw fail(path.key(field), "\(field) \"\(id)\" names no record in \"\(table)\"\(existing == nil ? "" : " or the database")",
                       "Add it to \"\(table)\", or correct the id")
        }
    }

    func clauseRef(_ ref: String?, agreementId: String, _ path: DocumentPath, field: String = "clauseRef") throws {
        guard let ref else { return }
        guard clauseRefs[agreementId]?.contains(ref) == true else {
            let known = (clauseRefs[agreementId] ?? []).sorted().prefix(12).joined(separator: ", ")
            throw fail(path.key(field), "\(field) \"\(ref)\" matches no clause of agreement \"\(agreementId)\"",
                       "Use the reference of one of its clauses (\(known.isEmpty ? "it has none" : known)), or add the clause to \"clauses\"")
        }
    }

    func checkAgreement(_ a: Agreement, at path: DocumentPath) throws {
        try ref(a.counterpartyId, in: parties, path, "counterpartyId", "parties")
        try ref(a.ourPartyId, in: parties, path, "ourPartyId", "parties")
        guard let parent = a.parentId else { return }
        guard parents[parent] != nil else {
            throw fail(path.key("parentId"), "parentId \"\(parent)\" names no agreement", "Add the main agreement, or correct the id")
        }
        var seen: Set<String> = [a.id]
        var cursor: String? = parent
        while let c = cursor {
            if seen.contains(c) {
                throw fail(path.key("parentId"), "parentId \"\(parent)\" makes agreement \"\(a.id)\" its own ancestor",
                           "A DPA hangs under its main agreement; remove the loop")
            }
            seen.insert(c)
            cursor = parents[c] ?? nil
        }
    }

    func checkRule(_ r: NoticeRule, at path: DocumentPath) throws {
        try agreement(r.agreementId, path.key("agreementId"))
        try clauseRef(r.clauseRef, agreementId: r.agreementId, path)
        try clauseRef(r.writtenFormClause, agreementId: r.agreementId, path, field: "writtenFormClause")
    }

    func checkChangeNotice(_ n: ChangeNotice, at path: DocumentPath) throws {
        try agreement(n.agreementId, path.key("agreementId"))
        try ref(n.subProcessorId, in: subs, path, "subProcessorId", "subProcessors")
        try ref(n.replacesSubProcessorId, in: subs, path, "replacesSubProcessorId", "subProcessors")
    }

    func checkTermination(_ t: TerminationNotice, at path: DocumentPath) throws {
        try agreement(t.agreementId, path.key("agreementId"))
        try ref(t.ruleId, in: ruleIds, path, "ruleId", "noticeRules")
        try ref(t.changeNoticeId, in: notices, path, "changeNoticeId", "changeNotices")
        try ref(t.breachEventId, in: events, path, "breachEventId", "events")
    }

    func checkDeadline(_ d: Deadline, at path: DocumentPath) throws {
        try agreement(d.agreementId, path.key("agreementId"))
        try ref(d.ruleId, in: ruleIds, path, "ruleId", "noticeRules")
        // A statutory deadline (no rule) cites the statute, not a clause of the agreement.
        if !(d.ruleId == nil && d.clauseRef.map(StatutoryRules.references.contains) == true) {
            try clauseRef(d.clauseRef, agreementId: d.agreementId, path)
        }
        switch d.sourceKind {
        case .changeNotice: try ref(d.sourceId, in: notices, path, "sourceId", "changeNotices")
        case .termination: try ref(d.sourceId, in: terminations, path, "sourceId", "terminations")
        case .event: try ref(d.sourceId, in: events, path, "sourceId", "events")
        case .term, .agreementEnd:
            guard parents[d.sourceId] != nil else {
                throw fail(path.key("sourceId"), "sourceId \"\(d.sourceId)\" names no agreement", "For sourceKind \"\(d.sourceKind.rawValue)\" use the agreement's id")
            }
        case .recurrence:
            guard let (ruleId, _) = Recurrence.parse(sourceId: d.sourceId), ruleIds.contains(ruleId), d.ruleId == ruleId else {
                throw fail(path.key("sourceId"), "sourceId \"\(d.sourceId)\" is not RULE#k for the deadline's ruleId \"\(d.ruleId ?? "")\"",
                           "For sourceKind \"recurrence\" use the recurring rule's id, \"#\" and the occurrence number, e.g. \"\(d.ruleId ?? "rule")#2\"")
            }
        }
    }
}
