import Foundation
import Yams

/// A place in an exchange document: `noticeRules[3].period.unit`.
public struct DocumentPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }
    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = DocumentPath()

    public func key(_ k: String) -> DocumentPath { DocumentPath(components + [.key(k)]) }
    public func index(_ i: Int) -> DocumentPath { DocumentPath(components + [.index(i)]) }
    public static func / (p: DocumentPath, k: String) -> DocumentPath { p.key(k) }
    public subscript(i: Int) -> DocumentPath { index(i) }

    /// From a `DecodingError` coding path (array elements carry an `intValue`).
    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let i = key.intValue { return .index(i) }
            return .key(key.stringValue)
        }
    }

    /// "noticeRules[3].period.unit"; the document root is "(document)".
    public var description: String {
        var s = ""
        for c in components {
            switch c {
            case .key(let k): s += s.isEmpty ? k : "." + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s.isEmpty ? "(document)" : s
    }
}

/// A syntax-free view of the parsed document (JSON or YAML), used to report unknown fields and,
/// for YAML, the line of a path.
indirect enum RawNode {
    case map([(String, RawNode)], line: Int?)
    case list([RawNode], line: Int?)
    case scalar(line: Int?)

    var line: Int? {
        switch self {
        case .map(_, let l), .list(_, let l), .scalar(let l): l
        }
    }

    static func fromJSON(_ value: Any) -> RawNode {
        if let d = value as? [String: Any] {
            return .map(d.keys.sorted().map { ($0, fromJSON(d[$0]!)) }, line: nil)
        }
        if let a = value as? [Any] { return .list(a.map(fromJSON), line: nil) }
        return .scalar(line: nil)
    }

    static func fromYAML(_ node: Node) -> RawNode {
        switch node {
        case .mapping(let m):
            return .map(m.map { (k, v) in (k.string ?? "\(k)", fromYAML(v)) }, line: m.mark?.line)
        case .sequence(let s):
            return .list(s.map(fromYAML), line: s.mark?.line)
        case .scalar(let s):
            return .scalar(line: s.mark?.line)
        case .alias(let a):
            return .scalar(line: a.mark?.line)
        }
    }

    /// The line of the deepest node along `path` (YAML only).
    func line(of path: DocumentPath) -> Int? {
        var node = self
        var best = line
        for c in path.components {
            switch (c, node) {
            case (.key(let k), .map(let entries, _)):
                guard let next = entries.first(where: { $0.0 == k })?.1 else { return best }
                node = next
            case (.index(let i), .list(let items, _)):
                guard items.indices.contains(i) else { return best }
                node = items[i]
            default:
                return best
            }
            best = node.line ?? best
        }
        return best
    }
}
