import Foundation

/// The Whalley-Wilmott (1997) asymptotically optimal no-transaction band for proportional
/// transaction costs: hedge back to the band's edge when delta leaves Δ ± H,
///
///     H = (3/2 · e^{-r τ} · λ · S · Γ² / γ)^{1/3}.
///
/// One implementation, used by the compiler (H at inception), lint (is the declared band
/// narrower than the optimum?) and the runtime (H recomputed on every tick from the book's
/// gamma), so that all three agree.
public enum WhalleyWilmott {
    /// Half-width in BASE. `gamma` Γ in BASE per QUOTE, `spot` S in QUOTE per BASE,
    /// `costRate` λ a fraction of traded notional, `riskAversion` γ per QUOTE, `rate` r per
    /// year, `yearsToExpiry` τ.
    ///
    /// The one guard: a risk aversion that is not positive (the language and the plan
    /// format refuse it; this is the limit γ → 0⁺) tolerates any delta, so the band is
    /// infinite and never trades.
    @inlinable
    public static func halfWidth(
        gamma: Double, spot: Double, costRate: Double, riskAversion: Double, rate: Double, yearsToExpiry: Double
    ) -> Double {
        guard riskAversion > 0 else { return .infinity }
        return cbrt(1.5 * exp(-rate * yearsToExpiry) * costRate * spot * gamma * gamma / riskAversion)
    }
}
