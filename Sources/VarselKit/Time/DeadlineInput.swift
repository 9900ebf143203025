/// Everything the engine needs to compute one deadline: anchor event, period, direction and options.
public struct DeadlineInput: Hashable, Codable, Sendable {
    /// The anchor event date A (notice received, change applies, agreement ends …).
    public var anchor: CivilDate
    /// Minutes after midnight of the anchor, for hour periods (R7); nil = 00:00.
    public var anchorMinutes: Int?
    /// The period N units.
    public var period: Period
    /// After A (counted forward) or before A (counted backward).
    public var direction: DeadlineDirection
    /// Holiday calendar of the governing law; nil = weekends only.
    public var calendar: CalendarID?
    /// R5 roll-forward for after-periods (default true); ignored for before-periods (R6) and hours (R7).
    public var rollForward: Bool
    /// R8 "to the end of a month" (default false); applies to after-periods in calendar units only.
    public var toEndOfMonth: Bool
    /// The contract's working-day definition, used for working-day periods (R4).
    public var workingDayOptions: WorkingDayOptions
    /// Words for the anchor event in explanations, e.g. "notice received".
    public var anchorLabel: String
    /// The clause the rule comes from, e.g. "8.6.3".
    public var clause: String?

    /// Creates an input; all but anchor, period and direction have defaults.
    public init(anchor: CivilDate, anchorMinutes: Int? = nil, period: Period, direction: DeadlineDirection,
                calendar: CalendarID? = nil, rollForward: Bool = true, toEndOfMonth: Bool = false,
                workingDayOptions: WorkingDayOptions = .init(), anchorLabel: String = "anchor date",
                clause: String? = nil) {
        self.anchor = anchor
        self.anchorMinutes = anchorMinutes
        self.period = period
        self.direction = direction
        self.calendar = calendar
        self.rollForward = rollForward
        self.toEndOfMonth = toEndOfMonth
        self.workingDayOptions = workingDayOptions
        self.anchorLabel = anchorLabel
        self.clause = clause
    }

    /// Decodes, using the defaults above for missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(anchor: try c.decode(CivilDate.self, forKey: .anchor),
                  anchorMinutes: try c.decodeIfPresent(Int.self, forKey: .anchorMinutes),
                  period: try c.decode(Period.self, forKey: .period),
                  direction: try c.decode(DeadlineDirection.self, forKey: .direction),
                  calendar: try c.decodeIfPresent(CalendarID.self, forKey: .calendar),
                  rollForward: try c.decodeIfPresent(Bool.self, forKey: .rollForward) ?? true,
                  toEndOfMonth: try c.decodeIfPresent(Bool.self, forKey: .toEndOfMonth) ?? false,
                  workingDayOptions: try c.decodeIfPresent(WorkingDayOptions.self, forKey: .workingDayOptions) ?? .init(),
                  anchorLabel: try c.decodeIfPresent(String.self, forKey: .anchorLabel) ?? "anchor date",
                  clause: try c.decodeIfPresent(String.self, forKey: .clause))
    }
}
