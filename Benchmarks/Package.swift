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
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
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
            dependencies: [.product(name: "Venues", package: "Hedgeplan"), .product(name: "BigInt", package: "BigInt")],
            path: "Sources/VenuesBench"
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
        .executableTarget(
            name: "FrontendBench",
            dependencies: [.product(name: "Hedgeplan", package: "Hedgeplan"), .product(name: "HedgeplanCompiler", package: "Hedgeplan")],
            path: "Sources/FrontendBench"
        ),
    ]
)
