/// Minimal JSON writing for large, flat outputs (thousands of deadlines): string building is
/// several times faster than `JSONEncoder` here. Same shape as `JSONOutput`: pretty, sorted keys.
struct JSONText {
    private(set) var text = ""

    /// One JSON string literal (RFC 8259 escaping; "/" left as is, like `.withoutEscapingSlashes`).
    static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A JSON value already rendered.
    enum Value {
        case string(String?), int(Int), bool(Bool)
        var rendered: String {
            switch self {
            case .string(let s): s.map(JSONText.quote) ?? "null"
            case .int(let i): String(i)
            case .bool(let b): b ? "true" : "false"
            }
        }
    }

    /// An array of objects, each given as (key, value) pairs; keys are sorted, nil strings omitted
    /// (as `JSONEncoder` omits nil optionals).
    static func array(_ objects: [[(String, Value)]]) -> String {
        if objects.isEmpty { return "[\n\n]" }
        var out = "[\n"
        for (i, object) in objects.enumerated() {
            let fields = object.filter { if case .string(nil) = $0.1 { return false } else { return true } }
                .sorted { $0.0 < $1.0 }
            out += "  {\n"
            for (j, (key, value)) in fields.enumerated() {
                out += "    " + quote(key) + " : " + value.rendered + (j == fields.count - 1 ? "\n" : ",\n")
            }
            out += i == objects.count - 1 ? "  }\n" : "  },\n"
        }
        return out + "]"
    }
}
