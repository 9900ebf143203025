import Foundation

/// The operating-system user recorded in audit rows.
public enum OSUser {
    /// `$USER`/`$LOGNAME`, else the passwd name of the real uid, else "uid N".
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let u = environment["USER"] ?? environment["LOGNAME"], !u.isEmpty { return u }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}
