// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets, one per input kind, kept out of the root package so that `swift build`
/// and `swift test` never need the fuzzer runtime. Each target checks the same properties
/// as the mutation test in `swift test` (`HedgeplanFuzzing`) and traps when one breaks.
///
/// Build and run (docs/fuzzing.md):
///     swift build -c release --package-path Fuzz --sanitize fuzzer
///     Fuzz/run.sh strategy 600
let package = Package(
    name: "HedgeplanFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Hedgeplan", path: "..")],
    targets: ["FuzzStrategy", "FuzzLintConfiguration", "FuzzPlan", "FuzzFeedRows", "FuzzTickMessage", "FuzzJournal"].map { name in
        .executableTarget(
            name: name,
            dependencies: ["HedgeplanFuzzing", "HedgeplanCompiler", "HedgeplanLanguage", "HedgeplanRuntime", "HedgeplanJournal"].map {
                .product(name: $0, package: "Hedgeplan")
            },
            path: "Sources/\(name)",
            // libFuzzer supplies `main`; the target only defines `LLVMFuzzerTestOneInput`.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
