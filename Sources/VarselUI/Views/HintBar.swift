/// The bottom line: the keys that work here, from the binding table (lazygit style).
enum HintBar {
    static func draw(_ buffer: inout ScreenBuffer, y: Int, width: Int, context: BindingContext) {
        buffer.fill(x: 0, y: y, width: width, height: 1, style: .normal)
        var x = 0
        for b in Bindings.bindings(for: context) {
            guard let hint = b.hint else { continue }
            let need = DisplayWidth.of(b.label) + 1 + DisplayWidth.of(hint) + 2
            if x + need > width {
                if x + 1 < width { buffer.put("…", x: x, y: y, style: .role(.hint)) }
                break
            }
            x += buffer.put(b.label, x: x, y: y, style: CellStyle(.accent, bold: true))
            x += buffer.put(" " + hint + "  ", x: x, y: y, style: .role(.hint))
        }
    }
}
