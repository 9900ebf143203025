import Foundation
import XCTest
@testable import VarselIntake
import VarselKit

/// The same contract as .txt, .pdf and .docx gives the same proposals; encodings; scanned PDFs.
final class FormatTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func keys(_ p: IntakeProposal) -> [String] {
        p.rules.map { "\($0.clause ?? "-") \($0.value) \($0.unit) \($0.direction) \($0.anchor) \($0.pattern)" }
    }

    func testTxtPdfAndDocxGiveTheSameProposals() throws {
        guard FileManager.default.fileExists(atPath: Paths.contracts.path) else { return XCTFail("the five contracts are not at \(Paths.contracts.path)") }
        for (file, _) in FiveAgreementsTests.files {
            try sameProposals(Paths.contracts.appendingPathComponent(file))
        }
    }

    func sameProposals(_ source: URL) throws {
        let original = try IntakeReader.read(path: source.path).text
        let text = DocumentWriters.pdfSafe(original)
        let lines = text.components(separatedBy: "\n")
        let txt = dir.appendingPathComponent("c.txt"), pdf = dir.appendingPathComponent("c.pdf"), docx = dir.appendingPathComponent("c.docx")
        try Data(text.utf8).write(to: txt)
        try DocumentWriters.pdf(lines: lines).write(to: pdf)
        try DocumentWriters.docx(body: lines.map { DocumentWriters.paragraph($0) }.joined(), to: docx)
        let fromTxt = IntakeEngine.propose(try IntakeReader.read(path: txt.path).text)
        let pdfDoc = try IntakeReader.read(path: pdf.path)
        XCTAssertEqual(pdfDoc.format, "pdf")
        let fromPdf = IntakeEngine.propose(pdfDoc.text)
        let fromDocx = IntakeEngine.propose(try IntakeReader.read(path: docx.path).text)
        let name = source.lastPathComponent
        XCTAssertGreaterThanOrEqual(fromTxt.rules.count, 1, name)
        XCTAssertEqual(keys(fromTxt), keys(fromPdf), "pdf \(name)")
        XCTAssertEqual(keys(fromTxt), keys(fromDocx), "docx \(name)")
        XCTAssertEqual(fromTxt.clauses.map(\.ref), fromPdf.clauses.map(\.ref), "pdf \(name)")
        XCTAssertEqual(fromTxt.clauses.map(\.ref), fromDocx.clauses.map(\.ref), "docx \(name)")
        XCTAssertEqual(fromTxt.subProcessors.map(\.name), fromPdf.subProcessors.map(\.name), "pdf \(name)")
        XCTAssertEqual(fromTxt.parties.map(\.orgNumber), fromPdf.parties.map(\.orgNumber), "pdf \(name)")
        for p in [fromTxt, fromPdf, fromDocx] {
            let ns = (try IntakeReader.read(path: [txt, pdf, docx][[fromTxt, fromPdf, fromDocx].firstIndex(of: p)!].path).text) as NSString
            for r in p.rules { XCTAssertEqual(ns.substring(with: NSRange(location: r.start, length: r.end - r.start)), r.quote) }
        }
    }

    func testDocxNumberingTablesAndSubProcessors() throws {
        let url = dir.appendingPathComponent("n.docx")
        let body = DocumentWriters.paragraph("Personuppgiftsbiträdesavtal")
            + DocumentWriters.paragraph("Underbiträden", numbered: (1, 0))
            + DocumentWriters.paragraph("Leverantören ska meddela Kunden senast trettio (30) dagar innan ett nytt underbiträde anlitas.", numbered: (1, 1))
            + DocumentWriters.paragraph("Godkända underbiträden", numbered: (1, 1))
            + DocumentWriters.table([["Underbiträde", "Land", "Ändamål"],
                                     ["Exempel Drift AB, org.nr 556036-0793", "Sverige", "Drift av servrar"]])
            + DocumentWriters.paragraph("Punkt ett", numbered: (2, 0))
        try DocumentWriters.docx(body: body, to: url)
        let doc = try IntakeReader.read(path: url.path)
        XCTAssertTrue(doc.text.contains("1. Underbiträden\n1.1 Leverantören ska"), doc.text)
        XCTAssertTrue(doc.text.contains("1.2 Godkända underbiträden"), doc.text)
        XCTAssertTrue(doc.text.contains("Exempel Drift AB, org.nr 556036-0793\tSverige\tDrift av servrar"), doc.text)
        XCTAssertTrue(doc.text.contains("• Punkt ett"), doc.text)
        let p = IntakeEngine.propose(doc.text)
        XCTAssertEqual(p.rules.map { "\($0.clause ?? "") \($0.value) \($0.unit) \($0.direction)" }, ["1.1 30 days before"])
        XCTAssertEqual(p.subProcessors.first?.name, "Exempel Drift AB")
        XCTAssertEqual(p.subProcessors.first?.orgNumber, "556036-0793")
        XCTAssertEqual(p.subProcessors.first?.country, "SE")
        XCTAssertEqual(p.subProcessors.first?.purpose, "Drift av servrar")
    }

    func testScannedPdfSaysSo() throws {
        let url = dir.appendingPathComponent("scan.pdf")
        try DocumentWriters.pdf(lines: []).write(to: url)
        XCTAssertThrowsError(try IntakeReader.read(path: url.path)) { e in
            XCTAssertEqual((e as? IntakeError)?.message, "scanned PDF: no text to read; run OCR first")
        }
    }

    func testEncodings() throws {
        let s = "11.1 Avtalstid\nUppsägningstiden är tre (3) månader för båda parter.\n"
        let utf16le = Data([0xFF, 0xFE]) + s.data(using: .utf16LittleEndian)!
        let utf16be = Data([0xFE, 0xFF]) + s.data(using: .utf16BigEndian)!
        let cp1252 = s.data(using: .windowsCP1252)!
        let bomUtf8 = Data([0xEF, 0xBB, 0xBF]) + Data(s.utf8)
        for (data, enc) in [(utf16le, "utf-16le"), (utf16be, "utf-16be"), (cp1252, "windows-1252"), (bomUtf8, "utf-8"), (Data(s.utf8), "utf-8")] {
            let d = try IntakeReader.decodeText(data)
            XCTAssertEqual(d.encoding, enc)
            XCTAssertEqual(d.text, s)
            let r = IntakeEngine.propose(d.text).rules
            XCTAssertEqual(r.map { "\($0.clause ?? "") \($0.value) \($0.unit) \($0.direction) \($0.anchor)" }, ["11.1 3 months after termination_notice"])
        }
        let d = try IntakeReader.read(path: "-", stdin: { Data("Kunden kan invända inom 14 dagar från mottagandet.".utf8) })
        XCTAssertEqual(IntakeEngine.propose(d.text).rules.first?.anchor, "change_notice_received")
    }

    func testOrgNumberCheckDigits() {
        XCTAssertTrue(OrgNumbers.isValidDanish("34208077"))
        XCTAssertFalse(OrgNumbers.isValidDanish("34208078"))
        XCTAssertTrue(OrgNumbers.isValidNorwegian("929 782 216"))
        XCTAssertFalse(OrgNumbers.isValidNorwegian("929 782 217"))
        XCTAssertTrue(OrgNumbers.isValidSwedish("556036-0793"))
        XCTAssertFalse(OrgNumbers.isValidSwedish("556036-0794"))
        XCTAssertEqual(OrgNumbers.normalise("Cvr. 29139555")?.number, "CVR 29139555")
    }
}

