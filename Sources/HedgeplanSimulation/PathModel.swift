import Feeds

/// How `stress` simulates prices.
public enum PathModel: Equatable, Sendable {
    /// Geometric Brownian motion (`GBMPath`).
    case gbm
    /// Merton jump diffusion (`MertonPath`) with these jumps.
    case merton(JumpParameters)
    /// Stationary bootstrap of a history's log returns (`BootstrapPath`): the file as given
    /// on the command line (for the replay feed strings), its returns, the mean block in steps.
    case bootstrap(file: String, sample: ReturnSample, meanBlock: Double)

    /// As the command line writes it: `gbm`, `merton`, `bootstrap:FILE`.
    public var name: String {
        switch self {
        case .gbm: "gbm"
        case .merton: "merton"
        case .bootstrap(let file, _, _): "bootstrap:\(file)"
        }
    }
}
