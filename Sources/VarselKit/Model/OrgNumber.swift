import Foundation

/// Nordic organisation numbers with their check digits: the one implementation that intake
/// (`VarselIntake`) and the authoring services use.
public enum OrgNumbers {
    /// Swedish organisationsnummer: 10 digits (NNNNNN-NNNN), Luhn check on all ten. With
    /// `legalPersonOnly` the third digit must be ≥ 2 (a personnummer's month digit is 0 or 1).
    public static func isValidSwedish(_ s: String, legalPersonOnly: Bool = true) -> Bool {
        let d = digits(s)
        guard d.count == 10, !legalPersonOnly || d[2] >= 2 else { return false }
        return luhn(d)
    }

    /// Norwegian organisasjonsnummer: 9 digits, mod 11 with weights 3 2 7 6 5 4 3 2.
    public static func isValidNorwegian(_ s: String) -> Bool {
        let d = digits(s)
        guard d.count == 9 else { return false }
        let w = [3, 2, 7, 6, 5, 4, 3, 2]
        let r = zip(d, w).map(*).reduce(0, +) % 11
        let check = r == 0 ? 0 : 11 - r
        return check != 10 && check == d[8]
    }

    /// Danish CVR: 8 digits, weights 2 7 6 5 4 3 2 1, sum divisible by 11.
    public static func isValidDanish(_ s: String) -> Bool {
        let d = digits(s)
        guard d.count == 8, d[0] != 0 else { return false }
        return zip(d, [2, 7, 6, 5, 4, 3, 2, 1]).map(*).reduce(0, +) % 11 == 0
    }

    /// The number in the project's stored form ("CVR 34208077", "929 782 216", "556036-0793") and
    /// its country, or nil when no check digit fits. The digit count decides the country (intake:
    /// numbers found in running text, so Swedish ones must be legal persons).
    public static func normalise(_ raw: String) -> (number: String, country: String)? {
        let d = digits(raw)
        let s = d.map(String.init).joined()
        if d.count == 8, isValidDanish(raw) { return (danish(s), "DK") }
        if d.count == 9, isValidNorwegian(raw) { return (norwegian(s), "NO") }
        if d.count == 10, isValidSwedish(raw) { return (swedish(s), "SE") }
        return nil
    }

    /// Checks `raw` as a number of `country` (ISO code) and returns it in that country's usual
    /// form: SE "556036-0793", DK "CVR 34208077", NO "929 782 216". Another (or no) country's
    /// number is kept as typed, trimmed. Throws a `VarselError` at `field` saying what is wrong.
    public static func normalised(_ raw: String, country: String?, field: String = "orgNumber") throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let c = (country ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard ["SE", "DK", "NO"].contains(c) else { return text }
        // Letters allowed around the digits: the usual prefixes and suffixes ("CVR", "DK", "NO", "MVA").
        var rest = text.uppercased()
        for word in ["CVR-NR.", "CVR NR.", "CVR-NR", "CVR.", "CVR", "DK", "NO", "SE", "MVA", "ORG.NR.", "ORGNR", "ORG NR"] {
            rest = rest.replacingOccurrences(of: word, with: " ")
        }
        let allowed = Set(" -.+:\u{00A0}")
        if let bad = rest.first(where: { !($0.isASCII && $0.isNumber) && !allowed.contains($0) }) {
            throw VarselError(.invalidInput, "Organisation number \"\(text)\" contains \"\(bad)\"", at: field,
                              fix: "Write the digits only, e.g. \(example(c))")
        }
        var d = digits(rest)
        switch c {
        case "SE":
            // Twelve digits: the 16 prefix of an organisationsnummer, or a personnummer's century (19/20).
            if d.count == 12, [16, 19, 20].contains(d[0] * 10 + d[1]) { d.removeFirst(2) }
            guard d.count == 10 else {
                throw VarselError(.invalidInput, "Swedish organisation number \"\(text)\" has \(d.count) digits, not 10", at: field,
                                  fix: "Write 10 digits (optionally with the 16 prefix), e.g. \(example(c))")
            }
            guard luhn(d) else {
                throw VarselError(.invalidInput, "Swedish organisation number \"\(text)\" fails its check digit (Luhn)", at: field,
                                  fix: "Check the number against the agreement or Bolagsverket; e.g. \(example(c))")
            }
            return swedish(d.map(String.init).joined())
        case "DK":
            guard d.count == 8 else {
                throw VarselError(.invalidInput, "Danish CVR number \"\(text)\" has \(d.count) digits, not 8", at: field,
                                  fix: "Write the 8 digits of the CVR number, e.g. \(example(c))")
            }
            guard isValidDanish(rest) else {
                throw VarselError(.invalidInput, "Danish CVR number \"\(text)\" fails its check digit (modulus 11)", at: field,
                                  fix: "Check the number against the agreement or cvr.dk; e.g. \(example(c))")
            }
            return danish(d.map(String.init).joined())
        default:
            guard d.count == 9 else {
                throw VarselError(.invalidInput, "Norwegian organisation number \"\(text)\" has \(d.count) digits, not 9", at: field,
                                  fix: "Write the 9 digits of the organisasjonsnummer, e.g. \(example(c))")
            }
            guard isValidNorwegian(rest) else {
                throw VarselError(.invalidInput, "Norwegian organisation number \"\(text)\" fails its check digit (modulus 11)", at: field,
                                  fix: "Check the number against the agreement or Brønnøysundregistrene; e.g. \(example(c))")
            }
            return norwegian(d.map(String.init).joined())
        }
    }

    static func example(_ country: String) -> String {
        switch country {
        case "SE": "556036-0793"
        case "DK": "CVR 34208077"
        default: "929 782 216"
        }
    }

    static func swedish(_ s: String) -> String { "\(s.prefix(6))-\(s.suffix(4))" }
    static func danish(_ s: String) -> String { "CVR " + s }
    static func norwegian(_ s: String) -> String { "\(s.prefix(3)) \(s.dropFirst(3).prefix(3)) \(s.suffix(3))" }

    static func luhn(_ d: [Int]) -> Bool {
        var sum = 0
        for (i, x) in d.enumerated() {
            var v = i % 2 == 0 ? x * 2 : x
            if v > 9 { v -= 9 }
            sum += v
        }
        return sum % 10 == 0
    }

    static func digits(_ s: String) -> [Int] { s.compactMap { $0.isASCII ? $0.wholeNumberValue : nil } }
}
