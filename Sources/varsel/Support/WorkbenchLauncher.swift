import VarselKit
enum WorkbenchLauncher { @MainActor static func run(portfolio: Portfolio, label: String) throws {} }
