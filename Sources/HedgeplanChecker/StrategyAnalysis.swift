import HedgeplanDiagnostics
import HedgeplanIR
import Pricing

/// Everything the checker works out about a strategy: resolved legs, net premium, the
/// payoff at (first) expiry, greeks at inception and stress scenarios.
public struct StrategyAnalysis: Sendable {
    public var strategy: Strategy
    public var model: ValuationModel
    public var legs: [ResolvedLeg]
    /// QUOTE, positive when the strategy receives premium at inception.
    public var netPremium: Double
    public var payoff: PayoffSummary
    public var greeks: PositionGreeks
    public var scenarios: [ScenarioResult]

    /// Analyses a strategy whose market names spot and volatility; nil otherwise, or when a
    /// leg cannot be resolved (both reported in `diagnostics`).
    public static func analyze(_ strategy: Strategy) -> (analysis: StrategyAnalysis?, diagnostics: [Diagnostic]) {
        guard let model = ValuationModel(strategy.market) else {
            let missing = [strategy.market.spot == nil ? "spot" : nil, strategy.market.volatility == nil ? "volatility" : nil]
                .compactMap { $0 }.map { "`market.\($0)`" }.joined(separator: " and ")
            return (nil, [Diagnostic(.note, .analysisSkipped, "payoff and risk analysis needs \(missing)", at: strategy.market.location)])
        }
        let resolver = LegResolver(model: model, valuationTime: strategy.valuationTime, venues: strategy.execution?.venues ?? [])
        let (legs, diagnostics) = resolver.resolve(strategy.legs)
        guard diagnostics.isEmpty, !legs.isEmpty else { return (nil, diagnostics) }

        let expiries = legs.compactMap(\.expiryYears)
        let sameExpiry = Set(expiries).count <= 1
        let payoff: PayoffSummary
        if sameExpiry, let linear = PiecewiseLinearPayoff(legs: legs) {
            payoff = ExactPayoffAnalysis.analyze(linear, horizonYears: expiries.first)
        } else if let withLiquidity = RootLinearPayoff(legs: legs) {
            payoff = RootLinearPayoffAnalysis.analyze(withLiquidity, horizonYears: expiries.first)
        } else {
            let horizon = expiries.min() ?? (strategy.roll?.every.value.years ?? Self.defaultHorizon.years)
            payoff = ModelPayoffAnalysis.analyze(legs, model: model, horizonYears: horizon)
        }
        let scenarios = (strategy.risk?.scenarios ?? []).map { ScenarioResult.evaluate($0, legs: legs, model: model) }
        let analysis = StrategyAnalysis(
            strategy: strategy, model: model, legs: legs, netPremium: -legs.reduce(0) { $0 + $1.cost },
            payoff: payoff, greeks: PositionGreeks(legs, model: model), scenarios: scenarios)
        return (analysis, [])
    }

    /// The horizon for positions with no expiry (lp legs without a roll): 30 days.
    public static let defaultHorizon = TimeSpan(seconds: 30 * TimeSpan.secondsPerDay)
}

extension RuleID {
    /// Analysis could not run (spot or volatility missing).
    public static let analysisSkipped: RuleID = "analysis-skipped"
}
