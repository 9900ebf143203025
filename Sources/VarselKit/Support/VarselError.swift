/// An error a person can act on: what went wrong, where, and how to fix it.
public struct VarselError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        case invalidInput, notFound, ambiguous, conflict
        /// The file is not a Varsel database, or its schema is newer than this binary.
        case refusedDatabase
        case io
    }
    public var kind: Kind
    public var what: String
    public var location: String?
    public var fix: String?

    public init(_ kind: Kind, _ what: String, at location: String? = nil, fix: String? = nil) {
        self.kind = kind; self.what = what; self.location = location; self.fix = fix
    }

    public var description: String {
        var s = what
        if let location { s += " (\(location))" }
        if let fix { s += ". " + fix }
        return s
    }
}
