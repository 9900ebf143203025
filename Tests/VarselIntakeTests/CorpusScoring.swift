import Foundation
@testable import VarselIntake

/// Precision and recall of the rule extractor on a labelled corpus, per language and per field,
/// shared by the collected corpus (CollectedCorpusTests) and the synthetic one (SyntheticCorpusTests).
struct CorpusScore {
    /// An expected notice rule. `anchor` nil: the corpus does not label it (the synthetic set).
    struct Rule { var value: Int, unit: String, direction: String, anchor: String?, written: Bool, grounds: Bool }

    struct Tally {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var expected: Int { tp + fn }
    }

    static let languages = ["sv", "da", "nb", "nn", "en"]
    var byLanguage: [String: Tally] = [:]
    var sentences: [String: Int] = [:]
    var fields: [String: Tally] = [:]
    /// One line per disagreement, for the test log.
    var misses: [String] = []

    mutating func count(_ field: String, want: Bool, have: Bool, _ what: @autoclosure () -> String) {
        var t = fields[field] ?? Tally()
        if want && have { t.tp += 1 }
        if !want && have { t.fp += 1; misses.append("\(field) wrongly set: \(what())") }
        if want && !have { t.fn += 1; misses.append("\(field) missed: \(what())") }
        fields[field] = t
    }

    /// Scores the rules proposed for one sentence against the expected ones: a rule matches by
    /// (value, unit, direction); on a match its anchor, written form and grounds are scored too.
    mutating func scoreRules(language: String, sentence: String, expected: [Rule], got: [ProposedRule]) {
        sentences[language, default: 0] += 1
        var t = byLanguage[language] ?? Tally()
        var period = fields["period"] ?? Tally(), direction = fields["direction"] ?? Tally()
        var pending = expected
        let short = sentence.replacingOccurrences(of: "\n", with: " ")
        for r in got {
            if let i = pending.firstIndex(where: { $0.value == r.value && $0.unit == r.unit && $0.direction == r.direction }) {
                let x = pending.remove(at: i)
                t.tp += 1; period.tp += 1; direction.tp += 1
                if let anchor = x.anchor {
                    var a = fields["anchor"] ?? Tally()
                    if anchor == r.anchor { a.tp += 1 } else {
                        a.fp += 1; a.fn += 1
                        misses.append("\(language) anchor \(r.anchor), expected \(anchor): \(short)")
                    }
                    fields["anchor"] = a
                }
                count("writtenForm", want: x.written, have: r.writtenForm, "\(language) \(short)")
                count("groundsRequired", want: x.grounds, have: r.groundsRequired, "\(language) \(short)")
            } else if let i = pending.firstIndex(where: { $0.value == r.value && $0.unit == r.unit }) {
                pending.remove(at: i)
                t.fp += 1; t.fn += 1
                period.tp += 1; direction.fp += 1; direction.fn += 1
                misses.append("\(language) wrong direction \(r.direction): \(short)")
            } else {
                t.fp += 1; period.fp += 1; direction.fp += 1
                misses.append("\(language) not a rule: \(r.value) \(r.unit) \(r.direction) [\(r.pattern)] in: \(short)")
            }
        }
        for x in pending {
            t.fn += 1; period.fn += 1; direction.fn += 1
            misses.append("\(language) missed \(x.value) \(x.unit) \(x.direction): \(short)")
        }
        byLanguage[language] = t
        fields["period"] = period
        fields["direction"] = direction
    }

    /// Expected names against proposed names: one matches the other when either contains the
    /// other, case-insensitively ("Slack Technologies" for "Slack Technologies, LLC").
    mutating func scoreNames(_ field: String, language: String, expected: [String], got: [String], sentence: String) {
        var t = fields[field] ?? Tally()
        var pending = expected.map { $0.lowercased() }
        let short = sentence.replacingOccurrences(of: "\n", with: " ").prefix(90)
        for g in got.map({ $0.lowercased() }) {
            if let i = pending.firstIndex(where: { $0.contains(g) || g.contains($0) }) {
                pending.remove(at: i); t.tp += 1
            } else { t.fp += 1; misses.append("\(language) \(field) not expected: \(g) in: \(short)") }
        }
        for p in pending { t.fn += 1; misses.append("\(language) \(field) missed: \(p) in: \(short)") }
        fields[field] = t
    }

    func table(fieldOrder: [String]) -> String {
        var lines = ["| Language | Sentences | Rules expected | Precision | Recall |", "|---|---|---|---|---|"]
        for l in Self.languages {
            let t = byLanguage[l] ?? Tally()
            lines.append("| \(l) | \(sentences[l] ?? 0) | \(t.expected) | \(pct(t.precision)) | \(pct(t.recall)) |")
        }
        lines += ["", "| Field | Expected | Precision | Recall |", "|---|---|---|---|"]
        for f in fieldOrder {
            let t = fields[f] ?? Tally()
            lines.append("| \(f) | \(t.expected) | \(pct(t.precision)) | \(pct(t.recall)) |")
        }
        return lines.joined(separator: "\n")
    }

    func pct(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }
}