/// Rules with names: behaviour the corpus does not isolate.
final class RuleSetTests: XCTestCase {
    /// Pureservice vedlegg D: "I punkt 8.8.2a slettes «og når det er mulig, senest 72 timer»."
    func testStruckWordingIsNotProposed() {
        let text = """
        8.8 Bistand
        8.8.1 Databehandleren skal bistå med den behandlingsansvarliges forpliktelse til å melde bruddet til tilsynsmyndigheten uten ugrunnet opphold og når det er mulig, senest 72 timer etter å ha fått kjennskap til det.
        8.9 Vedlegg D
        I punkt 8.8.2a slettes «og når det er mulig, senest 72 timer».
        """
        let p = IntakeEngine.propose(text, language: "nb")
        XCTAssertFalse(p.rules.contains { $0.unit == "hours" }, "\(p.rules)")
        XCTAssertTrue(p.warnings.contains { $0.contains("strikes or replaces") })
        let kept = IntakeEngine.propose(text.replacingOccurrences(of: "slettes «og når det er mulig, senest 72 timer»", with: "gjelder"), language: "nb")
        XCTAssertTrue(kept.rules.contains { $0.value == 72 && $0.unit == "hours" && $0.direction == "after" })
    }

    func testClausesAppendicesAndQuotes() {
        let text = """
        1. Allmänt
        Detta avtal gäller tills vidare.
        2. Uppsägning
        2.1 Vardera part får säga upp avtalet med tre (3) månaders uppsägningstid.
        § 4 Ändringar
        Leverantören ska meddela ändringar senast 14 dagar innan de träder i kraft.
        1. Tjänsten
        Loggar sparas i sex månader.
        """
        let p = IntakeEngine.propose(text, language: "sv")
        XCTAssertEqual(p.clauses.map(\.ref), ["1", "2", "2.1", "§ 4", "Bilaga 1, 1"])
        XCTAssertEqual(p.rules.map { "\($0.clause!) \($0.value) \($0.unit) \($0.direction) \($0.pattern)" },
                       ["2.1 3 months after period-word-digits", "§ 4 14 days before period-digits", "Bilaga 1, 1 6 months after period-word"])
        let ns = text as NSString
        for r in p.rules { XCTAssertEqual(ns.substring(with: NSRange(location: r.start, length: r.end - r.start)), r.quote) }
        for c in p.clauses { XCTAssertEqual(ns.substring(with: NSRange(location: c.start, length: c.end - c.start)), c.text) }
    }

