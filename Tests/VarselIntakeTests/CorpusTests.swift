import Foundation
import XCTest
@testable import VarselIntake

/// Must-show (issue 11): the labelled corpus (Corpus/README.md). Prints precision and recall per
/// language and per field; fails below 90 %.
final class CorpusTests: XCTestCase {
    struct Expected: Hashable { var value: Int, unit: String, direction: String, written: Bool, grounds: Bool }
    struct Entry { var language: String, expected: [Expected], sentence: String }

    static func load() throws -> [Entry] {
        let text = try String(contentsOf: Paths.corpus.appendingPathComponent("sentences.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let exp: [Expected] = cols[1] == "-" ? [] : cols[1].components(separatedBy: " | ").map { r in
                let w = r.split(separator: " ").map(String.init)
                return Expected(value: Int(w[0])!, unit: w[1], direction: w[2], written: w.dropFirst(3).contains("w"),
                                grounds: w.dropFirst(3).contains("g"))
            }
            return Entry(language: cols[0], expected: exp, sentence: cols[2])
        }
    }

    struct Tally { var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    }

    func testCorpusPrecisionAndRecall() throws {
        let entries = try Self.load()
        XCTAssertGreaterThanOrEqual(entries.count, 150)
        XCTAssertEqual(Set(entries.map(\.language)), ["sv", "da", "nb", "nn", "en"])
        let nonPeriodNumbers = entries.filter { $0.expected.isEmpty && $0.sentence.contains(where: \.isNumber) }
        XCTAssertGreaterThanOrEqual(nonPeriodNumbers.count, 20, "sentences with numbers that are not periods")
        // Per language: whole rules (value, unit, direction). Per field: each field over all languages.
        var byLanguage: [String: Tally] = [:]
        var fields: [String: Tally] = ["period": Tally(), "direction": Tally(), "writtenForm": Tally(), "groundsRequired": Tally()]
        for e in entries {
            let got = IntakeEngine.propose(e.sentence, language: e.language).rules
            var pending = e.expected
            var t = byLanguage[e.language] ?? Tally()
            for r in got {
                if let i = pending.firstIndex(where: { $0.value == r.value && $0.unit == r.unit && $0.direction == r.direction }) {
                    let x = pending.remove(at: i)
                    t.tp += 1
                    fields["period"]!.tp += 1
                    fields["direction"]!.tp += 1
                    for (name, want, have) in [("writtenForm", x.written, r.writtenForm), ("groundsRequired", x.grounds, r.groundsRequired)] {
                        if want && have { fields[name]!.tp += 1 }
                        if !want && have { fields[name]!.fp += 1; print("  \(e.language) \(name) wrongly set: \(e.sentence)") }
                        if want && !have { fields[name]!.fn += 1; print("  \(e.language) \(name) missed: \(e.sentence)") }
                    }
                } else if let i = pending.firstIndex(where: { $0.value == r.value && $0.unit == r.unit }) {
                    pending.remove(at: i)
                    t.fp += 1; t.fn += 1
                    fields["period"]!.tp += 1; fields["direction"]!.fp += 1; fields["direction"]!.fn += 1
                    print("  \(e.language) wrong direction \(r.direction): \(e.sentence)")
                } else {
                    t.fp += 1; fields["period"]!.fp += 1; fields["direction"]!.fp += 1
                    print("  \(e.language) not a rule: \(r.value) \(r.unit) \(r.direction) [\(r.pattern)] in: \(e.sentence)")
                }
            }
            for x in pending {
                t.fn += 1; fields["period"]!.fn += 1; fields["direction"]!.fn += 1
                print("  \(e.language) missed \(x.value) \(x.unit) \(x.direction): \(e.sentence)")
            }
            byLanguage[e.language] = t
        }
        var lines = ["| Language | Sentences | Rules expected | Precision | Recall |", "|---|---|---|---|---|"]
        for l in ["sv", "da", "nb", "nn", "en"] {
            let t = byLanguage[l]!
            lines.append("| \(l) | \(entries.filter { $0.language == l }.count) | \(t.tp + t.fn) | \(pct(t.precision)) | \(pct(t.recall)) |")
        }
        lines += ["", "| Field | Precision | Recall |", "|---|---|---|"]
        for f in ["period", "direction", "writtenForm", "groundsRequired"] {
            lines.append("| \(f) | \(pct(fields[f]!.precision)) | \(pct(fields[f]!.recall)) |")
        }
        print(lines.joined(separator: "\n"))
        for (l, t) in byLanguage {
            XCTAssertGreaterThanOrEqual(t.precision, 0.9, "precision \(l)")
            XCTAssertGreaterThanOrEqual(t.recall, 0.9, "recall \(l)")
        }
        for (f, t) in fields {
            XCTAssertGreaterThanOrEqual(t.precision, 0.9, "precision \(f)")
            XCTAssertGreaterThanOrEqual(t.recall, 0.9, "recall \(f)")
        }
    }

    func pct(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }
}
