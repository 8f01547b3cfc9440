import Feeds
import Foundation
import PlanFormat
import HedgeplanRuntime

/// Runs a plan on many simulated paths through the same engine as `dry-run`, on several
/// threads. Each path is run twice on the same ticks: the plan as compiled, and its
/// structure held with no hedge and no breaker (what the hedge buys). Results are stored by
/// path index, so they never depend on which thread ran which path.
public struct StressRunner: Sendable {
    public let plan: HedgingPlan
    public let settings: StressSettings
    /// The plan without `hedge:` and without circuit breakers: the structure held, rolls kept.
    let unhedgedPlan: HedgingPlan

    public init(plan: HedgingPlan, settings: StressSettings) {
        self.plan = plan
        self.settings = settings
        var bare = plan
        bare.hedge = nil
        bare.safety = []
        unhedgedPlan = bare
    }

    /// Path k's outcome.
    public func outcome(path k: Int) throws -> PathOutcome {
        let ticks = try Self.ticks(path: k, settings: settings)
        var hedgedFeed = ticks
        var hedged = Interpreter(plan: plan)
        hedged.options = settings.runOptions
        hedged.keepsDetail = false
        let book = try hedged.finalBook(&hedgedFeed)
        var bareFeed = ticks
        var bare = Interpreter(plan: unhedgedPlan)
        bare.options = settings.runOptions
        bare.keepsDetail = false
        let unhedged = try bare.finalBook(&bareFeed).outcome().pnl.total
        return PathOutcome(path: k, hedged: book.outcome(), unhedged: unhedged)
    }

    /// Path k's ticks, drawn once (by specialised code for each model) so that several
    /// runs can replay them: the hedged and unhedged books here, a portfolio's crowd in
    /// `PortfolioStressRunner`.
    static func ticks(path k: Int, settings: StressSettings) throws -> RecordedTicks {
        func record<Path: TickSource>(_ make: () -> Path) throws -> RecordedTicks {
            var path = make()
            return try RecordedTicks(draining: &path, capacity: settings.ticksPerPath)
        }
        switch settings.feed(path: k) {
        case .gbm(let p): return try record { GBMPath(p) }
        case .merton(let p, let j): return try record { MertonPath(p, jumps: j) }
        case .bootstrap(let b):
            guard case .bootstrap(_, let sample, _) = settings.model else { preconditionFailure("bootstrap feed without its sample") }
            return try record {
                BootstrapPath(sample: sample, spot: b.spot, days: b.days, seed: b.seed,
                              meanBlock: b.meanBlock ?? sample.defaultMeanBlock, start: b.start)
            }
        case .regime(let p, let r): return try record { RegimePath(p, regimes: r) }
        case .csv, .webSocket: preconditionFailure("stress simulates its paths")
        }
    }

    /// The outcomes of `paths` (increasing indices), in that order, computed on `threads`
    /// threads. `progress` is called with the number of paths done so far, from the worker
    /// that finished them, at most every `progressEvery` paths. The first error stops the run.
    public func run(paths: [Int], threads: Int, progressEvery: Int = 64,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> [PathOutcome] {
        try PathWorkers(threads: threads, progressEvery: progressEvery, progress: progress).map(paths, outcome(path:))
    }
}
