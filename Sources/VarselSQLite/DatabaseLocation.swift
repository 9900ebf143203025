import Foundation
import VarselKit

/// Where the database lives: `--db PATH`, else `$VARSEL_DB`, else
/// `$XDG_DATA_HOME/varsel/varsel.sqlite` (default `~/.local/share/varsel/varsel.sqlite`).
public enum DatabaseLocation {
    /// Resolves the database path from an explicit option and the environment.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return expand(explicit, environment) }
        if let env = environment["VARSEL_DB"], !env.isEmpty { return expand(env, environment) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        return dataHome + "/varsel/varsel.sqlite"
    }

    private static func expand(_ path: String, _ env: [String: String]) -> String {
        guard path.hasPrefix("~/") else { return path }
        return (env["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}
