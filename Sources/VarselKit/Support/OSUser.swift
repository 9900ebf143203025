import Foundation

/// The operating-system user recorded in audit rows.
public enum OSUser {
    /// The passwd name of the real uid (`getpwuid`), sanitised; "uid N" when the account has no name.
    /// `$USER` is not consulted: any process can set it to anything, terminal escapes included.
    public static func current() -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name {
            let clean = sanitised(String(cString: name))
            if !clean.isEmpty { return clean }
        }
        return "uid \(getuid())"
    }

    /// `name` without control characters (C0, DEL, C1), bidi overrides and other format
    /// characters, at most 64 characters.
    public static func sanitised(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            switch s.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: continue
            default: out.append(s)
            }
        }
        return String(String(out).prefix(64))
    }
}
