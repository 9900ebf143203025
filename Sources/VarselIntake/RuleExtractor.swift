import Foundation

/// The period rules (docs/intake.md): each sentence is searched for periods in the order of
/// `patterns`; a later pattern never re-reads words an earlier one used.
struct RuleExtractor {
    let language: String
    /// The period patterns, built once.
    private(set) var compiled: [(name: String, regex: NSRegularExpression)] = []
    private(set) var vagueRegex: NSRegularExpression
    private(set) var immediateRegex: NSRegularExpression
    private(set) var vagueBeforeRegex: NSRegularExpression
    /// The number words of `language` (word → value), built once.
    let numbers: [String: Int]

    init(language: String) {
        self.language = language
        numbers = Self.numberWords(language)
        vagueRegex = NSRegularExpression.ci("\\b(" + Self.alt(Vocabulary.vague) + ")\\b")
        immediateRegex = NSRegularExpression.ci(Self.alt(Vocabulary.immediate))
        vagueBeforeRegex = NSRegularExpression.ci("\\b(" + Self.alt(Vocabulary.vagueBefore) + ")\\b")
        compiled = patterns()
    }
    /// Termination must be in writing somewhere in the contract ("En uppsägning ska alltid vara skriftlig").
    var terminationWritten = false

    private static func re(_ p: String) -> NSRegularExpression { NSRegularExpression.ci(p) }

