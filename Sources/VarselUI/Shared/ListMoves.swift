/// Moving a list cursor, shared by the list features.
enum ListMoves {
    /// Applies a moving action to `cursor`. With a known `count` it is clamped at once;
    /// otherwise (a paged list whose count is a lower bound) the clamp after loading does it.
    static func move(_ cursor: inout ListCursor, _ action: Action, count: Int?, page: Int) {
        switch action {
        case .moveUp: cursor.selected -= 1
        case .moveDown: cursor.selected += 1
        case .pageUp: cursor.selected -= page
        case .pageDown: cursor.selected += page
        case .top: cursor.selected = 0
        case .bottom: cursor.selected = count.map { $0 - 1 } ?? Int.max / 2
        default: break
        }
        cursor.selected = max(0, count.map { min(cursor.selected, $0 - 1) } ?? cursor.selected)
    }

    /// The count of a paged list when it is exact.
    static func count<Row>(_ window: ListWindow<Row>) -> Int? { window.totalIsExact ? window.total : nil }
}
