// swift-tools-version:6.0
// BPVKit: nightly integration toolkit for a school's bpv-bureau.
// The target graph follows the pipeline: read/map (BPVIngest) -> store (BPVStore) -> reconcile (BPVReconcile) ->
// later report, all on the dossier value types (BPVModel), tied together by BPVKit and driven by the thin `bpv` CLI.
import PackageDescription

/// The readers and the store writer run per field and per row: in release builds, drop the runtime exclusivity
/// checks on their class properties (the code is single-threaded per reader; the checks cost ~5% of an import).
let hotPathSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "BPVKit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bpv", targets: ["bpv"]),
        .library(name: "BPVKit", targets: ["BPVKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 for a file's content identity (the "already imported" check).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The nightly run's log lines (text on a terminal, JSON lines for a log shipper).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The reports' templates (files a school can adapt): Mustache, logic-less, HTML-escaping by default.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries from Debian: libcsv-dev ships no pkg-config file, so its module map links "csv".
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV",
                       providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        .target(name: "BPVModel"),
        .target(name: "BPVIngest", dependencies: [
            "BPVModel", "CLibCSV", "CLibXML2", .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: hotPathSettings),
        .target(name: "BPVStore", dependencies: [
            "BPVModel", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ], swiftSettings: hotPathSettings),
        // The rules: pure evaluations over dossier values, each one type in Rules/, all in one registry.
        .target(name: "BPVReconcile", dependencies: ["BPVModel"]),
        // The final result per POK from the programme's evidence rules, on the reconciliation's counted hours.
        .target(name: "BPVResults", dependencies: ["BPVModel", "BPVReconcile"]),
        // The reports people read (morning report, POK overview, student pages, feedback per employer): Mustache
        // templates shipped as resources (Templates/), overridable per school; charts as SVG drawn here.
        .target(name: "BPVReport", dependencies: [
            "BPVModel", "BPVReconcile", .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Templates")]),
        .target(name: "BPVKit", dependencies: [
            "BPVModel", "BPVIngest", "BPVStore", .product(name: "Crypto", package: "swift-crypto"), "BPVReconcile", .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
            "BPVResults",
            "BPVReport",
        ]),
        .executableTarget(name: "bpv", dependencies: [
            "BPVKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The readers' fuzz target (scripts/fuzz.sh): a replay tool in an ordinary build, a libFuzzer target when
        // built with -DFUZZING and -sanitize=fuzzer. Not a product: `swift build --product bpv-fuzz` builds it.
        .executableTarget(name: "bpv-fuzz", dependencies: ["BPVIngest", "BPVModel"]),

        .testTarget(name: "BPVModelTests", dependencies: ["BPVModel"]),
        .testTarget(name: "BPVIngestTests", dependencies: ["BPVIngest"], exclude: ["Fixtures"]),
        .testTarget(name: "BPVReconcileTests", dependencies: ["BPVReconcile"]),
        .testTarget(name: "BPVResultsTests", dependencies: ["BPVResults"]),
        .testTarget(name: "BPVReportTests", dependencies: ["BPVReport", "BPVModel", "BPVReconcile"]),
        .testTarget(name: "BPVStoreTests", dependencies: [
            "BPVStore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .testTarget(name: "BPVKitTests", dependencies: ["BPVKit", .product(name: "Logging", package: "swift-log")],
                    exclude: ["Fixtures"]),
        // Runs the built `bpv` on the samples as a separate process: output and exit code, as a user sees them.
        .testTarget(name: "BPVEndToEndTests", dependencies: [
            "bpv", "BPVKit", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
    ]
)
