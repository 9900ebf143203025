import Foundation
import XCTest
@testable import VarselIntake

/// Must-show (issue 11): on the five real agreements, the proposed notice rules against the ones
/// the demo portfolio records, matched by (clause, value, unit, direction); parties and
/// sub-processors with their organisation numbers. Prints the per-agreement table of docs/intake.md.
final class FiveAgreementsTests: XCTestCase {
    static let files: [(file: String, agreement: String)] = [
        ("dk-mobilize-me-databehandleraftale.txt", "mobilize-me-dpa"),
        ("no-pureservice-tjenesteavtale.txt", "pureservice"),
        ("se-migrationsverket-e-tjanster-allmanna-villkor.txt", "migrationsverket-e-tjanster"),
        ("se-migrationsverket-kommunikationskanaler-anvandarvillkor.txt", "migrationsverket-kanaler"),
        ("se-personuppgiftsbitradesavtal-bilaga3.txt", "pub-avtal-bilaga3"),
    ]

    /// Demo rules whose period is not in the contract's words (house choices, or a date instead of
    /// a period): intake cannot propose them, so they are not in the recall denominator.
    static let notInText: [String: String] = [
        "migrationsverket-e-tjanster-change-decision": "1 day is a house choice: \"The text sets no deadline of its own\"",
        "migrationsverket-e-tjanster-termination-after-objection": "ends on the day the change applies: no period",
        "mobilize-me-dpa-subprocessor-approval": "1 day is a house choice: \"The text gives no notice period\"",
        "pureservice-data-return-decision": "30 days is a house choice: \"The text gives no period\"",
        "pureservice-terms-change-decision": "1 day is a house choice: \"No minimum notice period is stated\"",
    ]

    /// Rules the contracts state that the demo does not record (read in the contracts; the contract
    /// is right). Proposals matching these count as correct for precision.
    static let alsoInContract: [String: [Key]] = [
        // "Leverandøren skal ved hændelser, hvor person oplysningers fortrolighed ... kan være eller have
        // været negativt påvirket, underrette institutionen uden ugrundet ophold." (Bilag 1, 2.2)
        // "Leverandøren er forpligtet til straks at underrette Institutionen om ethvert sikkerhedsbrud" (4.2)
        "mobilize-me-dpa": [Key("Bilag 1, 2.2", 0, "vague", "after"), Key("4.2", 0, "vague", "after")],
        "pureservice": [
            // "For større oppdateringer vil Pureservice varsle kunden i rimelig tid før oppdatering gjøres." (3.3)
            Key("3.3", 0, "vague", "before"),
            // "Pureservice skal snarest mulig etter mottagelse av en endringsordre skriftlig meddele Kunden
            // hvilke virkninger endringene får for pris, fremdriftsplan eller andre forhold." (7.2)
            Key("7.2", 0, "vague", "after"),
            // "Databehandleren skal omgående underrette den behandlingsansvarlige dersom en instruks fra den
            // behandlingsansvarlige, etter databehandlerens mening, er i strid med personvernforordningen …" (8.3.2)
            Key("8.3.2", 0, "vague", "after"),
            // "Databehandler skal skriftlig dokumentere at sletting er foretatt innen rimelig tid etter
            // avtalens opphør." (A.5)
            Key("A.5", 0, "vague", "after"),
            // "Oppstår det forsinkelser ... skal Pureservice, uten ugrunnet opphold, informere kunden." (7.1)
            Key("7.1", 0, "vague", "after"),
            // "Ved brudd på personopplysningssikkerheten skal databehandleren underrette den
            // behandlingsansvarlige om bruddet uten ugrunnet opphold etter å ha fått kjennskap til det." (8.9.1)
            Key("8.9.1", 0, "vague", "after"),
            // "Dersom databehandler får kjennskap til ulovlig tilgang ... skal databehandler uten ugrunnet
            // opphold ..." (C.3)
            Key("C.3", 0, "vague", "after"),
            // "Utviklingsteamet gjennomgår opplæring i sikker utvikling ... hvert år" (C.2)
            Key("C.2", 12, "months", "after"),
        ],
        // "Användaren ska snarast möjligt underrättas om avstängningen eller begränsningen samt om
        // skälen för detta." (11.4)
        "migrationsverket-e-tjanster": [Key("11.4", 0, "vague", "after")],
        "pub-avtal-bilaga3": [
            // "(c) Omedelbart efter att Kunden har upplysts, informera Leverantören om felaktiga, rättade,
            // uppdaterade eller raderade personuppgifter som omfattas av Leverantörens behandling;" (4.2)
            Key("4.2", 0, "vague", "after"),
            // "4.3.1 Leverantören ska omedelbart informera den personuppgiftsansvarige om denne anser att en
            // instruktion strider mot EU Personuppgiftslagstiftning." (4.3.1)
            Key("4.3.1", 0, "vague", "after"),
        ],
    ]

