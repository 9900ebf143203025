/// Nordic organisation numbers with their check digits.
public enum OrgNumbers {
    /// Swedish organisationsnummer: 10 digits (NNNNNN-NNNN), Luhn check on all ten.
    public static func isValidSwedish(_ s: String) -> Bool {
        let d = digits(s)
        guard d.count == 10, d[2] >= 2 else { return false }   // third digit ≥ 2 for legal persons
        var sum = 0
        for (i, x) in d.enumerated() {
            var v = i % 2 == 0 ? x * 2 : x
            if v > 9 { v -= 9 }
            sum += v
        }
        return sum % 10 == 0
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
    /// its country, or nil when no check digit fits. The digit count decides the country.
    public static func normalise(_ raw: String) -> (number: String, country: String)? {
        let d = digits(raw)
        let s = d.map(String.init).joined()
        if d.count == 8, isValidDanish(raw) { return ("CVR " + s, "DK") }
        if d.count == 9, isValidNorwegian(raw) {
            return ("\(s.prefix(3)) \(s.dropFirst(3).prefix(3)) \(s.suffix(3))", "NO")
        }
        if d.count == 10, isValidSwedish(raw) { return ("\(s.prefix(6))-\(s.suffix(4))", "SE") }
        return nil
    }

    static func digits(_ s: String) -> [Int] { s.compactMap { $0.isASCII ? $0.wholeNumberValue : nil } }
}
