import Foundation

/// What one delta-hedge trade costs: a fee proportional to the notional plus a fixed gas
/// charge. The one cost model of lint (`band-narrower-than-cost`), the compiler (the
/// Whalley-Wilmott λ in the plan) and the runtime (gamma scalping), so all three agree.
///
/// The rule: the fee is the cheapest venue's that offers the hedge instrument; gas is paid
/// on pool hedges (an on-chain swap) and not on perps (an off-chain order book), as the
/// runtime's venues charge it.
public struct HedgeTradeCost: Sendable, Equatable {
    /// A fraction of the traded notional.
    public var feeRate: Double
    /// QUOTE per trade (0 for perp hedges).
    public var gasPerTrade: Double

    public init(feeRate: Double, gasPerTrade: Double) {
        self.feeRate = feeRate
        self.gasPerTrade = gasPerTrade
    }

    /// The cost of a hedge on a perp (no gas) or on a pool (`gasPerTrade` QUOTE a trade).
    public init(feeRate: Double, gasPerTrade: Double, hedgesOnPerp: Bool) {
        self.init(feeRate: feeRate, gasPerTrade: hedgesOnPerp ? 0 : gasPerTrade)
    }

    /// QUOTE paid for one trade of `notional` QUOTE.
    public func cost(notional: Double) -> Double { feeRate * notional + gasPerTrade }

    /// λ for a trade of `notional` QUOTE: the fee plus the gas spread over the notional.
    public func proportionalRate(notional: Double) -> Double {
        gasPerTrade == 0 ? feeRate : feeRate + gasPerTrade / notional
    }

    /// The Whalley-Wilmott half-width (BASE) whose own rebalance sets its cost, and that λ.
    ///
    /// A rebalance trades about one band, b BASE, so λ(b) = fee + gas / (b S). With gas the
    /// optimum H(λ) depends on the band it sizes; λ falls as b grows, so H(λ(b)) - b is
    /// decreasing and has one root, the width that is optimal for the cost of its own
    /// rebalance. Without gas λ is the fee and H is the textbook formula. `gamma` BASE per
    /// QUOTE, `spot` QUOTE per BASE, `riskAversion` per QUOTE, `rate` per year.
    public func whalleyWilmottBand(
        gamma: Double, spot: Double, riskAversion: Double, rate: Double, yearsToExpiry: Double
    ) -> (halfWidth: Double, costRate: Double) {
        let optimal = { (lambda: Double) in
            WhalleyWilmott.halfWidth(
                gamma: gamma, spot: spot, costRate: lambda, riskAversion: riskAversion, rate: rate, yearsToExpiry: yearsToExpiry)
        }
        let feeOnly = optimal(feeRate)
        guard gasPerTrade > 0, spot > 0, feeOnly.isFinite else { return (feeOnly, feeRate) }
        let atWidth = { (b: Double) in optimal(proportionalRate(notional: b * spot)) }
        // With fee 0 the fixed point is closed form: b^4 = 3/2 e^{-r tau} gas Gamma^2 / gamma.
        let gasOnly = pow(1.5 * exp(-rate * yearsToExpiry) * gasPerTrade * gamma * gamma / riskAversion, 0.25)
        guard gasOnly > 0 else { return (0, feeRate) }
        // The root is at least the fee-only and the gas-only widths, and at most H at the larger of them.
        let low = max(feeOnly, gasOnly)
        let width = Self.fixedPoint(low: low, high: max(low, atWidth(low)), of: atWidth)
        return (width, proportionalRate(notional: width * spot))
    }

    /// The x in [low, high] with f(x) = x for a decreasing f with f(low) >= low, by bisection.
    public static func fixedPoint(low: Double, high: Double, of f: (Double) -> Double) -> Double {
        var (lo, hi) = (low, high)
        for _ in 0..<200 where hi - lo > 1e-14 * hi {
            let mid = 0.5 * (lo + hi)
            if f(mid) > mid { lo = mid } else { hi = mid }
        }
        return hi
    }
}
