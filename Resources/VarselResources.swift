import Foundation

/// Locates files shipped in the top-level `Resources/` folder (the demo portfolio, the five contracts).
public enum VarselResources {
    /// URL of a file under `Resources/demo/`, e.g. `demoFile("portfolio.json")`.
    public static func demoFile(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "demo")
    }

    /// URL of one of the five agreements under `Resources/contracts/`, e.g.
    /// `contractFile("no-pureservice-tjenesteavtale.txt")` (the benchmark times intake of it).
    public static func contractFile(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "contracts")
    }
}
