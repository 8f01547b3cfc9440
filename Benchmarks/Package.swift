// swift-tools-version:6.1
import PackageDescription

/// Release-build benchmarks of the Pricing library, kept out of the root package so that
/// `swift test` at the root never builds them. Run: `Benchmarks/peers/run.sh`, or
/// `swift run -c release --package-path Benchmarks pricing-bench`.
let package = Package(
    name: "HedgeplanBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Hedgeplan", path: ".."),
        // package-benchmark, for its malloc counter (VenuesAllocations); the interposer trait only.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PricingBench",
            dependencies: [.product(name: "Pricing", package: "Hedgeplan")],
            path: "Sources/PricingBench"
        ),
        // The root package's Feeds product (with HedgeplanTime below it), called across a module
        // boundary as the runtime calls it. Run: `swift run -c release --package-path Benchmarks FeedsBench`.
        .executableTarget(name: "FeedsBench", dependencies: [.product(name: "Feeds", package: "Hedgeplan")], path: "Sources/FeedsBench"),
        // Run: `swift run -c release --package-path Benchmarks VenuesBench`.
        .executableTarget(
            name: "VenuesBench",
            dependencies: [.product(name: "Venues", package: "Hedgeplan")],
            path: "Sources/VenuesBench"
        ),
        // The same venue workloads under package-benchmark: wall clock and malloc count per
        // operation. Run: `swift package --package-path Benchmarks benchmark --target VenuesAllocations`.
        .executableTarget(
            name: "VenuesAllocations",
            dependencies: [.product(name: "Venues", package: "Hedgeplan"), .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/VenuesAllocations",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The engine's heap allocations per tick in steady state (two run lengths), under
        // package-benchmark. Run: `swift package --package-path Benchmarks benchmark --target RuntimeAllocations`.
        .executableTarget(
            name: "RuntimeAllocations",
            dependencies: [
                .product(name: "HedgeplanRuntime", package: "Hedgeplan"), .product(name: "HedgeplanCompiler", package: "Hedgeplan"),
                .product(name: "Feeds", package: "Hedgeplan"), .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RuntimeAllocations",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The interpreter on a 10M-tick synthetic feed, and the front end, checker and compiler.
        // Run: `Benchmarks/peers/run-runtime.sh` (side by side with the C and Python loops).
        .executableTarget(
            name: "RuntimeBench",
            dependencies: [
                .product(name: "HedgeplanRuntime", package: "Hedgeplan"), .product(name: "HedgeplanCompiler", package: "Hedgeplan"),
                .product(name: "Feeds", package: "Hedgeplan"),
            ],
            path: "Sources/RuntimeBench"
        ),
        // The regime model's Baum-Welch fit. Run: `Benchmarks/peers/run-regimes.sh`
        // (side by side with hmmlearn, whole processes in turn).
        .executableTarget(
            name: "RegimesBench",
            dependencies: [.product(name: "Pricing", package: "Hedgeplan")],
            path: "Sources/RegimesBench"
        ),
        .executableTarget(
            name: "FrontendBench",
            dependencies: [.product(name: "HedgeplanLanguage", package: "Hedgeplan"), .product(name: "HedgeplanCompiler", package: "Hedgeplan")],
            path: "Sources/FrontendBench"
        ),
    ]
)
