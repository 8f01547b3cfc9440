import PlanFormat
import HedgeplanIR

/// Anchors plan time: at `market.as_of`, or at the first tick of the run. The wall clock
/// never enters a plan.
enum ClockPass {
    static func run(_ strategy: Strategy) -> PlanClock {
        if let asOf = strategy.market.asOf?.value {
            return PlanClock(anchor: .asOf, asOfMs: asOf.secondsSinceEpoch * 1000, asOf: asOf.description)
        }
        return PlanClock(anchor: .runStart, asOfMs: nil, asOf: nil)
    }

    /// True when no leg expires at an instant, so figures at inception do not depend on
    /// when the plan is compiled even without `as_of`.
    static func isClockFree(_ strategy: Strategy) -> Bool {
        !strategy.legs.contains { leg in
            if case .at = leg.instrument.expiry?.value { return true }
            return false
        }
    }
}
