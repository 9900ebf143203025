import Foundation
import XCTest
@testable import VarselIntake

/// Must-show (issue 11): the corpus of sentences COLLECTED verbatim from public contract texts
/// (Corpus/collected-sentences.json, sources and labelling rules in Corpus/README.md). Prints
/// precision and recall per language and per field (period, direction, anchor, written form,
/// grounds, party organisation numbers, sub-processors); fails below 90 %.
final class CollectedCorpusTests: XCTestCase {
    struct Source: Decodable { var url: String?, repo: String?, path: String?, commit: String?, indexId: String?, note: String? }
    struct Rule: Decodable { var value: Int, unit: String, direction: String, anchor: String, writtenForm: Bool, groundsRequired: Bool }
    struct Party: Decodable { var name: String, orgNumber: String }
    struct SubProcessor: Decodable { var name: String, country: String? }
    struct Entry: Decodable {
        var language: String, source: Source, text: String
        var rules: [Rule], parties: [Party], subProcessors: [SubProcessor]
        var note: String?
    }

    static func load() throws -> [Entry] {
        let data = try Data(contentsOf: Paths.corpus.appendingPathComponent("collected-sentences.json"))
        return try JSONDecoder().decode([Entry].self, from: data)
    }

    static let units: Set<String> = ["hours", "days", "weeks", "months", "years", "working_days", "vague"]
    static let anchors: Set<String> = ["change_notice_received", "change_takes_effect", "termination_notice",
                                       "agreement_ends", "event", "recurring"]

    /// The corpus itself: big enough, every language, every entry sourced and well-formed.
    func testCollectedCorpusIsWellFormed() throws {
        let entries = try Self.load()
        XCTAssertGreaterThanOrEqual(entries.count, 150)
        let minimum = ["sv": 40, "da": 35, "nb": 30, "nn": 15, "en": 35]
        for (l, n) in minimum {
            XCTAssertGreaterThanOrEqual(entries.filter { $0.language == l }.count, n, "sentences in \(l)")
        }
        let nonPeriodNumbers = entries.filter { $0.rules.isEmpty && $0.text.contains(where: \.isNumber) }
        XCTAssertGreaterThanOrEqual(nonPeriodNumbers.count, 25, "sentences with numbers that are not periods")
        XCTAssertEqual(Set(entries.map(\.text)).count, entries.count, "a sentence twice")
        for e in entries {
            let s = e.source
            XCTAssertTrue(s.url != nil || (s.repo != nil && s.path != nil) || s.indexId != nil, "no source: \(e.text)")
            XCTAssertEqual(e.text, e.text.trimmingCharacters(in: .whitespacesAndNewlines), "untrimmed: \(e.text)")
            for r in e.rules {
                XCTAssertTrue(Self.units.contains(r.unit), "unit \(r.unit): \(e.text)")
                XCTAssertTrue(Self.anchors.contains(r.anchor), "anchor \(r.anchor): \(e.text)")
                XCTAssertTrue(["before", "after"].contains(r.direction), "direction \(r.direction): \(e.text)")
                XCTAssertEqual(r.unit == "vague", r.value == 0, "vague is value 0: \(e.text)")
            }
        }
    }

    func testCollectedCorpusPrecisionAndRecall() throws {
        let entries = try Self.load()
        var score = CorpusScore()
        for e in entries {
            let p = IntakeEngine.propose(e.text, language: e.language)
            score.scoreRules(language: e.language, sentence: e.text,
                             expected: e.rules.map { .init(value: $0.value, unit: $0.unit, direction: $0.direction,
                                                           anchor: $0.anchor, written: $0.writtenForm, grounds: $0.groundsRequired) },
                             got: p.rules)
            // Parties: organisation numbers (digits), the thing a party is recorded by.
            score.scoreNames("partyOrgNumber", language: e.language,
                             expected: e.parties.map { $0.orgNumber.filter(\.isNumber) },
                             got: p.parties.compactMap { $0.orgNumber?.filter(\.isNumber) }, sentence: e.text)
            score.scoreNames("subProcessor", language: e.language, expected: e.subProcessors.map(\.name),
                             got: p.subProcessors.map(\.name), sentence: e.text)
        }
        for m in score.misses { print("  collected: \(m)") }
        print("Collected corpus (quoted from public contract texts):")
        let fields = ["period", "direction", "anchor", "writtenForm", "groundsRequired", "partyOrgNumber", "subProcessor"]
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
