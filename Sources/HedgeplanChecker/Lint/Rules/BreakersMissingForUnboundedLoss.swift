import HedgeplanDiagnostics
import HedgeplanIR

/// A payoff whose loss is unbounded, with no `safety.circuit_breakers` to stop it.
///
/// The loss is unbounded when the P&L keeps falling as spot rises (the analysis's max loss
/// is nil: a net short call or a net short linear position above the highest strike). A
/// hedge may hold it in check in calm markets; breakers (price_move, drawdown) are what
/// halt or flatten the position when a gap or an outage beats the hedge.
public struct BreakersMissingForUnboundedLoss: LintRule {
    public static let id: RuleID = "breakers-missing-for-unbounded-loss"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "Without circuit breakers nothing stops an unbounded loss when a gap or an outage beats the hedge."

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis, analysis.payoff.maxLoss == nil,
            context.strategy.safety?.circuitBreakers.isEmpty ?? true
        else { return [] }
        // Point at the leg that makes the loss unbounded: the first short call or short linear leg.
        let culprit = context.strategy.legs.first { leg in
            guard leg.side.value == .short else { return false }
            switch leg.instrument {
            case .option(let terms): return terms.type == .call
            case .spot, .perp, .future: return true
            case .liquidity: return false
            }
        }
        let missing = context.strategy.safety == nil ? "there is no `safety.circuit_breakers`" : "`safety.circuit_breakers` is empty"
        return [finding(Self.message(slope: analysis.payoff.slopeAtInfinity, missing: missing, context),
                        at: culprit?.location ?? context.strategy.location)]
    }
}

// MARK: Messages

extension BreakersMissingForUnboundedLoss {
    fileprivate static func message(slope: Double, missing: String, _ context: LintContext) -> String {
        "the loss at expiry is unbounded as spot rises (the P&L falls \(LintNumber.format(-slope)) \(context.quote) per 1 "
            + "\(context.quote) of spot) and \(missing): add breakers such as "
            + "`{ when: price_move, window: 5m, above: 10%, then: halt }` and `{ when: drawdown, above: 20%, then: flatten }`"
    }
}
