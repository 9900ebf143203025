import CYaml
import Foundation

/// Bounds on a YAML file's expanded size, checked on libyaml's event stream before Yams builds
/// the document.
///
/// Yams resolves an alias (`*a`) to the anchored node, so a few hundred bytes of nested aliases
/// ("billion laughs") stand for billions of nodes, which composing (hashing alias keys), the shape
/// check and the decoder then visit one by one: 17 s and 3.2 GB for a 349-byte file, a crash for
/// 384 bytes. This scan counts what each anchor expands to in one pass over the events, in time
/// and memory proportional to the file. A file without aliases has fewer nodes and scalar bytes
/// than bytes, so every honest file, anchors included, stays far below the limits.
///
/// (`CYaml` is the libyaml module Yams is built on; it is imported for its event parser only.)
enum YAMLLimits {
    /// Nodes the expanded document may hold: 4 per byte of the file, at least 200,000.
    static func maxNodes(fileBytes: Int) -> Int { max(200_000, 4 * fileBytes) }
    /// Bytes of scalar text the expanded document may hold: 4 per byte of the file, at least 4 MB.
    static func maxScalarBytes(fileBytes: Int) -> Int { max(4 << 20, 4 * fileBytes) }
    /// Nesting depth (the portfolio format needs 4; Yams composes recursively).
    static let maxDepth = 64

    /// What was exceeded, in words, the 1-based line where it was noticed, and how to fix it.
    struct Exceeded: Error, Equatable {
        var what: String
        var line: Int
        var fix = "Write the records out instead of repeating them through anchors (&) and aliases (*)"
    }

    /// Expanded size of a node: nodes and bytes of scalar text, saturating at the limits.
    private struct Size {
        var nodes = 0
        var bytes = 0
        mutating func add(_ other: Size) {
            nodes = nodes &+ other.nodes < nodes ? Int.max : nodes + other.nodes
            bytes = bytes &+ other.bytes < bytes ? Int.max : bytes + other.bytes
        }
    }

    /// Throws `Exceeded` when the document nests deeper than `maxDepth` or its aliases expand past the
    /// limits. Syntax errors end the scan silently: composing the file reports them precisely.
    static func check(_ yaml: [UInt8]) throws(Exceeded) {
        let nodeLimit = maxNodes(fileBytes: yaml.count), byteLimit = maxScalarBytes(fileBytes: yaml.count)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var anchors: [String: Size] = [:]
        // One frame per open collection: its anchor and the size of its children so far.
        var stack: [(anchor: String?, size: Size)] = []
        var total = Size()

        try yaml.withUnsafeBufferPointer { (buffer) throws(Exceeded) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                var finished: (anchor: String?, size: Size)? = nil
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    finished = (name(event.data.scalar.anchor), Size(nodes: 1, bytes: Int(event.data.scalar.length)))
                case YAML_ALIAS_EVENT:
                    finished = (nil, name(event.data.alias.anchor).flatMap { anchors[$0] } ?? Size(nodes: 1, bytes: 0))
                case YAML_SEQUENCE_START_EVENT:
                    stack.append((name(event.data.sequence_start.anchor), Size(nodes: 1, bytes: 0)))
                case YAML_MAPPING_START_EVENT:
                    stack.append((name(event.data.mapping_start.anchor), Size(nodes: 1, bytes: 0)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    finished = stack.popLast()
                default:
                    break
                }
                if stack.count > maxDepth {
                    throw Exceeded(what: "it nests deeper than \(maxDepth) levels", line: line,
                                   fix: "Check the brackets and indentation: a portfolio nests 4 levels deep")
                }
                guard let (anchor, size) = finished else { continue }
                if let anchor { anchors[anchor] = size }
                if stack.isEmpty { total.add(size) } else { stack[stack.count - 1].size.add(size) }
                let current = stack.isEmpty ? total : stack[stack.count - 1].size
                if current.nodes > nodeLimit {
                    throw Exceeded(what: "its aliases expand to more than \(nodeLimit) nodes (a \"billion laughs\" document)", line: line)
                }
                if current.bytes > byteLimit {
                    throw Exceeded(what: "its aliases expand to more than \(byteLimit) bytes of text (a \"billion laughs\" document)", line: line)
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
