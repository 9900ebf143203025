/// A notice rule's counting options that contradict each other, found before anything is stored.
public struct RuleOptionProblem: Sendable, Equatable {
    /// The rule's field at fault: "roll", "capBefore".
    public var field: String
    public var what: String
    public var fix: String
}

extension NoticeRule {
    /// The first contradiction among the counting options, or nil when they fit together.
    public var optionProblem: RuleOptionProblem? {
        if direction == .before && roll == .forward {
            return RuleOptionProblem(field: "roll", what: "A period before an event is never rolled forward (R6)",
                                     fix: "Use \"roll\": \"backward\" (act by the previous working day) or \"none\"")
        }
        if let cap = capBefore {
            switch (cap, trigger) {
            case (.changeTakesEffect, .changeNoticeReceived), (.agreementEnds, .terminationNotice),
                 (.agreementEnds, .event), (.agreementEnds, .changeNoticeReceived):
                break
            default:
                return RuleOptionProblem(field: "capBefore",
                                         what: "capBefore \"\(cap.rawValue)\" cannot cap a rule with trigger \"\(trigger.rawValue)\"",
                                         fix: "Cap a window counted from a notice or event by the event it must close before, "
                                            + "e.g. trigger \"change_notice_received\" with capBefore \"change_takes_effect\"")
            }
        }
        if capBefore != nil && period?.unit == .hours {
            return RuleOptionProblem(field: "capBefore", what: "A period in hours ends at an exact time and is not capped",
                                     fix: "Remove capBefore, or give the period in days or weeks")
        }
        return nil
    }
}

extension NoticeRule {
    /// The counting options that differ from plain R5/R6 counting, in words for lists and reports:
    /// "closes before the change applies (R10)", "rolls earlier (R9)", "working days exclude eves (R4)".
    public var countingFlags: [String] {
        var flags: [String] = []
        if let cap = capBefore { flags.append("closes before \(cap.label) (R10)") }
        switch (direction, roll) {
        case (.after, .backward): flags.append("rolls earlier (R9)")
        case (.after, .noRoll), (.before, .noRoll): flags.append("not rolled")
        default: break
        }
        if period?.unit == .workingDays || (period == nil) {
            if !workingDays.eveIsWorkingDay { flags.append("working days exclude eves (R4)") }
            if workingDays.saturdayIsWorkingDay { flags.append("Saturdays are working days (R4)") }
        }
        return flags
    }
}
