import Foundation
import XCTest
@testable import VarselIntake

/// The synthetic corpus (Corpus/synthetic-sentences.tsv): sentences written for this project in the
/// style of public contracts, not quoted from them (Corpus/README.md). Kept as a regression set next
/// to the collected one (CollectedCorpusTests). Prints precision and recall per language and per
/// field; fails below 90 %.
final class SyntheticCorpusTests: XCTestCase {
    struct Entry { var language: String, expected: [CorpusScore.Rule], sentence: String }

    static func load() throws -> [Entry] {
        let text = try String(contentsOf: Paths.corpus.appendingPathComponent("synthetic-sentences.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let exp: [CorpusScore.Rule] = cols[1] == "-" ? [] : cols[1].components(separatedBy: " | ").map { r in
                let w = r.split(separator: " ").map(String.init)
                return CorpusScore.Rule(value: Int(w[0])!, unit: w[1], direction: w[2], anchor: nil,
                                        written: w.dropFirst(3).contains("w"), grounds: w.dropFirst(3).contains("g"))
            }
            return Entry(language: cols[0], expected: exp, sentence: cols[2])
        }
    }

    func testSyntheticCorpusPrecisionAndRecall() throws {
        let entries = try Self.load()
        XCTAssertGreaterThanOrEqual(entries.count, 150)
        XCTAssertEqual(Set(entries.map(\.language)), Set(CorpusScore.languages))
        let nonPeriodNumbers = entries.filter { $0.expected.isEmpty && $0.sentence.contains(where: \.isNumber) }
        XCTAssertGreaterThanOrEqual(nonPeriodNumbers.count, 20, "sentences with numbers that are not periods")
        var score = CorpusScore()
        for e in entries {
            score.scoreRules(language: e.language, sentence: e.sentence, expected: e.expected,
                             got: IntakeEngine.propose(e.sentence, language: e.language).rules)
        }
        for m in score.misses { print("  synthetic: \(m)") }
        print("Synthetic corpus (written for this project, not collected):")
        let fields = ["period", "direction", "writtenForm", "groundsRequired"]
        print(score.table(fieldOrder: fields))
        for l in CorpusScore.languages {
            let t = score.byLanguage[l] ?? CorpusScore.Tally()
            XCTAssertGreaterThanOrEqual(t.precision, 0.9, "precision \(l)")
            XCTAssertGreaterThanOrEqual(t.recall, 0.9, "recall \(l)")
        }
        for f in fields {
            let t = score.fields[f] ?? CorpusScore.Tally()
            XCTAssertGreaterThanOrEqual(t.precision, 0.9, "precision \(f)")
            XCTAssertGreaterThanOrEqual(t.recall, 0.9, "recall \(f)")
        }
    }
}
