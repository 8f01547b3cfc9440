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
    /// The two books opened at path 0's first tick, which every simulated path shares
    /// (`BookOpening`): a path copies them instead of opening its structure twice. Nil when
    /// the plan cannot open there; each path then opens its own and reports why.
    let openings: (hedged: BookOpening, unhedged: BookOpening)?

    public init(plan: HedgingPlan, settings: StressSettings) {
        self.plan = plan
        self.settings = settings
        var bare = plan
        bare.hedge = nil
        bare.safety = []
        unhedgedPlan = bare
        openings = Self.openings(plan, bare, settings)
    }

    /// The two books opened at path 0's first tick, or nil when the plan cannot open there.
    private static func openings(
        _ plan: HedgingPlan, _ bare: HedgingPlan, _ settings: StressSettings
    ) -> (hedged: BookOpening, unhedged: BookOpening)? {
        guard let ticks = try? Self.ticks(path: 0, settings: settings), let first = ticks.ticks.first,
              let hedged = try? interpreter(plan, settings).open(at: first),
              let unhedged = try? interpreter(bare, settings).open(at: first)
        else { return nil }
        return (hedged, unhedged)
    }

    /// The engine as `stress` runs it: the run options of the settings, no series, no trades.
    static func interpreter(_ plan: HedgingPlan, _ settings: StressSettings) -> Interpreter {
        var interpreter = Interpreter(plan: plan)
        interpreter.options = settings.runOptions
        interpreter.keepsDetail = false
        return interpreter
    }

    /// Path k's outcome.
    public func outcome(path k: Int) throws -> PathOutcome {
        try outcome(path: k, openings: openings)
    }

    /// Path k's outcome, stepping copies of `openings` (the runner's own, or a worker's).
    func outcome(path k: Int, openings: (hedged: BookOpening, unhedged: BookOpening)?) throws -> PathOutcome {
        let ticks = try Self.ticks(path: k, settings: settings)
        if let openings, ticks.ticks.first == openings.hedged.firstTick {
            var hedgedFeed = ticks, bareFeed = ticks
            return PathOutcome(
                path: k, hedged: try openings.hedged.outcome(stepping: &hedgedFeed),
                unhedged: try openings.unhedged.outcome(stepping: &bareFeed).pnl.total)
        }
        var hedgedFeed = ticks
        var hedged = Self.interpreter(plan, settings)
        let book = try hedged.finalBook(&hedgedFeed)
        var bareFeed = ticks
        var bare = Self.interpreter(unhedgedPlan, settings)
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
        // With several threads, each worker opens its own books (about what one path costs):
        // paths on two cores that copied one opening would share its arrays' storage, and
        // bounce its reference counts between the cores (5% more CPU on two threads).
        let workers = PathWorkers(threads: threads, progressEvery: progressEvery, progress: progress)
        let opened = openings
        return try workers.map(paths, perWorker: { [self] in
            threads > 1 && opened != nil ? Self.openings(plan, unhedgedPlan, settings) : opened
        }) { [self] openings, k in
            try outcome(path: k, openings: openings)
        }
    }
}
