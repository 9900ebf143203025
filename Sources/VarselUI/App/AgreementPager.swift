import VarselKit

/// A window of agreements-list rows loaded around the viewport, fetched page by page with
/// keyset queries, so a 100,000-agreement portfolio scrolls without loading it all.
@MainActor final class AgreementPager {
    let pageSize: Int
    /// Rows kept at most; the side far from the viewport is dropped.
    let maxRows: Int
    private(set) var filter = ""
    /// Rows matching the filter in the whole database.
    private(set) var total = 0
    /// Index (in the whole list) of `rows[0]`.
    private(set) var start = 0
    private(set) var rows: [AgreementRow] = []
    /// Pages fetched since the last reset (tests check that scrolling fetches lazily).
    private(set) var fetches = 0

    init(pageSize: Int = 200, maxRows: Int = 1000) {
        self.pageSize = pageSize; self.maxRows = maxRows
    }

    var end: Int { start + rows.count }

    func row(at i: Int) -> AgreementRow? { i >= start && i < end ? rows[i - start] : nil }

    func reset(_ q: PortfolioQueries, filter: String) throws {
        self.filter = filter
        total = try q.agreementCount(filter: filter)
        rows = try q.agreements(filter: filter, after: nil, limit: pageSize)
        start = 0
        fetches = 1
    }

    /// Makes sure rows `range` are loaded, with a margin of half a page for smooth scrolling.
    func ensure(_ range: Range<Int>, _ q: PortfolioQueries) throws {
        guard total > 0 else { return }
        let lo = max(0, range.lowerBound), hi = min(total, range.upperBound)
        guard lo < hi else { return }
        // Far away from what is loaded: jump (to the end with a final page, or re-read from the top).
        if rows.isEmpty || lo > end + pageSize || hi < start - pageSize {
            if hi > total - pageSize {
                rows = try q.lastAgreements(filter: filter, limit: max(pageSize, total - lo))
                start = total - rows.count
            } else if lo < pageSize {
                rows = try q.agreements(filter: filter, after: nil, limit: max(pageSize, hi))
                start = 0
            } else {
                // Walk forward from the loaded end (the list has no offset query by design).
                while end < hi, let last = rows.last {
                    let page = try q.agreements(filter: filter, after: last, limit: pageSize)
                    if page.isEmpty { break }
                    rows += page; fetches += 1; trim(keeping: lo)
                }
            }
            fetches += 1
        }
        let margin = pageSize / 2
        while end < min(total, hi + margin), let last = rows.last {
            let page = try q.agreements(filter: filter, after: last, limit: pageSize)
            fetches += 1
            if page.isEmpty { total = end; break }
            rows += page
            trim(keeping: lo)
        }
        while start > max(0, lo - margin), let first = rows.first {
            let page = try q.agreements(filter: filter, before: first, limit: pageSize)
            fetches += 1
            if page.isEmpty { start = 0; break }
            rows = page + rows
            start -= page.count
            trim(keeping: hi)
        }
    }

    /// Loads the rows around one agreement and returns its index, or nil if the filter hides it.
    func focus(on id: String, _ q: PortfolioQueries) throws -> Int? {
        guard let (index, row) = try q.agreementPosition(id: id, filter: filter) else { return nil }
        let before = try q.agreements(filter: filter, before: row, limit: pageSize / 2)
        let after = try q.agreements(filter: filter, after: row, limit: pageSize)
        rows = before + [row] + after
        start = index - before.count
        fetches += 3
        return index
    }

    /// Drops rows far from `anchor` when the window grows past `maxRows`.
    private func trim(keeping anchor: Int) {
        guard rows.count > maxRows else { return }
        let excess = rows.count - maxRows
        if anchor - start > end - anchor {
            rows.removeFirst(excess); start += excess
        } else {
            rows.removeLast(excess)
        }
    }
}
