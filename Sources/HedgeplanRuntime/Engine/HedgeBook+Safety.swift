import Feeds
import PlanFormat

/// Phases that watch the book: circuit breakers on the feed (price moves, staleness) and on
/// equity (drawdown), and what a trip does.
extension HedgeBook {
    @inline(__always)
    mutating func checkFeedBreakers(_ tick: Tick, venues: inout VenueBook, observer: RunObserver?) {
        if breakers.watchesFeed, !clock.halted { observeFeed(tick, venues: &venues, observer: observer) }
    }

    private mutating func observeFeed(_ tick: Tick, venues: inout VenueBook, observer: RunObserver?) {
        let trip = breakers.observe(
            price: tick.price, time: tick.timestamp, previousTime: clock.previousTime, afterGap: tick.flags.contains(.afterGap))
        if let trip { self.trip(trip, at: tick, venues: &venues, observer: observer) }
    }

    /// Records a trip and acts on it: `halt` stops trading, `flatten` closes every position
    /// (the hedge through the venues, with their costs; options bought or sold back at the
    /// model's price; the structure's other legs at the feed's price) and then halts, so
    /// the run's P&L is constant after it; `pause` stops trading for the rule's duration.
    mutating func trip(_ trip: BreakerMonitor.Trip, at tick: Tick, venues: inout VenueBook, observer: RunObserver?) {
        let event = BreakerEvent(
            time: tick.timestamp, condition: trip.condition.rawValue, action: trip.action.rawValue, measured: trip.measured)
        breakerEvents.append(event)
        observer?.breakerTripped(event)
        switch trip.action {
        case .halt:
            clock.halted = true
            // Between an expiry and its roll the structure is already gone: now nothing re-opens it.
            recordStructureEnd(tick)
        case .flatten:
            flatten(at: tick, venues: &venues)
            clock.halted = true
        case .pause: clock.pausedUntil = tick.timestamp + (trip.pauseSeconds ?? 0) * 1000
        }
    }

    mutating func flatten(at tick: Tick, venues: inout VenueBook) {
        if ledger.hedgePosition != 0 {
            let gas = context.gasPerTrade(spot: tick.price, gwei: tick.gasGwei)
            if let result = try? venues.hedge(-ledger.hedgePosition, price: tick.price, gasPerTrade: gas) {
                book(result.fills, at: tick, reason: .breaker)
                counters.unfilled += result.unfilled
            }
        }
        rebalance.goal = nil
        closeOptions(at: tick, reason: .breaker)
        linear.closeAll(spot: tick.price, now: tick.timestamp, rate: context.model.rate, ledger: &ledger, trades: &trades)
        structurePerp = 0
        positionsVersion += 1
    }

    /// The drawdown breaker on the equity before the tick trades. A book that the tick's
    /// price takes past its drawdown limit is flattened, halted or paused before it pays to
    /// re-hedge: checked only after the trades, the bundled condor on the ETH history sold
    /// 3.8 ETH at its flatten's hour and bought them straight back, 10.4 USDC of fees for
    /// nothing. Returns whether it tripped (`mark` then checks no more on this tick). The
    /// peak is left to `mark`, which observes the tick's equity after its trades. A paused
    /// book is left to `mark` as before (it trades nothing on this tick anyway).
    mutating func tripsOnDrawdownBeforeTrading(_ tick: Tick, marks: Marks, venues: inout VenueBook, observer: RunObserver?) -> Bool {
        guard breakers.watchesDrawdown, clock.trades(at: tick.timestamp) else { return false }
        let drawdown = risk.drawdown(at: marks.equity(ledger, spot: tick.price))
        guard let trip = breakers.checkDrawdown(drawdown / drawdownBase(spot: tick.price)) else { return false }
        self.trip(trip, at: tick, venues: &venues, observer: observer)
        return true
    }

    /// The capital a drawdown is a fraction of, QUOTE, in current prices: the structure's
    /// declared capital (its liquidity positions'), else its defined max loss scaled from
    /// the plan's spot to the current one (strikes resolved at the feed's price scale with
    /// it), else its gross notional at the current price. Never below 1 QUOTE.
    ///
    /// The gross notional is the structure's as compiled, not what is still open: once its
    /// legs expired, the open ones summed to nothing, and the hedge left over measured
    /// against 1 QUOTE tripped the breaker at 36,723% (the short straddle on the bundled
    /// ETH history, 2026-12-01). Options a vega hedge bought are not the structure either.
    func drawdownBase(spot: Double) -> Double {
        let capital = linear.liquidity.reduce(0.0) { $0 + $1.capital }
        if capital > 0 { return capital }
        if let maxLoss = context.plan.inception.maxLoss, maxLoss > 0 { return maxLoss * spot / context.plan.market.spot }
        return max(1, context.structureGrossQuantity * spot)
    }

    /// Marks the book: tracking error, equity and its drawdown (and the drawdown breaker),
    /// the P&L series. Returns equity, QUOTE.
    mutating func mark(
        _ tick: Tick, marks: Marks, netDeltaBefore before: Double, checksDrawdown: Bool = true, venues: inout VenueBook,
        observer: RunObserver?
    ) -> Double {
        let spot = tick.price
        let after = marks.structureDelta + ledger.hedgePosition
        risk.trackingSquares += (after - context.target) * (after - context.target)
        var equity = marks.equity(ledger, spot: spot)
        let drawdown = risk.observe(equity: equity)
        var marks = marks
        if checksDrawdown, !clock.halted, breakers.watchesDrawdown, let trip = breakers.checkDrawdown(drawdown / drawdownBase(spot: spot)) {
            self.trip(trip, at: tick, venues: &venues, observer: observer)
            // A flatten closed positions and paid to do it: value and mark what is left.
            marks = value(tick)
            equity = marks.equity(ledger, spot: spot)
        }
        guard checksInvariant || recorder != nil else { return equity }
        let components = ledger.components(
            optionMarks: marks.options.value, underlyingValue: marks.linear.value, openImpermanentLoss: marks.linear.impermanentLoss,
            spot: spot)
        if checksInvariant { worstInvariantError = max(worstInvariantError, abs(components.total - equity)) }
        recorder?.add(tick.timestamp, (
            spot, before, after, ledger.hedgePosition, components.options, components.underlying, components.hedge,
            components.costs, components.total))
        return equity
    }
}
