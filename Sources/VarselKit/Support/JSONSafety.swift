import Foundation

/// Makes JSON text safe to print: JSONEncoder escapes C0 controls but writes C1 controls (U+009B
/// starts an escape sequence on many terminals) and bidi overrides (U+202E) as they are.
public enum JSONSafety {
    /// `json` (UTF-8, as JSONEncoder wrote it) with every `ControlCharacters.isJSONEscaped` scalar
    /// written as a `\uXXXX` escape (lowercase hex, as JSONEncoder writes `\u001b`). Such scalars
    /// only occur inside string literals, so the result decodes to the same value. Idempotent;
    /// one pass over the bytes, runs without such scalars copied in one step.
    public static func escapeInvisible(_ json: [UInt8]) -> [UInt8] {
        guard let first = firstEscaped(json, from: 0) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 16)
        var start = 0
        var next: (index: Int, length: Int, scalar: UInt32)? = first
        while let (i, length, scalar) = next {
            out.append(contentsOf: json[start..<i])
            out.append(contentsOf: Array(escape(scalar).utf8))
            start = i + length
            next = firstEscaped(json, from: start)
        }
        out.append(contentsOf: json[start...])
        return out
    }

    public static func escapeInvisible(_ json: String) -> String {
        String(decoding: escapeInvisible(Array(json.utf8)), as: UTF8.self)
    }

    public static func escapeInvisible(_ json: Data) -> Data { Data(escapeInvisible([UInt8](json))) }

    /// `\u` and four lowercase hex digits.
    public static func escape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The next scalar to escape at or after `from`: its byte index, UTF-8 length and value.
    private static func firstEscaped(_ b: [UInt8], from: Int) -> (index: Int, length: Int, scalar: UInt32)? {
        var i = from
        let n = b.count
        while i < n {
            let lead = b[i]
            if lead == 0xC2 || lead == 0xD8, i + 1 < n {
                let v = (UInt32(lead & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
                if b[i + 1] & 0xC0 == 0x80, ControlCharacters.isJSONEscaped(v) { return (i, 2, v) }
            } else if lead == 0xE2, i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
                let v = (UInt32(lead & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                if ControlCharacters.isJSONEscaped(v) { return (i, 3, v) }
            }
            i += 1
        }
        return nil
    }
}
