import VarselKit

/// Where a `KeysetPager` reads its rows: first/last pages, the rows after or before a row, and the count.
struct KeysetSource<Row> {
    var count: (_ filter: String) throws -> Int
    var first: (_ filter: String, _ limit: Int) throws -> [Row]
    var last: (_ filter: String, _ limit: Int) throws -> [Row]
    var after: (_ filter: String, _ row: Row, _ limit: Int) throws -> [Row]
    var before: (_ filter: String, _ row: Row, _ limit: Int) throws -> [Row]
}

/// A window of list rows loaded around the viewport, fetched page by page with keyset queries,
/// so a 100,000-agreement portfolio scrolls without loading it all.
@MainActor final class KeysetPager<Row> {
    let pageSize: Int
    /// Rows kept at most; the side far from the viewport is dropped.
    let maxRows: Int
    let source: KeysetSource<Row>
    private(set) var filter = ""
    /// Rows matching the filter in the whole database; while `totalIsExact` is false, only a lower
    /// bound (the rows of the full first page) until `countNow()` runs.
    private(set) var total = 0
    private(set) var totalIsExact = true
    /// Index (in the whole list) of `rows[0]`.
    private(set) var start = 0
    private(set) var rows: [Row] = []
    /// Pages fetched since the last reset (tests check that scrolling fetches lazily).
    private(set) var fetches = 0

    init(source: KeysetSource<Row>, pageSize: Int = 200, maxRows: Int = 1000) {
        self.source = source; self.pageSize = pageSize; self.maxRows = maxRows
    }

    var end: Int { start + rows.count }

    func row(at i: Int) -> Row? { i >= start && i < end ? rows[i - start] : nil }

    /// Reads the first page. A short first page is the whole list; otherwise the count is read now
    /// without a filter, and with one (filter-as-you-type) only when needed: `countNow()`, called
    /// by `ensure` before rows past the first page, by navigation towards the end, and when idle.
    func reset(filter: String) throws {
        self.filter = filter
        rows = try source.first(filter, pageSize)
        start = 0
        fetches = 1
        if rows.count < pageSize {
            total = rows.count; totalIsExact = true
        } else if filter.trimmingCharacters(in: .whitespaces).isEmpty {
            total = try source.count(filter); totalIsExact = true
        } else {
            total = rows.count; totalIsExact = false
        }
    }

    /// Reads the exact count if only a lower bound is known. Returns whether it did.
    @discardableResult
    func countNow() throws -> Bool {
        guard !totalIsExact else { return false }
        total = try source.count(filter)
        totalIsExact = true
        return true
    }

    /// The count as shown: "200+" while only a lower bound is known.
    var totalText: String { totalIsExact ? "\(total)" : "\(total)+" }

    /// Makes sure rows `range` are loaded, with a margin of half a page for smooth scrolling.
    func ensure(_ range: Range<Int>) throws {
        if !totalIsExact && range.upperBound + pageSize / 2 > total { try countNow() }
        guard total > 0 else { return }
        let lo = max(0, range.lowerBound), hi = min(total, range.upperBound)
        guard lo < hi else { return }
        // Far away from what is loaded: jump (to the end with a final page, or re-read from the top).
        if rows.isEmpty || lo > end + pageSize || hi < start - pageSize {
            if hi > total - pageSize {
                rows = try source.last(filter, max(pageSize, total - lo))
                start = total - rows.count
            } else if lo < pageSize {
                rows = try source.first(filter, max(pageSize, hi))
                start = 0
            } else {
                // Walk forward from the loaded end (the list has no offset query by design).
                while end < hi, let last = rows.last {
                    let page = try source.after(filter, last, pageSize)
                    if page.isEmpty { break }
                    rows += page; fetches += 1; trim(keeping: lo)
                }
            }
            fetches += 1
        }
        let margin = pageSize / 2
        while end < min(total, hi + margin), let last = rows.last {
            let page = try source.after(filter, last, pageSize)
            fetches += 1
            if page.isEmpty { total = end; break }
            rows += page
            trim(keeping: lo)
        }
        while start > max(0, lo - margin), let first = rows.first {
            let page = try source.before(filter, first, pageSize)
            fetches += 1
            if page.isEmpty { start = 0; break }
            rows = page + rows
            start -= page.count
            trim(keeping: hi)
        }
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

extension KeysetPager where Row: Sendable {
    /// The loaded rows inside `range`, with the count: what a list view draws (by value).
    func window(_ range: Range<Int>) -> ListWindow<Row> {
        let lo = max(start, range.lowerBound), hi = min(end, range.upperBound)
        let slice = lo < hi ? Array(rows[(lo - start)..<(hi - start)]) : []
        return ListWindow(total: total, totalIsExact: totalIsExact, start: lo < hi ? lo : 0, rows: slice)
    }
}

typealias AgreementPager = KeysetPager<AgreementRow>

/// Whether the agreements pager reads archived agreements too (set before a reset).
@MainActor final class AgreementScope {
    var includeArchived = false
}

extension KeysetPager where Row == AgreementRow {
    /// The agreements list (through `agreement_search`); archived agreements as `scope` says.
    static func agreements(_ p: Portfolio, scope: AgreementScope) -> AgreementPager {
        AgreementPager(source: KeysetSource(
            count: { try p.queries.searchCount(filter: $0, includeArchived: scope.includeArchived) },
            first: { try p.queries.searchAgreements(filter: $0, includeArchived: scope.includeArchived, limit: $1) },
            last: { try p.queries.searchLastAgreements(filter: $0, includeArchived: scope.includeArchived, limit: $1) },
            after: { try p.queries.searchAgreements(filter: $0, includeArchived: scope.includeArchived, after: $1, limit: $2) },
            before: { try p.queries.searchAgreements(filter: $0, includeArchived: scope.includeArchived, before: $1, limit: $2) }))
    }

    /// Loads the rows around one agreement and returns its index, or nil if the filter (or the
    /// scope, for an archived one) hides it.
    func focus(on id: String, _ q: PortfolioQueries, includeArchived: Bool) throws -> Int? {
        guard let (index, row) = try q.searchPosition(id: id, filter: filter, includeArchived: includeArchived) else { return nil }
        try countNow()
        let before = try source.before(filter, row, pageSize / 2)
        let after = try source.after(filter, row, pageSize)
        rows = before + [row] + after
        start = index - before.count
        fetches += 3
        return index
    }

}

typealias VendorPager = KeysetPager<SubProcessorVendor>

extension KeysetPager where Row == SubProcessorVendor {
    /// The sub-processor register, one row per sub-processor name.
    static func vendors(_ p: Portfolio) -> VendorPager {
        VendorPager(source: KeysetSource(
            count: { try p.queries.subProcessorVendorCount(filter: $0) },
            first: { try p.queries.subProcessorVendors(filter: $0, limit: $1) },
            last: { try p.queries.subProcessorVendors(filter: $0, last: true, limit: $1) },
            after: { try p.queries.subProcessorVendors(filter: $0, after: $1.name, limit: $2) },
            before: { try p.queries.subProcessorVendors(filter: $0, before: $1.name, limit: $2) }),
            pageSize: 50, maxRows: 400)
    }
}
