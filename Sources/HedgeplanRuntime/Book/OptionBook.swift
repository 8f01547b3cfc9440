import Pricing

/// The option legs that are open, as contiguous arrays (struct of arrays), valued four at a
/// time with the SIMD Black-Scholes kernel: the interpreter's hottest code, with no
/// allocation per tick.
struct OptionBook: Sendable {
    /// The continuously compounded rate the legs are discounted at (the plan's model's):
    /// fixed for a run, so that each leg's discounted strike at the epoch can be kept.
    let rate: Double

    init(rate: Double) {
        self.rate = rate
    }

    /// +1 call, -1 put.
    var sign: [Double] = []
    var strike: [Double] = []
    /// Milliseconds since epoch.
    var expiry: [Int64] = []
    /// BASE, signed.
    var quantity: [Double] = []

    /// The same legs four to a chunk, for the SIMD kernel: rebuilt whenever a leg opens or
    /// closes (rare), read on every tick (often). Padding lanes hold quantity 0, strike 1.
    private(set) var chunks: [Chunk] = []

    struct Chunk: Sendable {
        var sign = SIMD4<Double>(repeating: 1)
        var strike = SIMD4<Double>(repeating: 1)
        /// ms since epoch, as doubles (exact below 2^53 ms).
        var expiry = SIMD4<Double>(repeating: 0)
        var quantity = SIMD4<Double>(repeating: 0)
        /// ln K, so that a tick's ln(S/K) is one scalar logarithm minus this.
        var logStrike = SIMD4<Double>(repeating: 0)
        /// K e^(-r E), E the expiry in years since the epoch: times the tick's scalar
        /// e^(r now) it is K e^(-r τ), with no vector exponential per tick.
        var strikeDiscountedToEpoch = SIMD4<Double>(repeating: 1)
    }

    var count: Int { strike.count }

    /// The earliest expiry of an open leg, ms (`Int64.max` with none): `settle` has nothing
    /// to do before it, which is every tick but one a cycle.
    private(set) var nextExpiry = Int64.max

    /// Opens a leg; its premium is booked by the ledger, not kept here.
    mutating func open(sign s: Double, strike k: Double, expiry e: Int64, quantity q: Double) {
        sign.append(s)
        strike.append(k)
        expiry.append(e)
        quantity.append(q)
        pack()
    }

    mutating func removeAll() {
        sign.removeAll(keepingCapacity: true)
        strike.removeAll(keepingCapacity: true)
        expiry.removeAll(keepingCapacity: true)
        quantity.removeAll(keepingCapacity: true)
        chunks.removeAll(keepingCapacity: true)
        nextExpiry = .max
    }

    mutating func remove(at index: Int) {
        sign.remove(at: index)
        strike.remove(at: index)
        expiry.remove(at: index)
        quantity.remove(at: index)
        pack()
    }

    private mutating func pack() {
        nextExpiry = expiry.min() ?? .max
        chunks.removeAll(keepingCapacity: true)
        var i = 0
        while i < count {
            var c = Chunk()
            for l in 0..<min(4, count - i) {
                c.sign[l] = sign[i + l]
                c.strike[l] = strike[i + l]
                c.expiry[l] = Double(expiry[i + l])
                c.quantity[l] = quantity[i + l]
            }
            c.logStrike = ElementaryFunctions.log(c.strike)
            c.strikeDiscountedToEpoch = c.strike * ElementaryFunctions.exp(-(rate * c.expiry / RunContext.msPerYear))
            chunks.append(c)
            i += 4
        }
    }

    /// Position totals after `valuate`: value (QUOTE), delta (BASE), gamma (BASE per QUOTE),
    /// vega (QUOTE per volatility point).
    struct Totals {
        var value = 0.0
        var delta = 0.0
        var gamma = 0.0
        var vega = 0.0
    }

