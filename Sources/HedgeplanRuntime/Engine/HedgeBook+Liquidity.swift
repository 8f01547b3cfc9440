import Feeds
import HedgeplanFormatting
import PlanFormat
import Pricing

/// Where a liquidity position's fees come from in a dry run: a declared `fee_apr` when the
/// leg has one (the user's estimate wins over the feed), else the feed's volume for each
/// step through the pool's fee tier, shared with the pool's other liquidity.
struct LiquidityFeeSource: Sendable {
    /// A fraction a year, on the position's value, while in range.
    var declaredAPR: Double?
    /// The venue's fee tier, a fraction.
    var feeRate: Double
    /// The pool's other liquidity (L units) as the plan declares it: a constant-product
    /// pool's sqrt(reserve_base x reserve_quote) at every price; a concentrated pool's
    /// positions that hold the price.
    var constantProductLiquidity: Double?
    var ranges: [PoolRange]

    init(declaredAPR: Double?, venue: PlanVenue?) {
        self.declaredAPR = declaredAPR
        feeRate = venue?.fee ?? 0
        if let base = venue?.reserveBase, let quote = venue?.reserveQuote {
            constantProductLiquidity = (base * quote).squareRoot()
        }
        ranges = venue?.positions ?? []
    }

    /// The pool's other liquidity at `price`, L units.
    func otherLiquidity(at price: Double) -> Double {
        constantProductLiquidity
            ?? ranges.filter { price >= $0.lower && price < $0.upper }.reduce(0) { $0 + $1.liquidity }
    }

    /// QUOTE earned by `position` over a step of `years` that ends at `tick`.
    func fees(_ position: LiquidityPosition, over years: Double, endingAt tick: Tick) -> Double {
        if let apr = declaredAPR { return LiquidityFees.fromAPR(position, apr: apr, price: tick.price, years: years) }
        guard let volume = tick.volume else { return 0 }
        return LiquidityFees.fromVolume(
            position, volume: volume, price: tick.price, feeRate: feeRate, otherLiquidity: otherLiquidity(at: tick.price))
    }
}

extension LinearBook.Liquidity {
    /// V_pool(S) - V_hold(S), QUOTE: the position against the tokens it held at entry.
    func impermanentLoss(at spot: Double) -> Double {
        let held = position.amounts(at: entryPrice)
        return position.value(at: spot) - (held.base * spot + held.quote)
    }
}

extension HedgeBook {
    /// Liquidity positions earn fees for each step they are held, booked as cash when the
    /// step ends (not reinvested): the row's volume (the feed's `volume` column, BASE) or
    /// the declared APR over the step, in range only. The first tick opens the position, so
    /// its row's volume earns nothing.
    @inline(__always)
    mutating func accrueLiquidityFees(_ tick: Tick) {
        if !linear.liquidity.isEmpty { accrueLiquidityFees(tick, previous: clock.previousTime) }
    }

    private mutating func accrueLiquidityFees(_ tick: Tick, previous: Int64?) {
        guard let previous, tick.timestamp > previous else { return }
        let years = Double(tick.timestamp - previous) / RunContext.msPerYear
        if tick.volume != nil { counters.volumeSteps += 1 }
        for pool in linear.liquidity {
            let amount = pool.fees.fees(pool.position, over: years, endingAt: tick)
            if amount > 0 { ledger.book(.liquidityFees(amount)) }
        }
    }

    /// What each liquidity position held when it opened. Its capital is deposited at the
    /// feed's first price, not the plan's spot, so the tokens and L differ from the
    /// strategy's comments: the run says what they were (impermanent loss is measured
    /// against these tokens).
    func liquidityOpeningNotes() -> [String] {
        let base = context.plan.strategy.base, quote = context.plan.strategy.quote
        return linear.liquidity.map { pool in
            let held = pool.position.amounts(at: pool.entryPrice)
            let range = pool.position.upper.isFinite
                ? "over [\(pool.position.lower.formatted2), \(pool.position.upper.formatted2)]" : "full range"
            return "lp position opened at \(pool.entryPrice.formatted2) with \(pool.capital.formatted2) \(quote): "
                + "\(NumberFormat.fixed(held.base, decimals: 4)) \(base) and \(held.quote.formatted2) \(quote), liquidity L \(pool.position.liquidity.formatted2) \(range)"
        }
    }

    /// Fee income above this fraction of the capital a year (100%) is flagged as implausible.
    static let plausibleFeeYield = 1.0

    /// What the run says about lp fees: which source, and what they came to a year on the
    /// capital (so that a volume or a pool depth that does not fit the venue shows), or that
    /// there was none.
    func liquidityFeeNote() -> String? {
        let specs = context.plan.legs.compactMap(\.liquidity)
        guard !specs.isEmpty else { return nil }
        let capital = specs.reduce(0) { $0 + $1.capital }
        let years = Double(lastTick.timestamp - context.anchorMs) / RunContext.msPerYear
        let rate = years > 0 && capital > 0 ? ledger.lpFees / capital / years : 0
        let yearly = "; \((rate * 100).formatted2)% a year on the capital"
        if specs.allSatisfy({ $0.feeApr != nil }) {
            return "lp fees accrue at the declared fee_apr on the position's value while spot is in its range\(yearly)"
        }
        if counters.volumeSteps > 0 {
            let declared = specs.contains { $0.feeApr != nil } ? " (legs with a fee_apr use it instead)" : ""
            // More than the capital a year: no real pool pays that for long. The usual cause is
            // a CEX candle's volume (a whole exchange's) read as this pool's.
            let implausible = rate > Self.plausibleFeeYield
                ? ": implausible for a pool; the feed's volume is likely a whole exchange's, not this pool's: declare `fee_apr` on the lp leg, or give the pool's own volume"
                : ""
            return "lp fees come from the feed's volume: the position's share of the pool's declared liquidity x volume x price x fee tier, while in range\(declared)\(yearly)\(implausible)"
        }
        return "no lp fee income: the feed has no volume column and the lp leg declares no fee_apr"
    }
}
