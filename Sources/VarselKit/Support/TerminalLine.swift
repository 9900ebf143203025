/// A line of human-facing output whose interpolated values are sanitised (`TerminalText.sanitize`:
/// escapes made visible, line breaks become spaces, bidi controls removed) while the literal parts
/// are kept as written. `"Recorded \(title)"` cannot smuggle an escape sequence or a forged line.
public struct TerminalLine: ExpressibleByStringInterpolation, CustomStringConvertible, Sendable {
    public private(set) var text: String

    public init(stringLiteral value: String) { text = value }

    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    /// Untrusted text as one line.
    public init(sanitizing value: String) { text = TerminalText.sanitize(value) }

    /// Untrusted text of several lines: each line sanitised, the line breaks kept.
    public static func block(_ value: String) -> TerminalLine {
        var line = TerminalLine(stringLiteral: "")
        line.text = value.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.sanitize(String($0)) }.joined(separator: "\n")
        return line
    }

    public var description: String { text }

    public struct Interpolation: StringInterpolationProtocol, Sendable {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation<T>(_ value: T) { text += TerminalText.sanitize(String(describing: value)) }
        /// A value that is already a sanitised line (nested `TerminalLine`).
        public mutating func appendInterpolation(_ line: TerminalLine) { text += line.text }
    }
}
