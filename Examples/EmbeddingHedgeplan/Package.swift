// swift-tools-version:6.1
import PackageDescription

/// A stand-alone package that embeds Hedgeplan the way any other Swift program would:
/// it depends on the repository root by path and on its `HedgeplanLanguage` library product.
let package = Package(
    name: "EmbeddingHedgeplan",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The root package. Named explicitly so that the product reference below does not
        // depend on the name of the directory the repository is checked out in.
        .package(name: "Hedgeplan", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "embedding-walkthrough",
            dependencies: [.product(name: "HedgeplanLanguage", package: "Hedgeplan")]
        ),
    ]
)
