import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import Pricing

/// A delta band narrower than the Whalley-Wilmott (1997) optimal half-width for the cost
/// of one rebalance.
///
/// With proportional trading cost λ, the asymptotically optimal no-trade band around the
/// target delta has half-width (BASE)
///
///     h = (3/2 · e^(-rT) · λ · S · Γ² / γ)^(1/3)
///
/// where S is spot (QUOTE per BASE), Γ the position's gamma (BASE per 1 QUOTE of spot), T
/// the years to the first expiry, r the rate, and γ the hedge's `risk_aversion` (per QUOTE;
/// 1 when not declared). A rebalance trades about one band of BASE, so λ is the venue fee
/// plus one trade's gas spread over that notional: λ = fee + gas / (band · S). Gas in QUOTE
/// is gwei · 1e-9 · `per_trade` · the native token's price: spot when the native token is
/// BASE, 1 when it is QUOTE; any other native token has no known price and its gas is left
/// out (the message says so). The fee is the cheapest venue that offers the hedge
/// instrument. A declared band below h trades too often: each rebalance costs more than the
/// variance it removes is worth.
public struct BandNarrowerThanCost: LintRule {
    public static let id: RuleID = "band-narrower-than-cost"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "A band narrower than the Whalley-Wilmott optimum pays more in fees and gas than the risk it removes."

    public init() {}

    /// The Whalley-Wilmott optimal half-width, BASE. `proportionalCost` is λ (a fraction),
    /// `spot` QUOTE per BASE, `gamma` BASE per QUOTE, `riskAversion` per QUOTE, `rate` a
    /// fraction per year, `years` to expiry.
    public static func optimalHalfWidth(
        proportionalCost: Double, spot: Double, gamma: Double, riskAversion: Double, rate: Double, years: Double
    ) -> Double {
        WhalleyWilmott.halfWidth(
            gamma: gamma, spot: spot, costRate: proportionalCost, riskAversion: riskAversion, rate: rate, yearsToExpiry: years)
    }

    /// The smallest self-consistent band, BASE: the width b at which b equals the optimal
    /// half-width for the cost of a trade of b (λ(b) = fee + gas / (b · S) falls as b grows,
    /// so h(b) - b is decreasing and has one root). Found by bisection between `low` and `high`.
    public static func consistentBand(low: Double, high: Double, optimal: (Double) -> Double) -> Double {
        var (lo, hi) = (low, high)
        for _ in 0..<100 where hi - lo > 1e-12 * hi {
            let mid = 0.5 * (lo + hi)
            if optimal(mid) > mid { lo = mid } else { hi = mid }
        }
        return hi
    }

    /// Cost of one hedge trade's gas in QUOTE, or nil when the native token has no known price.
    public static func gasCost(_ gas: GasCost, spot: Double, underlying: Underlying) -> Double? {
        let nativePrice: Double
        switch gas.native.value.uppercased() {
        case underlying.base.uppercased(): nativePrice = spot
        case underlying.quote.uppercased(): nativePrice = 1
        default: return nil
        }
        return gas.price.value.gwei * 1e-9 * gas.perTrade.value * nativePrice
    }

    /// The fee fraction of the cheapest venue that offers `instrument`; nil when none does.
    public static func hedgeFee(_ instrument: HedgeInstrument, venues: [Venue]) -> Double? {
        venues.filter { venue in
            switch (instrument, venue.kind) {
            case (.perp, .perp), (.spot, .constantProduct), (.spot, .concentratedLiquidity): return true
            default: return false
            }
        }.map(\.fee.value).min()
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis, let hedge = context.strategy.hedge, let delta = hedge.delta,
            let band = delta.band, band.value > 0, delta.trigger.value == .band || delta.trigger.value == .hybrid
        else { return [] }
        let gamma = analysis.greeks.gamma
        let spot = analysis.model.spot
        guard gamma != 0, spot > 0 else { return [] }
        let fee = Self.hedgeFee(hedge.instrument.value, venues: context.strategy.execution?.venues ?? []) ?? 0
        // One cost model with the runtime: gas is paid on pool trades; perps are off chain.
        let gasSpec = hedge.instrument.value == .perp ? nil : context.strategy.execution?.gas
        let gas = gasSpec.flatMap { Self.gasCost($0, spot: spot, underlying: context.strategy.underlying.value) }
        let riskAversion = delta.riskAversion?.value ?? 1
        let years = analysis.payoff.horizonYears ?? StrategyAnalysis.defaultHorizon.years
        let optimalAt = { (width: Double) in
            Self.optimalHalfWidth(
                proportionalCost: fee + (gas ?? 0) / (width * spot), spot: spot, gamma: gamma, riskAversion: riskAversion,
                rate: analysis.model.rate, years: years)
        }
        let lambda = fee + (gas ?? 0) / (band.value * spot)
        let optimal = optimalAt(band.value)
        guard band.value < optimal * (1 - 1e-9) else { return [] }
        let suggested = Self.consistentBand(low: band.value, high: optimal, optimal: optimalAt)
        let costPerRebalance = fee * band.value * spot + (gas ?? 0)
        var message = Self.message(
            band: band.value, optimal: optimal, suggested: suggested, cost: costPerRebalance, fee: fee, gas: gas, lambda: lambda, gamma: gamma,
            riskAversion: riskAversion, context: context)
        if let gasSpec, gas == nil {
            message += Self.gasUnknown(native: gasSpec.native.value, context: context)
        }
        return [finding(message, at: band.location)]
    }
}

// MARK: Messages

extension BandNarrowerThanCost {
    fileprivate static func message(
        band: Double, optimal: Double, suggested: Double, cost: Double, fee: Double, gas: Double?, lambda: Double, gamma: Double,
        riskAversion: Double, context: LintContext
    ) -> String {
        let (base, quote) = (context.base, context.quote)
        let parts = "\(LintNumber.percent(fee)) fee" + (gas.map { " + \(LintNumber.format($0, decimals: 2)) \(quote) gas" } ?? "")
        return "delta band ±\(LintNumber.format(band)) \(base) is narrower than the Whalley-Wilmott optimal half-width "
            + "\(LintNumber.format(optimal, decimals: 3)) \(base): a rebalance of \(LintNumber.format(band)) \(base) costs "
            + "\(LintNumber.format(cost, decimals: 2)) \(quote) (\(parts); λ = \(LintNumber.percent(lambda))) at gamma "
            + "\(LintNumber.significant(gamma)) \(base) per \(quote) and risk aversion \(LintNumber.format(riskAversion)); "
            + "widen the band to at least \(LintNumber.format(suggested, decimals: 3)) \(base), the width that is optimal "
            + "for the cost of its own rebalance"
    }

    fileprivate static func gasUnknown(native: String, context: LintContext) -> String {
        let token = native.isEmpty ? "`gas.native` is not set" : "the price of \(native) in \(context.quote) is unknown"
        return " (gas not counted: \(token))"
    }
}
