extension Sequence {
    /// True when every element is in order by `before` (equal neighbours allowed).
    public func isSorted(by before: (Element, Element) throws -> Bool) rethrows -> Bool {
        var it = makeIterator()
        guard var previous = it.next() else { return true }
        while let x = it.next() {
            if try before(x, previous) { return false }
            previous = x
        }
        return true
    }
}
