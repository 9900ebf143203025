import Foundation
import VarselKit

/// Pretty, key-sorted JSON on stdout; C1 and bidi controls escaped as `\uXXXX` (`JSONSafety`).
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: JSONSafety.escapeInvisible([UInt8](try enc.encode(value))), as: UTF8.self)
    }
    static func print<T: Encodable>(_ value: T) throws { Swift.print(try encode(value)) }
}
