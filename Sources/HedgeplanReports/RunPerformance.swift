import Foundation
import PlanFormat
import HedgeplanRuntime

/// Return and risk figures of a run, from its equity at the close of every UTC day. They
/// describe the simulated past only; they are not a forecast.
///
/// - The return is the total P&L over the **capital base the drawdown breaker uses**, taken
///   at the feed's first price: the structure's declared capital (its liquidity positions'),
///   else its defined max loss scaled from the plan's spot to that price, else its gross
///   notional (the legs' quantities, BASE, × that price). The breaker re-takes the base at
///   every tick in current prices; one base for the whole run keeps the return a plain ratio.
/// - Daily changes are the differences between consecutive daily closes (the first from the
///   run's first tick), in QUOTE; the annualised volatility is their sample standard
///   deviation × √365 (QUOTE per year), also shown as a fraction of the base.
/// - The Sharpe-like ratio is mean ÷ standard deviation of the daily changes × √365, with no
///   risk-free rate: unitless, and needs at least two daily changes.
public struct RunPerformance: Sendable, Equatable {
    /// Which rule gave the capital base.
    public enum BaseRule: String, Sendable {
        case declaredCapital = "declared capital"
        case maxLoss = "max loss"
        case grossNotional = "gross notional"
    }

    /// QUOTE, at least 1.
    public var capitalBase: Double
    public var baseRule: BaseRule
    /// Total P&L ÷ capital base (a fraction).
    public var totalReturn: Double
    /// Daily equity changes, QUOTE, in order.
    public var dailyChanges: [Double]
    /// Sample standard deviation of the daily changes × √365, QUOTE per year; nil with fewer
    /// than two changes.
    public var annualisedVolatility: Double?
    /// Mean ÷ standard deviation of the daily changes × √365; nil with fewer than two
    /// changes or no variation.
    public var sharpeLike: Double?

    public init(_ result: RunResult, plan: HedgingPlan?, firstPrice: Double) {
        (capitalBase, baseRule) = Self.capitalBase(plan: plan, firstPrice: firstPrice)
        totalReturn = result.pnl.total / capitalBase
        let equity = result.dailyEquity.map(\.equity)
        dailyChanges = zip(equity.dropFirst(), equity).map { $0 - $1 }
        let n = Double(dailyChanges.count)
        guard dailyChanges.count >= 2 else { return }
        let mean = dailyChanges.reduce(0, +) / n
        let variance = dailyChanges.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let deviation = variance.squareRoot()
        annualisedVolatility = deviation * Self.daysPerYear.squareRoot()
        if deviation > 0 { sharpeLike = mean / deviation * Self.daysPerYear.squareRoot() }
    }

    /// The language's year (`YearLength`): 365 days.
    static let daysPerYear = 365.0

    /// The annualised volatility as a fraction of the capital base.
    public var annualisedVolatilityOfBase: Double? { annualisedVolatility.map { $0 / capitalBase } }

    /// The drawdown breaker's capital base at `firstPrice` (see the type's documentation).
    static func capitalBase(plan: HedgingPlan?, firstPrice: Double) -> (Double, BaseRule) {
        guard let plan else { return (1, .grossNotional) }
        let capital = plan.legs.compactMap(\.liquidity?.capital).reduce(0, +)
        if capital > 0 { return (capital, .declaredCapital) }
        if let maxLoss = plan.inception.maxLoss, maxLoss > 0, plan.market.spot > 0 {
            return (maxLoss * firstPrice / plan.market.spot, .maxLoss)
        }
        let quantity = plan.legs.filter { $0.instrument != .lp }.reduce(0) { $0 + abs($1.quantity) }
        return (max(1, quantity * firstPrice), .grossNotional)
    }
}
