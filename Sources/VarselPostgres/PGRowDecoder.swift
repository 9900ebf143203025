import Foundation

/// Decodes a model straight from a result row through the model's own `Decodable`: each key is
/// its snake_case column (`PGColumns.byKey`), a NULL column is an absent key (as a missing field
/// of the exchange format), JSON columns (`PGRecordCoding.jsonColumns`) decode their text with
/// `JSONDecoder`, and every other nested value (dates, enums) decodes from its one cell.
///
/// It replaces a round trip through JSON (row → JSON object → bytes → `JSONDecoder`) that made
/// reading a record several times dearer than the query that fetched it.
struct PGRowDecoder: Decoder {
    let row: PGRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(row: row))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a row is not a list"))
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "a row is not one value"))
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: PGRow
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] {
            row.layout.names.indices.compactMap { i in
                row.values[i].isNull ? nil : Key(stringValue: PGRecordCoding.camel(row.layout.names[i]))
            }
        }

        func value(_ key: Key) -> PGValue {
            guard let i = row.layout.byKey[key.stringValue] else { return .null }
            return row.values[i]
        }
        func column(_ key: Key) -> String { PGRecordCoding.snake(key.stringValue) }

        func contains(_ key: Key) -> Bool { !value(key).isNull }
        func decodeNil(forKey key: Key) throws -> Bool { value(key).isNull }

        func present(_ key: Key) throws -> PGValue {
            let v = value(key)
            if v.isNull {
                throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "column \(column(key)) is NULL or missing"))
            }
            return v
        }
        func mismatch<T>(_ type: T.Type, _ key: Key, _ v: PGValue) -> DecodingError {
            .typeMismatch(type, .init(codingPath: [key], debugDescription: "column \(column(key)) holds \(v), not \(type)"))
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
            let v = try present(key)
            guard case .bool(let b) = v else { throw mismatch(type, key, v) }
            return b
        }
        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            let v = try present(key)
            guard case .text(let s) = v else { throw mismatch(type, key, v) }
            return s
        }
        func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
            let v = try present(key)
            guard case .int(let i) = v, let n = T(exactly: i) else { throw mismatch(type, key, v) }
            return n
        }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
            let v = try present(key)
            switch v {
            case .int(let i): return Double(i)
            case .text(let s): if let d = Double(s) { return d }
            default: break
            }
            throw mismatch(type, key, v)
        }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decode(Double.self, forKey: key)) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let v = try present(key)
            let name = column(key)
            if PGRecordCoding.jsonColumns.contains(name) {
                guard case .text(let s) = v else { throw mismatch(type, key, v) }
                return try JSONDecoder().decode(T.self, from: Data(s.utf8))
            }
            return try T(from: PGCellDecoder(value: v, key: key))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [key], debugDescription: "column \(column(key)) is not JSON"))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "column \(column(key)) is not JSON"))
        }
        func superDecoder() throws -> any Decoder { PGRowDecoder(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { PGCellDecoder(value: value(key), key: key) }
    }
}

/// One cell as a single value (a date, an enum's raw value).
struct PGCellDecoder: Decoder, SingleValueDecodingContainer {
    let value: PGValue
    let key: any CodingKey
    var codingPath: [any CodingKey] { [key] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<K: CodingKey>(keyedBy type: K.Type) throws -> KeyedDecodingContainer<K> {
        throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [key], debugDescription: "a cell is not an object"))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "a cell is not a list"))
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch<T>(_ type: T.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: [key],
                                  debugDescription: "column \(PGRecordCoding.snake(key.stringValue)) holds \(value), not \(type)"))
    }
    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { if case .bool(let b) = value { return b }; throw mismatch(type) }
    func decode(_ type: String.Type) throws -> String { if case .text(let s) = value { return s }; throw mismatch(type) }
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        if case .int(let i) = value, let n = T(exactly: i) { return n }
        throw mismatch(type)
    }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .int(let i): return Double(i)
        case .text(let s): if let d = Double(s) { return d }
        default: break
        }
        throw mismatch(type)
    }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}