    /// Values every open leg at `spot`, `now` (ms), with the model's volatility and rate, and
    /// returns the position's totals. Merton jumps use the series; Black-Scholes runs four
    /// legs per SIMD step.
    func valuate(spot: Double, now: Int64, volatility: Double, model: OptionModel) -> Totals {
        precondition(model.rate == rate, "the book's legs were discounted at another rate")
        var totals = Totals()
        let n = count
        guard n > 0 else { return totals }
        let msPerYear = RunContext.msPerYear
        if model.jumps != nil {
            for i in 0..<n {
                let t = max(0, Double(expiry[i] - now) / msPerYear)
                let v = model.valuation(sign: sign[i], spot: spot, strike: strike[i], volatility: volatility, years: t)
                add(quantity[i], v.price, v.delta, v.gamma, v.vega, &totals)
            }
            return totals
        }
        // Four legs per kernel call; totals as lane-wise products summed at the end.
        let tick = TickLanes(spot: spot, now: now, volatility: volatility, rate: rate)
        let someExpired = now > nextExpiry
        var value = SIMD4<Double>(), delta = SIMD4<Double>(), gamma = SIMD4<Double>(), gammaYears = SIMD4<Double>()
        for c in chunks {
            let v = someExpired ? Self.valueWithExpired(c, tick) : Self.value(c, tick)
            value += c.quantity * v.price
            delta += c.quantity * v.delta
            gamma += c.quantity * v.gamma
            gammaYears += c.quantity * v.gamma * v.years
        }
        totals.value = value.sum()
        totals.delta = delta.sum()
        totals.gamma = gamma.sum()
        totals.vega = Self.vega(gammaYears: gammaYears.sum(), spot: spot, volatility: volatility)
        return totals
    }

    /// Delta, gamma and vega of every open leg, without their value (`value` is NaN, so that
    /// a mark read by mistake shows): for ticks on which the book marks nothing.
    func greeks(spot: Double, now: Int64, volatility: Double, model: OptionModel) -> Totals {
        guard model.jumps == nil else { return valuate(spot: spot, now: now, volatility: volatility, model: model) }
        precondition(model.rate == rate, "the book's legs were discounted at another rate")
        var totals = Totals(value: .nan)
        guard count > 0 else { return totals }
        let tick = TickLanes(spot: spot, now: now, volatility: volatility, rate: rate, growing: false)
        var delta = SIMD4<Double>(), gamma = SIMD4<Double>(), gammaYears = SIMD4<Double>()
        for c in chunks {
            let v = Self.greeks(c, tick)
            delta += c.quantity * v.delta
            gamma += c.quantity * v.gamma
            gammaYears += c.quantity * v.gamma * v.years
        }
        totals.delta = delta.sum()
        totals.gamma = gamma.sum()
        totals.vega = Self.vega(gammaYears: gammaYears.sum(), spot: spot, volatility: volatility)
        return totals
    }

    // MARK: One chunk of four legs
    //
    // The chunk functions are not inlined: inside the loops over chunks, the optimiser splits
    // the four lanes and runs much of the kernel one lane at a time in scalar registers;
    // compiled alone, the kernel stays in vector registers. For the same reason the common
    // case (no leg past its expiry, every tick once settlement has run) picks no lanes: a
    // select feeding the strike leg also sends the optimiser to scalar code.

    /// What every leg shares at one tick. ln S and e^(r now) are computed once per tick;
    /// ln K and K e^(-r E) are kept per leg (`Chunk`). Scalars, splat into lanes by the chunk
    /// functions (cheaper to hand over than six vectors).
    struct TickLanes {
        var spot: Double
        var logSpot: Double
        /// ms since epoch.
        var now: Double
        /// e^(r now), now in years since the epoch (1 for `greeks`, which has no price).
        var growthSinceEpoch: Double
        var rate: Double
        var volatility: Double

        init(spot: Double, now: Int64, volatility: Double, rate: Double, growing: Bool = true) {
            self.spot = spot
            logSpot = ElementaryFunctions.log(spot)
            self.now = Double(now)
            growthSinceEpoch = growing ? ElementaryFunctions.exp(rate * Double(now) / RunContext.msPerYear) : 1
            self.rate = rate
            self.volatility = volatility
        }
    }

    typealias ChunkValue = (price: SIMD4<Double>, delta: SIMD4<Double>, gamma: SIMD4<Double>, years: SIMD4<Double>)

