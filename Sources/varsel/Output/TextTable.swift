import VarselKit
import VarselUI

/// A plain-text table aligned by display width (å, 東, 🙂 line up), with sanitised cells.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns aligned right (numbers).
    var rightAligned: Set<Int> = []
    /// Longest a column may get before it is truncated with "…".
    var maxColumnWidth = 44

    init(_ header: [String], rightAligned: Set<Int> = []) {
        self.header = header; self.rightAligned = rightAligned
    }

    mutating func append(_ row: [String]) { rows.append(row.map(TerminalText.sanitize)) }

    func render() -> String {
        let all = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count {
                let cap = i == widths.count - 1 ? Int.max : maxColumnWidth
                widths[i] = max(widths[i], min(cap, DisplayWidth.of(cell)))
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let isLast = i == row.count - 1
                // The last column is never cut: it holds ids people copy into other commands.
                if isLast && !rightAligned.contains(i) { return cell }
                return DisplayWidth.pad(cell, to: widths[i], alignRight: rightAligned.contains(i))
            }.joined(separator: "  ")
        }
        var lines = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
