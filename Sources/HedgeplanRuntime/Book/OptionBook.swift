import Pricing

/// The option legs that are open, as contiguous arrays (struct of arrays), valued four at a
/// time with the SIMD Black-Scholes kernel: the interpreter's hottest code, with no
/// allocation per tick.
struct OptionBook: Sendable {
    /// +1 call, -1 put.
    var sign: [Double] = []
    var strike: [Double] = []
    /// Milliseconds since epoch.
    var expiry: [Int64] = []
    /// BASE, signed.
    var quantity: [Double] = []

    var count: Int { strike.count }

    /// Opens a leg; its premium is booked by the ledger, not kept here.
    mutating func open(sign s: Double, strike k: Double, expiry e: Int64, quantity q: Double) {
        sign.append(s)
        strike.append(k)
        expiry.append(e)
        quantity.append(q)
    }

    mutating func removeAll() {
        sign.removeAll(keepingCapacity: true)
        strike.removeAll(keepingCapacity: true)
        expiry.removeAll(keepingCapacity: true)
        quantity.removeAll(keepingCapacity: true)
    }

    mutating func remove(at index: Int) {
        sign.remove(at: index)
        strike.remove(at: index)
        expiry.remove(at: index)
        quantity.remove(at: index)
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
        let rate = model.rate
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
        var i = 0
        while i < n {
            let lanes = min(4, n - i)
            var s = SIMD4<Double>(repeating: 1), k = SIMD4<Double>(repeating: 1), t = SIMD4<Double>(repeating: 0)
            for l in 0..<lanes {
                s[l] = sign[i + l]
                k[l] = strike[i + l]
                t[l] = max(0, Double(expiry[i + l] - now) / msPerYear)
            }
            let v = BlackScholes.spotKernel(
                sign: s, spot: SIMD4(repeating: spot), strike: k, rate: SIMD4(repeating: rate),
                volatility: SIMD4(repeating: volatility), timeToExpiry: t)
            for l in 0..<lanes {
                // Vega from gamma (Black-Scholes, no carry): ν = Γ S² σ τ, per volatility point.
                add(quantity[i + l], v.price[l], v.delta[l], v.gamma[l], v.gamma[l] * spot * spot * volatility * t[l] * 0.01, &totals)
            }
            i += 4
        }
        return totals
    }

    @inline(__always)
    private func add(_ q: Double, _ p: Double, _ d: Double, _ g: Double, _ v: Double, _ totals: inout Totals) {
        totals.value += q * p
        totals.delta += q * d
        totals.gamma += q * g
        totals.vega += q * v
    }

    /// Settles the legs that expire at or before `now` at intrinsic value; returns how many settled.
    mutating func settle(now: Int64, spot: Double, ledger: inout Ledger, trades: inout [TradeRecord]) -> Int {
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
        guard let nearest = expiry.min() else { return 0 }
        return RunContext.years(from: now, to: nearest)
    }
}
