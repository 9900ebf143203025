/// One rule of a holiday calendar: how to find the day in a given year, its name and the years it applies.
struct HolidayRule: Sendable {
    enum Kind: Sendable {
        /// A fixed month and day.
        case fixed(month: Int, day: Int)
        /// Days after (or before, negative) Easter Sunday.
        case easter(Int)
        /// The first Saturday on or after the month and day (Midsummer Day: 20 June; All Saints' Day: 31 Oct).
        case saturdayFrom(month: Int, day: Int)
        /// The Friday before the first Saturday on or after the month and day (midsommarafton).
        case fridayBeforeSaturdayFrom(month: Int, day: Int)
    }

    let kind: Kind
    let name: String
    let isPublicHoliday: Bool
    let years: ClosedRange<Int>

    init(_ kind: Kind, _ name: String, public isPublic: Bool = true, years: ClosedRange<Int> = 1583...9999) {
        self.kind = kind
        self.name = name
        self.isPublicHoliday = isPublic
        self.years = years
    }

    /// The date of this rule in `year`, or nil if the rule does not apply that year.
    func date(in year: Int, easter: CivilDate) -> CivilDate? {
        guard years.contains(year) else { return nil }
        switch kind {
        case .fixed(let month, let day):
            return CivilDate(year: year, month: month, day: day)
        case .easter(let offset):
            return easter.adding(days: offset)
        case .saturdayFrom(let month, let day):
            return CivilDate(year: year, month: month, day: day).map(Self.saturday(onOrAfter:))
        case .fridayBeforeSaturdayFrom(let month, let day):
            return CivilDate(year: year, month: month, day: day).map { Self.saturday(onOrAfter: $0).adding(days: -1) }
        }
    }

    private static func saturday(onOrAfter d: CivilDate) -> CivilDate {
        d.adding(days: (Weekday.saturday.rawValue - d.weekday.rawValue + 7) % 7)
    }

    static func rules(for id: CalendarID) -> [HolidayRule] {
        switch id {
        case .se: sweden
        case .dk: denmark
        case .no: norway
        }
    }

    /// Sweden: Lag (1989:253) om allmänna helgdagar, plus the R5 eves.
    static let sweden: [HolidayRule] = [
        .init(.fixed(month: 1, day: 1), "Nyårsdagen (New Year's Day)"),
        .init(.fixed(month: 1, day: 6), "Trettondedag jul (Epiphany)"),
        .init(.easter(-2), "Långfredag (Good Friday)"),
        .init(.easter(0), "Påskdagen (Easter Sunday)"),
        .init(.easter(1), "Annandag påsk (Easter Monday)"),
        .init(.fixed(month: 5, day: 1), "Första maj (May Day)"),
        .init(.easter(39), "Kristi himmelsfärdsdag (Ascension Day)"),
        .init(.easter(49), "Pingstdagen (Whit Sunday)"),
        .init(.easter(50), "Annandag pingst (Whit Monday)", years: 1583...2004),
        .init(.fixed(month: 6, day: 6), "Sveriges nationaldag (National Day)", years: 2005...9999),
        .init(.saturdayFrom(month: 6, day: 20), "Midsommardagen (Midsummer Day)"),
        .init(.saturdayFrom(month: 10, day: 31), "Alla helgons dag (All Saints' Day)"),
        .init(.fixed(month: 12, day: 25), "Juldagen (Christmas Day)"),
        .init(.fixed(month: 12, day: 26), "Annandag jul (Boxing Day)"),
        .init(.fridayBeforeSaturdayFrom(month: 6, day: 20), "Midsommarafton (Midsummer Eve)", public: false),
        .init(.fixed(month: 12, day: 24), "Julafton (Christmas Eve)", public: false),
        .init(.fixed(month: 12, day: 31), "Nyårsafton (New Year's Eve)", public: false),
    ]

    /// Denmark: the helligdage, Store Bededag until 2023, plus the R5 extra days.
    static let denmark: [HolidayRule] = [
        .init(.fixed(month: 1, day: 1), "Nytårsdag (New Year's Day)"),
        .init(.easter(-3), "Skærtorsdag (Maundy Thursday)"),
        .init(.easter(-2), "Langfredag (Good Friday)"),
        .init(.easter(0), "Påskedag (Easter Sunday)"),
        .init(.easter(1), "2. påskedag (Easter Monday)"),
        .init(.easter(26), "Store bededag (General Prayer Day)", years: 1686...2023),
        .init(.easter(39), "Kristi himmelfartsdag (Ascension Day)"),
        .init(.easter(49), "Pinsedag (Whit Sunday)"),
        .init(.easter(50), "2. pinsedag (Whit Monday)"),
        .init(.fixed(month: 12, day: 25), "Juledag (Christmas Day)"),
        .init(.fixed(month: 12, day: 26), "2. juledag (Boxing Day)"),
        .init(.fixed(month: 6, day: 5), "Grundlovsdag (Constitution Day)", public: false),
        .init(.fixed(month: 12, day: 24), "Juleaftensdag (Christmas Eve)", public: false),
        .init(.fixed(month: 12, day: 31), "Nytårsaftensdag (New Year's Eve)", public: false),
    ]

    /// Norway: lov om helligdager og helligdagsfred, plus 1 and 17 May.
    static let norway: [HolidayRule] = [
        .init(.fixed(month: 1, day: 1), "Første nyttårsdag (New Year's Day)"),
        .init(.easter(-3), "Skjærtorsdag (Maundy Thursday)"),
        .init(.easter(-2), "Langfredag (Good Friday)"),
        .init(.easter(0), "Første påskedag (Easter Sunday)"),
        .init(.easter(1), "Andre påskedag (Easter Monday)"),
        .init(.fixed(month: 5, day: 1), "Arbeidernes dag (Labour Day)"),
        .init(.fixed(month: 5, day: 17), "Grunnlovsdag (Constitution Day)"),
        .init(.easter(39), "Kristi himmelfartsdag (Ascension Day)"),
        .init(.easter(49), "Første pinsedag (Whit Sunday)"),
        .init(.easter(50), "Andre pinsedag (Whit Monday)"),
        .init(.fixed(month: 12, day: 25), "Første juledag (Christmas Day)"),
        .init(.fixed(month: 12, day: 26), "Andre juledag (Boxing Day)"),
    ]
}
