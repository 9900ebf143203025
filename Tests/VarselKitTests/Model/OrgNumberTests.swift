import XCTest
@testable import VarselKit

/// Organisation numbers by country with their check digits (issue 10): real numbers of well-known
/// companies and authorities (public registers; the contracts in /work/shared/contracts carry
/// Mobilize Me's CVR 34208077, Curanet's 29139555, Migrationsverket's 202100-2163 and Pureservice's
/// 929 782 216) pass and are normalised; every one-digit corruption of each is rejected.
final class OrgNumberTests: XCTestCase {
    /// Volvo, Ericsson, H&M, Spotify, Skanska, SEB, Swedbank, Handelsbanken, Telia, ICA Gruppen,
    /// Sandvik, Atlas Copco, Electrolux, SKF, Bolagsverket, Skatteverket, Migrationsverket.
    let swedish = ["556012-5790", "556016-0680", "556042-7220", "556703-7485", "556000-4615", "502032-9081", "502017-7753",
                   "502007-7862", "556103-4249", "556048-2837", "556000-3468", "556014-2720", "556009-4178", "556007-3495",
                   "202100-5489", "202100-5448", "202100-2163"]
    /// Novo Nordisk, A.P. Møller - Mærsk, Carlsberg, Danske Bank, Ørsted, Vestas, LEGO, DSV, Coloplast,
    /// Pandora, Mobilize Me (Databehandleraftale: "CVR. nr.: 34208077"), Curanet ("Cvr. 29139555"), Novozymes, Tryg.
    let danish = ["24256790", "22756214", "61056416", "61126228", "36213728", "10403782", "54562519", "58233528",
                  "69749917", "28505116", "34208077", "29139555", "10007127", "26460212"]
    /// Equinor, DNB Bank, Telenor, Norsk Hydro, Orkla, Yara, Statens vegvesen, Brønnøysundregistrene,
    /// Mowi, Aker BP, Schibsted, Pureservice.
    let norwegian = ["923609016", "984851006", "982463718", "914778271", "910747711", "986228608", "971032081",
                     "974760673", "964118191", "989795848", "933739384", "929782216"]

    func testRealNumbersPassAndAreShownInTheCountrysFormat() throws {
        XCTAssertGreaterThanOrEqual(swedish.count, 10); XCTAssertGreaterThanOrEqual(danish.count, 10); XCTAssertGreaterThanOrEqual(norwegian.count, 10)
        for n in swedish {
            XCTAssertEqual(try OrgNumbers.normalised(n.replacingOccurrences(of: "-", with: ""), country: "SE"), n)
            XCTAssertEqual(try OrgNumbers.normalised("16" + n, country: "se"), n, "the 16 prefix is dropped")
        }
        for n in danish {
            XCTAssertEqual(try OrgNumbers.normalised(n, country: "DK"), "CVR " + n)
            XCTAssertEqual(try OrgNumbers.normalised("CVR-nr. \(n)", country: "DK"), "CVR " + n)
            XCTAssertEqual(OrgNumbers.normalise(n)?.country, "DK", "intake's normaliser is the same implementation")
        }
        for n in norwegian {
            let shown = "\(n.prefix(3)) \(n.dropFirst(3).prefix(3)) \(n.suffix(3))"
            XCTAssertEqual(try OrgNumbers.normalised(n, country: "NO"), shown)
            XCTAssertEqual(try OrgNumbers.normalised("NO \(n) MVA", country: "NO"), shown)
        }
    }

    func testEveryOneDigitCorruptionIsRejected() {
        func corruptions(_ n: String) -> [String] {
            let chars = Array(n)
            var out: [String] = []
            for (i, c) in chars.enumerated() where c.isNumber {
                for k in 1...9 {
                    var copy = chars
                    copy[i] = Character(String((c.wholeNumberValue! + k) % 10))
                    out.append(String(copy))
                }
            }
            return out
        }
        for (country, numbers) in [("SE", swedish), ("DK", danish), ("NO", norwegian)] {
            for n in numbers {
                for bad in corruptions(n) {
                    XCTAssertThrowsError(try OrgNumbers.normalised(bad, country: country, field: "org-number"), "\(country) \(bad) must be rejected") { e in
                        XCTAssertEqual((e as? VarselError)?.location, "org-number")
                    }
                }
            }
        }
    }

    func testMessagesSayWhatIsWrong() {
        assertMessage("3420807", "DK", "Danish CVR number \"3420807\" has 7 digits, not 8")
        assertMessage("34208078", "DK", "Danish CVR number \"34208078\" fails its check digit (modulus 11)")
        assertMessage("556036-0794", "SE", "Swedish organisation number \"556036-0794\" fails its check digit (Luhn)")
        assertMessage("929 782 21", "NO", "Norwegian organisation number \"929 782 21\" has 8 digits, not 9")
        assertMessage("92978221x", "NO", "Organisation number \"92978221x\" contains \"X\"")
    }

    func testPersonnummerAndUnknownCountries() throws {
        // A personnummer (sole trader): Luhn on ten digits, with or without the century.
        XCTAssertEqual(try OrgNumbers.normalised("19121212-1212", country: "SE"), "121212-1212")
        XCTAssertFalse(OrgNumbers.isValidSwedish("121212-1212"), "intake still takes only legal persons from running text")
        // Another country's number is kept as typed.
        XCTAssertEqual(try OrgNumbers.normalised(" FI 0112038-9 ", country: "FI"), "FI 0112038-9")
        XCTAssertEqual(try OrgNumbers.normalised("HRB 12345", country: nil), "HRB 12345")
    }

    private func assertMessage(_ n: String, _ country: String, _ what: String, line: UInt = #line) {
        XCTAssertThrowsError(try OrgNumbers.normalised(n, country: country), line: line) { e in
            XCTAssertEqual((e as? VarselError)?.what, what, line: line)
        }
    }
}
