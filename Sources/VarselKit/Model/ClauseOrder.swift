/// Orders clause references as a reader of the contract does: "2.2" < "2.9" < "7.2" < "7.10" <
/// "8.6.3"; numbers compare as numbers, other parts as text; rules without a clause come last.
public enum ClauseOrder {
    public static func areInOrder(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return false
        case (_, nil): return true
        case let (a?, b?):
            let pa = parts(a), pb = parts(b)
            for (x, y) in zip(pa, pb) where x != y {
                switch (Int(x), Int(y)) {
                case let (i?, j?): return i < j
                case (_?, nil): return true
                case (nil, _?): return false
                default: return x < y
                }
            }
            return pa.count < pb.count
        }
    }

    static func parts(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var digits = false
        for c in s {
            let isDigit = c.isASCII && c.isNumber
            if c == "." || c == " " || c == "§" || c == "-" || c == "(" || c == ")" {
                if !current.isEmpty { out.append(current); current = "" }
                continue
            }
            if !current.isEmpty && isDigit != digits { out.append(current); current = "" }
            current.append(c); digits = isDigit
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
