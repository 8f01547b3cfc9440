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
/// plus one trade's gas spread over that notional: λ = fee + gas / (band · S), in the cost
/// model the compiler and the runtime share (`DeclaredHedgeCost`, `HedgeTradeCost`: gas on
/// pool hedges only, perps pay none; a native token that is neither BASE nor QUOTE has no
/// price and its gas is left out, which the message says). A declared band below h trades
/// too often: each rebalance costs more than the variance it removes is worth.
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

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis, let hedge = context.strategy.hedge, let delta = hedge.delta,
            let band = delta.band, band.value > 0, delta.trigger.value == .band || delta.trigger.value == .hybrid
        else { return [] }
        let gamma = analysis.greeks.gamma
        let spot = analysis.model.spot
        guard gamma != 0, spot > 0 else { return [] }
        guard let declared = DeclaredHedgeCost(context.strategy, spot: spot) else { return [] }
        let cost = declared.cost
        let riskAversion = delta.riskAversion?.value ?? 1
        let years = analysis.payoff.horizonYears ?? StrategyAnalysis.defaultHorizon.years
        let lambda = cost.proportionalRate(notional: band.value * spot)
        let optimal = Self.optimalHalfWidth(
            proportionalCost: lambda, spot: spot, gamma: gamma, riskAversion: riskAversion, rate: analysis.model.rate, years: years)
        guard band.value < optimal * (1 - 1e-9) else { return [] }
        // The width the compiler gives a whalley-wilmott trigger: optimal for the cost of its own rebalance.
        let suggested = cost.whalleyWilmottBand(
            gamma: gamma, spot: spot, riskAversion: riskAversion, rate: analysis.model.rate, yearsToExpiry: years).halfWidth
        let gas = cost.gasPerTrade > 0 ? cost.gasPerTrade : nil
        let fee = cost.feeRate
        let costPerRebalance = cost.cost(notional: band.value * spot)
        var message = Self.message(
            band: band.value, optimal: optimal, suggested: suggested, cost: costPerRebalance, fee: fee, gas: gas, lambda: lambda, gamma: gamma,
            riskAversion: riskAversion, context: context)
        if let unpriced = declared.unpricedGas {
            message += Self.gasUnknown(native: unpriced.native.value, context: context)
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
