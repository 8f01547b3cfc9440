import Feeds

/// The `--feed` of one simulated path, built in one place for `StressSettings` (which runs
/// the paths) and `StressHeader` (which names the worst ones after a merge), so that a
/// replay string always describes the path that was run.
enum PathFeed {
    /// The model as the feed string carries it.
    enum Model {
        case gbm
        case merton(JumpParameters)
        case bootstrap(file: String, meanBlock: Double?)
        case regime(RegimeParameters)
    }

    /// `seed` is the path's own (`PathSeed`); `stepMs` the step the path is drawn at.
    static func spec(_ model: Model, spot: Double, volatility: Double, drift: Double, horizonMs: Int64, stepMs: Int64,
                     startMs: Int64, seed: UInt64) -> FeedSpec {
        let days = Double(horizonMs) / 86_400_000
        var parameters = PathParameters(spot: spot, volatility: volatility, days: days, step: stepMs, seed: seed, drift: drift, start: startMs)
        switch model {
        case .gbm: return .gbm(parameters)
        case .merton(let jumps): return .merton(parameters, jumps)
        case .bootstrap(let file, let block):
            return .bootstrap(BootstrapSpec(path: file, spot: spot, days: days, seed: seed, meanBlock: block, start: startMs))
        case .regime(let regimes):
            // The regimes set the returns: volatility and drift are unused (0, as parsed).
            parameters.volatility = 0
            parameters.drift = 0
            return .regime(parameters, regimes)
        }
    }
}
