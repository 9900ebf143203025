/// Recognises vague period wording ("promptly", "skyndsamt", "uden ugrundet ophold", "rimelig tid")
/// that has no date of its own and must be stored as vague with a house default.
public enum VaguePeriod {
    /// Known vague phrases (lower case) in English, Swedish, Danish and Norwegian.
    public static let phrases: [String] = [
        "promptly", "without undue delay", "as soon as possible", "reasonable time", "within a reasonable time",
        "skyndsamt", "utan dröjsmål", "utan onödigt dröjsmål", "snarast", "snarast möjligt", "inom skälig tid", "skälig tid",
        "uden ugrundet ophold", "uden unødig forsinkelse", "hurtigst muligt", "rimelig tid", "inden for rimelig tid",
        "uten ugrunnet opphold", "uten unødig opphold", "snarest", "snarest mulig", "innen rimelig tid",
    ]

    /// The vague phrase contained in `text` (case-insensitive), or nil if the text has none.
    public static func match(_ text: String) -> String? {
        let lower = text.lowercased()
        return phrases.sorted { $0.count > $1.count }.first { lower.contains($0) }
    }
}
