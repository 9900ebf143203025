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

    /// Applies one editing step.
    public mutating func apply(_ step: TextEdit) {
        switch step {
        case .left: moveLeft()
        case .right: moveRight()
        case .toStart: moveToStart()
        case .toEnd: moveToEnd()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteWord: deleteWordBackward()
        case .deleteToStart: deleteToStart()
        }
    }
}

/// The readline keys of the one-line inputs (`/` filter, `:` command line): the same steps as
/// the forms' text fields, from one list so both lines offer the same keys.
enum LineEditingBindings {
    static func rows(_ c: Set<BindingContext>) -> [Binding] {
        [
            Binding([.backspace], .edit(.deleteBackward), "Delete the character before the cursor", c),
            Binding([.left], .edit(.left), "Cursor left", c),
            Binding([.right], .edit(.right), "Cursor right", c),
            Binding([.home, .ctrl("a")], .edit(.toStart), "Cursor to the start of the line", c),
            Binding([.end, .ctrl("e")], .edit(.toEnd), "Cursor to the end of the line", c),
            Binding([.delete, .ctrl("d")], .edit(.deleteForward), "Delete the character under the cursor", c),
            Binding([.ctrl("w")], .edit(.deleteWord), "Delete the word before the cursor", c),
            Binding([.ctrl("u")], .edit(.deleteToStart), "Delete everything before the cursor", c),
            // Not listed, as in the forms: readline's Ctrl-B / Ctrl-F.
            Binding([.ctrl("b")], .edit(.left), "Cursor left", c, listed: false),
            Binding([.ctrl("f")], .edit(.right), "Cursor right", c, listed: false),
        ]
    }

    /// Applies typed, pasted (already one line) or edited text to `text` with its cursor;
    /// returns false when the action is not line editing.
    static func apply(_ action: Action, text: inout String, charactersAfterCursor: inout Int, oneLine: (String) -> String) -> Bool {
        var line = LineEditing(text: text, charactersAfterCursor: charactersAfterCursor)
        switch action {
        case .insertText(let t): line.insert(t)
        case .paste(let t): line.insert(oneLine(t))
        case .edit(let e): line.apply(e)
        default: return false
        }
        text = line.text
        charactersAfterCursor = line.charactersAfterCursor
        return true
    }
}
