
/// Occurrences of recurring duties ("at least yearly", Mobilize Me 4.1, Pureservice C.2).
///
/// A recurring rule is a `NoticeRule` with trigger `recurring`: its `period` is the interval and
/// `recursFrom` the day it counts from. Occurrence k (1, 2, …) is `recursFrom` + k·period, computed
/// in one step from `recursFrom` (R3: no month-end drift), then rolled like any after-period (R5).
/// Our occurrences are stored one at a time as deadlines (source kind `recurrence`, source id
/// `RULE#k`): the next one is always open, and handling it opens the one after it.
public enum Recurrence {
    /// `RULE#k`: the source id of occurrence k of a rule.
    public static func sourceId(ruleId: String, occurrence k: Int) -> String { "\(ruleId)#\(k)" }

    /// The rule id and occurrence number of a `RULE#k` source id, or nil.
    public static func parse(sourceId: String) -> (ruleId: String, occurrence: Int)? {
        guard let hash = sourceId.lastIndex(of: "#"), hash != sourceId.startIndex,
              let k = Int(sourceId[sourceId.index(after: hash)...]), k >= 1 else { return nil }
        return (String(sourceId[..<hash]), k)
    }

    /// The deadline id of occurrence k of a rule.
    public static func deadlineId(ruleId: String, occurrence k: Int) -> String { "dl-rec-\(ruleId)-\(k)" }

    /// Whether the planner opens occurrences of the rule: a recurring rule of ours (or either party's)
    /// with a start day and a calendar-unit period.
    static func isOpenable(_ rule: NoticeRule) -> Bool {
        rule.trigger == .recurring && rule.actor != .them && rule.recursFrom != nil
            && rule.period.map { isRecurrenceUnit($0.unit) } == true
    }

    /// Recurrences run in days, weeks, months or years (hours and working days have no fixed "every").
    public static func isRecurrenceUnit(_ unit: PeriodUnit) -> Bool { [.days, .weeks, .months, .years].contains(unit) }

    /// Opens the next occurrence of each of `rules` (ours) that has none open: the one after the
    /// highest stored occurrence, or, when none is stored, the first whose act-by day is `today` or
    /// later. Never beyond the agreement's end. Returns the deadlines inserted.
    static func openMissing(_ tx: any PortfolioTransaction, rules: [NoticeRule], today: CivilDate, planner: DeadlinePlanner) throws -> [Deadline] {
        var opened: [Deadline] = []
        for rule in rules where isOpenable(rule) {
            let stored = try tx.deadlines(DeadlineFilter(agreementIds: [rule.agreementId], sourceKind: .recurrence, ruleId: rule.id))
            if stored.contains(where: { $0.state == .open }) { continue }
            guard let agreement = try tx.record(Agreement.self, id: rule.agreementId) else { continue }
            let last = stored.compactMap { parse(sourceId: $0.sourceId)?.occurrence }.max()
            let k = last.map { $0 + 1 } ?? planner.firstOccurrence(of: rule, calendar: agreement.calendar, actByOnOrAfter: today)
            if let d = try openOccurrence(tx, k, of: rule, agreement: agreement, planner: planner) { opened.append(d) }
        }
        return opened
    }

    /// Stores occurrence k of `rule` as an open deadline, unless the agreement has ended by then
    /// or it is already stored. Returns it when inserted.
    static func openOccurrence(_ tx: any PortfolioTransaction, _ k: Int, of rule: NoticeRule, agreement: Agreement,
                               planner: DeadlinePlanner) throws -> Deadline? {
        guard agreement.status != .ended, let d = planner.occurrence(k, of: rule, calendar: agreement.calendar) else { return nil }
        if let end = agreement.ownEnd, d.rawDate > end { return nil }
        if try tx.deadlineExists(id: d.id) { return nil }
        try tx.insert(d)
        return d
    }
}

extension Recurrence {
    /// Withdraws the open occurrences of `agreementIds` that fall after `end` (a termination ended the
    /// agreement before them); handled ones stay as history. Returns how many were withdrawn.
    @discardableResult
    static func dropAfterEnd(_ tx: any PortfolioTransaction, agreementIds: [String], end: CivilDate) throws -> Int {
        guard !agreementIds.isEmpty else { return 0 }
        return try tx.deleteDeadlines(DeadlineFilter(agreementIds: agreementIds, sourceKind: .recurrence, state: .open, rawDateAfter: end))
    }
}

extension DeadlinePlanner {
    /// Occurrence k (1-based) of a recurring rule as a deadline, or nil if the rule has no start day
    /// or period. Explanation: "every 12 months from Thu 1 Aug 2024, occurrence 3 (C.2) = …".
    public func occurrence(_ k: Int, of rule: NoticeRule, calendar: CalendarID) -> Deadline? {
        guard rule.trigger == .recurring, k >= 1, let from = rule.recursFrom, let interval = rule.period,
              Recurrence.isRecurrenceUnit(interval.unit) else { return nil }
        var stepped = rule
        stepped.period = Period(interval.value * k, interval.unit)
        stepped.direction = .after
        let label = "recurrence start"
        let source = Recurrence.sourceId(ruleId: rule.id, occurrence: k)
        var d = deadline(rule: stepped, calendar: calendar, sourceKind: .recurrence, sourceId: source,
                         anchor: from, anchorLabel: label)
        // The engine says "36 months after recurrence start …": say what the recurrence is instead.
        let engineLead = "\(stepped.period!) after \(label) \(from.humanText)"
        let lead = "every \(interval) from \(from.humanText), occurrence \(k)"
        d.explanation = d.explanation.hasPrefix(engineLead)
            ? lead + d.explanation.dropFirst(engineLead.count) : lead + ": " + d.explanation
        d.id = Recurrence.deadlineId(ruleId: rule.id, occurrence: k)
        d.ruleId = rule.id
        d.actor = rule.actor
        return d
    }

    /// The first occurrence whose act-by day is `today` or later (1 if `today` is before the first).
    public func firstOccurrence(of rule: NoticeRule, calendar: CalendarID, actByOnOrAfter today: CivilDate) -> Int {
        guard let from = rule.recursFrom, let interval = rule.period, Recurrence.isRecurrenceUnit(interval.unit) else { return 1 }
        // Estimate from the days elapsed, then step: at most a few computations whatever the span.
        let unitDays: Int
        switch interval.unit {
        case .days: unitDays = 1
        case .weeks: unitDays = 7
        case .months: unitDays = 30
        default: unitDays = 365
        }
        var k = max(1, from.days(until: today) / (unitDays * interval.value) - 1)
        while k > 1, let d = occurrence(k - 1, of: rule, calendar: calendar), d.actByDate >= today { k -= 1 }
        while let d = occurrence(k, of: rule, calendar: calendar), d.actByDate < today { k += 1 }
        return k
    }
}
