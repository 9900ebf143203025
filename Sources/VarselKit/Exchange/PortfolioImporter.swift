import Foundation
import Yams

/// Reads a portfolio document (JSON, or YAML of the same shape) and writes it into a store.
///
/// Everything is validated before anything is written: encoding, syntax, format and version,
/// unknown fields, types, dates, periods, enum values, duplicate ids and every reference.
/// The first problem stops the import with the file, the JSON path (and, for YAML, the line),
/// what is wrong and how to fix it. A real import is one transaction.
///
/// Audit trail (docs/exchange.md, "Round trip and the audit trail"):
/// - into an **empty** database, a document that carries an audit trail is a *restore*: records and
///   audit rows are written verbatim (ids and timestamps kept) and no further row is added, so the
///   restored database exports byte-identically to the file;
/// - every other import appends exactly one audit row, action `import`, with the counts, the ids
///   added and the records changed (before and after).
public struct PortfolioImporter: Sendable {
    public var store: any PortfolioStorage
    public var clock: VarselClock
    public var user: String

    public init(store: any PortfolioStorage, clock: VarselClock, user: String = OSUser.current()) {
        self.store = store; self.clock = clock; self.user = user
    }

    /// Validates and (unless `dryRun`) imports the file at `path`.
    @discardableResult
    public func importFile(_ path: String, merge: Bool = false, dryRun: Bool = false) throws -> ImportPlan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw VarselError(.io, "Cannot read \(path): \(error.localizedDescription)", at: path,
                              fix: "Check the file name and its permissions")
        }
        return try importData(data, fileName: path, merge: merge, dryRun: dryRun)
    }

    /// Validates and (unless `dryRun`) imports a document given as bytes; `fileName` names it in messages
    /// and decides JSON (`.json`) or YAML (`.yaml`, `.yml`; otherwise by content).
    @discardableResult
    public func importData(_ data: Data, fileName: String, merge: Bool = false, dryRun: Bool = false) throws -> ImportPlan {
        let parsed = try PortfolioImporter.parse(data, fileName: fileName)
        if dryRun {
            return try store.read { records in try prepare(parsed, records: records, merge: merge).plan }
        }
        return try store.writeImport(user: user, at: clock.now()) { tx -> (ImportPlan, AuditNote?) in
            let prepared = try prepare(parsed, records: tx, merge: merge)
            do {
                try prepared.apply(tx)
            } catch let error as VarselError {
                throw error
            } catch {
                throw VarselError(.conflict, "The database refused the import: \(error)", at: fileName,
                                  fix: "Nothing was imported. Check the records named in the message")
            }
            guard prepared.plan.writesImportAuditRow else { return (prepared.plan, nil) }
            var note = AuditNote(action: "import", entityType: "portfolio", entityId: (fileName as NSString).lastPathComponent,
                                 summary: prepared.plan.auditSummary(fileName: fileName))
            note.before = prepared.auditBefore; note.after = prepared.auditAfter
            return (prepared.plan, note)
        }
    }

    // MARK: Parsing

    /// A decoded, self-consistent document and the raw tree it came from.
    public struct ParsedDocument: Sendable {
        public var document: PortfolioDocument
        public var fileName: String
        let reporter: ProblemReporter
    }

    /// Decodes and validates a document on its own (no database): everything but references to
    /// records that exist only in the database.
    public static func parse(_ data: Data, fileName: String) throws -> ParsedDocument {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var reporter = ProblemReporter(file: fileName, raw: nil)
        if let (offset, line) = firstInvalidUTF8(bytes) {
            throw reporter.problem(nil, "The file is not UTF-8 text: byte 0x\(String(format: "%02X", bytes[bytes.startIndex + offset])) at offset \(offset) (line \(line)) is not valid UTF-8",
                                   line: line, fix: "Save the file as UTF-8 (it looks like Latin-1 or Windows-1252)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw reporter.problem(nil, "The file is empty", fix: "Export a portfolio with `varsel export --format json`")
        }
        let ext = (fileName as NSString).pathExtension.lowercased()
        let firstChar = text.first(where: { !$0.isWhitespace })
        let isYAML = ext == "yaml" || ext == "yml" || (ext != "json" && firstChar != "{" && firstChar != "[")

        // Syntax, then the header (format and version) before the shape.
        let header: (format: Any?, version: Any?)
        let yamlNode: Node?
        if isYAML {
            do {
                try YAMLLimits.check([UInt8](bytes))
            } catch {
                throw reporter.problem(nil, "The YAML document is too large once expanded: \(error.what)", line: error.line, fix: error.fix)
            }
            let node: Node?
            do {
                node = try Yams.compose(yaml: text)
            } catch let error as YamlError {
                throw reporter.problem(nil, "Not valid YAML: \(yamlProblem(error))", line: yamlLine(error),
                                       fix: "Check indentation, colons and quotes on that line")
            } catch {
                throw reporter.problem(nil, "Not valid YAML: \(error)", fix: "Check the file's syntax")
            }
            guard let node, case .mapping = node else {
                throw reporter.problem(nil, "The document is not a mapping of fields", line: 1,
                                       fix: "Start the file with `format: varsel-portfolio` and `formatVersion: 1`")
            }
            reporter.raw = RawNode.fromYAML(node)
            yamlNode = node
            let f = node["format"], v = node["formatVersion"]
            header = (f.map { $0.string ?? "\($0)" }, v.map { ($0.int as Any?) ?? ($0.string ?? "") as Any })
        } else {
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
            } catch {
                let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
                if jsonLooksTruncated(bytes) {
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                    throw reporter.problem(nil, "The file is truncated: it ends before its last object or list is closed (\(reason))",
                                           line: lines, fix: "Export the portfolio again, or restore the end of the file")
                }
                throw reporter.problem(nil, "Not valid JSON: \(reason)", fix: "Check brackets, commas and quotes, or export the portfolio again")
            }
            guard let dict = object as? [String: Any] else {
                throw reporter.problem(nil, "The document is not a JSON object", fix: "Start the file with {\"format\": \"varsel-portfolio\", \"formatVersion\": 1, …}")
            }
            reporter.raw = RawNode.fromJSON(dict)
            yamlNode = nil
            let v = dict["formatVersion"]
            header = (dict["format"], (v as? Int) ?? v)
        }
        try checkHeader(header, reporter: reporter)

        if let (path, allowed) = DocumentShape.document.firstUnknownField(in: reporter.raw!) {
            let name = path.components.last.map { c -> String in if case .key(let k) = c { return k }; return "" } ?? ""
            throw reporter.problem(path, "Unknown field \"\(name)\"",
                                   fix: "Correct the spelling or remove it; fields allowed here: \(allowed.joined(separator: ", "))")
        }

        let doc: PortfolioDocument
        do {
            if let yamlNode {
                doc = try YAMLDecoder().decode(PortfolioDocument.self, from: yamlNode)
            } else {
                doc = try JSONDecoder().decode(PortfolioDocument.self, from: bytes)
            }
        } catch let error as DecodingError {
            throw reporter.decodingProblem(error)
        }
        var validator = DocumentValidator(doc: doc, reporter: reporter, existing: nil)
        try validator.validateStandalone()
        return ParsedDocument(document: doc, fileName: fileName, reporter: reporter)
    }

    static func checkHeader(_ header: (format: Any?, version: Any?), reporter: ProblemReporter) throws {
        let name = PortfolioDocument.formatName, current = PortfolioDocument.currentVersion
        guard let format = header.format else {
            throw reporter.problem(DocumentPath.root / "format", "Missing required field \"format\"",
                                   fix: "Add \"format\": \"\(name)\" at the top of the document")
        }
        guard let f = format as? String, f == name else {
            throw reporter.problem(DocumentPath.root / "format", "The format is \"\(format)\", not \"\(name)\": this is not a Varsel portfolio",
                                   fix: "Import a file made by `varsel export --format json`, or set \"format\": \"\(name)\"")
        }
        guard let versionValue = header.version else {
            throw reporter.problem(DocumentPath.root / "formatVersion", "Missing required field \"formatVersion\"",
                                   fix: "Add \"formatVersion\": \(current)")
        }
        guard let version = versionValue as? Int else {
            throw reporter.problem(DocumentPath.root / "formatVersion", "formatVersion must be a whole number, found \"\(versionValue)\"",
                                   fix: "Use \"formatVersion\": \(current)")
        }
        if version > current {
            throw reporter.problem(DocumentPath.root / "formatVersion", "The file has formatVersion \(version), newer than this varsel reads (\(current))",
                                   fix: "Upgrade varsel, or export the portfolio again with the version that reads it")
        }
        if version < 1 {
            throw reporter.problem(DocumentPath.root / "formatVersion", "formatVersion \(version) does not exist",
                                   fix: "Use \"formatVersion\": \(current)")
        }
    }

    // MARK: Preparing against the database

    struct Prepared {
        var plan: ImportPlan
        var apply: (any PortfolioTransaction) throws -> Void
        var auditBefore: String?
        var auditAfter: String?
    }

    func prepare(_ parsed: ParsedDocument, records: any PortfolioRecords, merge: Bool) throws -> Prepared {
        let doc = parsed.document
        let reporter = parsed.reporter
        let existing = try records.existingIDs()
        let emptyDatabase = existing.isEmpty
        // References may name records already in the database (docs/exchange.md).
        var validator = DocumentValidator(doc: doc, reporter: reporter, existing: emptyDatabase ? nil : existing)
        try validator.validateReferences()

        var plan = ImportPlan()
        plan.mode = emptyDatabase ? (doc.audit.isEmpty ? .add : .restore) : (merge ? .merge : .add)
        var tables = ImportTables(doc: doc, records: records, reporter: reporter, merge: merge, emptyDatabase: emptyDatabase)
        for kind in RecordRegistry.kinds { try kind.accept(&tables) }
        plan.tables = tables.summaries
        var appliers = tables.appliers
        var conflicts = tables.conflicts
        if !emptyDatabase { conflicts += try RecordedDecisions.crossConflicts(doc, records: records) }
        if !conflicts.isEmpty {
            let shown = conflicts.prefix(30).map { "- \($0)" } + (conflicts.count > 30 ? ["… and \(conflicts.count - 30) more"] : [])
            throw reporter.problem(nil, "The file would rewrite \(conflicts.count) recorded decision\(conflicts.count == 1 ? "" : "s") "
                                   + "(objections, acceptances, terminations and handled deadlines are never rewritten by an import):\n"
                                   + shown.joined(separator: "\n"),
                                   fix: "Export the database again and edit that file, or remove these records from the file")
        }
        // A deadline's silence-is-approval mirrors its rule: files written before the field existed
        // leave it out, and their passed silence windows must not turn into overdue items.
        if doc.deadlines.contains(where: { !$0.silenceIsApproval && $0.ruleId != nil }) {
            appliers.append { tx in try tx.markSilenceWindowsFromRules() }
        }

        plan.auditInFile = doc.audit.count
        let chain = try Self.verifiedChain(doc.audit, reporter: reporter)
        plan.auditChainVerified = chain.verified
        if plan.mode == .restore {
            plan.auditRestored = doc.audit.count
            let rows = chain.rows
            appliers.append { tx in try tx.insertRestoredAudit(rows) }
        } else {
            for a in doc.audit {
                if var row = try records.auditEntry(id: a.id) {
                    row.imported = a.imported // a mark of the database, not of the row
                    if row == a { plan.auditAlreadyPresent += 1; continue }
                }
                plan.auditNotCopied += 1
            }
            plan.writesImportAuditRow = true
        }
        if plan.mode == .merge {
            // Stored deadlines follow from rules and sources: recompute the open ones of every
            // agreement the merge touched, in the same transaction.
            var touched = Set<String>()
            touched.formUnion(doc.agreements.map(\.id)); touched.formUnion(doc.noticeRules.map(\.agreementId))
            touched.formUnion(doc.changeNotices.map(\.agreementId)); touched.formUnion(doc.events.map(\.agreementId))
            touched.formUnion(doc.terminations.map(\.agreementId))
            appliers.append { tx in _ = try DeadlineRecompute.refresh(tx, agreementIds: touched) }
        } else {
            // Agreements with a known end (fixed end date or term, or ending with a parent) get the
            // follow-ons of that end at once, without anyone recording a termination.
            let ending = doc.agreements.filter { $0.ownEnd != nil || $0.endsWithParent }.map(\.id)
            appliers.append { tx in try AgreementEndings.sync(tx, agreementIds: ending, planner: DeadlinePlanner()) }
        }
        // A recurring duty of ours always has its next occurrence open (a file written by hand, or a
        // rule added by a merge, may not carry one); a file exported by varsel already does.
        let recurring = doc.noticeRules.filter { $0.trigger == .recurring }
        if !recurring.isEmpty {
            let today = clock.today
            appliers.append { tx in _ = try Recurrence.openMissing(tx, rules: recurring, today: today, planner: DeadlinePlanner()) }
        }
        let before = tables.changedBefore.isEmpty ? nil : Self.jsonObjectText(tables.changedBefore)
        let after = Self.jsonObjectText(["added": tables.addedIds.mapValues { $0.map { "\"\(Self.escapeJSON($0))\"" } },
                                         "changed": tables.changedAfter])
        let apply: (any PortfolioTransaction) throws -> Void = { tx in for f in appliers { try f(tx) } }
        return Prepared(plan: plan, apply: apply, auditBefore: before, auditAfter: plan.writesImportAuditRow ? after : nil)
    }

    /// Plans each record kind's part of an import (`RecordRegistry` order): what is added, changed
    /// or left alone, what a merge may not rewrite, and the writes to apply.
    struct ImportTables: RecordKindVisitor {
        let doc: PortfolioDocument
        let records: any PortfolioRecords
        let reporter: ProblemReporter
        let merge: Bool
        let emptyDatabase: Bool
        var summaries: [ImportPlan.Table] = []
        var appliers: [(any PortfolioTransaction) throws -> Void] = []
        var changedBefore: [String: [String]] = [:], changedAfter: [String: [String]] = [:]
        var addedIds: [String: [String]] = [:]
        var conflicts: [String] = []

        mutating func visit<R: StoredRecord>(_ kind: RecordKind<R>) throws {
            let name = kind.key, items = kind.rows(in: doc)
            var old: [String: R] = [:]
            if !emptyDatabase {
                for r in try records.records(R.self, ids: items.map(\.id)) { old[r.id] = r }
            }
            var summary = ImportPlan.Table(name: name)
            var added: [R] = [], changed: [R] = []
            for (i, item) in items.enumerated() {
                guard let before = old[item.id] else { added.append(item); summary.added.append(item.id); continue }
                if !merge {
                    throw reporter.problem(DocumentPath.root.key(name).index(i).key("id"),
                                           "Duplicate id: \(name) \"\(item.id)\" already exists in the database",
                                           fix: "Use --merge to update records matched by id, or give the record a new id")
                }
                if before == item { summary.unchanged.append(item.id); continue }
                let rewrites = RecordedDecisions.conflicts(before: before, file: item)
                if !rewrites.isEmpty {
                    conflicts += rewrites.map { "\(name)[\(i)] \"\(TerminalText.sanitize(item.id))\": \($0)" }
                    continue
                }
                changed.append(item); summary.changed.append(item.id)
                changedBefore[name, default: []].append(AuditNote.json(before) ?? "")
                changedAfter[name, default: []].append(AuditNote.json(item) ?? "")
            }
            addedIds[name] = summary.added.isEmpty ? nil : summary.added
            summaries.append(summary)
            let toInsert = kind.ordered(added)
            appliers.append { tx in
                for r in toInsert { try tx.insert(r) }
                for r in changed { try tx.update(r) }
            }
        }
    }

    /// The document's audit rows ready to store as imported history: a chained trail must verify
    /// (else the import is refused at the first broken row); a trail exported before the chain
    /// existed (no row has a hash) is chained here, in the document's order. The rows are stored
    /// marked `imported`.
    static func verifiedChain(_ rows: [AuditEntry], reporter: ProblemReporter) throws -> (rows: [AuditEntry], verified: Bool) {
        guard !rows.isEmpty else { return ([], false) }
        let hashed = rows.filter { $0.hash != nil || $0.prevHash != nil }.count
        if hashed == 0 {
            var prev = AuditChain.genesis
            let chained = rows.map { r -> AuditEntry in
                var e = r
                e.prevHash = prev; e.hash = AuditChain.hash(e, prevHash: prev); e.imported = true
                prev = e.hash!
                return e
            }
            return (chained, false)
        }
        if let broken = AuditChain.check(rows) {
            let i = rows.firstIndex { $0.id == broken.rowId } ?? 0
            throw reporter.problem(DocumentPath.root.key("audit").index(i),
                                   "The audit trail in the file does not verify at row \(broken.rowId) (\(broken.at)): \(broken.problem)",
                                   fix: "Export the portfolio again from the database it came from; a rewritten audit trail is never accepted")
        }
        return (rows.map { var e = $0; e.imported = true; return e }, true)
    }

    /// `{"table":[json,…],…}` from pre-encoded JSON values, keys sorted.
    static func jsonObjectText(_ map: [String: [String]]) -> String {
        "{" + map.keys.sorted().map { "\"\($0)\":[" + map[$0]!.joined(separator: ",") + "]" }.joined(separator: ",") + "}"
    }

    static func jsonObjectText(_ map: [String: [String: [String]]]) -> String {
        "{" + map.keys.sorted().map { "\"\($0)\":" + jsonObjectText(map[$0]!) }.joined(separator: ",") + "}"
    }

    static func escapeJSON(_ s: String) -> String {
        let data = (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    // MARK: Low-level checks

    /// Offset and 1-based line of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int)? {
        let b = [UInt8](data)
        var i = 0, line = 1
        while i < b.count {
            let c = b[i]
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            switch c {
            case 0x00...0x7F: if c == 0x0A { line += 1 }; i += 1; continue
            case 0xC2...0xDF: need = 1; scalar = UInt32(c & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(c & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(c & 0x07); minScalar = 0x10000
            default: return (i, line)
            }
            guard i + need < b.count else { return (i, line) }
            for k in 1...need {
                let cc = b[i + k]
                guard cc & 0xC0 == 0x80 else { return (i, line) }
                scalar = scalar << 6 | UInt32(cc & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return (i, line) }
            i += need + 1
        }
        return nil
    }

    /// True when the JSON text ends inside an unclosed object, list or string.
    static func jsonLooksTruncated(_ data: Data) -> Bool {
        var depth = 0, inString = false, escaped = false
        for c in data {
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch c {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return inString || depth > 0
    }

    static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys \(duplicates.joined(separator: ", "))"
        default:
            return "\(error)"
        }
    }
}

/// What an import did (or, for a dry run, would do).
public struct ImportPlan: Sendable, Equatable {
    public enum Mode: String, Sendable {
        /// Empty database, document with an audit trail: records and audit rows verbatim, no extra row.
        case restore
        /// New records only; an existing id is refused.
        case add
        /// New records added, records with a known id updated.
        case merge
    }
    public struct Table: Sendable, Equatable {
        public var name: String
        public var added: [String] = []
        public var changed: [String] = []
        public var unchanged: [String] = []
    }
    public var mode: Mode = .add
    public var tables: [Table] = []
    public var auditInFile = 0
    /// Audit rows copied verbatim (restore).
    public var auditRestored = 0
    /// Audit rows of the file already in the database, identical.
    public var auditAlreadyPresent = 0
    /// Audit rows of the file not copied (this database keeps its own trail).
    public var auditNotCopied = 0
    /// Whether the file's audit rows carried a hash chain that verified.
    public var auditChainVerified = false
    /// Whether the import appends its own `import` audit row.
    public var writesImportAuditRow = false

    public var addedCount: Int { tables.reduce(0) { $0 + $1.added.count } }
    public var changedCount: Int { tables.reduce(0) { $0 + $1.changed.count } }
    public var unchangedCount: Int { tables.reduce(0) { $0 + $1.unchanged.count } }

    func auditSummary(fileName: String) -> String {
        var s = "Imported \((fileName as NSString).lastPathComponent) (\(mode.rawValue)): \(addedCount) added, \(changedCount) changed, \(unchangedCount) left alone"
        let parts = tables.filter { !$0.added.isEmpty || !$0.changed.isEmpty }
            .map { "\($0.name) +\($0.added.count) ~\($0.changed.count)" }
        if !parts.isEmpty { s += " [" + parts.joined(separator: ", ") + "]" }
        if auditInFile > 0 { s += "; \(auditInFile) audit row(s) in the file kept there (\(auditAlreadyPresent) already in this trail)" }
        return s
    }

    /// The report `varsel import` prints: counts per table, then the ids added and changed.
    public func reportLines(dryRun: Bool) -> [String] {
        var lines: [String] = []
        let verb = dryRun ? "Would import" : "Imported"
        lines.append("\(verb) (\(mode.rawValue)): \(addedCount) added, \(changedCount) changed, \(unchangedCount) left alone")
        for t in tables where !(t.added.isEmpty && t.changed.isEmpty && t.unchanged.isEmpty) {
            lines.append("  \(t.name): \(t.added.count) added, \(t.changed.count) changed, \(t.unchanged.count) left alone")
        }
        for t in tables {
            for id in t.added { lines.append("  + \(t.name) \(id)") }
            for id in t.changed { lines.append("  ~ \(t.name) \(id)") }
        }
        switch mode {
        case .restore:
            lines.append("Audit trail: \(auditRestored) row(s) \(dryRun ? "would be " : "")restored verbatim and marked imported"
                         + (auditChainVerified ? " (hash chain verified)" : " (no hash chain in the file: chained on import)") + "; no import row added (restore)")
        case .add, .merge:
            if auditInFile > 0 {
                lines.append("Audit trail: \(auditInFile) row(s) in the file: \(auditAlreadyPresent) already in this database, \(auditNotCopied) not copied (this database keeps its own trail)")
            }
            lines.append(dryRun ? "One \"import\" audit row would be added" : "One \"import\" audit row added")
        }
        if dryRun { lines.append("Dry run: nothing was written") }
        return lines
    }
}
