import Feeds
import Foundation
import PlanFormat
import HedgeplanIR
import Testing
@testable import HedgeplanCompiler
@testable import HedgeplanRuntime
import HedgeplanTestSupport

enum RuntimeFixtures {
    static let root = PackageRoot.url
    static let now = Instant(iso8601: "2026-11-25T12:00:00Z")!

    static func plan(_ strategy: String) throws -> HedgingPlan {
        // An absolute path: tests run in parallel and must not change the working directory.
        let compiled = PlanCompiler.compile(path: root.appendingPathComponent("strategies/\(strategy)").path, now: now)
        return try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))")
    }

    static func run(_ plan: HedgingPlan, feed spec: String, checkInvariant: Bool = true) throws -> (RunResult, Double) {
        var interpreter = Interpreter(plan: plan)
        interpreter.checksInvariant = checkInvariant
        let source = try FeedSpec.parse(spec).makeSource()
        func go<S: TickSource>(_ s: S) throws -> RunResult {
            var feed = s
            return try interpreter.run(&feed)
        }
        let result = try go(source)
        return (result, interpreter.worstInvariantError)
    }
}

/// The P&L components add up to the change in equity on every step, where equity is
/// computed from cash as it actually moved, not from the components.
struct AccountingInvariantTests {
    @Test(arguments: [
        "eth-iron-condor-perp-hedged.yaml", "eth-short-straddle-hedged.yaml", "eth-covered-call-vault.yaml",
        "eth-lp-full-range.yaml", "btc-basis-future.yaml", "eth-perp-funding.yaml", "eth-calendar.yaml",
    ])
    func componentsAddUpOnEveryStep(_ strategy: String) throws {
        let plan = try RuntimeFixtures.plan(strategy)
        let spot = plan.market.spot
        let (result, worst) = try RuntimeFixtures.run(
            plan, feed: "merton:spot=\(spot),vol=0.8,days=60,step=5m,seed=11,intensity=6,mean=-0.05,jumpvol=0.1")
        #expect(result.ticks == 60 * 288 + 1)
        #expect(worst < 1e-6, "worst |components − equity| = \(worst) QUOTE")
    }
}
