import Foundation

/// Locates files shipped in the top-level `Resources/` folder (the demo portfolio).
public enum VarselResources {
    /// URL of a file under `Resources/demo/`, e.g. `demoFile("portfolio.json")`.
    public static func demoFile(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "demo")
    }
}
