import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanSyntax
import HedgeplanTestSupport

enum Paths {
    static let packageRoot = PackageRoot.url
    static let fixtures = packageRoot.appendingPathComponent("Tests/HedgeplanIRTests/Fixtures")
    static let strategies = packageRoot.appendingPathComponent("strategies")
    static let schema = packageRoot.appendingPathComponent("schema/strategy.schema.json")

    /// Every bundled strategy, and the design page's complete example.
    static var allStrategyFiles: [URL] {
        let bundled = ((try? FileManager.default.contentsOfDirectory(atPath: strategies.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { strategies.appendingPathComponent($0) }
        return bundled + [fixtures.appendingPathComponent("design-example.yaml")]
    }
}

/// A fixed valuation clock for tests.
let testNow = Instant(iso8601: "2026-11-25T12:00:00Z")!

func load(_ yaml: String, now: Instant = testNow) -> LoadedStrategy {
    StrategyLoader.load(text: yaml, path: "test.yaml", now: now)
}

/// Diagnostics as `line:column rule` strings, for compact assertions.
func summary(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule.rawValue)" }
}
