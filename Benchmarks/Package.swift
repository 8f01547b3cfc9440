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
        // Feeds is not a product of the root package yet: FeedsMirror is a symlink to
        // ../Sources/Feeds, compiled as its own module so the bench calls across a module
        // boundary as the runtime will. Run: `swift run -c release --package-path Benchmarks FeedsBench`.
        .target(name: "FeedsMirror", path: "Sources/FeedsMirror"),
        .executableTarget(name: "FeedsBench", dependencies: ["FeedsMirror"], path: "Sources/FeedsBench"),
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
        // The regime model's Baum-Welch fit. Run: `Benchmarks/peers/run-regimes.sh`
        // (side by side with hmmlearn through farm-bench).
        .executableTarget(
            name: "RegimesBench",
            dependencies: [.product(name: "Pricing", package: "Hedgeplan")],
            path: "Sources/RegimesBench"
        ),
        .executableTarget(
            name: "FrontendBench",
            dependencies: [.product(name: "Hedgeplan", package: "Hedgeplan"), .product(name: "HedgeplanCompiler", package: "Hedgeplan")],
            path: "Sources/FrontendBench"
        ),
    ]
)
