import VarselKit

/// The one filter rule of every list (`/`): a row matches when one of its fields contains the
/// filter, both folded by `SearchFold` (NFC, Unicode lowercase, diacritics kept), the filter
/// trimmed of spaces — as the agreements list's SQL filter (`agreement_search`) does.
enum ListFilter {
    static func matches(_ filter: String, _ fields: [String?]) -> Bool {
        let f = filter.trimmingCharacters(in: .whitespaces)
        guard !f.isEmpty else { return true }
        let needle = SearchFold.fold(f)
        return fields.contains { $0.map { SearchFold.fold($0).contains(needle) } ?? false }
    }

    /// The rows of `rows` matching `filter` (all of them when it is empty), in order.
    static func apply<Row>(_ filter: String, to rows: [Row], fields: (Row) -> [String?]) -> [Row] {
        guard !filter.trimmingCharacters(in: .whitespaces).isEmpty else { return rows }
        return rows.filter { matches(filter, fields($0)) }
    }
}
