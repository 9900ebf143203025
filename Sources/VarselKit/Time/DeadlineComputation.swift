/// The result of computing one deadline: raw, due and act-by dates, the rules used and a human explanation.
public struct DeadlineComputation: Hashable, Codable, Sendable {
    /// The input this was computed from.
    public let input: DeadlineInput
    /// The arithmetic result (R1–R4, R7, R8; for before-periods A − N).
    public let rawDate: CivilDate
    /// After roll-forward (R5) for after-periods; equal to `rawDate` for before-periods and hours.
    public let dueDate: CivilDate
    /// The day to act by: `dueDate` for after-periods; for before-periods `rawDate` moved earlier to the
    /// previous working day if it is not one (R6). The agenda sorts and warns by this day.
    public let actByDate: CivilDate
    /// For hour periods (R7): minutes after midnight on `dueDate`; nil otherwise.
    public let dueMinutes: Int?
    /// The rules that produced the dates, in the order applied.
    public let rules: [DeadlineRule]
    /// Human explanation, e.g. "4 weeks after notice received Tue 3 Nov 2026 (8.6.3) = Tue 1 Dec 2026".
    public let explanation: String

    /// Creates a computation (normally done by `DeadlineEngine.compute`).
    public init(input: DeadlineInput, rawDate: CivilDate, dueDate: CivilDate, actByDate: CivilDate,
                dueMinutes: Int?, rules: [DeadlineRule], explanation: String) {
        self.input = input
        self.rawDate = rawDate
        self.dueDate = dueDate
        self.actByDate = actByDate
        self.dueMinutes = dueMinutes
        self.rules = rules
        self.explanation = explanation
    }

    /// True if R5 moved the due date off the raw date.
    public var wasRolled: Bool { dueDate != rawDate }

    /// The due time "HH:MM" for hour periods; nil otherwise.
    public var dueTimeText: String? { dueMinutes.map(DeadlineEngine.clockText) }
}
