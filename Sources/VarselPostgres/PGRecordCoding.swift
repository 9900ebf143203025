import Foundation
import VarselKit

/// Model values ↔ rows, through the models' own Codable (the exchange format's): top-level
/// properties are snake_case columns; nested values (term, periods, change kinds, working days)
/// are stored as JSON text, as on SQLite, so both backends hold the same strings.
enum PGRecordCoding {
    /// Table of each stored record type: the one `RecordRegistry` declares for its kind.
    static func table<R: StoredRecord>(_ type: R.Type) throws -> String {
        guard let table = RecordRegistry.table(of: type) else {
            throw VarselError(.io, "\(R.self) has no PostgreSQL table", fix: "declare its kind in RecordRegistry.kinds")
        }
        return table
    }

    /// Columns that hold JSON text (decoded back into the nested value).
    static let jsonColumns: Set<String> = ["term", "change_kinds", "period", "lead_time", "working_days"]

    /// The record's columns and values, in key order (nil properties absent, so NULL), straight
    /// from the model's `Encodable` (`PGRowEncoder`).
    static func columns<R: Encodable>(_ record: R) throws -> [(String, PGValue)] {
        try PGRowEncoder.columns(record)
    }

    /// Decodes a record from a row (columns the model does not know are ignored), straight from
    /// the cells (`PGRowDecoder`).
    static func decode<R: Decodable>(_ type: R.Type, _ row: PGRow) throws -> R {
        do {
            return try R(from: PGRowDecoder(row: row))
        } catch {
            throw VarselError(.invalidInput, "a stored \(R.self) row cannot be read: \(error)",
                              at: row["id"].string ?? "?", fix: "check the row in the database")
        }
    }

    /// `entityType` → `entity_type` (what GRDB's `convertToSnakeCase` gives for the model keys).
    static func snake(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase { if !out.isEmpty { out.append("_") }; out += ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    /// `entity_type` → `entityType`.
    static func camel(_ column: String) -> String {
        var out = "", upper = false
        for ch in column {
            if ch == "_" { upper = true; continue }
            if upper { out += ch.uppercased(); upper = false } else { out.append(ch) }
        }
        return out
    }

    static func quoted(_ column: String) -> String { "\"" + column + "\"" }
}

/// Any JSON value, keeping booleans and integers apart.
enum JSONValue: Codable, Hashable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
