import Foundation
import VarselKit

/// Rows that came as a JSON array of objects (`json_agg` of whole rows) turned back into
/// `PGRow`s: strings as text, whole numbers as integers, booleans as booleans, null as NULL —
/// the cells postgres-nio gives for the same columns — so `PGRowDecoder` reads them alike.
enum PGJSONRows {
    /// The rows of a `json_agg(…)::text` cell (NULL, for no rows, is none).
    static func rows(_ cell: PGValue) throws -> [PGRow] {
        guard case .text(let text) = cell else { return [] }
        guard case .array(let items) = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw VarselError(.io, "the server sent rows that are not a JSON array", fix: "report this")
        }
        var layout: PGColumns?
        var keys: [String] = []
        return try items.map { item in
            guard case .object(let fields) = item else {
                throw VarselError(.io, "the server sent a row that is not a JSON object", fix: "report this")
            }
            if layout == nil || fields.count != keys.count || !keys.allSatisfy({ fields[$0] != nil }) {
                keys = fields.keys.sorted()
                layout = PGColumns(keys)
            }
            return PGRow(layout: layout!, values: keys.map { cellValue(fields[$0]!) })
        }
    }

    static func cellValue(_ v: JSONValue) -> PGValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .text(String(d))
        case .string(let s): return .text(s)
        case .array, .object:
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return .text((try? e.encode(v)).map { String(decoding: $0, as: UTF8.self) } ?? "null")
        }
    }
}
