import Crypto
import Foundation
import PlanFormat
import HedgeplanIR

/// Assembles the plan: provenance (source hash, compiler version), the lowered parts,
/// circuit breakers and the roll schedule as data.
enum EmitPass {
    static func run(
        _ input: CompileInput, clock: PlanClock, legs: [PlanLeg], inception: InceptionFigures?, hedge: HedgeProgram?,
        execution: ExecutionPlan?
    ) -> HedgingPlan {
        let strategy = input.strategy
        let model = input.analysis.model
        let modelSpec = model.jumps.map {
            ModelSpec(kind: .merton, jumpIntensity: $0.intensity, jumpMeanLog: $0.meanLog, jumpVolatility: $0.volatility)
        } ?? ModelSpec(kind: .blackScholes)
        return HedgingPlan(
            compiler: CompilerInfo(name: PlanCompiler.name, version: PlanCompiler.version),
            source: SourceInfo(path: input.sourcePath, sha256: sha256(input.sourceBytes)),
            strategy: StrategyInfo(
                name: strategy.name.value, description: strategy.description, base: strategy.underlying.value.base,
                quote: strategy.underlying.value.quote),
            clock: clock,
            market: MarketAssumptions(spot: model.spot, volatility: model.volatility, rate: model.rate, model: modelSpec),
            legs: legs, hedge: hedge, execution: execution,
            safety: (strategy.safety?.circuitBreakers ?? []).map(breaker),
            roll: strategy.roll.map { RollSchedule(everySeconds: Int64($0.every.value.seconds.rounded()), strikes: $0.strikes.value == .same ? .same : .relative) },
            inception: inception ?? InceptionFigures(netPremium: 0, maxLoss: nil, maxProfit: nil, delta: 0, gamma: 0, vega: 0, theta: 0))
    }

    static func breaker(_ b: CircuitBreaker) -> BreakerRule {
        let seconds = { (d: TimeSpan) in Int64(d.seconds.rounded()) }
        let action: (BreakerRule.Action, Int64?)
        switch b.action.value {
        case .halt: action = (.halt, nil)
        case .flatten: action = (.flatten, nil)
        case .pause(let d): action = (.pause, seconds(d))
        }
        switch b.condition.value {
        case .priceMove(let window, let above):
            return BreakerRule(condition: .priceMove, windowSeconds: seconds(window), threshold: above, action: action.0, pauseSeconds: action.1)
        case .feedStale(let above):
            return BreakerRule(condition: .feedStale, windowSeconds: nil, threshold: above.seconds, action: action.0, pauseSeconds: action.1)
        case .drawdown(let above):
            return BreakerRule(condition: .drawdown, windowSeconds: nil, threshold: above, action: action.0, pauseSeconds: action.1)
        case .slippage(let above):
            return BreakerRule(condition: .slippage, windowSeconds: nil, threshold: above, action: action.0, pauseSeconds: action.1)
        }
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
