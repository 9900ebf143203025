import Foundation

/// Pretty, key-sorted JSON on stdout.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }
    static func print<T: Encodable>(_ value: T) throws { Swift.print(try encode(value)) }
}