    /// Price, delta and gamma per leg, with the legs' years to expiry, when no leg has expired.
    @inline(never)
    private static func value(_ c: Chunk, _ tick: TickLanes) -> ChunkValue {
        value(c, tick, discountedStrike: c.strikeDiscountedToEpoch * tick.growthSinceEpoch)
    }

    /// `value` when some leg is past its expiry and not yet settled: such a leg is worth its
    /// intrinsic value, against the strike undiscounted.
    @inline(never)
    private static func valueWithExpired(_ c: Chunk, _ tick: TickLanes) -> ChunkValue {
        value(c, tick, discountedStrike: SIMD4<Double>.select(
            SIMD4<Double>.less(c.expiry, .init(repeating: tick.now)), c.strike, c.strikeDiscountedToEpoch * tick.growthSinceEpoch))
    }

    /// The kernel call both share, K e^(-rτ) given per leg.
    @inline(__always)
    private static func value(_ c: Chunk, _ tick: TickLanes, discountedStrike: SIMD4<Double>) -> ChunkValue {
        let t = years(c, tick)
        let v = BlackScholes.spotKernel(
            sign: c.sign, spot: .init(repeating: tick.spot), logMoneyness: .init(repeating: tick.logSpot) - c.logStrike,
            discountedStrike: discountedStrike, rate: .init(repeating: tick.rate), volatility: .init(repeating: tick.volatility),
            timeToExpiry: t)
        return (v.price, v.delta, v.gamma, t)
    }

    /// Delta and gamma per leg, with the legs' years to expiry.
    @inline(never)
    private static func greeks(_ c: Chunk, _ tick: TickLanes) -> (delta: SIMD4<Double>, gamma: SIMD4<Double>, years: SIMD4<Double>) {
        let t = years(c, tick)
        let v = BlackScholes.spotDeltaKernel(
            sign: c.sign, spot: .init(repeating: tick.spot), logMoneyness: .init(repeating: tick.logSpot) - c.logStrike,
            rate: .init(repeating: tick.rate), volatility: .init(repeating: tick.volatility), timeToExpiry: t)
        return (v.delta, v.gamma, t)
    }

    /// Years to each leg's expiry, 0 once past it.
    @inline(__always)
    private static func years(_ c: Chunk, _ tick: TickLanes) -> SIMD4<Double> {
        SIMD4<Double>.maximum((c.expiry - SIMD4(repeating: tick.now)) / RunContext.msPerYear, .zero)
    }

    /// Vega from gamma (Black-Scholes, no carry): ν = Γ S² σ τ, QUOTE per volatility point,
    /// from Σ quantity·Γ·τ over the legs.
    private static func vega(gammaYears: Double, spot: Double, volatility: Double) -> Double {
        gammaYears * spot * spot * volatility * 0.01
    }

    @inline(__always)
    private func add(_ q: Double, _ p: Double, _ d: Double, _ g: Double, _ v: Double, _ totals: inout Totals) {
        totals.value += q * p
        totals.delta += q * d
        totals.gamma += q * g
        totals.vega += q * v
    }

    /// Settles the legs that expire at or before `now` at intrinsic value; returns how many
    /// settled. Nothing does before `nextExpiry`, which the caller checks first.
    mutating func settle(now: Int64, spot: Double, ledger: inout Ledger, trades: inout TradeLog) -> Int {
        var settled = 0
        var i = 0
        while i < count {
            if now >= expiry[i] {
                let intrinsic = max(sign[i] * (spot - strike[i]), 0)
                ledger.book(.optionSettlement(quantity: quantity[i], intrinsic: intrinsic))
                trades.append(TradeRecord(
                    time: now, instrument: sign[i] > 0 ? "call" : "put", isBuy: quantity[i] < 0, quantity: abs(quantity[i]),
                    price: intrinsic, venue: "expiry", fee: 0, gas: 0, reason: .settle))
                remove(at: i)
                settled += 1
            } else {
                i += 1
            }
        }
        return settled
    }

    /// Years to the nearest expiry, for the Whalley-Wilmott band.
    func yearsToNearestExpiry(now: Int64) -> Double {
        guard nextExpiry != .max else { return 0 }
        return RunContext.years(from: now, to: nextExpiry)
    }
}