    // Every pattern compiled once per process (shared read-only; NSRegularExpression is Sendable).
    static let serviceLevel = re(Vocabulary.serviceLevel)
    static let paymentTerm = re(Vocabulary.paymentTerm)
    static let periodCue = re(#"\b(inom|innen|inden|innan|senast|senest|minst|mindst|within|at least|no later than|om|på|for|med|i|efter|etter|after)\s*$"#)
    static let upperBound = re(Vocabulary.upperBound)
    static let renewal = re(Vocabulary.renewal)
    static let duration = re(Vocabulary.duration)
    static let payment = re(Vocabulary.payment)
    static let fromTo = re(#"\b(fra|från|from)\s+\d+\s+(til|till|to)\s*$"#)
    static let yearly = re(Vocabulary.yearly)
    static let yearlyBound = re(#"\b(inntil|intill|indtil|up to|högst|højest|høyst|at most)\s*$"#)
    static let fee = re(Vocabulary.fee)
    static let us = re(Vocabulary.us)
    static let them = re(Vocabulary.them)
    static let termination = re(Vocabulary.termination)
    static let noticeVerbs = re(Vocabulary.noticeVerbs)
    static let objection = re(#"\b(motsette|invända|gøre indsigelse|indsigelse|object|protestere|innsigelse)"#)
    static let either = re(Vocabulary.either)
    static let modal = re(#"^\s*(ska|skal|skall|shall|must|may|kan|får|har|will|må|is|are|vil)\b"#)
    static let passive = re(Vocabulary.passive)
    static let quoted = re(#"«[^»]*»|“[^”]*”"#)
    static let noticeWordNext = re(#"^\W{0,3}((skriftlig|skriftligt|skriftlige|skriftliga|skriftleg|written|advance|prior)\s+)?(varsel|varsels|notice|notis|förvarning|forhåndsvarsel|forvarsel)\b"#)
    static let ends = re(Vocabulary.ends)
    static let before = re(Vocabulary.before)
    static let after = re(Vocabulary.after)
    static let beforeWord = re(#"\b(before|före|før|inden|innan)\b"#)
    static let beforeLead = re(Vocabulary.beforeLead)
    static let beforeTail = re(#"\b(före|innan|før|inden|prior to|before)\b"#)
    static let withinLead = re(Vocabulary.withinLead)
    static let audit = re(#"\b(revision|revisjon|revisor|audit|inspektion|inspeksjon|granskning|granska|tilsyn)\w*"#)
    static let change = re(Vocabulary.change)
    static let receipt = re(Vocabulary.receipt)
    static let claim = re(#"\b(krav|demand|skade|skada|damage|mangel|defect)"#)
    static let endedWord = re(#"\b(sades upp|sagts upp|opsagt|sagt opp)\b"#)
    static let written = re(Vocabulary.written)
    static let grounds = re(Vocabulary.grounds)
    static let endOfMonth = re(Vocabulary.endOfMonth)
    static let actVerbs = re(Vocabulary.actVerbs)
    static let renewalAfter = re(Vocabulary.renewalAfter)
    static let lowerBound = re(Vocabulary.lowerBound)
    static let trialBefore = re(Vocabulary.trialBefore)
    static let trialAfter = re(Vocabulary.trialAfter)
    static let survival = re(Vocabulary.survival)
    static let survivalLead = re(Vocabulary.survivalLead)
    static let thereafter = re(Vocabulary.thereafter)
    static let liabilityCap = re(Vocabulary.liabilityCap)
    /// Acts of objecting: "30 dager til å motsette seg endringen" is a window counted from the notice.
    static let toObject = re(#"^\W{0,3}(til å|till att|to|at)\s+(motsette|invända|object|gøre indsigelse|gjøre innsigelse|protestere)"#)
    /// A cure or remedy period ("not cured within thirty days", "inte vidtar rättelse inom 30 dagar")
    /// runs from the breach notice, even in a termination sentence.
    static let cure = re(#"\b(cure[sd]?|remed\w*|rättelse|avhjelp\w*|afhjælp\w*|utbedr\w*)\b[^.]{0,30}$"#)
    /// A right of withdrawal (angrerett, ångerrätt, fortrydelsesret) runs from the purchase.
    static let withdrawal = re(#"\b(angre\w*|ångerrätt\w*|ångra|fortrydelse\w*|withdraw\w*|cooling-off)"#)
    /// Planned maintenance notices are about an event, not a change of the agreement.
    static let maintenance = re(#"\b(underhåll\w*|vedlikehold\w*|vedligehold\w*|maintenance)\b"#)
    /// "Vid avtalets upphörande …", "Upon termination …": what the sentence sets runs from the end.
    static let atEnd = re(#"^\W*(vid|ved|efter|etter|upon|on|at|following)\s+(\S+\s+){0,3}(upphörande|opphør|ophør|udløb|utløp|termination|expiry|expiration)\b"#)
    /// Caps and prices make a yearly word a frequency, not a duty ("maksimalt 1 gang per år", "priser … årlig").
    static let yearlyNotDuty = re(#"\b(pris\w*|price\w*|faktur\w*|invoic\w*|billed|maksimalt|maximalt|högst|højst|høyst|at most|no more than)\b"#)
    private static func alt(_ words: [String]) -> String {
        words.sorted { $0.count > $1.count }
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: " ", with: #"\s+"#) }
            .joined(separator: "|")
    }

    var numberWords: [String: Int] { numbers }

    static func numberWords(_ language: String) -> [String: Int] {
        if language == "en" { return Vocabulary.numbers["en"]! }
        var all: [String: Int] = [:]
        for l in ["sv", "da", "nb", "nn"] { all.merge(Vocabulary.numbers[l]!) { a, _ in a } }
        if Vocabulary.numbers[language] != nil { all.merge(Vocabulary.numbers[language]!) { _, b in b } }
        return all
    }

    /// Named period patterns, most specific first. Group 1 = number (digits or word), group 2 (when
    /// present) = digits in brackets, last group = unit.
    func patterns() -> [(name: String, regex: NSRegularExpression)] {
        let unit = "(" + Self.alt(Vocabulary.units.map(\.0)) + ")(?![\\p{L}\\d])"
        let word = "(" + Self.alt(Array(numberWords.keys)) + ")"
        let lead = #"(?<![\p{L}\d.,:/§-])"#
        return [
            ("period-times-24h", Self.re(lead + #"(\d{1,2})\s*[x×]\s*24\s*(timer|timmar|timar|hours)(?![\p{L}])"#)),
            ("period-word-digits", Self.re(lead + word + #"\s*\(\s*(\d{1,3})\s*\)\s*"# + unit)),
            ("period-digits-word", Self.re(lead + #"(\d{1,3})\s*[-–—(]\s*\p{L}+\s*[-–—)]\s*"# + unit)),
            ("period-digits", Self.re(lead + #"(\d{1,3})(?:[\s\u00A0]*-[\s\u00A0]*|[\s\u00A0]+)"# + unit)),
            ("period-word", Self.re(#"(?<![\p{L}\d])"# + word + #"\s+"# + unit)),
        ]
    }

    func unitFor(_ word: String) -> String {
        let w = word.lowercased().replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        return Vocabulary.units.first { $0.0 == w }?.1 ?? "days"
    }

    // Cheap checks (SentenceCues): each names words without which its patterns cannot match.
    /// Every period pattern ends in a unit word standing alone (its last word: "calendar days").
    static let unitCues = Set(Vocabulary.units.flatMap { SentenceCues(String($0.0.split(separator: " ").last!)).tokens })
    /// The period patterns also need a digit or a number word (any language's).
    static let numberCues = SentenceCues.words(Vocabulary.numbers.values.flatMap(\.keys))
    static let yearlyCues: Set<Substring> = ["årligen", "årligt", "årlig", "årleg", "annually", "yearly", "year", "år", "året"]
    static let immediateCues = SentenceCues.longestWords(Vocabulary.immediate)
    static let vagueCues = SentenceCues.longestWords(Vocabulary.vague + Vocabulary.vagueBefore.filter { $0 != "i god tid" })
        + [Array("god tid".utf8), Array("god\ntid".utf8)]

    /// Rules found in one sentence.
    func rules(in sentence: NSRange, of t: Text, clause: String?) -> [ProposedRule] {
        let s = t.sub(sentence)
        let cues = SentenceCues(s)
        let periods = cues.hasToken(Self.unitCues) && (cues.hasDigit || cues.hasToken(Self.numberCues))
        let yearly = cues.hasToken(Self.yearlyCues)
        let immediate = cues.contains(anyOf: Self.immediateCues)
        let vague = cues.contains(anyOf: Self.vagueCues)
        // No pattern can match: no rules (what the patterns below would also find).
        guard periods || yearly || immediate || vague else { return [] }
        let ns = s as NSString
        if Self.serviceLevel.test(s) || Self.paymentTerm.test(s) { return [] }
        var used: [NSRange] = []
        var out: [ProposedRule] = []
        let quoted = s.unicodeScalars.contains(where: { $0 == "«" || $0 == "“" }) ? quotedRanges(s) : []
        func free(_ r: NSRange) -> Bool {
            !used.contains { NSIntersectionRange($0, r).length > 0 } && !quoted.contains { NSIntersectionRange($0, r).length > 0 }
        }
        for (name, regex) in compiled where periods {
            for m in regex.matches(s) where free(m.range) {
                let g1 = m.group(1, in: ns)!
                let unitWord = m.group(m.numberOfRanges - 1, in: ns)!
                var value: Int
                var unit = unitFor(unitWord)
                switch name {
                case "period-times-24h": value = Int(g1)! * 24; unit = "hours"
                case "period-word-digits": value = Int(m.group(2, in: ns)!)!
                case "period-word": value = numberWords[g1.lowercased()] ?? 0
                default: value = Int(g1)!
                }
                guard value > 0 else { continue }
                let before = ns.substring(to: m.range.location)
                // "en dag" is "a day" unless a period cue stands right before it.
                if name == "period-word", value == 1,
                   !Self.periodCue.test(before) { continue }
                let rest = ns.substring(from: m.range.location + m.range.length)
                if Self.upperBound.test(before) || Self.renewal.test(before)
                    || Self.duration.test(before) || Self.lowerBound.test(before) { continue }
                // Not deadlines: a renewal step or a length reaching forward, a free trial, how long
                // something survives, and the look-back of a liability cap.
                if Self.renewalAfter.test(rest) || Self.trialBefore.test(before) || Self.trialAfter.test(rest)
                    || (Self.survivalLead.test(before) && Self.survival.test(s)) || Self.thereafter.test(rest)
                    || Self.liabilityCap.test(s) { continue }
                // Payment terms ("30 dagar från fakturadatum") are not notice rules.
                let near = String(ns.substring(from: m.range.location + m.range.length).prefix(50))
                if Self.payment.test(near) { continue }
                if Self.fromTo.test(before) { continue }
                used.append(m.range)
                out.append(make(value: value, unit: unit, match: m.range, in: s, sentence: sentence, t: t,
                                clause: clause, pattern: name))
            }
        }
        // Yearly duties ("minst en gang årligt"): 12 months, recurring.
        for m in (yearly ? Self.yearly.matches(s) : []) where free(m.range) && m.range.length > 0 {
            let rest = ns.substring(from: m.range.location + m.range.length)
            if Self.yearlyBound.test(ns.substring(to: m.range.location)) { continue }
            if Self.yearlyNotDuty.test(ns.substring(to: m.range.location)) || Self.yearlyNotDuty.test(s) { continue }
            if Self.fee.test(rest) { continue }
            var r = make(value: 12, unit: "months", match: m.range, in: s, sentence: sentence, t: t, clause: clause, pattern: "yearly")
            r.direction = "after"; r.anchor = "recurring"
            if !Self.us.test(s) && !Self.them.test(s) { r.actor = "them" }   // a duty kept without naming who: the supplier's
            used.append(m.range); out.append(r)
        }
        // Immediate effect.
        for m in (immediate ? immediateRegex.matches(s) : []) where free(m.range) && Self.termination.test(s) {
            var r = make(value: 0, unit: "vague", match: m.range, in: s, sentence: sentence, t: t, clause: clause, pattern: "immediate-effect")
            r.direction = "after"; r.anchor = "termination_notice"
            used.append(m.range); out.append(r)
        }
        // Vague advance notice ("rimelig varsel om revisjon", "varsles i god tid"): the words are the notice.
        if vague {
            for m in vagueBeforeRegex.matches(s) where free(m.range) {
                let words = (s as NSString).substring(with: m.range).lowercased()
                if Vocabulary.vagueBeforeNeedsVerb.contains(where: { words.hasPrefix($0) }), !Self.noticeVerbs.test(s) { continue }
                var r = make(value: 0, unit: "vague", match: m.range, in: s, sentence: sentence, t: t, clause: clause, pattern: "vague-notice")
                r.direction = "before"
                r.anchor = Self.audit.test(s) || Self.maintenance.test(s) ? "event" : "change_takes_effect"
                used.append(m.range); out.append(r)
            }
        }
        // Reasonable notice measured by a period in the same sentence ("med rimligt varsel (där en frist om
        // tjugo (20) Arbetsdagar alltid ska anses vara rimligt)", "rimelig forhåndsvarsel (minst 14 dager)"):
        // the period is the notice; the vague words add no rule (the demo records Bilaga 3, 6.2 so).
        if out.contains(where: { $0.unit != "vague" && $0.direction == "before" && $0.pattern != "yearly" }) {
            out.removeAll { $0.pattern == "vague-notice" }
        }
        // Vague wording, only where someone must notify, object or claim, or delete, return or remedy.
        if vague && (Self.noticeVerbs.test(s) || Self.actVerbs.test(s)) {
            for m in vagueRegex.matches(s) where free(m.range) {
                var r = make(value: 0, unit: "vague", match: m.range, in: s, sentence: sentence, t: t, clause: clause, pattern: "vague")
                r.direction = "after"
                if r.anchor == "change_takes_effect" { r.anchor = "event" }
                used.append(m.range); out.append(r)
            }
        }
        // One rule per (value, unit, direction, anchor) in a sentence.
        var seen = Set<String>()
        out = out.filter { seen.insert("\($0.value) \($0.unit) \($0.direction) \($0.anchor)").inserted }
        // An objection window that closes before the change: a second rule counted from the notice.
        if let r = out.first(where: { $0.direction == "before" && $0.anchor == "change_takes_effect" && $0.unit != "vague" }),
           Self.objection.test(s) {
            var o = r
            o.direction = "after"; o.anchor = "change_notice_received"; o.actor = "us"; o.pattern = "objection-window"
            o.writtenForm = false   // the written form in the sentence is the notice's
            out.append(o)
        }
        return out
    }

    /// Who acts (rule `who-acts`): mutual wording makes it "either"; otherwise the party named
    /// nearest before the period (else first after it), flipped when its verb is passive
    /// ("Behandlingsansvarlig skal varsles"). With no party named: "either".
    static func actor(in s: String, at location: Int) -> String {
        if either.test(s) { return "either" }
        let ns = s as NSString
        var found: [(Int, Int, String)] = []   // location, end, role
        for m in us.matches(s) { found.append((m.range.location, m.range.location + m.range.length, "us")) }
        for m in them.matches(s) { found.append((m.range.location, m.range.location + m.range.length, "them")) }
        guard !found.isEmpty else { return "either" }
        // The grammatical subject: a party followed by a modal verb ("Migrationsverket ska meddela").
        let modal = modal
        let subjects = found.filter { modal.test(ns.substring(from: $0.1)) }
        let pool = subjects.isEmpty ? found : subjects
        let pick = pool.filter { $0.0 < location }.max { $0.0 < $1.0 } ?? pool.min { $0.0 < $1.0 }!
        let rest = ns.substring(from: pick.1)
        if passive.test(rest) { return pick.2 == "us" ? "them" : "us" }
        return pick.2
    }

    static let condition = re(#"\b(if|om|dersom|hvis|såfremt|unless)\b"#)
    /// "If the Processor cannot make such a change within thirty days, the Controller may terminate":
    /// the period is a condition before the termination is mentioned, counted from the event.
    static func conditionBeforeTermination(_ s: String, at match: NSRange) -> Bool {
        guard let first = termination.first(s), first.range.location > match.location else { return false }
        let ns = s as NSString
        // "… tre (3) månader efter uppsägningen": counted from the termination itself.
        if countedFromTermination.test(ns.substring(from: match.location + match.length)) { return false }
        return condition.test(ns.substring(to: match.location))
    }
    static let countedFromTermination = re(#"^\W{0,3}((efter|etter|after|från|fra|from|of)\s+(\S+\s+){0,2}(uppsägning\w*|opsigelse\w*|oppsigelse\w*|oppseiing\w*|terminat\w*)|(\S+\s+){0,2}(varsel|notice)\b[^.]{0,15}\b(heve|hæve|häva|terminate|si opp|sige op|säga upp))"#)

    /// Ranges inside «…» or "…" (amended wording quoted, not in force).
    func quotedRanges(_ s: String) -> [NSRange] {
        Self.quoted.matches(s).map(\.range)
    }

    func make(value: Int, unit: String, match: NSRange, in s: String, sentence: NSRange, t: Text,
              clause: String?, pattern: String) -> ProposedRule {
        let ns = s as NSString
        let after = ns.substring(from: match.location + match.length)
        let before = ns.substring(to: match.location)
        let tail = String(after.prefix(120))
        var direction = "after"
        let noticeWordNext = Self.noticeWordNext.test(after)
        let toObject = Self.toObject.test(after)
        if toObject {
            direction = "after"     // "30 dager til å motsette seg endringen": counted from the notice
        } else if noticeWordNext && Self.termination.test(s) && !Self.ends.test(tail) {
            direction = "after"     // "opsiges med 3 måneders varsel": a notice period, counted from the notice
        } else if Self.before.test(after) {
            direction = "before"
        } else if Self.after.test(after) {
            direction = "after"
        } else if Self.termination.test(s) && !Self.beforeWord.test(tail) {
            direction = "after"
        } else if Self.beforeLead.test(before), !Self.withinLead.test(before) {
            direction = "before"
        } else if Self.beforeTail.test(tail), !Self.withinLead.test(before) {
            direction = "before"
        }
        var anchor: String
        if direction == "before" {
            if Self.ends.test(tail) { anchor = "agreement_ends" }
            else if Self.audit.test(s) || Self.maintenance.test(s) { anchor = "event" }
            else if Self.change.test(tail) { anchor = "change_takes_effect" }
            else if Self.termination.test(tail) { anchor = "termination_notice" }
            else { anchor = "change_takes_effect" }
        } else {
            if toObject || (Self.objection.test(s) && Self.withinLead.test(before) && !Self.termination.test(s)) {
                anchor = "change_notice_received"
            }
            else if Self.withdrawal.test(s) || Self.cure.test(before) { anchor = "event" }
            else if Self.receipt.test(tail) { anchor = "change_notice_received" }
            else if Self.termination.test(s) && !Self.claim.test(tail) && !Self.conditionBeforeTermination(s, at: match) {
                anchor = Self.endedWord.test(tail) ? "agreement_ends" : "termination_notice"
            }
            else if Self.ends.test(tail) || Self.atEnd.test(s) { anchor = "agreement_ends" }
            else { anchor = "event" }
        }
        let actor = Self.actor(in: s, at: match.location)
        let isTermination = anchor == "termination_notice"
        return ProposedRule(
            value: value, unit: unit, direction: direction, anchor: anchor, actor: actor,
            writtenForm: Self.written.test(s) || (isTermination && terminationWritten),
            groundsRequired: Self.grounds.test(s),
            clause: clause, quote: s, start: sentence.location, end: sentence.location + sentence.length,
            pattern: pattern, periodText: ns.substring(with: match),
            toEndOfMonth: Self.endOfMonth.test(s))
    }
}
