import Foundation

/// A notice period: a whole number of units, e.g. "3 months" or "20 working days".
public struct Period: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The number of units (parsed periods are always ≥ 1).
    public var value: Int
    /// The unit.
    public var unit: PeriodUnit

    /// Creates a period; `Period(3, .months)`.
    public init(_ value: Int, _ unit: PeriodUnit) {
        self.value = value
        self.unit = unit
    }

    /// English text: "3 months", "1 month", "20 working days".
    public var description: String { "\(value) \(value == 1 ? unit.singular : unit.plural)" }

    /// Parses "14 days", "4 weeks", "3 months", "1 year", "20 working days", "24 hours" (singular forms too),
    /// Nordic unit words (dagar/dage/dager, veckor/uger/uker, månader/måneder, år, timmar/timer,
    /// arbetsdagar/arbejdsdage/arbeidsdager/virkedager, business days), the usual abbreviations
    /// ("3 mdr", "3 mnd", "3 mån", "14 d", "2 v", "4 uker", "1 år") and number words one–twelve
    /// in English, Swedish, Danish and Norwegian ("four weeks", "fyra veckor", "tre måneder").
    /// Case and surrounding whitespace are ignored.
    /// - Throws: `PeriodParseError` saying what was wrong, with an example of valid input.
    public static func parse(_ text: String) throws -> Period {
        let normalized = text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !normalized.isEmpty else { throw PeriodParseError.empty }
        if let term = VaguePeriod.match(normalized) { throw PeriodParseError.vague(term) }

        var rest = Substring(normalized)
        var negative = false
        if let first = rest.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            rest = rest.dropFirst().drop(while: { $0 == " " })
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        var value: Int
        if digits.isEmpty {
            let word = rest.prefix(while: { $0 != " " })
            guard let number = numberWords[String(word)] else {
                throw PeriodParseError.missingNumber(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            value = number
            rest = rest.dropFirst(word.count)
        } else {
            guard digits.count <= 9, let number = Int(digits) else {
                throw PeriodParseError.tooLarge(Int.max, unitWords[String(rest.dropFirst(digits.count).trimmingCharacters(in: .whitespaces))] ?? .days)
            }
            value = number
            rest = rest.dropFirst(digits.count)
            if let next = rest.first, next == "." || next == ",",
               rest.dropFirst().first?.isNumber == true {
                throw PeriodParseError.notWholeNumber(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        if negative { value = -value }

        var unitText = rest.trimmingCharacters(in: .whitespaces)
        while unitText.hasSuffix(".") { unitText.removeLast() }
        unitText = unitText.replacingOccurrences(of: "-", with: " ")
        guard value > 0 else { throw PeriodParseError.notPositive(value) }
        guard !unitText.isEmpty else { throw PeriodParseError.missingUnit(value) }
        guard let unit = unitWords[unitText] else { throw PeriodParseError.unknownUnit(unitText) }
        guard value <= unit.maximumValue else { throw PeriodParseError.tooLarge(value, unit) }
        return Period(value, unit)
    }

    /// Unit words (lower case, precomposed) in English, Swedish, Danish and Norwegian.
    static let unitWords: [String: PeriodUnit] = {
        var map: [String: PeriodUnit] = [:]
        let table: [(PeriodUnit, [String])] = [
            (.hours, ["hour", "hours", "h", "hr", "hrs", "timme", "timmar", "time", "timer"]),
            (.days, ["day", "days", "d", "dgr", "dg", "calendar day", "calendar days", "dag", "dagar", "dage", "dager",
                     "kalenderdag", "kalenderdagar", "kalenderdage", "kalenderdager"]),
            (.weeks, ["week", "weeks", "w", "wk", "wks", "v", "v.", "vkr", "vecka", "veckor", "uge", "uger", "uke", "uker"]),
            (.months, ["month", "months", "mo", "mdr", "mnd", "mån", "md", "månad", "månader", "måned", "måneder",
                       "maned", "maneder", "maaned", "maaneder", "manad", "manader"]),
            (.years, ["year", "years", "y", "yr", "yrs", "år", "ar", "aar"]),
            (.workingDays, ["working day", "working days", "workday", "workdays", "work day", "work days",
                            "business day", "business days", "arbetsdag", "arbetsdagar",
                            "arbejdsdag", "arbejdsdage", "arbeidsdag", "arbeidsdager",
                            "virkedag", "virkedager", "virkedage"]),
        ]
        for (unit, words) in table { for word in words { map[word] = unit } }
        return map
    }()

    /// Number words one–twelve in English, Swedish, Danish and Norwegian.
    static let numberWords: [String: Int] = {
        var map: [String: Int] = [:]
        let table: [(Int, [String])] = [
            (1, ["one", "en", "ett", "et", "ein", "eitt"]),
            (2, ["two", "två", "to"]),
            (3, ["three", "tre"]),
            (4, ["four", "fyra", "fire"]),
            (5, ["five", "fem"]),
            (6, ["six", "sex", "seks"]),
            (7, ["seven", "sju", "syv"]),
            (8, ["eight", "åtta", "otte", "åtte"]),
            (9, ["nine", "nio", "ni"]),
            (10, ["ten", "tio", "ti"]),
            (11, ["eleven", "elva", "elleve"]),
            (12, ["twelve", "tolv"]),
        ]
        for (value, words) in table { for word in words { map[word] = value } }
        return map
    }()
}
