import Pricing

/// The option legs that are open, as contiguous arrays (struct of arrays), valued four at a
/// time with the SIMD Black-Scholes kernel: the interpreter's hottest code, with no
/// allocation per tick.
struct OptionBook: Sendable {
    /// The continuously compounded rate the legs are discounted at (the plan's model's):
    /// fixed for a run, so that each leg's discounted strike at the epoch can be kept.
    let rate: Double

    init(rate: Double, kernels: OptionChunkKernels = .fastest) {
        self.rate = rate
        self.kernels = kernels
    }

    /// +1 call, -1 put.
    var sign: [Double] = []
    var strike: [Double] = []
    /// Milliseconds since epoch.
    var expiry: [Int64] = []
    /// BASE, signed.
    var quantity: [Double] = []

    /// The same legs four to a chunk, for the SIMD kernel: rebuilt whenever a leg opens or
    /// closes (rare), read on every tick (often).
    private(set) var chunks: [OptionLegChunk] = []
    /// The chunk kernels for this processor's instruction set.
    let kernels: OptionChunkKernels

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
            var c = OptionLegChunk()
            for l in 0..<min(4, count - i) {
                c.sign[l] = sign[i + l]
                c.strike[l] = strike[i + l]
                c.expiry[l] = Double(expiry[i + l])
                c.quantity[l] = quantity[i + l]
            }
            c.derive(rate: rate)
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
    /// returns the position's totals. `logSpot` is ln(`spot`) when the tick carries it
    /// (`Tick.logPrice`), NaN to have it computed. Merton jumps use the series; Black-Scholes
    /// runs four legs per SIMD step.
    func valuate(spot: Double, logSpot: Double, now: Int64, volatility: Double, model: OptionModel) -> Totals {
        precondition(model.rate == rate, "the book's legs were discounted at another rate")
        var totals = Totals()
        let n = count
        guard n > 0 else { return totals }
        if model.jumps != nil {
            let msPerYear = RunContext.msPerYear
            for i in 0..<n {
                let t = max(0, Double(expiry[i] - now) / msPerYear)
                let v = model.valuation(sign: sign[i], spot: spot, strike: strike[i], volatility: volatility, years: t)
                add(quantity[i], v.price, v.delta, v.gamma, v.vega, &totals)
            }
            return totals
        }
        // Four legs per kernel call; totals as lane-wise products summed at the end.
        let tick = OptionChunkTick(spot: spot, logSpot: logSpot, now: now, volatility: volatility, rate: rate)
        let someExpired = now > nextExpiry
        var sums = OptionLegChunk.Sums()
        chunks.withUnsafeBufferPointer { chunks in
            for c in chunks.indices {
                if someExpired {
                    kernels.addValueWithExpired(chunks.baseAddress! + c, at: tick, to: &sums)
                } else {
                    kernels.addValue(chunks.baseAddress! + c, at: tick, to: &sums)
                }
            }
        }
        totals.value = sums.value.sum()
        totals.delta = sums.delta.sum()
        totals.gamma = sums.gamma.sum()
        totals.vega = Self.vega(gammaYears: sums.gammaYears.sum(), spot: spot, volatility: volatility)
        return totals
    }

    /// Delta, gamma and vega of every open leg, without their value (`value` is NaN, so that
    /// a mark read by mistake shows): for ticks on which the book marks nothing.
    func greeks(spot: Double, logSpot: Double, now: Int64, volatility: Double, model: OptionModel) -> Totals {
        guard model.jumps == nil else { return valuate(spot: spot, logSpot: logSpot, now: now, volatility: volatility, model: model) }
        precondition(model.rate == rate, "the book's legs were discounted at another rate")
        var totals = Totals(value: .nan)
        guard count > 0 else { return totals }
        let tick = OptionChunkTick(spot: spot, logSpot: logSpot, now: now, volatility: volatility, rate: rate, growing: false)
        var sums = OptionLegChunk.Sums()
        chunks.withUnsafeBufferPointer { chunks in  // in place, as in `valuate`
            for c in chunks.indices { kernels.addGreeks(chunks.baseAddress! + c, at: tick, to: &sums) }
        }
        totals.delta = sums.delta.sum()
        totals.gamma = sums.gamma.sum()
        totals.vega = Self.vega(gammaYears: sums.gammaYears.sum(), spot: spot, volatility: volatility)
        return totals
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
