import Feeds
import PlanFormat

/// How `stress` simulates prices.
public enum PathModel: Equatable, Sendable {
    /// Geometric Brownian motion (`GBMPath`).
    case gbm
    /// Merton jump diffusion (`MertonPath`) with these jumps.
    case merton(JumpParameters)
    /// Stationary bootstrap of a history's log returns (`BootstrapPath`): the file as given
    /// on the command line (for the replay feed strings), its returns, the mean block in steps.
    case bootstrap(file: String, sample: ReturnSample, meanBlock: Double)
    /// A regime-switching model fitted to a history (`RegimePath`): the file as given, the
    /// fitted regimes, and the history's step (ms) they are per.
    case regime(file: String, regimes: RegimeParameters, stepMs: Int64)

    /// The plan's own market model, `stress`'s default: Merton with the plan's jumps when it
    /// declares them, else GBM.
    public init(planMarket market: MarketAssumptions) {
        let m = market.model
        if m.kind == .merton, let intensity = m.jumpIntensity, let mean = m.jumpMeanLog, let vol = m.jumpVolatility {
            self = .merton(JumpParameters(intensity: intensity, meanLogJump: mean, jumpVolatility: vol))
        } else {
            self = .gbm
        }
    }

    /// As the command line writes it: `gbm`, `merton`, `bootstrap:FILE`.
    public var name: String {
        switch self {
        case .gbm: "gbm"
        case .merton: "merton"
        case .bootstrap(let file, _, _): "bootstrap:\(file)"
        case .regime(let file, _, _): "regime:\(file)"
        }
    }

    /// The step a history-based model draws at (its history's), nil for gbm and merton.
    public var historyStepMs: Int64? {
        switch self {
        case .gbm, .merton: nil
        case .bootstrap(_, let sample, _): sample.stepMs
        case .regime(_, _, let stepMs): stepMs
        }
    }

    /// What a path's feed string says of the model (the bootstrap's returns stay in the file
    /// the string names).
    var feedModel: PathFeed.Model {
        switch self {
        case .gbm: .gbm
        case .merton(let jumps): .merton(jumps)
        case .bootstrap(let file, _, let block): .bootstrap(file: file, meanBlock: block)
        case .regime(_, let regimes, _): .regime(regimes)
        }
    }
}
