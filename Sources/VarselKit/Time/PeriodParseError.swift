import Foundation

/// Why a period text could not be parsed; `message` is a human sentence with an example of valid input.
public enum PeriodParseError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The text was empty.
    case empty
    /// No number in front of the unit, e.g. "days".
    case missingNumber(String)
    /// A fraction such as "1.5 days".
    case notWholeNumber(String)
    /// Zero or negative, e.g. "-3 days".
    case notPositive(Int)
    /// Larger than the unit's `maximumValue`.
    case tooLarge(Int, PeriodUnit)
    /// A number without a unit, e.g. "14".
    case missingUnit(Int)
    /// A unit the parser does not know, e.g. "14 fortnights".
    case unknownUnit(String)
    /// A vague period ("promptly", "skyndsamt") that has no date of its own.
    case vague(String)

    /// A human explanation of what was wrong and what valid input looks like.
    public var message: String {
        let example = "Write a whole number and a unit, e.g. \"14 days\", \"4 weeks\", \"3 months\" or \"20 working days\"."
        switch self {
        case .empty:
            return "The period is empty. \(example)"
        case .missingNumber(let text):
            return "\"\(text)\" has no number of units. \(example)"
        case .notWholeNumber(let text):
            return "\"\(text)\" is not a whole number of units; use a smaller unit, e.g. \"36 hours\" instead of \"1.5 days\"."
        case .notPositive(let value):
            return "The period must be at least 1, not \(value); for a deadline before an event, keep the number positive and choose the direction \"before\", e.g. \"14 days\" before."
        case .tooLarge(let value, let unit):
            if value == Int.max {
                return "The number is too large; at most \(unit.maximumValue) \(unit.plural) is accepted, e.g. \"3 months\"."
            }
            return "\(value) \(unit.plural) is too long; at most \(unit.maximumValue) \(unit.plural) is accepted, e.g. \"3 months\"."
        case .missingUnit(let value):
            return "\"\(value)\" has no unit. Write e.g. \"\(value) days\", \"\(value) weeks\" or \"\(value) months\"."
        case .unknownUnit(let unit):
            return "Unknown unit \"\(unit)\". Use hours, days, weeks, months, years or working days (or dagar/dage/dager, veckor/uger/uker, månader/måneder, år, arbetsdagar/arbejdsdage/arbeidsdager), e.g. \"30 dagar\"."
        case .vague(let term):
            return "\"\(term)\" is a vague period with no date of its own; store it as vague with the house default (e.g. \"10 working days\"), marked as assumed."
        }
    }

    /// Same as `message`.
    public var description: String { message }

    /// Same as `message`.
    public var errorDescription: String? { message }
}
