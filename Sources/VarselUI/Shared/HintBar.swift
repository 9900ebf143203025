/// The bottom line: the keys that work here, from the binding table (lazygit style).
/// When they do not all fit, hints are dropped from the end, but "? help" always stays.
enum HintBar {
    static func draw(_ buffer: inout ScreenBuffer, y: Int, width: Int, context: BindingContext) {
        buffer.fill(x: 0, y: y, width: width, height: 1, style: .normal)
        var items = Bindings.bindings(for: context).compactMap { b in b.hint.map { (label: b.label, hint: $0, isHelp: b.action == .help) } }
        func need(_ i: (label: String, hint: String, isHelp: Bool)) -> Int { DisplayWidth.of(i.label) + 1 + DisplayWidth.of(i.hint) + 2 }
        var cut = false
        while items.reduce(0, { $0 + need($1) }) + (cut ? 2 : 0) > width,
              let drop = items.lastIndex(where: { !$0.isHelp }) {
            items.remove(at: drop)
            cut = true
        }
        var x = 0
        for item in items {
            if cut && item.isHelp { x += buffer.put("… ", x: x, y: y, style: .role(.hint)) }
            x += buffer.put(item.label, x: x, y: y, style: CellStyle(.accent, bold: true))
            x += buffer.put(" " + item.hint + "  ", x: x, y: y, style: .role(.hint))
        }
        if cut && !items.contains(where: \.isHelp), x + 1 < width { buffer.put("…", x: x, y: y, style: .role(.hint)) }
    }
}
