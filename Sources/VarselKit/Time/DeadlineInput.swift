/// Everything the engine needs to compute one deadline: anchor event, period, direction and options.
public struct DeadlineInput: Hashable, Codable, Sendable {
    /// The anchor event date A (notice received, change takes effect, agreement ends …).
    public var anchor: CivilDate
    /// Minutes after midnight of the anchor, local time, for hour periods (R7); nil = 00:00.
    public var anchorMinutes: Int?
    /// The period N units.
    public var period: Period
    /// After A (counted forward) or before A (counted backward).
    public var direction: DeadlineDirection
    /// Holiday calendar (and, for hours, time zone) of the governing law; nil = weekends only, no zone.
    public var calendar: CalendarID?
    /// Which way a due day that is not a deadline day moves: R5 forward (default), R9 earlier, or not at
    /// all. A before-period is never rolled forward (R6): `forward` acts as `backward` there. Hours never roll.
    public var roll: RollDirection
    /// R8 "to the end of a month" (default false); applies to after-periods in calendar units only.
    public var toEndOfMonth: Bool
    /// The contract's working-day definition, used for working-day periods (R4).
    public var workingDayOptions: WorkingDayOptions
    /// Words for the anchor event in explanations, e.g. "notice received".
    public var anchorLabel: String
    /// The clause the rule comes from, e.g. "8.6.3".
    public var clause: String?
    /// R10: the window must close before this event day ("object before the sub-processor is engaged"):
    /// act by the last deadline day before it, whatever the period gives.
    public var capBefore: CivilDate?
    /// Words for the capping event, e.g. "the change applies".
    public var capLabel: String

    /// Creates an input; all but anchor, period and direction have defaults.
    public init(anchor: CivilDate, anchorMinutes: Int? = nil, period: Period, direction: DeadlineDirection,
                calendar: CalendarID? = nil, roll: RollDirection = .forward, toEndOfMonth: Bool = false,
                workingDayOptions: WorkingDayOptions = .init(), anchorLabel: String = "anchor date",
                clause: String? = nil, capBefore: CivilDate? = nil, capLabel: String = "the event") {
        self.anchor = anchor
        self.anchorMinutes = anchorMinutes
        self.period = period
        self.direction = direction
        self.calendar = calendar
        self.roll = roll
        self.toEndOfMonth = toEndOfMonth
        self.workingDayOptions = workingDayOptions
        self.anchorLabel = anchorLabel
        self.clause = clause
        self.capBefore = capBefore
        self.capLabel = capLabel
    }

    private enum LegacyKeys: String, CodingKey { case rollForward }

    /// Decodes, using the defaults above for missing optional keys; the first format's `rollForward`
    /// flag (false = not rolled) is still read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        let rollForward = try legacy.decodeIfPresent(Bool.self, forKey: .rollForward)
        self.init(anchor: try c.decode(CivilDate.self, forKey: .anchor),
                  anchorMinutes: try c.decodeIfPresent(Int.self, forKey: .anchorMinutes),
                  period: try c.decode(Period.self, forKey: .period),
                  direction: try c.decode(DeadlineDirection.self, forKey: .direction),
                  calendar: try c.decodeIfPresent(CalendarID.self, forKey: .calendar),
                  roll: try c.decodeIfPresent(RollDirection.self, forKey: .roll) ?? (rollForward == false ? .noRoll : .forward),
                  toEndOfMonth: try c.decodeIfPresent(Bool.self, forKey: .toEndOfMonth) ?? false,
                  workingDayOptions: try c.decodeIfPresent(WorkingDayOptions.self, forKey: .workingDayOptions) ?? .init(),
                  anchorLabel: try c.decodeIfPresent(String.self, forKey: .anchorLabel) ?? "anchor date",
                  clause: try c.decodeIfPresent(String.self, forKey: .clause),
                  capBefore: try c.decodeIfPresent(CivilDate.self, forKey: .capBefore),
                  capLabel: try c.decodeIfPresent(String.self, forKey: .capLabel) ?? "the event")
    }
}
