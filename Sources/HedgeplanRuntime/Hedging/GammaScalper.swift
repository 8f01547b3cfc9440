import Foundation
import Pricing

/// Gamma scalping (`hedge.gamma.scalp: true`) for a long-gamma book: when spot has moved from
/// the last rebalance far enough that re-hedging locks in more than the trade costs, the book
/// rebalances to its delta target, whatever the delta trigger says.
///
/// Re-hedging after a move ΔS locks in the convexity gain ½ Γ ΔS² (QUOTE; Γ in BASE per
/// QUOTE) and trades Γ |ΔS| BASE, which costs fee · Γ |ΔS| · S plus gas g per trade (the
/// shared `HedgeTradeCost`: g is 0 on a perp). The rule trades once the gain covers the cost:
///
///     ½ Γ ΔS² ≥ fee · Γ |ΔS| · S + g   ⇔   |ΔS| ≥ fee · S + √((fee · S)² + 2 g / Γ).
///
/// The trade is sized by gamma: it is the delta that gamma created since the last rebalance
/// (the book's distance to its target). A short-gamma book (Γ ≤ 0) has nothing to scalp: the
/// delta trigger alone decides.
struct GammaScalper: Sendable {
    /// The lowest fee among the venues that offer the hedge instrument, a fraction.
    let feeRate: Double
    /// Spot at the last rebalance (or at the run's start), QUOTE per BASE.
    var referenceSpot: Double

    /// The spot move, QUOTE, at which re-hedging locks in its own cost. Infinite for Γ ≤ 0.
    static func breakevenMove(gamma: Double, spot: Double, cost: HedgeTradeCost) -> Double {
        guard gamma > 0 else { return .infinity }
        let proportional = cost.feeRate * spot
        return proportional + (proportional * proportional + 2 * cost.gasPerTrade / gamma).squareRoot()
    }

    /// `gasPerTrade`: QUOTE at this tick, already 0 for a perp hedge (the caller's `HedgeTradeCost` rule).
    func wantsRebalance(gamma: Double, spot: Double, gasPerTrade: Double) -> Bool {
        let cost = HedgeTradeCost(feeRate: feeRate, gasPerTrade: gasPerTrade)
        return abs(spot - referenceSpot) >= Self.breakevenMove(gamma: gamma, spot: spot, cost: cost)
    }
}
