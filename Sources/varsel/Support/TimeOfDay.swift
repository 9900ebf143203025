import VarselKit

/// Parses an `HH:MM` option value into minutes after midnight, or fails naming the option.
func parseTimeOfDay(_ text: String, option: String) throws -> Int {
    let parts = text.split(separator: ":").compactMap { Int($0) }
    guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
        throw VarselError(.invalidInput, "\(option) \"\(text)\" is not a time of day", at: option, fix: "Use HH:MM, e.g. 14:30")
    }
    return parts[0] * 60 + parts[1]
}
