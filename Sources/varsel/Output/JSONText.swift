import Foundation

/// Minimal JSON writing for large, flat outputs (thousands of deadlines): appending UTF-8 bytes
/// is several times faster than `JSONEncoder` here. The bytes equal `JSONOutput`'s (pretty,
/// sorted keys, slashes unescaped, nil optionals omitted); a CLI test compares the two.
struct JSONText {
    /// A JSON value.
    enum Value {
        case string(String?), int(Int), bool(Bool)
    }

    private(set) var bytes: [UInt8] = []

    /// Appends one JSON string literal (RFC 8259 escaping, as JSONEncoder writes it).
    mutating func quote(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x08: bytes += [0x5C, 0x62]
            case 0x0C: bytes += [0x5C, 0x66]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    mutating func raw(_ s: String) { bytes += s.utf8 }

    /// An array of objects given as (key, value) pairs, keys sorted, nil strings omitted.
    static func array(_ objects: [[(String, Value)]]) -> [UInt8] {
        var w = JSONText()
        if objects.isEmpty { w.raw("[\n\n]"); return w.bytes }
        w.raw("[\n")
        for (i, object) in objects.enumerated() {
            let fields = object.filter { if case .string(nil) = $0.1 { return false } else { return true } }
                .sorted { $0.0 < $1.0 }
            w.raw("  {\n")
            for (j, (key, value)) in fields.enumerated() {
                w.raw("    "); w.quote(key); w.raw(" : ")
                switch value {
                case .string(let s): w.quote(s!)
                case .int(let n): w.raw(String(n))
                case .bool(let b): w.raw(b ? "true" : "false")
                }
                w.raw(j == fields.count - 1 ? "\n" : ",\n")
            }
            w.raw(i == objects.count - 1 ? "  }\n" : "  },\n")
        }
        w.raw("]")
        return w.bytes
    }

    /// Writes bytes and a newline to standard output in one call.
    static func printLine(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes + [0x0A]))
    }
}
