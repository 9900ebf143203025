import Foundation

/// The period rules (docs/intake.md): each sentence is searched for periods in the order of
/// `patterns`; a later pattern never re-reads words an earlier one used.
struct RuleExtractor {
    let language: String
    /// The period patterns, built once.
    private(set) var compiled: [(name: String, regex: NSRegularExpression)] = []
    private(set) var vagueRegex: NSRegularExpression
    private(set) var immediateRegex: NSRegularExpression

    init(language: String) {
        self.language = language
        vagueRegex = NSRegularExpression.ci("\\b(" + Self.alt(Vocabulary.vague) + ")\\b")
        immediateRegex = NSRegularExpression.ci(Self.alt(Vocabulary.immediate))
        compiled = patterns()
    }
    /// Termination must be in writing somewhere in the contract ("En uppsägning ska alltid vara skriftlig").
    var terminationWritten = false

    private static func re(_ p: String) -> NSRegularExpression { NSRegularExpression.ci(p) }
    private static func alt(_ words: [String]) -> String {
        words.sorted { $0.count > $1.count }
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: " ", with: #"\s+"#) }
            .joined(separator: "|")
    }

    var numberWords: [String: Int] {
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
            ("period-digits-word", Self.re(lead + #"(\d{1,3})\s*[-(]\s*\p{L}+\s*[-)]\s*"# + unit)),
            ("period-digits", Self.re(lead + #"(\d{1,3})(?:[\s\u00A0]*-[\s\u00A0]*|[\s\u00A0]+)"# + unit)),
            ("period-word", Self.re(#"(?<![\p{L}\d])"# + word + #"\s+"# + unit)),
        ]
    }

    func unitFor(_ word: String) -> String {
        let w = word.lowercased().replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        return Vocabulary.units.first { $0.0 == w }?.1 ?? "days"
    }

    /// Rules found in one sentence.
    func rules(in sentence: NSRange, of t: Text, clause: String?) -> [ProposedRule] {
        let s = t.sub(sentence)
        let ns = s as NSString
        if Self.re(Vocabulary.serviceLevel).test(s) || Self.re(Vocabulary.paymentTerm).test(s) { return [] }
        var used: [NSRange] = []
        var out: [ProposedRule] = []
        let quoted = quotedRanges(s)
        func free(_ r: NSRange) -> Bool {
            !used.contains { NSIntersectionRange($0, r).length > 0 } && !quoted.contains { NSIntersectionRange($0, r).length > 0 }
        }
        for (name, regex) in compiled {
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
                   !Self.re(#"\b(inom|innen|inden|innan|senast|senest|minst|mindst|within|at least|no later than|om|på|for|med|i|efter|etter|after)\s*$"#).test(before) { continue }
                if Self.re(Vocabulary.upperBound).test(before) || Self.re(Vocabulary.renewal).test(before)
                    || Self.re(Vocabulary.duration).test(before) { continue }
                // Payment terms ("30 dagar från fakturadatum") are not notice rules.
                let near = String(ns.substring(from: m.range.location + m.range.length).prefix(50))
                if Self.re(Vocabulary.payment).test(near) { continue }
                if Self.re(#"\b(fra|från|from)\s+\d+\s+(til|till|to)\s*$"#).test(before) { continue }
                used.append(m.range)
                out.append(make(value: value, unit: unit, match: m.range, in: s, sentence: sentence, t: t,
                                clause: clause, pattern: name))
            }
        }
        // Yearly duties ("minst en gang årligt"): 12 months, recurring.
        for m in Self.re(Vocabulary.yearly).matches(s) where free(m.range) && m.range.length > 0 {
            let rest = ns.substring(from: m.range.location + m.range.length)
            if Self.re(#"\b(inntil|intill|indtil|up to|högst|højest|høyst|at most)\s*$"#).test(ns.substring(to: m.range.location)) { continue }
            if Self.re(Vocabulary.fee).test(rest) { continue }
            var r = make(value: 12, unit: "months", match: m.range, in: s, sentence: sentence, t: t, clause: clause, pattern: "yearly")
            r.direction = "after"; r.anchor = "recurring"
            if !Self.re(Vocabulary.us).test(s) && !Self.re(Vocabulary.them).test(s) { r.actor = "them" }   // a duty kept without naming who: the supplier's
            used.append(m.range); out.append(r)
        }
        // Immediate effect.
        for m in immediateRegex.matches(s) where free(m.range) && Self.re(Vocabulary.termination).test(s) {
            var r = make(value: 0, unit: "vague", match: m.range, in: s, sentence: sentence, t: t, clause: clause, pattern: "immediate-effect")
            r.direction = "after"; r.anchor = "termination_notice"
            used.append(m.range); out.append(r)
        }
        // Vague wording, only where someone must notify, object or claim.
        if Self.re(Vocabulary.noticeVerbs).test(s) {
            for m in vagueRegex.matches(s) where free(m.range) {
                var r = make(value: 0, unit: "vague", match: m.range, in: s, sentence: sentence, t: t, clause: clause, pattern: "vague")
                r.direction = "after"
                used.append(m.range); out.append(r)
            }
        }
        // One rule per (value, unit, direction, anchor) in a sentence.
        var seen = Set<String>()
        out = out.filter { seen.insert("\($0.value) \($0.unit) \($0.direction) \($0.anchor)").inserted }
        // An objection window that closes before the change: a second rule counted from the notice.
        if let r = out.first(where: { $0.direction == "before" && $0.anchor == "change_takes_effect" && $0.unit != "vague" }),
           Self.re(#"\b(motsette|invända|gøre indsigelse|indsigelse|object|protestere|innsigelse)"#).test(s) {
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
        if re(Vocabulary.either).test(s) { return "either" }
        let ns = s as NSString
        var found: [(Int, Int, String)] = []   // location, end, role
        for m in re(Vocabulary.us).matches(s) { found.append((m.range.location, m.range.location + m.range.length, "us")) }
        for m in re(Vocabulary.them).matches(s) { found.append((m.range.location, m.range.location + m.range.length, "them")) }
        guard !found.isEmpty else { return "either" }
        // The grammatical subject: a party followed by a modal verb ("Migrationsverket ska meddela").
        let modal = re(#"^\s*(ska|skal|skall|shall|must|may|kan|får|har|will|må|is|are|vil)\b"#)
        let subjects = found.filter { modal.test(ns.substring(from: $0.1)) }
        let pool = subjects.isEmpty ? found : subjects
        let pick = pool.filter { $0.0 < location }.max { $0.0 < $1.0 } ?? pool.min { $0.0 < $1.0 }!
        let rest = ns.substring(from: pick.1)
        if re(Vocabulary.passive).test(rest) { return pick.2 == "us" ? "them" : "us" }
        return pick.2
    }

    /// Ranges inside «…» or "…" (amended wording quoted, not in force).
    func quotedRanges(_ s: String) -> [NSRange] {
        Self.re(#"«[^»]*»|“[^”]*”"#).matches(s).map(\.range)
    }

    func make(value: Int, unit: String, match: NSRange, in s: String, sentence: NSRange, t: Text,
              clause: String?, pattern: String) -> ProposedRule {
        let ns = s as NSString
        let after = ns.substring(from: match.location + match.length)
        let before = ns.substring(to: match.location)
        let tail = String(after.prefix(120))
        var direction = "after"
        let noticeWordNext = Self.re(#"^\W{0,3}(varsel|varsels|notice|notis)\b"#).test(after)
        if noticeWordNext && Self.re(Vocabulary.termination).test(s) && !Self.re(Vocabulary.ends).test(tail) {
            direction = "after"     // "opsiges med 3 måneders varsel": a notice period, counted from the notice
        } else if Self.re(Vocabulary.before).test(after) {
            direction = "before"
        } else if Self.re(Vocabulary.after).test(after) {
            direction = "after"
        } else if Self.re(Vocabulary.termination).test(s) && !Self.re(#"\b(before|före|før|inden|innan)\b"#).test(tail) {
            direction = "after"
        } else if Self.re(Vocabulary.beforeLead).test(before) {
            direction = "before"
        } else if Self.re(#"\b(före|innan|før|inden|prior to|before)\b"#).test(tail), !Self.re(Vocabulary.withinLead).test(before) {
            direction = "before"
        }
        var anchor: String
        if direction == "before" {
            if Self.re(Vocabulary.ends).test(tail) { anchor = "agreement_ends" }
            else if Self.re(#"\b(revision|revisor|audit|inspektion|inspeksjon|granskning|tilsyn)\w*"#).test(s) { anchor = "event" }
            else if Self.re(Vocabulary.change).test(tail) { anchor = "change_takes_effect" }
            else if Self.re(Vocabulary.termination).test(tail) { anchor = "termination_notice" }
            else { anchor = "change_takes_effect" }
        } else {
            if Self.re(Vocabulary.receipt).test(tail) { anchor = "change_notice_received" }
            else if Self.re(Vocabulary.termination).test(s) && !Self.re(#"\b(krav|demand|skade|skada|damage|mangel|defect)"#).test(tail) {
                anchor = Self.re(#"\b(sades upp|sagts upp|opsagt|sagt opp)\b"#).test(tail) ? "agreement_ends" : "termination_notice"
            }
            else if Self.re(Vocabulary.ends).test(tail) { anchor = "agreement_ends" }
            else { anchor = "event" }
        }
        let actor = Self.actor(in: s, at: match.location)
        let isTermination = anchor == "termination_notice"
        return ProposedRule(
            value: value, unit: unit, direction: direction, anchor: anchor, actor: actor,
            writtenForm: Self.re(Vocabulary.written).test(s) || (isTermination && terminationWritten),
            groundsRequired: Self.re(Vocabulary.grounds).test(s),
            clause: clause, quote: s, start: sentence.location, end: sentence.location + sentence.length,
            pattern: pattern, periodText: ns.substring(with: match),
            toEndOfMonth: Self.re(Vocabulary.endOfMonth).test(s))
    }
}
