import Feeds
import Foundation
import PlanFormat
import HedgeplanChecker
import HedgeplanIR
import HedgeplanRuntime
import Testing
#if canImport(FoundationXML)
import FoundationXML
import HedgeplanTestSupport
#endif

/// Bundled strategies, a small deterministic run, golden files and an XML reader.
enum ReportFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let now = Instant(iso8601: "2026-11-25T12:00:00Z")!

    /// The checker's analysis of a bundled strategy, paths relative to the package root.
    static func analysis(_ strategy: String) throws -> StrategyAnalysis {
        let checked = Checker.validate(path: root.appendingPathComponent("strategies/\(strategy)").path, now: now)
        return try #require(checked.analysis, "\(checked.diagnostics.map(\.message))")
    }

    /// The bundled strategy's plan, as `PlanCompiler.compile(path:now:)` gives it: read from
    /// the compiler's golden plans, which `GoldenPlanTests` keeps equal to the compiler's
    /// output (this target depends on the reports library only, not on the compiler).
    static func plan(_ strategy: String) throws -> HedgingPlan {
        let url = root.appendingPathComponent("Tests/HedgeplanCompilerTests/Golden")
            .appendingPathComponent(strategy.replacingOccurrences(of: ".yaml", with: ".plan.json"))
        return try PlanCoding.decode(try Data(contentsOf: url))
    }

    /// The delta-hedged iron condor on 3 days of a seeded 5-minute GBM path.
    static let smallFeed = "gbm:spot=3000,vol=0.8,days=3,step=5m,seed=7"

    static func run(_ strategy: String = "eth-iron-condor-perp-hedged.yaml", feed: String = smallFeed) throws -> RunResult {
        try run(plan: try plan(strategy), feed: feed)
    }

    /// Runs `plan` on `feed`, with `observer` watching every tick.
    static func run(plan: HedgingPlan, feed: String, observer: RunObserver? = nil) throws -> RunResult {
        var interpreter = Interpreter(plan: plan, observer: observer)
        func go<S: TickSource>(_ s: S) throws -> RunResult {
            var feed = s
            return try interpreter.run(&feed)
        }
        return try go(try FeedSpec.parse(feed).makeSource())
    }

    /// Compares `text` with the golden file `name`; `HEDGEPLAN_RECORD=1` re-records it.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mismatch = Golden.mismatch(text, golden: golden.appendingPathComponent(name))
        #expect(mismatch == nil, sourceLocation: sourceLocation)
    }

    /// Parses `xml`; nil (with the parser's error recorded) when it is not well formed.
    static func parseXML(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLOutline? {
        switch XMLOutline.parse(xml) {
        case .success(let outline): return outline
        case .failure(let error):
            Issue.record("not well-formed XML: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
