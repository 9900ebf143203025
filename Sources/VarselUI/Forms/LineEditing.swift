/// Readline-style editing of one text value with a cursor: insert at the cursor, move by
/// character, to the start or end, delete the character under the cursor, the word before it
/// (Ctrl-W) or everything before it (Ctrl-U).
///
/// The cursor is kept as the number of characters *after* it, so text set from outside leaves
/// the cursor at the end.
public struct LineEditing: Hashable, Sendable {
    public var text: String
    /// Characters between the cursor and the end of `text` (0 = at the end).
    public var charactersAfterCursor: Int

    public init(text: String = "", charactersAfterCursor: Int = 0) {
        self.text = text
        self.charactersAfterCursor = charactersAfterCursor
    }

    /// The cursor as a character offset from the start.
    public var cursor: Int {
        get { max(0, text.count - min(max(0, charactersAfterCursor), text.count)) }
        set { charactersAfterCursor = text.count - min(max(0, newValue), text.count) }
    }

    private var cursorIndex: String.Index { text.index(text.startIndex, offsetBy: cursor) }

    /// The text before the cursor.
    public var beforeCursor: Substring { text[..<cursorIndex] }

    public mutating func insert(_ s: String) {
        let c = cursor
        text.insert(contentsOf: s, at: cursorIndex)
        cursor = c + s.count
    }

    public mutating func deleteBackward() {
        let c = cursor
        guard c > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: c - 1))
        cursor = c - 1
    }

    public mutating func deleteForward() {
        let c = cursor
        guard c < text.count else { return }
        text.remove(at: cursorIndex)
        cursor = c
    }

    public mutating func moveLeft() { cursor = cursor - 1 }
    public mutating func moveRight() { cursor = cursor + 1 }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { charactersAfterCursor = 0 }

    /// Ctrl-W: deletes the word before the cursor and the spaces after it.
    public mutating func deleteWordBackward() {
        let chars = Array(beforeCursor)
        var i = chars.count
        while i > 0, chars[i - 1].isWhitespace { i -= 1 }
        while i > 0, !chars[i - 1].isWhitespace { i -= 1 }
        let after = charactersAfterCursor
        text = String(chars[..<i]) + text[cursorIndex...]
        charactersAfterCursor = after
    }

    /// Ctrl-U: deletes everything before the cursor.
    public mutating func deleteToStart() {
        let after = charactersAfterCursor
        text = String(text[cursorIndex...])
        charactersAfterCursor = after
    }

    /// Applies an editing key; false when `key` is not one.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveToStart()
        case .end, .ctrl("e"): moveToEnd()
        case .backspace: deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("u"): deleteToStart()
        default: return false
        }
        return true
    }

    /// The keys `apply` understands (for the binding table's documentation).
    public static let keys: [Key] = [.left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .backspace, .delete,
                                     .ctrl("w"), .ctrl("u")]
}
