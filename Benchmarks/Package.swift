// swift-tools-version:6.1
import PackageDescription

/// Release-build benchmarks of the Pricing library, kept out of the root package so that
/// `swift test` at the root never builds them. Run: `Benchmarks/peers/run.sh`, or
/// `swift run -c release --package-path Benchmarks pricing-bench`.
let package = Package(
    name: "HedgeplanBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Hedgeplan", path: "..")],
    targets: [
        .executableTarget(
            name: "PricingBench",
            dependencies: [.product(name: "Pricing", package: "Hedgeplan")],
            path: "Sources/PricingBench"
        ),
    ]
)
