import Foundation
import PlanFormat
import HedgeplanChecker
import HedgeplanIR

/// Legs with absolute strikes, expiry offsets, signed quantities and premiums, each keeping
/// the rule it came from. Without `as_of`, what depends on the time to an instant expiry
/// (a model premium, a delta strike) is left to the runtime at run start.
enum ResolvePass {
    static func run(_ strategy: Strategy, analysis: StrategyAnalysis, clock: PlanClock) -> [PlanLeg] {
        analysis.legs.map { resolved in
            let leg = resolved.leg
            let anchored = clock.anchor == .asOf
            let expiry = leg.instrument.expiry.map { e -> PlanExpiry in
                switch e.value {
                case .after(let d):
                    let offset = Int64(d.seconds.rounded())
                    let instant = anchored ? strategy.valuationTime.adding(d) : nil
                    return PlanExpiry(
                        offsetSeconds: offset, instantMs: instant.map { $0.secondsSinceEpoch * 1000 }, instant: instant?.description)
                case .at(let instant):
                    return PlanExpiry(
                        offsetSeconds: anchored ? strategy.valuationTime.seconds(until: instant) : nil,
                        instantMs: instant.secondsSinceEpoch * 1000, instant: instant.description)
                }
            }
            // Known at compile time unless it needs the time to an instant expiry and there is no anchor.
            let timeKnown = anchored || expiry?.offsetSeconds != nil
            switch resolved.terms {
            case .option(let kind, let strike, _):
                let rule = leg.instrument.option.map { StrikeRules.rule(for: $0.strike.value) }
                let strikeKnown = timeKnown || rule?.kind != .delta
                let declared = leg.premium != nil
                return PlanLeg(
                    id: resolved.id, instrument: kind == .call ? .call : .put, quantity: resolved.quantity,
                    strike: strikeKnown ? strike : nil, strikeRule: rule, expiry: expiry,
                    premium: declared || timeKnown ? resolved.premium : nil,
                    premiumSource: declared ? .declared : (timeKnown ? .model : .modelAtRunStart))
            case .linear(let entry):
                return PlanLeg(
                    id: resolved.id, instrument: leg.instrument.type == .perp ? .perp : .spot, quantity: resolved.quantity,
                    entryPrice: entry)
            case .future(let entry, _):
                return PlanLeg(
                    id: resolved.id, instrument: .future, quantity: resolved.quantity, expiry: expiry,
                    entryPrice: timeKnown ? entry : nil)
            case .liquidity(let position, let capital):
                guard case .liquidity(let terms) = leg.instrument else { preconditionFailure("lp terms on a non-lp leg") }
                return PlanLeg(
                    id: resolved.id, instrument: .lp, quantity: 1,
                    liquidity: LiquiditySpec(
                        venue: terms.venue.value, lower: position.lower > 0 ? position.lower : nil,
                        upper: position.upper.isFinite ? position.upper : nil, liquidity: position.liquidity, capital: capital,
                        feeApr: terms.feeAPR?.value))
            }
        }
    }
}

/// Strike rules as the plan records them.
enum StrikeRules {
    static func rule(for strike: Strike) -> StrikeRule {
        switch strike {
        case .absolute(let k): return StrikeRule(kind: .absolute, value: k)
        case .relative(let r): return StrikeRule(kind: .relative, value: r)
        case .atTheMoney: return StrikeRule(kind: .atm, value: 0)
        case .delta(let d): return StrikeRule(kind: .delta, value: d)
        }
    }
}
