import Feeds
import PlanFormat
import HedgeplanRuntime

/// Everything besides the plan that changes a `stress` result: the number of paths, the
/// seed, the price model and its parameters, the horizon and the step. Threads and shards
/// are not here: they never change a result.
public struct StressSettings: Equatable, Sendable {
    public var paths: Int
    public var seed: UInt64
    public var model: PathModel
    /// ms.
    public var horizonMs: Int64
    /// ms, for gbm and merton paths; bootstrap and regime paths draw at their history's
    /// step (`pathStepMs`).
    public var stepMs: Int64
    /// QUOTE per BASE at the first tick.
    public var spot: Double
    /// Annualised (diffusive) volatility; unused by the bootstrap.
    public var volatility: Double
    /// Annualised drift (E[S_t] = spot e^(drift t)); unused by the bootstrap.
    public var drift: Double
    /// The first tick's instant, ms since epoch: the plan's `as_of`, so that its expiries
    /// fall where it says.
    public var startMs: Int64
    /// How each path's run treats absolute strikes far from `spot` (`--rebase`).
    public var runOptions: RunOptions

    public init(paths: Int, seed: UInt64, model: PathModel, horizonMs: Int64, stepMs: Int64, spot: Double,
                volatility: Double, drift: Double, startMs: Int64, runOptions: RunOptions = RunOptions()) {
        self.paths = paths
        self.seed = seed
        self.model = model
        self.horizonMs = horizonMs
        self.stepMs = stepMs
        self.spot = spot
        self.volatility = volatility
        self.drift = drift
        self.startMs = startMs
        self.runOptions = runOptions
    }

    /// The step paths are drawn at, ms: the history's for bootstrap and regime paths.
    public var pathStepMs: Int64 { model.historyStepMs ?? stepMs }

    /// The feed of path k: a value `dry-run --feed` parses from `feed(path:).text`.
    public func feed(path k: Int) -> FeedSpec {
        PathFeed.spec(model.feedModel, spot: spot, volatility: volatility, drift: drift, horizonMs: horizonMs, stepMs: pathStepMs,
                      startMs: startMs, seed: PathSeed.seed(run: seed, path: k))
    }

    /// Ticks per path (the start included).
    public var ticksPerPath: Int { Int((Double(horizonMs) / Double(pathStepMs)).rounded(.down)) + 1 }
}
