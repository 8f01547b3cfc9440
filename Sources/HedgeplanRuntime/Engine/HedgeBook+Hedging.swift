import Feeds
import PlanFormat
import Pricing

/// Phases that trade: the delta rebalance (decided by the policy, sliced into child
/// orders) and the vega hedge; and how fills are booked.
extension HedgeBook {
    /// Decides a rebalance when none is in progress, then sends the child orders that are due.
    ///
    /// Child k of a sliced rebalance is due `every` after child k-1, the first at the
    /// decision. Each goes at the last tick at or before its due time, at that tick's price:
    /// here, when it is due before the next tick, whose time is taken to be this one's plus
    /// the step since the previous tick (exact on a regular feed). So on an hourly feed,
    /// `slicing: { max_child: 2, every: 30s }` sends a 5 ETH hedge as 2, 2 and 1 ETH in the
    /// decision's hour, as a desk would within a minute, not one child an hour: on the bundled
    /// ETH history that lag left a settled straddle's 20 ETH hedge open for three hours (a
    /// 411 USDC loss that was the slicer's, not the strategy's). Children sent at one tick see
    /// each other's pool impact, as any fills of one tick do. On a feed finer than `every`,
    /// one child per due time, as before.
    mutating func rebalanceDelta(_ tick: Tick, marks: Marks, venues: inout VenueBook, observer: RunObserver?) {
        guard clock.trades(at: tick.timestamp), context.hedgesDelta else { return }
        if rebalance.goal == nil {
            decideRebalance(tick, netDelta: marks.structureDelta + ledger.hedgePosition, gamma: marks.options.gamma + marks.linear.gamma)
            guard rebalance.goal != nil else { return }  // most ticks: nothing to send
        }
        let nextTick = clock.previousTime.map { tick.timestamp + (tick.timestamp - $0) } ?? tick.timestamp
        var sent = 0
        while rebalance.goal != nil, clock.trades(at: tick.timestamp), sent < Self.maxChildrenPerTick,
            rebalance.nextChildAt <= tick.timestamp || rebalance.nextChildAt < nextTick
        {
            sendChild(tick, marks: marks, venues: &venues, observer: observer)
            sent += 1
        }
    }

    /// A bound on the child orders one tick sends (`every: 0s` with a tiny `max_child` would
    /// otherwise loop for as long as the goal is far): the rest wait for the next tick.
    static var maxChildrenPerTick: Int { 10_000 }

    /// Sends one child order toward the rebalance's goal, re-aimed from the book's current
    /// delta, and schedules the next one `every` after this one's due time.
    private mutating func sendChild(_ tick: Tick, marks: Marks, venues: inout VenueBook, observer: RunObserver?) {
        guard let goal = rebalance.goal else { return }
        let before = marks.structureDelta + ledger.hedgePosition
        let desired = goal - before
        var child = context.maxChild.map { min(abs(desired), $0) * (desired > 0 ? 1 : -1) } ?? desired
        if context.hedgesOnPerp, perpPositionLimit.isFinite { child = cappedByMargin(child) }
        guard abs(child) > 1e-12 else {
            rebalance.goal = nil
            return
        }
        let gas = context.gasPerTrade(spot: tick.price, gwei: tick.gasGwei)
        guard let result = try? venues.hedge(child, price: tick.price, gasPerTrade: gas) else {
            rebalance.goal = nil
            return
        }
        book(result.fills, at: tick, reason: .rebalance)
        counters.unfilled += result.unfilled
        let after = marks.structureDelta + ledger.hedgePosition
        if context.maxChild == nil || result.unfilled > 0 || result.fills.isEmpty || abs(goal - after) <= 1e-9 {
            rebalance.goal = nil
        }
        rebalance.nextChildAt += context.childSpacingMs
        if trades.keeps { rebalances.append((tick.timestamp, before, after)) }
        if let observer, observer.observesRebalances {
            observer.rebalanced(RebalanceRecord(
                tickIndex: clock.index, time: tick.timestamp, reason: "hedge", spot: tick.price, netDeltaBefore: before,
                netDeltaAfter: after, requested: child,
                fills: result.fills.map {
                    .init(venue: $0.venue, base: $0.fill.side == .buy ? $0.fill.base : -$0.fill.base,
                          averagePrice: $0.fill.averagePrice, fee: $0.fill.fee, slippage: $0.fill.slippage, gas: $0.gas)
                }))
        }
        if let worst = result.fills.lazy.map(\.fill.slippage).max(), let trip = breakers.checkSlippage(worst) {
            self.trip(trip, at: tick, venues: &venues, observer: observer)
        }
    }

