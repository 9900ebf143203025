import Foundation

/// Encodes a model into its columns through the model's own `Encodable`, without a JSON round
/// trip: each key becomes its snake_case column, dates and enums their one cell, and nested
/// values (term, periods, change kinds, working days) JSON text with sorted keys — the strings
/// SQLite stores. A property left out (`encodeIfPresent` of nil) is absent, so NULL.
final class PGRowEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Camel-case key → value, as encoded.
    var fields: [String: PGValue] = [:]

    static let nestedJSON: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// The record's columns and values, in key order (as `PGRecordCoding.columns` returns them).
    static func columns<R: Encodable>(_ record: R) throws -> [(String, PGValue)] {
        let encoder = PGRowEncoder()
        try record.encode(to: encoder)
        return encoder.fields.keys.sorted().map { (PGRecordCoding.snake($0), encoder.fields[$0]!) }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { PGRowEncoderFailure.unkeyed(codingPath: []) }
    func singleValueContainer() -> any SingleValueEncodingContainer { PGRowEncoderFailure.single(codingPath: []) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: PGRowEncoder
        var codingPath: [any CodingKey] { [] }

        func put(_ value: PGValue, _ key: Key) { encoder.fields[key.stringValue] = value }

        mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { put(.text(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { put(.text(String(value)), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { put(.text(String(Double(value))), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { put(.int(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.int(Int64(value)), key) }

        /// Dates and enums as their one cell; anything with fields or elements as sorted JSON text.
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if !PGRecordCoding.jsonColumns.contains(PGRecordCoding.snake(key.stringValue)) {
                let cell = PGCellEncoder()
                try value.encode(to: cell)
                if !cell.needsJSON, let v = cell.value { put(v, key); return }
            }
            put(.text(String(decoding: try PGRowEncoder.nestedJSON.encode(value), as: UTF8.self)), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(PGRowEncoderFailure.Keyed<NestedKey>())
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { PGRowEncoderFailure.unkeyed(codingPath: [key]) }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
    }
}

/// One value encoded as a cell; a value that asks for fields or elements is marked `needsJSON`
/// (its row encoder then writes it as JSON text instead).
final class PGCellEncoder: Encoder, SingleValueEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: PGValue?
    var needsJSON = false

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        needsJSON = true
        return KeyedEncodingContainer(PGRowEncoderFailure.Keyed<Key>())
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { needsJSON = true; return PGRowEncoderFailure.unkeyed(codingPath: []) }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ v: Bool) throws { value = .bool(v) }
    func encode(_ v: String) throws { value = .text(v) }
    func encode(_ v: Double) throws { value = .text(String(v)) }
    func encode(_ v: Float) throws { value = .text(String(Double(v))) }
    func encode(_ v: Int) throws { value = .int(Int64(v)) }
    func encode(_ v: Int8) throws { value = .int(Int64(v)) }
    func encode(_ v: Int16) throws { value = .int(Int64(v)) }
    func encode(_ v: Int32) throws { value = .int(Int64(v)) }
    func encode(_ v: Int64) throws { value = .int(v) }
    func encode(_ v: UInt) throws { value = .int(Int64(v)) }
    func encode(_ v: UInt8) throws { value = .int(Int64(v)) }
    func encode(_ v: UInt16) throws { value = .int(Int64(v)) }
    func encode(_ v: UInt32) throws { value = .int(Int64(v)) }
    func encode(_ v: UInt64) throws { value = .int(Int64(v)) }
    func encode<T: Encodable>(_ v: T) throws { try v.encode(to: self) }
}

/// Containers that swallow what is written to them: used only where the value is then encoded
/// again as JSON text (`needsJSON`), so nothing written here is kept.
enum PGRowEncoderFailure {
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {}
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>())
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { unkeyed(codingPath: []) }
        mutating func superEncoder() -> any Encoder { PGCellEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { PGCellEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey]
        var count = 0
        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws {}
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>())
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(codingPath: codingPath) }
        mutating func superEncoder() -> any Encoder { PGCellEncoder() }
    }

    static func unkeyed(codingPath: [any CodingKey]) -> any UnkeyedEncodingContainer { Unkeyed(codingPath: codingPath) }

    /// A top-level single value on a row encoder: kept nowhere (a record is always keyed).
    final class Single: SingleValueEncodingContainer {
        var codingPath: [any CodingKey]
        init(codingPath: [any CodingKey]) { self.codingPath = codingPath }
        func encodeNil() throws { throw fail() }
        func encode<T: Encodable>(_ value: T) throws { throw fail() }
        func fail() -> EncodingError {
            EncodingError.invalidValue((), .init(codingPath: codingPath, debugDescription: "a record encodes as fields, not one value"))
        }
    }
    static func single(codingPath: [any CodingKey]) -> any SingleValueEncodingContainer { Single(codingPath: codingPath) }
}
