import Foundation
import XCTest
@testable import VarselKit
@testable import VarselUI

/// The agreement detail's Text tab (issue 11, "read it later"): the kept contract text, sanitised,
/// only the visible rows drawn, `/` with `n`/`N` over it (clause headings included), and `T` from
/// the Notice rules tab to the rule's clause in the text.
final class AgreementTextTabTests: XCTestCase {
    /// A title page, a hostile line, and two clauses far apart.
    static let text = "AVTAL OM MOLNTJÄNST\nmellan Exempel Moln AB och Nordby kommun\nEvil \u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07} rad\n\n"
        + (1...60).map { "Bakgrundstext rad \($0)." }.joined(separator: "\n")
        + "\n\n11 Avtalstid\n11.1 Avtalet gäller tills vidare med tre (3) månaders uppsägningstid.\n"
        + (61...120).map { "Mellantext rad \($0)." }.joined(separator: "\n")
        + "\n\n12 Tvist\n12.1 Tvist avgörs av svensk domstol.\n"

    @MainActor static func saveContract(_ bench: Bench) throws -> String {
        let bundle = AgreementBundle(
            parties: [Party(id: "intake-party-1", name: "Exempel Moln AB", orgNumber: "556036-0793", country: "SE")],
            agreement: Agreement(id: "", title: "Avtal om molntjänst", kind: .serviceAgreement, counterpartyId: "intake-party-1",
                                 ourRole: .customer, language: "sv", governingLaw: "Swedish law", calendar: .se),
            clauses: [Clause(id: "", agreementId: "", reference: "11.1", heading: "",
                             text: "11.1 Avtalet gäller tills vidare med tre (3) månaders uppsägningstid."),
                      Clause(id: "", agreementId: "", reference: "12.1", heading: "", text: "12.1 Tvist avgörs av svensk domstol.")],
            rules: [NoticeRule(id: "", agreementId: "", clauseRef: "11.1", title: "Termination notice", trigger: .terminationNotice,
                               terminationBy: .either, period: Period(3, .months), direction: .after, actor: .either, writtenForm: true)],
            subProcessors: [],
            document: AgreementDocument(id: "", agreementId: "", fileName: "avtal.txt", mediaType: .txt, sha256: "",
                                        text: text, extractorVersion: "varsel-intake 1", language: "sv", importedAt: "", importedBy: ""))
        let id = try bench.portfolio.addAgreementBundle(bundle, sourceFile: "avtal.txt", sha256: String(repeating: "1f", count: 32)).record.id
        bench.dataChanged()
        return id
    }

    /// The detail's body rows as drawn (the rows under the tab bar and title, full width).
    @MainActor static func body(_ bench: Bench) -> [String] {
        Array(bench.screen(100, 30).split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropFirst(4).prefix(20))
    }

    func testTheTextTabShowsTheKeptTextSanitisedAndScrolls() throws {
        try onMain {
            let bench = try Fixture.workbench()
            let id = try Self.saveContract(bench)
            bench.openAgreement(id, tab: .text)
            XCTAssertEqual(bench.state.context, .agreementText)
            let screen = bench.screen(100, 30)
            XCTAssertTrue(screen.contains("AVTAL OM MOLNTJÄNST"), screen)
            XCTAssertTrue(screen.contains("mellan Exempel Moln AB och Nordby kommun"), screen)
            XCTAssertTrue(screen.contains("1/1 avtal.txt · txt · sv · imported 2026-11-23T09:00:00Z by test"), screen)
            XCTAssertFalse(screen.contains("\u{1B}"), "escape sequences are never drawn")
            XCTAssertTrue(screen.contains("Evil"), screen)
            XCTAssertFalse(screen.contains("12.1 Tvist"), "only the visible rows are drawn")
            bench.press(.char("G"))
            XCTAssertTrue(bench.screen(100, 30).contains("12.1 Tvist avgörs av svensk domstol."))
            bench.press(.char("g"))
            XCTAssertEqual(bench.state.detailScroll, 0)
            // Another tab and back: ] from Text wraps to Overview, [ goes back.
            bench.press(.char("]"))
            XCTAssertEqual(bench.state.detailTab, .overview)
            bench.press(.char("["))
            XCTAssertEqual(bench.state.detailTab, .text)
        }
    }

    func testSlashFindsClauseHeadingsAndNMovesBetweenMatches() throws {
        try onMain {
            let bench = try Fixture.workbench()
            let id = try Self.saveContract(bench)
            bench.openAgreement(id, tab: .text)
            bench.press(.char("/"))
            bench.type("11.1")
            XCTAssertEqual(bench.state.textSearch, "11.1")
            bench.press(.enter)
            XCTAssertNil(bench.state.filters[.agreements], "the search is not the list's filter")
            XCTAssertTrue(Self.body(bench).first?.hasPrefix("11.1 Avtalet gäller") == true, Self.body(bench).joined(separator: "\n"))
            bench.press(.escape, .char("2"))  // leave, then come back: the search stays with the tab
            bench.openAgreement(id, tab: .text)
            bench.press(.char("/"))
            bench.press(.ctrl("u"))
            bench.type("RAD 1")              // case ignored: "rad 1." … "rad 119." match
            bench.press(.enter)
            let first = bench.state.detailScroll
            XCTAssertTrue(Self.body(bench).first?.contains("Bakgrundstext rad 1.") == true, Self.body(bench).joined(separator: "\n"))
            bench.press(.char("n"))
            XCTAssertGreaterThan(bench.state.detailScroll, first)
            XCTAssertTrue(Self.body(bench).first?.contains("rad 10.") == true, Self.body(bench).joined(separator: "\n"))
            bench.press(.char("N"))
            XCTAssertEqual(bench.state.detailScroll, first)
            bench.press(.char("N"))
            XCTAssertEqual(bench.state.status?.text, "Search wrapped to the bottom")
            bench.press(.char("/"), .ctrl("u"))
            bench.type("inget sådant")
            XCTAssertEqual(bench.state.status?.text, "\"inget sådant\" is not in the text")
            bench.press(.enter)
        }
    }

    func testTFromARuleShowsItsClauseInTheText() throws {
        try onMain {
            let bench = try Fixture.workbench()
            let id = try Self.saveContract(bench)
            bench.openAgreement(id, tab: .rules)
            XCTAssertTrue(bench.screen(100, 30).contains("11.1 Termination notice"), bench.screen(100, 30))
            bench.press(.char("T"))
            XCTAssertEqual(bench.state.detailTab, .text)
            XCTAssertNil(bench.state.textClause, "resolved once the text was loaded")
            XCTAssertTrue(Self.body(bench).first?.hasPrefix("11.1 Avtalet gäller") == true, bench.screen(100, 30))
            // An agreement without a kept text says how texts are kept.
            bench.openAgreement("pureservice", tab: .text)
            XCTAssertTrue(bench.screen(100, 30).contains("No contract text is kept for this agreement."))
        }
    }
}