    private mutating func decideRebalance(_ tick: Tick, netDelta: Double, gamma: Double) {
        // The shared cost model: gas is paid on pools; perps are off chain.
        let gas = context.deltaTriggerReadsGas ? HedgeTradeCost(
            feeRate: 0, gasPerTrade: context.gasPerTrade(spot: tick.price, gwei: tick.gasGwei), hedgesOnPerp: context.hedgesOnPerp
        ).gasPerTrade : 0
        let years = context.deltaTriggerReadsExpiry ? options.yearsToNearestExpiry(now: tick.timestamp) : 0
        let trade = policy!.decide(
            netDelta: netDelta, gamma: gamma, spot: tick.price, now: tick.timestamp, yearsToExpiry: years,
            rate: context.model.rate, gasGwei: tick.gasGwei, nativePrice: context.gasInQuote ? 1 : tick.price, gasPerTrade: gas)
        guard abs(trade) > 1e-12 else { return }
        rebalance.goal = netDelta + trade
        rebalance.nextChildAt = tick.timestamp
        policy!.lastRebalance = tick.timestamp
        policy!.scalper?.referenceSpot = tick.price
        counters.hedges += 1
    }

    /// When the book's vega leaves ±band, trades the plan's option to bring it to zero. The
    /// option is sized with its vega under the run's model and booked at that model's price.
    /// Returns whether it traded (the book must then be valued again).
    mutating func hedgeVega(_ tick: Tick, marks: Marks) -> Bool {
        guard let program = context.vegaProgram, clock.trades(at: tick.timestamp), abs(marks.options.vega) > program.band
        else { return false }
        let sign = program.optionType.sign
        let years = Double(program.expirySeconds) / (RunContext.msPerYear / 1000)
        let strike = context.strike(for: program.strikeRule, fallback: nil, spot: tick.price, years: years)
        let volatility = tick.impliedVolatility ?? context.planVolatility
        let unit = context.model.valuation(sign: sign, spot: tick.price, strike: strike, volatility: volatility, years: years)
        guard unit.vega > 1e-9 else { return false }
        let quantity = -marks.options.vega / unit.vega
        options.open(sign: sign, strike: strike, expiry: tick.timestamp + program.expirySeconds * 1000, quantity: quantity)
        ledger.book(.optionTrade(quantity: quantity, price: unit.price))
        trades.append(TradeRecord(
            time: tick.timestamp, instrument: program.optionType.rawValue, isBuy: quantity > 0, quantity: abs(quantity),
            price: unit.price, venue: "model", fee: 0, gas: 0, reason: .vega))
        counters.vegaHedges += 1
        return true
    }

    /// Books hedge fills against the feed's price: the pool's mid equals it after
    /// arbitrage, and any residual difference is price impact.
    mutating func book(_ executions: [VenueBook.Execution], at tick: Tick, reason: TradeRecord.Reason) {
        let spot = tick.price
        let instrument = context.hedgesOnPerp ? "perp" : "spot"
        for e in executions {
            trades.append(TradeRecord(
                time: tick.timestamp, instrument: instrument, isBuy: e.fill.side == .buy, quantity: e.fill.base,
                price: e.fill.averagePrice, venue: e.venue, fee: e.fill.fee, gas: e.gas, reason: reason))
            let signed = e.fill.side == .buy ? e.fill.base : -e.fill.base
            let impact = e.fill.costVersusMid - e.fill.fee + (e.fill.side == .buy ? 1 : -1) * e.fill.base * (e.fill.midBefore - spot)
            ledger.book(.hedgeFill(
                base: signed, spot: spot, quoteCash: e.fill.side == .buy ? -e.fill.quote : e.fill.quote, fee: e.fill.fee,
                impact: impact, gas: e.gas))
            counters.hedgeVolume += e.fill.base
            counters.fills += 1
            if let outflow = e.poolOutflow { tokens = tokens + outflow }
        }
    }
}
