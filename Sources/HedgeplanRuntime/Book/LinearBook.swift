import Pricing

/// The structure's non-option legs: spot and perp (linear in spot), dated futures, and
/// liquidity positions (valued with the pool formula).
struct LinearBook: Sendable {
    struct Linear: Sendable {
        /// BASE, signed.
        var quantity: Double
        /// QUOTE per BASE at opening (the forward for futures).
        var entry: Double
        /// Futures only: expiry, ms since epoch.
        var expiry: Int64?
        var isPerp: Bool
    }

    struct Liquidity: Sendable {
        var position: LiquidityPosition
        var capital: Double
        /// QUOTE per BASE when it opened: impermanent loss is measured against the tokens it held then.
        var entryPrice: Double
        /// Where its fees come from: the pool's fee tier and other liquidity, or a declared APR.
        var fees: LiquidityFeeSource
    }

    var linear: [Linear] = []
    var liquidity: [Liquidity] = []

    /// Value against entry (QUOTE), delta (BASE) and gamma at `spot`, and the liquidity
    /// positions' impermanent loss (QUOTE, part of the value); futures marked at the forward.
    @inline(__always)
    func valuate(spot: Double, now: Int64, rate: Double) -> Totals {
        // Most books (options alone) have no such leg: tested inline, no call on every tick.
        guard !linear.isEmpty || !liquidity.isEmpty else { return Totals(value: 0, delta: 0, gamma: 0, impermanentLoss: 0) }
        return valuateLegs(spot: spot, now: now, rate: rate)
    }

    @inline(never)
    private func valuateLegs(spot: Double, now: Int64, rate: Double) -> Totals {
        var value = 0.0, delta = 0.0, gamma = 0.0, impermanentLoss = 0.0
        for leg in linear {
            if let expiry = leg.expiry {
                let growth = ElementaryFunctions.exp(rate * RunContext.years(from: now, to: expiry))
                value += leg.quantity * (spot * growth - leg.entry)
                delta += leg.quantity * growth
            } else {
                value += leg.quantity * (spot - leg.entry)
                delta += leg.quantity
            }
        }
        for pool in liquidity {
            value += pool.position.value(at: spot) - pool.capital
            delta += pool.position.delta(at: spot)
            gamma += pool.position.gamma(at: spot)
            impermanentLoss += pool.impermanentLoss(at: spot)
        }
        return Totals(value: value, delta: delta, gamma: gamma, impermanentLoss: impermanentLoss)
    }

    struct Totals {
        var value: Double, delta: Double, gamma: Double
        var impermanentLoss: Double
    }

    /// Closes every leg at `spot` (futures at the forward, liquidity positions at their
    /// value), booking each one's value against entry.
    mutating func closeAll(spot: Double, now: Int64, rate: Double, ledger: inout Ledger, trades: inout TradeLog) {
        let totals = valuate(spot: spot, now: now, rate: rate)
        if !linear.isEmpty || !liquidity.isEmpty {
            ledger.book(.underlyingRealized(amount: totals.value, impermanentLoss: totals.impermanentLoss))
        }
        for leg in linear {
            trades.append(TradeRecord(
                time: now, instrument: leg.isPerp ? "perp" : (leg.expiry == nil ? "spot" : "future"), isBuy: leg.quantity < 0,
                quantity: abs(leg.quantity), price: spot, venue: "feed", fee: 0, gas: 0, reason: .breaker))
        }
        for pool in liquidity {
            trades.append(TradeRecord(
                time: now, instrument: "lp", isBuy: false, quantity: 1, price: pool.position.value(at: spot), venue: "feed",
                fee: 0, gas: 0, reason: .breaker))
        }
        linear.removeAll()
        liquidity.removeAll()
    }

    /// The perp legs' value against their entries at `mark`, QUOTE.
    func perpValue(at mark: Double) -> Double {
        linear.reduce(0) { $1.isPerp ? $0 + $1.quantity * (mark - $1.entry) : $0 }
    }

    /// Perp legs of the structure, BASE, for funding.
    var perpQuantity: Double { linear.filter(\.isPerp).reduce(0) { $0 + $1.quantity } }

    /// Settles the futures that expire at or before `now` against their entry; returns how
    /// many settled.
    mutating func settleFutures(now: Int64, spot: Double, ledger: inout Ledger, trades: inout TradeLog) -> Int {
        var settled = 0
        var j = 0
        while j < linear.count {
            if let expiry = linear[j].expiry, now >= expiry {
                ledger.book(.underlyingRealized(amount: linear[j].quantity * (spot - linear[j].entry)))
                trades.append(TradeRecord(
                    time: now, instrument: "future", isBuy: linear[j].quantity < 0, quantity: abs(linear[j].quantity), price: spot,
                    venue: "expiry", fee: 0, gas: 0, reason: .settle))
                linear.remove(at: j)
                settled += 1
            } else {
                j += 1
            }
        }
        return settled
    }
}
