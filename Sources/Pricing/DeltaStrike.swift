import Foundation

/// The strike with a given Black-Scholes delta (no carry): a strike rule `{ delta: 0.25 }`
/// becomes a price. Positive deltas are call deltas N(d1); negative ones put deltas
/// N(d1) − 1. One implementation, used by the checker when it resolves legs and by the
/// runtime when it rolls them.
public enum DeltaStrike {
    /// K = S · exp(−d1 · σ√τ + (r + σ²/2) τ) with d1 = N⁻¹(target). Nil when no strike has
    /// that delta: |delta| not in (0, 1), τ or σ not positive.
    public static func strike(delta: Double, spot: Double, volatility: Double, rate: Double, years: Double) -> Double? {
        let target = delta > 0 ? delta : 1 + delta
        guard years > 0, volatility > 0, let d1 = InverseNormalCDF.quantile(target) else { return nil }
        let sigmaRootT = volatility * years.squareRoot()
        return spot * exp(-d1 * sigmaRootT + (rate + volatility * volatility / 2) * years)
    }
}
