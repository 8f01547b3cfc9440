/// Exponentially weighted moving average of squared returns (RiskMetrics, 1996):
/// σ²ₜ = λ σ²ₜ₋₁ + (1 − λ) r²ₜ, with decay λ per observation (0.94 for daily data).
/// Variances are per observation; `annualized(observationsPerYear:)` scales them.
public struct EWMAVolatility: Sendable, Hashable {
    public let decay: Double
    /// Per-observation variance of log returns.
    public internal(set) var variance: Double

    /// `initialVariance` is per observation (for example the target volatility's).
    public init(decay: Double, initialVariance: Double) {
        precondition(decay > 0 && decay < 1, "decay must be in (0, 1)")
        self.decay = decay
        self.variance = initialVariance
    }

    /// Adds one log return.
    public mutating func update(logReturn r: Double) {
        variance = decay * variance + (1 - decay) * r * r
    }

    /// Annualised volatility from the per-observation variance.
    public func annualized(observationsPerYear: Double) -> Double {
        (variance * observationsPerYear).squareRoot()
    }
}
