import Foundation
import XCTest
@testable import VarselIntake
@testable import VarselKit
@testable import VarselUI

/// The intake review (issue 11, the workbench half): `i` / `:intake FILE`, the review keys, the
/// edit forms, and one audited write of the agreement and what was accepted. The contract here is
/// written for the test (a short Swedish service agreement), not one of the five real ones.
final class IntakeReviewTests: XCTestCase {
    static let contract = """
    Tjänsteavtal för Exempeltjänsten

    1 Parter
    Exempel Moln AB, org.nr 556036-0793, nedan kallad Leverantören, och Kunden.

    2 Ändringar
    2.1 Leverantören ska skriftligen meddela ändringar minst 30 dagar innan de träder i kraft.

    3 Avtalstid
    3.1 Avtalet gäller tillsvidare med en ömsesidig uppsägningstid om tre (3) månader.
    3.2 Kunden ska lämna anvisningar om återlämning av data senast 30 dagar före avtalstidens utgång.

    4 Incidenter
    4.1 Leverantören ska underrätta Kunden inom 24 timmar från det att en incident upptäcktes.

    """

    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("intake-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static func write(_ name: String, _ text: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Opens the review from the agreements list: `i`, the path, Enter.
    @MainActor static func openReview(_ bench: Bench, _ path: String) {
        bench.press(.char("2"), .char("i"))
        XCTAssertEqual(bench.state.prompt, "intake ")
        bench.type(path)
        bench.press(.enter)
    }

    /// Moves with j from the first proposal to the one whose summary starts with `summary`.
    @MainActor static func select(_ bench: Bench, _ summary: String, file: StaticString = #filePath, line: UInt = #line) {
        bench.press(.char("g"))
        for _ in 0..<20 {
            if let r = bench.state.intake, let item = r.selectedItem, r.summary(item).hasPrefix(summary) { return }
            bench.press(.char("j"))
        }
        XCTFail("no proposal \(summary): \(bench.state.intake.map { r in r.items.map(r.summary) } ?? [])", file: file, line: line)
    }

    func testReviewSavesTheAcceptedAndEditedProposalsInOneAuditedWrite() throws {
        let dir: URL = self.dir
        try onMain {
            let bench = try Fixture.workbench()
            let path = try Self.write("exempel.txt", Self.contract, in: dir)
            let auditBefore = try Fixture.auditCount(bench.portfolio)
            Self.openReview(bench, path)
            let review = try XCTUnwrap(bench.state.intake)
            XCTAssertEqual(review.items.count, 6, review.items.map(review.summary).joined(separator: "\n"))
            XCTAssertTrue(bench.screen(120, 40).contains("Intake review: exempel.txt (txt, sv) · 5 proposals: 0 accepted, 0 rejected, 5 pending"),
                          bench.screen(120, 40))

            Self.select(bench, "Exempel Moln AB · 556036-0793")
            bench.press(.char("y"))
            Self.select(bench, "30 days before change_takes_effect · 2.1")
            bench.press(.char(" "))
            Self.select(bench, "3 months after termination_notice · 3.1")
            bench.press(.char("d"))
            Self.select(bench, "30 days before agreement_ends · 3.2")
            bench.press(.char("e"))
            XCTAssertEqual(bench.state.form?.title, "Edit the proposed notice rule")
            XCTAssertEqual(bench.state.form?.focusedField?.id, "value")
            bench.press(.ctrl("u"))
            bench.type("45")
            bench.press(.ctrl("s"))
            XCTAssertNil(bench.state.form)
            XCTAssertEqual(bench.state.status?.text, "Edited and accepted: 45 days before agreement_ends · 3.2")
            let screen = bench.screen(160, 40)
            XCTAssertTrue(screen.contains("3 accepted, 1 rejected, 1 pending"), screen)
            XCTAssertTrue(screen.contains("accepted* rule      45 days before agreement_ends · 3.2"), screen)
            XCTAssertEqual(try Fixture.auditCount(bench.portfolio), auditBefore, "the review writes nothing before Ctrl-S")

            bench.press(.ctrl("s"))
            guard case .confirm(let c) = bench.state.overlay else { return XCTFail("Ctrl-S asks first") }
            let sha = AgreementBundle.sha256(Data(Self.contract.utf8))
            XCTAssertTrue(c.question.contains("Clauses: 8 · notice rules: 2 · parties: 1 · sub-processors: 0\nFrom exempel.txt\nSHA-256 \(sha.prefix(12))…"), c.question)
            XCTAssertTrue(c.question.contains("1 pending proposal(s) are left out"), c.question)
            bench.press(.char("y"))

            XCTAssertNil(bench.state.intake)
            XCTAssertTrue(bench.state.status?.text.hasPrefix("Saved Tjänsteavtal för Exempeltjänsten") == true, "\(String(describing: bench.state.status))")
            let audit = try bench.portfolio.queries.audit(limit: 10)
            XCTAssertEqual(try Fixture.auditCount(bench.portfolio), auditBefore + 1, "one audit entry")
            XCTAssertEqual(audit.first?.action, "intake")
            XCTAssertTrue(audit.first?.summary.contains("Intake of exempel.txt (SHA-256 \(sha))") == true, audit.first?.summary ?? "")
            let id = try XCTUnwrap(audit.first?.entityId)
            // The new agreement is open in the agreements view.
            XCTAssertEqual(bench.state.view, .agreements)
            XCTAssertTrue(bench.state.detailFocused)
            XCTAssertEqual(bench.selectedAgreementRow?.id, id)
            let detail = try bench.portfolio.queries.detail(agreementId: id)
            XCTAssertEqual(Set(detail.rules.filter { !($0.rule.clauseRef ?? "").hasPrefix("GDPR") }.map { "\($0.rule.clauseRef ?? "-") \($0.rule.period?.description ?? "vague") \($0.rule.direction.rawValue)" }),
                           ["2.1 30 days before", "3.2 45 days before"])
            XCTAssertEqual(detail.counterparty.orgNumber, "556036-0793")
            XCTAssertEqual(detail.agreement.kind, .serviceAgreement)
            XCTAssertEqual(detail.clauses.count, 8, "every clause is kept with its text")
            XCTAssertTrue(detail.clauses.contains { $0.reference == "3.2" && $0.text.contains("senast 30 dagar före avtalstidens utgång") })
        }
    }

    func testEditFormsCheckWhatTheyTakeAndLeavingAsksFirst() throws {
        let dir: URL = self.dir
        try onMain {
            let bench = try Fixture.workbench()
            Self.openReview(bench, try Self.write("exempel.txt", Self.contract, in: dir))
            let auditBefore = try Fixture.auditCount(bench.portfolio)
            // A party's organisation number is checked (Luhn) for its country.
            Self.select(bench, "Exempel Moln AB")
            bench.press(.char("e"), .tab, .ctrl("u"))
            bench.type("556036-0794")
            bench.press(.ctrl("s"))
            XCTAssertEqual(bench.state.form?.error?.location, "org-number")
            XCTAssertTrue(bench.state.form?.error?.what.contains("fails its check digit") == true, "\(String(describing: bench.state.form?.error))")
            bench.press(.escape, .char("y"))    // discard what was typed
            XCTAssertNil(bench.state.form)
            XCTAssertEqual(bench.state.intake?.proposal.parties.first?.orgNumber, "556036-0793")
            XCTAssertEqual(bench.state.intake?.selectedItem?.decision, .pending)
            // A rule needs a length from 1 and a clause of the text.
            Self.select(bench, "24 hours after event · 4.1")
            bench.press(.char("e"), .ctrl("u"))
            bench.type("0")
            bench.press(.ctrl("s"))
            XCTAssertEqual(bench.state.form?.error?.location, "value")
            bench.press(.ctrl("u"))
            bench.type("48")
            for _ in 0..<7 { bench.press(.tab) }
            XCTAssertEqual(bench.state.form?.focusedField?.id, "clause")
            bench.press(.ctrl("u"))
            bench.type("9.9")
            bench.press(.ctrl("s"))
            XCTAssertEqual(bench.state.form?.error?.location, "clause")
            XCTAssertTrue(bench.state.form?.error?.what == "The text has no clause 9.9")
            bench.press(.ctrl("u"))
            bench.type("4.1")
            bench.press(.ctrl("s"))
            XCTAssertEqual(bench.state.intake.map { $0.summary($0.selectedItem!) }, "48 hours after event · 4.1")
            // The agreement's counterparty is a proposed party or a party of the database; its parent must exist.
            bench.press(.char("g"), .char("e"), .tab, .tab, .ctrl("u"))
            bench.type("nobody")
            bench.press(.ctrl("s"))
            XCTAssertEqual(bench.state.form?.error?.location, "counterparty")
            bench.press(.ctrl("u"))
            bench.type("pureservice-as")
            bench.press(.tab)
            bench.type("no-such-agreement")
            bench.press(.ctrl("s"))
            XCTAssertEqual(bench.state.form?.error?.location, "parent")
            bench.press(.ctrl("u"))
            bench.type("pub-avtal")
            bench.press(.ctrl("s"))
            XCTAssertNil(bench.state.form)
            XCTAssertEqual(bench.state.intake?.agreement.counterparty, "pureservice-as")
            XCTAssertEqual(bench.state.intake?.agreement.parent, "pub-avtal")
            // The agreement cannot be rejected; leaving with decisions asks, and writes nothing.
            bench.press(.char("g"), .char("d"))
            XCTAssertEqual(bench.state.intake?.items.first?.decision, .accepted)
            XCTAssertEqual(bench.state.status?.isError, true)
            bench.press(.escape)
            guard case .confirm = bench.state.overlay else { return XCTFail("leaving with decisions asks") }
            bench.press(.char("n"))
            XCTAssertNotNil(bench.state.intake)
            bench.press(.ctrl("c"))
            guard case .confirm(let q) = bench.state.overlay, q.subject == .quit else { return XCTFail("Ctrl-C with decisions asks") }
            bench.press(.char("n"), .char("q"), .char("y"))
            XCTAssertNil(bench.state.intake)
            XCTAssertEqual(bench.state.status?.text, "Intake of exempel.txt closed; nothing was written")
            XCTAssertEqual(try Fixture.auditCount(bench.portfolio), auditBefore)
        }
    }

    func testARenamedCounterpartyStaysTheCounterparty() throws {
        let dir: URL = self.dir
        try onMain {
            let bench = try Fixture.workbench()
            Self.openReview(bench, try Self.write("exempel.txt", Self.contract, in: dir))
            Self.select(bench, "Exempel Moln AB")
            bench.press(.char("e"), .ctrl("u"))
            bench.type("Exempel Moln Aktiebolag")
            bench.press(.ctrl("s"))
            XCTAssertEqual(bench.state.intake?.agreement.counterparty, "Exempel Moln Aktiebolag")
            bench.press(.ctrl("s"), .char("y"))
            XCTAssertNil(bench.state.intake, "\(String(describing: bench.state.status))")
            let id = try XCTUnwrap(bench.portfolio.queries.audit(limit: 1).first?.entityId)
            XCTAssertEqual(try bench.portfolio.queries.detail(agreementId: id).counterparty.name, "Exempel Moln Aktiebolag")
        }
    }

    func testFilesThatCannotBeReadSayWhyAndChangeNothing() throws {
        let dir: URL = self.dir
        let home = ProcessInfo.processInfo.environment["HOME"]
        try onMain {
            let bench = try Fixture.workbench()
            bench.press(.char("2"))
            let before = bench.screen(120, 40)
            bench.press(.char(":"))
            bench.type("intake \(dir.path)/missing.pdf")
            bench.press(.enter)
            XCTAssertEqual(bench.state.status, StatusMessage(text: "Cannot intake missing.pdf: no such file: \(dir.path)/missing.pdf", isError: true))
            XCTAssertNil(bench.state.intake)
            _ = try Self.write("terms.rtf", "{\\rtf1 x}", in: dir)
            bench.press(.char(":")); bench.type("intake \(dir.path)/terms.rtf"); bench.press(.enter)
            XCTAssertEqual(bench.state.status?.text, "Cannot intake terms.rtf: unsupported file type .rtf: use .txt, .md, .pdf or .docx")
            // A PDF with an empty page: no text layer.
            try Self.blankPDF.write(to: dir.appendingPathComponent("scan.pdf"))
            bench.press(.char(":")); bench.type("intake \(dir.path)/scan.pdf"); bench.press(.enter)
            XCTAssertEqual(bench.state.status?.text, "Cannot intake scan.pdf: scanned PDF: no text to read; run OCR first")
            XCTAssertNil(bench.state.intake)
            bench.press(.char("j"), .char("k"))
            XCTAssertEqual(bench.screen(120, 40).components(separatedBy: "\n").dropLast(2), before.components(separatedBy: "\n").dropLast(2))
            XCTAssertEqual(CommandPrompt.parse("intake"), .message(StatusMessage(
                text: ":intake needs a contract file, e.g. :intake ~/avtal.pdf (.txt, .md, .pdf, .docx)", isError: true)))
            XCTAssertEqual(CommandPrompt.parse("intake \"my contract.docx\""), .intake("my contract.docx"))
            setenv("HOME", dir.path, 1)
            defer { if let home { setenv("HOME", home, 1) } else { unsetenv("HOME") } }
            XCTAssertEqual(CommandPrompt.expand("~"), dir.path, "~ is $HOME, as a shell expands it")
            XCTAssertEqual(CommandPrompt.expand("~/a b.txt"), dir.path + "/a b.txt")
        }
    }

    /// The highlight comes from the proposal's UTF-16 offsets: with an emoji (two UTF-16 units, one
    /// Character, two columns) before the words and a flag (four units) inside them, exactly the
    /// quote's characters are drawn in reverse. Drawn from a state alone (no database).
    func testHighlightFollowsUTF16OffsetsAndOnlyVisibleRowsAreDrawn() throws {
        try onMain {
            let text = "1 Ändringar 😀\n1.1 Leverantören 🇸🇪 ska skriftligen meddela ändringar minst 30 dagar innan de träder i kraft.\n"
            let proposal = IntakeEngine.propose(text, language: "sv")
            let rule = try XCTUnwrap(proposal.rules.first)
            XCTAssertEqual(rule.start, 15, "UTF-16: the emoji counts two")
            for (width, height) in [(160, 40), (70, 24)] {
                var state = WorkbenchState()
                state.size = TerminalSize(width: width, height: height)
                state.intake = IntakeReview(path: "/tmp/emoji.txt", sha256: "abc", format: "txt", text: text, proposal: proposal)
                state.intake!.selected = try XCTUnwrap(state.intake!.items.firstIndex { $0.kind == .rule(0) })
                let data = Loaded(databaseLabel: "none", today: Fixture.today, hasAgreements: false)
                WorkbenchReducer.clamp(&state, data)
                let buf = WorkbenchView.render(state, data)
                let pane = IntakeView.panes(ScreenLayout.main(state.size))
                var reversed = ""
                for y in pane.text.y..<pane.text.maxY {
                    for x in pane.text.x..<pane.text.maxX where buf[x, y].style.reverse { reversed += buf[x, y].text }
                }
                XCTAssertEqual(reversed.replacingOccurrences(of: " ", with: ""), rule.quote.replacingOccurrences(of: " ", with: ""),
                               "\(width)x\(height):\n\(buf.text)")
                XCTAssertTrue(buf.text.contains("Leverantören 🇸🇪 ska"), buf.text)
                XCTAssertEqual(state.intake!.layout.width, pane.textWidth)
            }
            // A long text: rows fit the width, and only the rows from textTop are drawn.
            let long = (1...150).map { "\($0). Rad med åäö och 東京 i texten, nummer \($0)." }.joined(separator: "\n")
            let layout = IntakeTextLayout(text: long, width: 23)
            for row in layout.rows { XCTAssertLessThanOrEqual(DisplayWidth.of(String(long[row.range])), 23) }
            XCTAssertEqual(layout.rows.map { String(long[$0.range]) }.joined().filter { $0 != " " }, long.filter { $0 != " " && $0 != "\n" })
            for row in layout.rows { XCTAssertEqual(long.utf16.distance(from: long.startIndex, to: row.range.lowerBound), row.utf16Start) }
            var state = WorkbenchState()
            state.size = TerminalSize(width: 120, height: 30)
            state.intake = IntakeReview(path: "/tmp/long.txt", sha256: "abc", format: "txt", text: long, proposal: IntakeEngine.propose(long))
            let data = Loaded(databaseLabel: "none", today: Fixture.today, hasAgreements: false)
            WorkbenchReducer.clamp(&state, data)
            state.intake!.textTop = 100
            WorkbenchReducer.clamp(&state, data)
            let screen = WorkbenchView.render(state, data).text
            let firstShown = String(long[state.intake!.layout.rows[state.intake!.textTop].range])
            XCTAssertTrue(screen.contains(firstShown), screen)
            XCTAssertFalse(screen.components(separatedBy: "\n").contains { $0.hasPrefix("1. Rad med") }, "rows above the scroll are not drawn")
        }
    }

    /// A one-page PDF without text.
    static var blankPDF: Data {
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] >>"]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() { offsets.append(out.utf8.count); out += "\(i + 1) 0 obj\n\(o)\nendobj\n" }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}
