import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
@testable import HedgeplanChecker
import HedgeplanTestSupport

/// Lints YAML in memory the way `hedgeplan lint` lints a file.
enum LintHarness {
    static let now = Instant(iso8601: "2026-11-27T08:00:00Z")!

    static func check(_ yaml: String, path: String = "test.yaml") -> CheckedStrategy {
        let loaded = StrategyLoader.load(text: yaml, path: path, now: now)
        guard let strategy = loaded.strategy, !loaded.hasErrors else {
            return CheckedStrategy(loaded: loaded, analysis: nil, diagnostics: loaded.diagnostics)
        }
        let result = Checker.check(strategy)
        return CheckedStrategy(
            loaded: loaded, analysis: result.analysis, diagnostics: (loaded.diagnostics + result.diagnostics).sortedByLocation())
    }

    static func lint(_ yaml: String, configuration: LintConfiguration = .defaults) -> [Diagnostic] {
        Linter().lint(check(yaml), configuration: configuration)
    }

    /// A strategy on ETH/USDC at 3000, 60% volatility, 4%, valued at a Friday 08:00 UTC; `body` follows the market.
    static func eth(_ body: String) -> String {
        """
        hedgeplan: 1
        name: t
        underlying: ETH/USDC
        market:
          as_of: 2026-11-27T08:00:00Z
          spot: 3000
          volatility: 60%
          rate: 4%
        \(body)
        """
    }

    static func btc(_ body: String) -> String {
        eth(body).replacingOccurrences(of: "ETH/USDC", with: "BTC/USDC").replacingOccurrences(of: "spot: 3000", with: "spot: 90000")
    }

    /// The repository root, from this file's path.
    static let repository = PackageRoot.url
}
