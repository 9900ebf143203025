import Foundation
import GRDB
import VarselKit

extension SearchFold {
    /// `varsel_fold(text)`: `fold` as a deterministic SQL function; NULL (and non-text) gives NULL.
    /// Registered on every connection a `VarselStore` opens; the `agreement_search` triggers need it.
    public static let sqlFunction = DatabaseFunction("varsel_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(fold)
    }
}
