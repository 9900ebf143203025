import Foundation
import VarselKit

/// One-dimensional array literals as one text parameter (`$n::text[]`, `$n::bigint[]`, …).
enum PGArray {
    /// `{"a","b",NULL}`: every element quoted (backslash and quote escaped), nil as NULL.
    static func literal(_ values: [String?]) -> PGValue {
        var out = "{"
        out.reserveCapacity(values.count * 16)
        for (i, v) in values.enumerated() {
            if i > 0 { out += "," }
            guard let v else { out += "NULL"; continue }
            out += "\""
            for ch in v.unicodeScalars {
                if ch == "\\" || ch == "\"" { out += "\\" }
                out.unicodeScalars.append(ch)
            }
            out += "\""
        }
        return .text(out + "}")
    }

    /// A cell as an array element: booleans `t`/`f`, numbers in digits, NULL as nil.
    static func element(_ value: PGValue) -> String? {
        switch value {
        case .null: return nil
        case .text(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "t" : "f"
        }
    }
}

extension PostgresTransaction {
    /// Rows per statement.
    static let bulkRows = 5_000

    /// Inserts new records with one `INSERT … SELECT FROM unnest(…)` per `bulkRows` (one array
    /// parameter per column), then the renewal notice days of new agreements in one statement.
    func insertAll<R: StoredRecord>(_ records: [R]) throws {
        guard !records.isEmpty else { return }
        let table = try PGRecordCoding.table(R.self)
        let columns = try schema.columns(of: table, db)
        let types = try schema.types(of: table, db)
        var start = 0
        while start < records.count {
            let chunk = records[start..<min(records.count, start + Self.bulkRows)]
            var cells = Array(repeating: [String?](), count: columns.count)
            for record in chunk {
                let encoded = Dictionary(uniqueKeysWithValues: try PGRecordCoding.columns(record))
                for key in encoded.keys where !columns.contains(key) {
                    throw VarselError(.io, "\(table) has no column \(key)", fix: "add it in a PostgreSQL migration (PostgresSchema)")
                }
                for (i, c) in columns.enumerated() { cells[i].append(PGArray.element(encoded[c] ?? .null)) }
            }
            let arrays = columns.indices.map { "$\($0 + 1)::\(types[$0])[]" }.joined(separator: ", ")
            try db.query("INSERT INTO \(table) (\(columns.map(PGRecordCoding.quoted).joined(separator: ", "))) SELECT * FROM unnest(\(arrays))",
                         cells.map(PGArray.literal))
            start += Self.bulkRows
        }
        if let agreements = records as? [Agreement] { try PGRenewalIndex.insert(db, agreements: agreements) }
    }
}
