import Foundation
import VarselKit

/// Minimal JSON writing for large, flat outputs (thousands of deadlines): appending UTF-8 bytes
/// to one buffer is many times faster than `JSONEncoder` here. The bytes equal `JSONOutput`'s
/// (pretty, sorted keys, slashes unescaped, nil optionals omitted); CLI tests compare the two.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends one JSON string literal (RFC 8259 escaping, as JSONEncoder writes it). Runs of bytes
    /// that need no escaping are copied in one step.
    mutating func quote(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                escape(b)
                start = i + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        case 0x08: bytes.append(0x5C); bytes.append(0x62)
        case 0x0C: bytes.append(0x5C); bytes.append(0x66)
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { h in
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, h[Int(b >> 4)], h[Int(b & 0xF)]])
            }
        }
    }

    /// Appends text that needs no escaping (keys, numbers, punctuation).
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends a decimal integer.
    mutating func int(_ n: Int) {
        if n < 0 { bytes.append(0x2D) }
        var m = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[count] = 0x30 + UInt8(m % 10); m /= 10; count += 1 } while m > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[i]) }
        }
    }

    /// A date as a JSON string "YYYY-MM-DD" (years 1…9999, zero-padded).
    mutating func date(_ d: CivilDate) {
        bytes.append(0x22)
        digits(d.year, 4); bytes.append(0x2D); digits(d.month, 2); bytes.append(0x2D); digits(d.day, 2)
        bytes.append(0x22)
    }

    mutating func bool(_ b: Bool) { if b { raw("true") } else { raw("false") } }

    /// The last `count` decimal digits of a non-negative `n`, zero-padded.
    private mutating func digits(_ n: Int, _ count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 { bytes.append(0x30 + UInt8(n / divisor % 10)); divisor /= 10 }
    }

    /// Writes bytes and a newline to standard output (no copy of the bytes).
    static func printLine(_ bytes: [UInt8]) { printLine(chunks: [bytes]) }

    /// Writes consecutive buffers and a newline to standard output.
    static func printLine(chunks: [[UInt8]]) {
        for bytes in chunks { bytes.withUnsafeBytes { writeAll($0) } }
        [UInt8(0x0A)].withUnsafeBytes { writeAll($0) }
    }

    private static func writeAll(_ buf: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < buf.count {
            let n = write(STDOUT_FILENO, buf.baseAddress! + offset, buf.count - offset)
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
