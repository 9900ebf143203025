import Foundation

/// Case folding for filters, so "øre" finds "Øresund AB" and "ÅRHUS" finds "Århus".
///
/// `fold` composes the text (NFC, `precomposedStringWithCanonicalMapping`), then lowercases it
/// (Unicode default mapping, no locale). Diacritics are kept: å, ä, ö, æ and ø are letters of their
/// own in Swedish, Danish and Norwegian, so "a" never finds "å". Decomposed input ("A" + U+030A
/// COMBINING RING ABOVE, as some macOS paths and pasted text have it) is composed first, so it
/// folds to exactly what "Å" folds to, on either side of a search. Lowercasing is not full case
/// folding: "ẞ" becomes "ß", but "ss" does not find "ß".
///
/// A filter matches when the folded text contains the folded filter.
public enum SearchFold {
    /// Separates the folded fields of `agreement_search.folded` (U+001F, SQL `char(31)`); a
    /// filter containing it matches nothing.
    public static let separator: UInt8 = 0x1F

    /// NFC, then lowercase.
    public static func fold(_ text: String) -> String {
        // Text below U+0300 (ASCII, Latin-1, Latin Extended: every Nordic letter) is already NFC:
        // no scalar there decomposes or composes. Its UTF-8 bytes are all below 0xCC.
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return text.lowercased() }
        return text.precomposedStringWithCanonicalMapping.lowercased()
    }
}