    struct Key: Hashable, CustomStringConvertible {
        var clause: String, value: Int, unit: String, direction: String
        init(_ c: String, _ v: Int, _ u: String, _ d: String) { clause = c; value = v; unit = u; direction = d }
        var description: String { "\(clause) \(unit == "vague" ? "vague" : "\(value) \(unit)") \(direction)" }
    }

    struct Demo: Decodable {
        struct Rule: Decodable {
            struct P: Decodable { var value: Int; var unit: String }
            var id: String, agreementId: String, clauseRef: String?, direction: String, period: P?
            var trigger: String, actor: String, writtenForm: Bool, groundsRequired: Bool
        }
        struct Party: Decodable { var id: String; var name: String; var orgNumber: String? }
        struct Agreement: Decodable { var id: String; var counterpartyId: String; var kind: String; var language: String }
        struct Sub: Decodable { var agreementId: String; var name: String; var orgNumber: String?; var country: String?; var purpose: String? }
        var noticeRules: [Rule], parties: [Party], agreements: [Agreement], subProcessors: [Sub]
    }

    func testFiveAgreementsAgainstTheDemoPortfolio() throws {
        guard FileManager.default.fileExists(atPath: Paths.contracts.path) else {
            return XCTFail("the five contracts are not at \(Paths.contracts.path) (Resources/contracts)")
        }
        let demo = try JSONDecoder().decode(Demo.self, from: Data(contentsOf: Paths.portfolio))
        var fieldTotal = 0, anchorSame = 0, actorSame = 0, writtenSame = 0, groundsSame = 0
        var totalExpected = 0, totalMatched = 0, totalProposed = 0, totalCorrect = 0, totalStrict = 0
        var report = ["| Agreement | Demo rules (in text) | Matched | Recall | Proposed | Correct | Precision | Parties with org no. | Sub-processors |",
                      "|---|---|---|---|---|---|---|---|---|"]
        for (file, agreement) in Self.files {
            let text = try IntakeReader.read(path: Paths.contracts.appendingPathComponent(file).path).text
            let p = IntakeEngine.propose(text)
            let expected = demo.noticeRules.filter { $0.agreementId == agreement && Self.notInText[$0.id] == nil }
                .map { Key($0.clauseRef ?? "", $0.period?.value ?? 0, $0.period?.unit ?? "vague", $0.direction) }
            var unmatched = expected
            var proposedKeys = p.rules.map { Key($0.clause ?? "", $0.value, $0.unit, $0.direction) }
            var strict = 0
            for k in proposedKeys {
                if let i = unmatched.firstIndex(of: k) { unmatched.remove(at: i); strict += 1 }
            }
            let matched = expected.count - unmatched.count
            // Informational: how often the other fields agree on matched rules (not asserted).
            for d in demo.noticeRules where d.agreementId == agreement && Self.notInText[d.id] == nil {
                let k = Key(d.clauseRef ?? "", d.period?.value ?? 0, d.period?.unit ?? "vague", d.direction)
                // Two rules of one clause can share a key (Pureservice 7.2: "snarest mulig … meddele" and
                // "reklamert innen rimelig tid"): compare with the one that is the same rule.
                let same = p.rules.filter { Key($0.clause ?? "", $0.value, $0.unit, $0.direction) == k }
                guard let r = same.first(where: { $0.anchor == d.trigger && $0.actor == d.actor }) ?? same.first else { continue }
                fieldTotal += 1
                if r.anchor == d.trigger { anchorSame += 1 } else { print("  anchor \(r.anchor) vs demo \(d.trigger): \(d.id)") }
                if r.actor == d.actor { actorSame += 1 } else { print("  actor \(r.actor) vs demo \(d.actor): \(d.id)") }
                if r.writtenForm == d.writtenForm { writtenSame += 1 } else { print("  writtenForm \(r.writtenForm) vs demo \(d.writtenForm): \(d.id)") }
                if r.groundsRequired == d.groundsRequired { groundsSame += 1 } else { print("  groundsRequired \(r.groundsRequired) vs demo \(d.groundsRequired): \(d.id)") }
            }
            var extra = Self.alsoInContract[agreement] ?? []
            var correct = strict
            proposedKeys = p.rules.map { Key($0.clause ?? "", $0.value, $0.unit, $0.direction) }
            var pool = expected
            for k in proposedKeys {
                if let i = pool.firstIndex(of: k) { pool.remove(at: i) }
                else if let i = extra.firstIndex(of: k) { extra.remove(at: i); correct += 1 }
                else { print("  not correct: \(agreement) \(k)") }
            }
            for k in unmatched { print("  missed: \(agreement) \(k)") }
            // Parties and sub-processors with org numbers.
            let a = demo.agreements.first { $0.id == agreement }!
            XCTAssertEqual(p.language, a.language, "\(agreement): language")
            XCTAssertEqual(p.kind, a.kind, "\(agreement): kind")
            let cp = demo.parties.first { $0.id == a.counterpartyId }!
            func digits(_ s: String?) -> String { (s ?? "").filter(\.isNumber) }
            if cp.orgNumber != nil {
                XCTAssertTrue(p.parties.contains { digits($0.orgNumber) == digits(cp.orgNumber) }, "\(agreement): party \(cp.name) \(cp.orgNumber!)")
            }
            let subs = demo.subProcessors.filter { $0.agreementId == agreement }
            XCTAssertEqual(p.subProcessors.count, subs.count, "\(agreement): \(p.subProcessors.map(\.name))")
            for s in subs {
                let found = p.subProcessors.first { s.name.lowercased().hasPrefix($0.name.lowercased()) || $0.name.lowercased().hasPrefix(s.name.lowercased()) }
                XCTAssertNotNil(found, "\(agreement): sub-processor \(s.name)")
                if let o = s.orgNumber { XCTAssertEqual(digits(found?.orgNumber), digits(o), "\(agreement): \(s.name)") }
                XCTAssertEqual(found?.country, s.country, "\(agreement): \(s.name) country")
                if let want = s.purpose, let got = found?.purpose {
                    XCTAssertTrue(want.contains(got), "\(agreement): \(s.name) purpose \(got)")
                }
            }
            let partyCell = p.parties.map { "\($0.name) \($0.orgNumber ?? "")" }.joined(separator: "; ")
            let subCell = p.subProcessors.map { "\($0.name)\($0.orgNumber.map { " " + $0 } ?? "")" }.joined(separator: "; ")
            report.append("| \(agreement) | \(expected.count) | \(matched) | \(pct(matched, expected.count)) | \(p.rules.count) | \(correct) (\(strict) in demo) | \(pct(correct, p.rules.count)) | \(partyCell.isEmpty ? "-" : partyCell) | \(subCell.isEmpty ? "-" : subCell) |")
            totalExpected += expected.count; totalMatched += matched; totalProposed += p.rules.count
            totalCorrect += correct; totalStrict += strict
        }
        report.append("| all five | \(totalExpected) | \(totalMatched) | \(pct(totalMatched, totalExpected)) | \(totalProposed) | \(totalCorrect) (\(totalStrict) in demo) | \(pct(totalCorrect, totalProposed)) | | |")
        print(report.joined(separator: "\n"))
        print("Matched rules whose other fields agree with the demo: anchor \(anchorSame)/\(fieldTotal), actor \(actorSame)/\(fieldTotal), writtenForm \(writtenSame)/\(fieldTotal), groundsRequired \(groundsSame)/\(fieldTotal)")
        let recall = Double(totalMatched) / Double(max(1, totalExpected))
        let precision = Double(totalCorrect) / Double(max(1, totalProposed))
        XCTAssertGreaterThanOrEqual(recall, 0.9, "recall")
        XCTAssertGreaterThanOrEqual(precision, 0.9, "precision")
    }

    func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "-" : String(format: "%.0f %%", 100 * Double(a) / Double(b)) }
}
