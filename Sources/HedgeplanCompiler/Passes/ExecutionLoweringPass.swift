import PlanFormat
import HedgeplanIR

/// Venue models and their parameters, routing, slippage cap, slicing and gas, as data.
enum ExecutionLoweringPass {
    static func run(_ execution: Execution, strategy: Strategy) -> ExecutionPlan {
        let venues = execution.venues.map(lower)
        let gas = execution.gas.map { g in
            GasSpec(priceGwei: g.price.value.gwei, perTrade: g.perTrade.value,
                    native: g.native.value.isEmpty ? strategy.underlying.value.base : g.native.value)
        }
        return ExecutionPlan(
            venues: venues, routing: execution.routing.value == .split ? .split : .best, maxSlippage: execution.maxSlippage?.value,
            maxChild: execution.slicing?.maxChild.value, childSpacingSeconds: execution.slicing.map { Int64($0.every.value.seconds.rounded()) },
            gas: gas)
    }

    /// One venue as plan data (also a portfolio's shared venues).
    static func lower(_ venue: Venue) -> PlanVenue {
        switch venue.kind {
        case .constantProduct(let base, let quote):
            return PlanVenue(name: venue.name.value, kind: .constantProduct, fee: venue.fee.value, reserveBase: base, reserveQuote: quote)
        case .concentratedLiquidity(let positions):
            return PlanVenue(
                name: venue.name.value, kind: .concentratedLiquidity, fee: venue.fee.value,
                positions: positions.map { PoolRange(lower: $0.range.lower, upper: $0.range.upper, liquidity: $0.liquidity) })
        case .perp(let funding):
            return PlanVenue(name: venue.name.value, kind: .perp, fee: venue.fee.value, funding: funding)
        }
    }
}
