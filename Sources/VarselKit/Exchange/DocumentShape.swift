/// The fields each object of a portfolio document may have, so that a misspelt field in a
/// hand-written file is reported instead of silently dropped (a dropped field is lost data).
///
/// Field names come from the model types themselves (their stored properties are their coding keys).
package indirect enum DocumentShape: Sendable {
    case object([String: DocumentShape])
    case array(DocumentShape)
    /// A scalar, or a list of scalars (change kinds): not looked into.
    case leaf

    /// The stored properties of `sample`, plus `legacy` names an older format used that decoding still maps.
    static func fields(of sample: Any, overriding nested: [String: DocumentShape] = [:], legacy: [String] = []) -> DocumentShape {
        var map: [String: DocumentShape] = [:]
        for child in Mirror(reflecting: sample).children {
            guard let label = child.label else { continue }
            map[label] = nested[label] ?? .leaf
        }
        for name in legacy { map[name] = .leaf }
        return .object(map)
    }

    /// A day for sample values.
    static let day = CivilDate(year: 2000, month: 1, day: 1)!
    static let period = fields(of: Period(1, .days))
    static let term = fields(of: AgreementTerm.indefinite,
                             overriding: ["initialPeriod": period, "renewalPeriod": period, "noticePeriod": period])

    /// The header, each `RecordRegistry` kind's list and the audit trail.
    static let document: DocumentShape = {
        var doc: [String: DocumentShape] = [
            "format": .leaf, "formatVersion": .leaf,
            "audit": .array(fields(of: AuditEntry(id: 0, at: "", user: "", action: "", entityType: "", entityId: "",
                                                  summary: "", before: nil, after: nil))),
        ]
        for kind in RecordRegistry.kinds { doc[kind.key] = .array(kind.shape) }
        return .object(doc)
    }()

    /// The first field of `raw` that this shape does not know, with its path and the allowed names.
    func firstUnknownField(in raw: RawNode, at path: DocumentPath = .root) -> (DocumentPath, [String])? {
        switch (self, raw) {
        case (.object(let fields), .map(let entries, _)):
            for (key, value) in entries {
                guard let shape = fields[key] else { return (path.key(key), fields.keys.sorted()) }
                if let found = shape.firstUnknownField(in: value, at: path.key(key)) { return found }
            }
        case (.array(let element), .list(let items, _)):
            for (i, item) in items.enumerated() {
                if let found = element.firstUnknownField(in: item, at: path.index(i)) { return found }
            }
        default:
            break // wrong types are reported by decoding
        }
        return nil
    }
}