    func testEndOfMonthAndLanguageDetection() {
        let r = IntakeEngine.propose("Avtalet kan sägas upp med tre månaders uppsägningstid till utgången av en kalendermånad.", language: "sv").rules
        XCTAssertEqual(r.first?.toEndOfMonth, true)
        XCTAssertEqual(IntakeEngine.detectLanguage("Leverandøren skal ikke behandle personoplysninger af andre grunde end aftalen og skal slette dem efter ophør."), "da")
        XCTAssertEqual(IntakeEngine.detectLanguage("Leverandøren skal ikke behandle personopplysninger av andre grunner enn avtalen, og kunden skal varsles etter opphør."), "nb")
        XCTAssertEqual(IntakeEngine.detectLanguage("Leverandøren skal ikkje handsame personopplysningar frå andre enn kunden, berre etter avtalen."), "nn")
        XCTAssertEqual(IntakeEngine.detectLanguage("Leverantören ska inte behandla personuppgifter för andra ändamål än enligt avtalet och ska radera dem."), "sv")
        XCTAssertEqual(IntakeEngine.detectLanguage("The processor shall not process personal data for any purpose other than the agreement."), "en")
    }
}

/// Sub-processors in prose, bullets and tab tables; parties only with valid check digits.
final class PartyTests: XCTestCase {
    func testSubProcessorsInProseBulletsAndTables() {
        let text = """
        Databehandleravtale
        1. Parter
        Pureservice AS, org.nr 929 782 216, er databehandler.
        Falsk AS, org.nr 929 782 217, er ikke et gyldig nummer.
        2. Underdatabehandlere
        • Curanet A/S, Højvangen 4, 8660 Skanderborg. Cvr. 29139555
        Exempel Drift AB\tSverige\tDrift av servrar
        3. Øvrig
        Leverandøren benytter underdatabehandleren Arosii A/S, CVR 34352569, i Danmark til hosting.
        Support ringer fra 22 33 44 55.
        """
        let p = IntakeEngine.propose(text, language: "nb")
        XCTAssertEqual(p.parties.map(\.name), ["Pureservice AS"])
        XCTAssertEqual(p.parties.first?.orgNumber, "929 782 216")
        XCTAssertEqual(p.parties.first?.country, "NO")
        let subs = Dictionary(uniqueKeysWithValues: p.subProcessors.map { ($0.name, $0) })
        XCTAssertEqual(Set(subs.keys), ["Curanet A/S", "Exempel Drift AB", "Arosii A/S"])
        XCTAssertEqual(subs["Curanet A/S"]?.orgNumber, "CVR 29139555")
        XCTAssertEqual(subs["Exempel Drift AB"]?.country, "SE")
        XCTAssertEqual(subs["Exempel Drift AB"]?.purpose, "Drift av servrar")
        XCTAssertEqual(subs["Arosii A/S"]?.orgNumber, "CVR 34352569")
        XCTAssertEqual(subs["Arosii A/S"]?.country, "DK")
        XCTAssertTrue(p.warnings.contains("sub-processor Exempel Drift AB: no organisation number in the text"))
    }

    func testSubProcessorsNamedInProse() {
        let text = """
        5. Underbiträden
        5.1 Allmänt
        Leverantören anlitar följande underbiträden: Exempel Moln AB (Sverige) för drift av plattformen, och Posttjänst Ltd (Irland) för utskick av e-post.
        Leverantören ska meddela Kunden senast 30 dagar innan ett nytt underbiträde anlitas.
        """
        let p = IntakeEngine.propose(text, language: "sv")
        XCTAssertEqual(p.subProcessors.map(\.name), ["Exempel Moln AB", "Posttjänst Ltd"])
        XCTAssertEqual(p.subProcessors.map(\.country), ["SE", "IE"])
        XCTAssertEqual(p.subProcessors.map(\.purpose), ["drift av plattformen", "utskick av e-post"])
    }
}
