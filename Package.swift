// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Varsel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "varsel", targets: ["varsel"]),
        .library(name: "VarselKit", targets: ["VarselKit"]),
        .library(name: "VarselSQLite", targets: ["VarselSQLite"]),
        .library(name: "VarselPostgres", targets: ["VarselPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Model library: domain, deadline engine, services, the storage interface, exchange.
        // Backend-free (no GRDB) and no terminal code.
        .target(
            name: "VarselKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                "VarselResources",
            ]
        ),
        // The SQLite backend of the storage interface: GRDB, schema and migrations, SQL queries,
        // backup and restore. The only target that imports GRDB.
        .target(
            name: "VarselSQLite",
            dependencies: ["VarselKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The PostgreSQL backend of the storage interface (teams): postgres-nio, schema and
        // migrations, SQL queries. The only target that imports PostgresNIO.
        .target(
            name: "VarselPostgres",
            dependencies: ["VarselKit", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // The top-level Resources/ folder: the demo portfolio and the five agreements it records,
        // shipped as a bundle.
        .target(
            name: "VarselResources",
            path: "Resources",
            sources: ["VarselResources.swift"],
            resources: [.copy("demo"), .copy("contracts")]
        ),
        // Contract intake (docs/intake.md): text from .txt/.pdf/.docx and the rule set that proposes
        // clauses, notice rules, parties and sub-processors. Its own target so ZIPFoundation, the XML
        // parser and the rule tables stay out of the model library; the CLI and the workbench use it.
        .target(
            name: "VarselIntake",
            dependencies: [
                "VarselKit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),
        // Terminal-independent UI: state, key bindings, views rendered into a ScreenBuffer.
        .target(name: "VarselUI", dependencies: ["VarselKit", "VarselIntake"]),
        // The one C target that includes curses.h.
        .target(
            name: "CCurses",
            cSettings: [
                .define("NCURSES_WIDECHAR", to: "1"),
                .define("_XOPEN_SOURCE_EXTENDED", to: "1"),
                .define("_DEFAULT_SOURCE"),
            ],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // Thin ncurses backend: draws a ScreenBuffer, reads keys, handles resize and signals.
        .target(name: "VarselTerminal", dependencies: ["CCurses", "VarselUI"]),
        .executableTarget(
            name: "varsel",
            dependencies: [
                "VarselKit", "VarselSQLite", "VarselPostgres", "VarselUI", "VarselTerminal", "VarselIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The scale benchmark (docs/performance.md): prints numbers, asserts nothing.
        .executableTarget(name: "varsel-bench", dependencies: ["VarselKit", "VarselSQLite", "VarselPostgres", "VarselUI", "VarselIntake", "VarselResources"]),
        // The fuzz target (docs/reliability.md): libFuzzer with -DFUZZING, a replay tool otherwise.
        .executableTarget(name: "varsel-fuzz", dependencies: ["VarselKit", "VarselSQLite"]),
        // Service and exchange tests run on the SQLite backend, and the service and query tests
        // also on PostgreSQL (VARSEL_TEST_BACKEND=postgres); see docs/architecture.md, "Tests".
        .testTarget(name: "VarselKitTests", dependencies: ["VarselKit", "VarselSQLite", "VarselPostgres", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "VarselUITests", dependencies: ["VarselUI", "VarselKit", "VarselSQLite", "VarselIntake", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "VarselCLITests", dependencies: ["varsel"]),
        .testTarget(
            name: "VarselIntakeTests",
            dependencies: ["VarselIntake", "VarselKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Corpus"]
        ),
    ]
)
