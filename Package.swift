// swift-tools-version:6.1
import PackageDescription

/// Layers point one way: Syntax -> IR -> (Checker -> Compiler -> Plan <- Runtime).
/// Time (calendar, ISO 8601), Formatting (number text) and JSON sit below everything and depend on nothing.
/// Pricing is pure numerics with no dependencies; the CLI is a thin shell.
/// `PricingAVX2` holds the option chunk kernels compiled with AVX2 (and without FMA, so each
/// lane rounds as on the baseline: the same bits); the runtime calls them only on a
/// processor that has AVX2. Everything else keeps the default x86-64 target.
#if arch(x86_64)
let avx2: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2"])]
#else
let avx2: [SwiftSetting] = []
#endif

let package = Package(
    name: "Hedgeplan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "HedgeplanLanguage", targets: ["HedgeplanIR", "HedgeplanChecker", "HedgeplanDiagnostics", "HedgeplanSyntax"]),
        .library(name: "Pricing", targets: ["Pricing"]),
        .library(name: "Feeds", targets: ["Feeds"]),
        .library(name: "Venues", targets: ["Venues"]),
        .library(name: "HedgeplanRuntime", targets: ["HedgeplanRuntime", "PlanFormat"]),
        .library(name: "HedgeplanCompiler", targets: ["HedgeplanCompiler"]),
        .library(name: "HedgeplanJournal", targets: ["HedgeplanJournal"]),
        .library(name: "LiveFeed", targets: ["LiveFeed"]),
        /// The properties hostile input must keep, for the mutation test and the libFuzzer
        /// targets of `Fuzz/` (docs/fuzzing.md).
        .library(name: "HedgeplanFuzzing", targets: ["HedgeplanFuzzing"]),
        .executable(name: "hedgeplan", targets: ["hedgeplan"]),
    ],
    // `swift build --traits LiveFeed` adds `--feed ws://...` (SwiftNIO, TLS, HTTP/2 and a
    // BoringSSL: several minutes of first build), so the default build leaves it out.
    traits: [
        .trait(name: "LiveFeed", description: "The live ws:// / wss:// feed (Hummingbird WebSocket client) for dry-run --feed."),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The dry-run journal (HedgeplanJournal); uses the system SQLite (libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // WebSocket live feed (LiveFeed) and its loopback test server only, with the LiveFeed trait.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", exact: "2.8.1"),
    ],
    targets: [
        .target(name: "HedgeplanDiagnostics"),
        /// Civil dates, epoch-millisecond instants, ISO 8601 text and the 365-day year. No dependencies.
        .target(name: "HedgeplanTime"),
        /// Locale-free text of numbers: money, plain numbers, percentages, compact axis labels. No dependencies (not even Foundation).
        .target(name: "HedgeplanFormatting"),
        /// `JSONValue`: a JSON document as a value, serialised with sorted keys (Foundation's encoder).
        .target(name: "HedgeplanJSON"),
        .target(
            name: "HedgeplanSyntax",
            dependencies: ["HedgeplanDiagnostics", "HedgeplanJSON", .product(name: "Yams", package: "Yams")],
            cSettings: [.define("YAML_DECLARE_STATIC")]
        ),
        .target(name: "HedgeplanIR", dependencies: ["HedgeplanSyntax", "HedgeplanDiagnostics", "HedgeplanTime", "HedgeplanFormatting", "HedgeplanJSON"]),
        .target(name: "Pricing", dependencies: ["HedgeplanTime"]),
        /// The option chunk kernels of `Pricing` compiled for AVX2; nothing else (see `avx2` above).
        .target(name: "PricingAVX2", dependencies: ["Pricing"], swiftSettings: avx2),
        /// Whether the processor runs AVX2 (CPUID and the OS's saved state), in C: Swift has no `__builtin_cpu_supports`.
        .target(name: "CPUFeatures"),
        /// The plan format: Codable types, versioning, canonical JSON. Depends on nothing.
        .target(name: "PlanFormat", dependencies: ["HedgeplanDiagnostics", "HedgeplanTime"]),
        /// Lowering passes from a checked strategy to a plan.
        .target(
            name: "HedgeplanCompiler",
            dependencies: ["HedgeplanIR", "HedgeplanChecker", "Pricing", "PlanFormat", "Feeds", .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// Exact payoff analysis, risk bounds, greeks, scenarios and lint over the IR.
        .target(name: "HedgeplanChecker", dependencies: ["HedgeplanIR", "Pricing", "HedgeplanDiagnostics", "HedgeplanTime", "HedgeplanFormatting"]),
        /// Venue math: AMM pools (exact Uniswap v2/v3 integer math) and perps. Pure, no I/O.
        .target(name: "Venues", dependencies: ["HedgeplanTime"]),
        /// Price feeds: streaming CSV scanner, layouts, timestamps, simulated paths. Pricing for
        /// its elementary functions only: ticks read ahead carry ln(price), computed as the kernels would.
        .target(name: "Feeds", dependencies: ["HedgeplanTime", "Pricing"]),
        /// The interpreter: runs plans against feeds on venue models, with accounting and breakers.
        .target(name: "HedgeplanRuntime", dependencies: ["PlanFormat", "Pricing", "PricingAVX2", "CPUFeatures", "Venues", "Feeds", "HedgeplanTime", "HedgeplanFormatting"]),
        /// Monte Carlo of a plan (`stress`, `merge`): many simulated paths through the runtime, on threads and shards.
        .target(
            name: "HedgeplanSimulation",
            dependencies: ["HedgeplanRuntime", "PlanFormat", "Feeds", "HedgeplanFormatting", .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// The dry-run journal: every decision, fill and breaker event in SQLite (GRDB); `--resume` replays and verifies.
        .target(
            name: "HedgeplanJournal",
            dependencies: ["HedgeplanRuntime", "PlanFormat", "Feeds", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// Governance of plans: diffs, steward bounds, Ed25519 approvals, timelocks, the hash-chained activation log.
        .target(
            name: "HedgeplanGovernance",
            dependencies: ["PlanFormat", "HedgeplanIR", "HedgeplanSyntax", "HedgeplanDiagnostics", "HedgeplanSimulation", "HedgeplanFormatting", "Feeds",
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// Live `ws://` feed: JSON ticks over WebSocket, bridged to the synchronous `TickSource`.
        /// Without the LiveFeed trait only the message format and options are built (no WebSocket).
        .target(name: "LiveFeed", dependencies: [
            "Feeds", .product(name: "HummingbirdWSClient", package: "hummingbird-websocket", condition: .when(traits: ["LiveFeed"])),
        ]),
        /// The properties every input kind must keep however hostile (strategy, plan, CSV feed,
        /// WebSocket message, lint configuration, journal): one definition for the mutation
        /// test in `swift test` and the libFuzzer targets in `Fuzz/`.
        .target(name: "HedgeplanFuzzing", dependencies: [
            "HedgeplanCompiler", "HedgeplanChecker", "PlanFormat", "HedgeplanRuntime", "Feeds", "HedgeplanJournal", "LiveFeed",
            "HedgeplanDiagnostics", "HedgeplanIR",
        ]),
        /// Text, JSON, SVG and HTML renderings of analyses and runs.
        .target(name: "HedgeplanReports", dependencies: ["HedgeplanChecker", "HedgeplanCharts", "HedgeplanRuntime", "HedgeplanSimulation", "PlanFormat", "HedgeplanFormatting", "HedgeplanJSON", "HedgeplanTime"]),
        /// Deterministic SVG charts for payoff plots and run reports.
        .target(name: "HedgeplanCharts", dependencies: ["HedgeplanTime", "HedgeplanFormatting"]),
        .executableTarget(
            name: "hedgeplan",
            dependencies: [
                "HedgeplanIR", "HedgeplanChecker", "HedgeplanCompiler", "PlanFormat", "HedgeplanReports", "HedgeplanRuntime", "HedgeplanSimulation", "HedgeplanJournal", "HedgeplanGovernance", "Pricing", "Feeds", "HedgeplanFormatting",
                .target(name: "LiveFeed", condition: .when(traits: ["LiveFeed"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// What the test targets share (Foundation only): the package root, golden files, the
        /// `hedgeplan` child process and a seeded generator.
        .target(name: "HedgeplanTestSupport", path: "Tests/HedgeplanTestSupport"),
        /// The bundled strategies compiled at the pinned clock, for the test targets above the compiler.
        .target(name: "HedgeplanCompiledFixtures", dependencies: ["HedgeplanTestSupport", "HedgeplanCompiler", "HedgeplanIR"], path: "Tests/HedgeplanCompiledFixtures"),
        .testTarget(name: "HedgeplanTimeTests", dependencies: ["HedgeplanTime"]),
        .testTarget(name: "HedgeplanFormattingTests", dependencies: ["HedgeplanFormatting"]),
        .testTarget(name: "HedgeplanJSONTests", dependencies: ["HedgeplanJSON", "HedgeplanTestSupport"]),
        .testTarget(name: "HedgeplanSyntaxTests", dependencies: ["HedgeplanSyntax"]),
        .testTarget(name: "HedgeplanIRTests", dependencies: ["HedgeplanIR", "HedgeplanFormatting", "HedgeplanJSON", "HedgeplanTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HedgeplanCheckerTests", dependencies: ["HedgeplanChecker"]),
        .testTarget(name: "HedgeplanLintTests", dependencies: ["HedgeplanChecker", "HedgeplanTime", "HedgeplanTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PlanFormatTests", dependencies: ["PlanFormat"]),
        .testTarget(name: "HedgeplanRuntimeTests", dependencies: ["HedgeplanRuntime", "HedgeplanCompiler", "HedgeplanTestSupport"]),
        .testTarget(name: "HedgeplanSimulationTests", dependencies: ["HedgeplanSimulation", "HedgeplanCompiler", "HedgeplanReports", "Feeds", "HedgeplanTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HedgeplanCompilerTests", dependencies: ["HedgeplanCompiler", "HedgeplanCompiledFixtures", "HedgeplanTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "HedgeplanReportsTests", dependencies: ["HedgeplanReports", "HedgeplanFormatting", "HedgeplanTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PricingTests", dependencies: ["Pricing", "HedgeplanTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "VenuesTests", dependencies: ["Venues"], exclude: ["Fixtures"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Pricing"], exclude: ["Fixtures"]),
        .testTarget(
            name: "LiveFeedTests",
            dependencies: [
                "LiveFeed", .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["LiveFeed"])),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket", condition: .when(traits: ["LiveFeed"])),
                // `dry-run` on a live feed, run as a subprocess, and its journal read back.
                .target(name: "hedgeplan", condition: .when(traits: ["LiveFeed"])),
                .target(name: "HedgeplanJournal", condition: .when(traits: ["LiveFeed"])),
                .target(name: "HedgeplanTestSupport", condition: .when(traits: ["LiveFeed"])),
            ]
        ),
        .testTarget(name: "HedgeplanChartsTests", dependencies: ["HedgeplanCharts", "HedgeplanFormatting", "HedgeplanTime", "HedgeplanTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "HedgeplanCLITests", dependencies: ["hedgeplan", "HedgeplanCompiler", "HedgeplanRuntime", "Feeds", "HedgeplanFuzzing", "HedgeplanTestSupport", "HedgeplanCompiledFixtures"], exclude: ["Corpus"]),
        .testTarget(name: "HedgeplanFuzzingTests", dependencies: ["HedgeplanFuzzing", "HedgeplanTestSupport"]),
        .testTarget(name: "HedgeplanJournalTests", dependencies: ["HedgeplanJournal", "HedgeplanCompiler", "HedgeplanReports", "hedgeplan", "HedgeplanTestSupport", "HedgeplanCompiledFixtures"]),
        .testTarget(name: "HedgeplanGovernanceTests", dependencies: ["HedgeplanGovernance", "HedgeplanCompiler"], exclude: ["Fixtures"]),
    ]
)
