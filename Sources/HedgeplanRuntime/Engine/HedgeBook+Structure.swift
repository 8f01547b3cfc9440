import Feeds

/// Phases that keep the structure: funding, expiries and rolls.
extension HedgeBook {
    /// Funding on perp positions (the hedge on a perp, and the structure's perp legs) since
    /// the previous tick, at this tick's price.
    @inline(__always)
    mutating func accrueFunding(_ tick: Tick) {
        guard let previous = clock.previousTime, tick.timestamp > previous else { return }
        let position = (context.hedgesOnPerp ? ledger.hedgePosition : 0) + structurePerp
        let rate = context.perpFundingRate
        guard rate != 0, position != 0 else { return }
        let years = Double(tick.timestamp - previous) / RunContext.msPerYear
        ledger.book(.funding(position * tick.price * rate * years))
    }

    /// Options settle at intrinsic value at expiry; futures against their entry.
    @inline(__always)
    mutating func settleExpiries(_ tick: Tick) {
        if tick.timestamp >= options.nextExpiry {
            counters.settlements += options.settle(now: tick.timestamp, spot: tick.price, ledger: &ledger, trades: &trades)
            recordStructureEnd(tick)
        }
        if !linear.linear.isEmpty {
            let settled = linear.settleFutures(now: tick.timestamp, spot: tick.price, ledger: &ledger, trades: &trades)
            if settled > 0 {
                counters.settlements += settled
                recordStructureEnd(tick)
            }
        }
    }

    /// Notes the first tick at which no dated leg is left and nothing will re-open them: a
    /// plan without `roll:` (or whose roll has no option leg to re-open), or a book a breaker
    /// halted, since a halted book never rolls.
    mutating func recordStructureEnd(_ tick: Tick) {
        guard clock.structureEndedAt == nil, clock.nextRollAt == .max || clock.halted, options.count == 0,
              !linear.linear.contains(where: { $0.expiry != nil }),
              // A structure with no dated leg (a liquidity position, a spot or perp book) does
              // not end: a halt leaves it whole. Its note said "the structure's last expiring
              // leg settled" at the halt (the univ3 LP on the bundled ETH history).
              context.plan.legs.contains(where: { $0.expiry != nil })
        else { return }
        clock.structureEndedAt = tick.timestamp
    }

    /// On the roll schedule (`roll.every_seconds` after the previous opening), closes the
    /// options still open (the structure's and the vega hedge's, at the model's price) and
    /// re-opens the structure's option legs at the feed's price; not once a breaker halted
    /// the book, and not while a `pause` lasts (a roll is a trade: it waits for the pause's
    /// end, and the next one counts from it). With an expiry equal to the period, the roll
    /// falls on the expiry tick, after settlement, so nothing is left to close. A late tick
    /// (a gap in the feed) delays the roll, and the next one counts from it, as the expiries do.
    @inline(__always)
    mutating func rollIfDue(_ tick: Tick) {
        if tick.timestamp >= clock.nextRollAt { roll(tick) }
    }

    private mutating func roll(_ tick: Tick) {
        guard let every = context.rollEveryMs, clock.trades(at: tick.timestamp) else { return }
        clock.nextRollAt = tick.timestamp + every
        closeOptions(at: tick, reason: .roll)
        StructureBuilder(context: context).open(
            at: tick, expiryBase: tick.timestamp, rolled: true, options: &options, linear: &linear, ledger: &ledger,
            trades: &trades)
        counters.rolls += 1
    }

    /// Buys back or sells every open option at the run model's price.
    mutating func closeOptions(at tick: Tick, reason: TradeRecord.Reason) {
        let volatility = tick.impliedVolatility ?? context.planVolatility
        for i in 0..<options.count {
            let years = RunContext.years(from: tick.timestamp, to: options.expiry[i])
            let price = context.model.valuation(
                sign: options.sign[i], spot: tick.price, strike: options.strike[i], volatility: volatility, years: years).price
            ledger.book(.optionTrade(quantity: -options.quantity[i], price: price))
            trades.append(TradeRecord(
                time: tick.timestamp, instrument: options.sign[i] > 0 ? "call" : "put", isBuy: options.quantity[i] < 0,
                quantity: abs(options.quantity[i]), price: price, venue: "model", fee: 0, gas: 0, reason: reason))
        }
        options.removeAll()
    }
}
