import PlanFormat
import HedgeplanChecker

/// The inception figures: net premium, the payoff's max loss and profit, and the greeks.
enum PricePass {
    static func run(_ analysis: StrategyAnalysis) -> InceptionFigures {
        InceptionFigures(
            netPremium: analysis.netPremium, maxLoss: analysis.payoff.maxLoss?.amount, maxProfit: analysis.payoff.maxProfit?.amount,
            delta: analysis.greeks.delta, gamma: analysis.greeks.gamma, vega: analysis.greeks.vega, theta: analysis.greeks.theta)
    }
}
