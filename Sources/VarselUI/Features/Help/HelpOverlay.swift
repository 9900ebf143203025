/// The `?` overlay: every binding of the current context, generated from the binding table.
enum HelpOverlay {
    static func lines(for context: BindingContext, width: Int = 72) -> [StyledLine] {
        var out: [StyledLine] = [StyledLine("Keys in \(context.title)", CellStyle(.title, bold: true))]
        var inViews = false
        for b in Bindings.bindings(for: context) {
            if context.isView, !inViews, b.contexts.contains(.views), !b.contexts.contains(context) {
                inViews = true
                out.append(StyledLine(""))
                out.append(StyledLine("In every view", CellStyle(.title, bold: true)))
            }
            // Key column padded to 16; the description wraps beside it.
            for (i, part) in TextWrap.wrap(b.description, width: max(10, width - 17)).enumerated() {
                out.append(StyledLine((i == 0 ? DisplayWidth.pad(b.label, to: 16) : String(repeating: " ", count: 16)) + " " + part))
            }
        }
        return out
    }

    /// The box's width and height on a terminal of `size`.
    static func box(_ size: TerminalSize) -> (width: Int, height: Int) { (min(size.width - 4, 76), min(size.height - 2, 40)) }

    /// The largest scroll that still fills the box (the reducer clamps to it).
    static func maxScroll(for context: BindingContext, size: TerminalSize) -> Int {
        let (w, h) = box(size)
        guard w > 20, h > 4 else { return 0 }
        return max(0, lines(for: context, width: w - 4).count - (h - 3))
    }

    static func draw(_ buffer: inout ScreenBuffer, size: TerminalSize, context: BindingContext, scroll: Int) {
        let (width, height) = (size.width, size.height)
        let (w, h) = box(size)
        guard w > 20, h > 4 else { return }
        let x = (width - w) / 2, y = (height - h) / 2
        buffer.fill(x: x, y: y, width: w, height: h, style: .normal)
        buffer.box(x: x, y: y, width: w, height: h, style: .role(.border), title: "Help — \(context.title)")
        let lines = lines(for: context, width: w - 4)
        let rows = h - 3
        let scroll = max(0, min(scroll, max(0, lines.count - rows)))
        for r in 0..<rows where scroll + r < lines.count {
            buffer.put(lines[scroll + r].text, x: x + 2, y: y + 1 + r, style: lines[scroll + r].style, maxWidth: w - 4)
        }
        let foot = lines.count > rows ? "j/k scroll · Esc/q/? close" : "Esc/q/? close"
        buffer.put(foot, x: x + 2, y: y + h - 2, style: .role(.hint), maxWidth: w - 4)
    }
}
