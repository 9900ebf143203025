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
    /// The width to fit (`TerminalWidth.current()`); nil = as wide as the cells need.
    var width: Int?
    /// Columns that give up width (cut with "…", widest first, to `minimumShrunkWidth`) when
    /// the table is wider than `width`. The last column is cut instead when it is listed here.
    var shrinkable: [Int] = []
    var minimumShrunkWidth = 10

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
        let lastIndex = widths.count - 1
        let cutLast = shrinkable.contains(lastIndex)
        if let width {
            var used: Int { widths.reduce(0, +) + 2 * lastIndex }
            if cutLast {
                widths[lastIndex] = all.map { $0.count > lastIndex ? DisplayWidth.of($0[lastIndex]) : 0 }.max() ?? 0
            }
            let candidates = shrinkable.filter { $0 != lastIndex || cutLast }
            while used > width {
                guard let i = candidates.filter({ widths[$0] > minimumShrunkWidth }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] = max(minimumShrunkWidth, widths[i] - (used - width))
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let isLast = i == row.count - 1
                // The last column is not cut unless asked: it holds ids people copy into other commands.
                if isLast && !rightAligned.contains(i) {
                    return cutLast && width != nil ? DisplayWidth.truncate(cell, to: widths[i]) : cell
                }
                return DisplayWidth.pad(cell, to: widths[i], alignRight: rightAligned.contains(i))
            }.joined(separator: "  ")
        }
        var lines = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
