import HedgeplanTime

/// Four option legs of one book, packed for the SIMD Black-Scholes spot kernel: what a
/// hedging loop values at a new spot on every tick. Padding lanes hold quantity 0, strike 1.
///
/// The per-leg constants a tick does not change are kept here (ln K, K e^(-r E)), so that a
/// tick costs one scalar logarithm and one scalar exponential (`OptionChunkTick`) instead of
/// a vector of each.
///
/// The kernels are compiled twice: here for the baseline instruction set, and in
/// `PricingAVX2` with AVX2 enabled; `OptionChunkKernels` picks one at run time. Both compile
/// the same `@inlinable` code without fused multiply-adds, so they give the same bits.
public struct OptionLegChunk: Sendable {
    /// +1 call, -1 put.
    public var sign = SIMD4<Double>(repeating: 1)
    public var strike = SIMD4<Double>(repeating: 1)
    /// ms since epoch, as doubles (exact below 2^53 ms).
    public var expiry = SIMD4<Double>(repeating: 0)
    /// BASE, signed.
    public var quantity = SIMD4<Double>(repeating: 0)
    /// ln K, so that a tick's ln(S/K) is one scalar logarithm minus this.
    public var logStrike = SIMD4<Double>(repeating: 0)
    /// K e^(-r E), E the expiry in years since the epoch: times the tick's scalar
    /// e^(r now) it is K e^(-r τ), with no vector exponential per tick.
    public var strikeDiscountedToEpoch = SIMD4<Double>(repeating: 1)

    public init() {}

    /// Fills the derived lanes (ln K, K e^(-r E)) once the legs' sign, strike, expiry and
    /// quantity are set. Years are `YearLength` years, as in `OptionChunkTick`.
    public mutating func derive(rate: Double) {
        logStrike = ElementaryFunctions.log(strike)
        strikeDiscountedToEpoch = strike * ElementaryFunctions.exp(-(rate * expiry / SIMD4(repeating: YearLength.millisecondsValue)))
    }

    /// A book's totals before the lanes are added: over its chunks, per lane, the sums of
    /// quantity × price, × delta, × gamma and × gamma × years to expiry. A caller adds the
    /// four lanes (`SIMD4.sum()`, in its own code, so that both instruction sets sum alike).
    public struct Sums: Sendable {
        public var value = SIMD4<Double>()
        public var delta = SIMD4<Double>()
        public var gamma = SIMD4<Double>()
        public var gammaYears = SIMD4<Double>()

        public init() {}
    }

    // The entry points are not inlined: inside a caller's loop over chunks, the optimiser
    // splits the four lanes and runs much of the kernel one lane at a time in scalar
    // registers; compiled alone, the kernel stays in vector registers. For the same reason
    // the common case (no leg past its expiry) picks no lanes: a select feeding the strike
    // leg also sends the optimiser to scalar code.
    //
    // They take the chunk by pointer (a chunk handed over as a value, an array's element or
    // a loop's variable, is first copied whole: 192 bytes and a memcpy call on every tick),
    // and add its figures to the caller's sums themselves: no figures returned through
    // memory, no accumulators for the caller to keep across the call, and the sums done on
    // the entry point's instruction set.

    /// Adds each leg's price, delta and gamma when no leg is past its expiry, on the baseline
    /// instruction set.
    @inline(never)
    public static func addValue(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout Sums) {
        chunk.pointee.addValueKernel(at: tick, to: &sums)
    }

    /// `addValue` when some leg is past its expiry and not yet settled, on the baseline
    /// instruction set: such a leg is worth its intrinsic value, against the strike undiscounted.
    @inline(never)
    public static func addValueWithExpired(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout Sums) {
        chunk.pointee.addValueWithExpiredKernel(at: tick, to: &sums)
    }

    /// Adds each leg's delta and gamma (no price: `value` stays as it was), on the baseline
    /// instruction set.
    @inline(never)
    public static func addGreeks(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout Sums) {
        chunk.pointee.addGreeksKernel(at: tick, to: &sums)
    }

    // MARK: Kernels, inlined into each instruction set's entry points

    @inlinable @inline(__always)
    public func addValueKernel(at tick: OptionChunkTick, to sums: inout Sums) {
        add(value(at: tick, discountedStrike: strikeDiscountedToEpoch * tick.growthSinceEpoch), to: &sums)
    }

    @inlinable @inline(__always)
    public func addValueWithExpiredKernel(at tick: OptionChunkTick, to sums: inout Sums) {
        add(value(at: tick, discountedStrike: SIMD4<Double>.select(
            SIMD4<Double>.less(expiry, .init(repeating: tick.now)), strike, strikeDiscountedToEpoch * tick.growthSinceEpoch)),
            to: &sums)
    }

    @inlinable @inline(__always)
    public func addGreeksKernel(at tick: OptionChunkTick, to sums: inout Sums) {
        let t = years(at: tick)
        let v = BlackScholes.spotDeltaKernel(
            sign: sign, spot: .init(repeating: tick.spot), logMoneyness: .init(repeating: tick.logSpot) - logStrike,
            rate: .init(repeating: tick.rate), volatility: .init(repeating: tick.volatility), timeToExpiry: t)
        sums.delta += quantity * v.delta
        sums.gamma += quantity * v.gamma
        sums.gammaYears += quantity * v.gamma * t
    }

    /// Price, delta and gamma per leg (per unit, not times quantity), with the legs' years
    /// to expiry.
    public typealias Value = (price: SIMD4<Double>, delta: SIMD4<Double>, gamma: SIMD4<Double>, years: SIMD4<Double>)

    @inlinable @inline(__always)
    func add(_ v: Value, to sums: inout Sums) {
        sums.value += quantity * v.price
        sums.delta += quantity * v.delta
        sums.gamma += quantity * v.gamma
        sums.gammaYears += quantity * v.gamma * v.years
    }

    /// The kernel call both values share, K e^(-rτ) given per leg.
    @inlinable @inline(__always)
    func value(at tick: OptionChunkTick, discountedStrike: SIMD4<Double>) -> Value {
        let t = years(at: tick)
        let v = BlackScholes.spotKernel(
            sign: sign, spot: .init(repeating: tick.spot), logMoneyness: .init(repeating: tick.logSpot) - logStrike,
            discountedStrike: discountedStrike, rate: .init(repeating: tick.rate), volatility: .init(repeating: tick.volatility),
            timeToExpiry: t)
        return (v.price, v.delta, v.gamma, t)
    }

    /// Years to each leg's expiry, 0 once past it.
    @inlinable @inline(__always)
    func years(at tick: OptionChunkTick) -> SIMD4<Double> {
        SIMD4<Double>.maximum((expiry - SIMD4(repeating: tick.now)) / SIMD4(repeating: YearLength.millisecondsValue), .zero)
    }
}

/// What every leg shares at one tick. ln S and e^(r now) are computed once per tick; ln K
/// and K e^(-r E) are kept per leg (`OptionLegChunk`). Scalars, splat into lanes by the
/// kernels (cheaper to hand over than six vectors).
public struct OptionChunkTick: Sendable {
    public var spot: Double
    public var logSpot: Double
    /// ms since epoch.
    public var now: Double
    /// e^(r now), now in years since the epoch (1 for greeks alone, which need no price).
    public var growthSinceEpoch: Double
    public var rate: Double
    public var volatility: Double

    /// `logSpot`: ln(`spot`) if the caller has it already (a tick's `logPrice`, worked out
    /// on another thread), NaN to have it computed here.
    @inlinable
    public init(spot: Double, logSpot: Double = .nan, now: Int64, volatility: Double, rate: Double, growing: Bool = true) {
        self.spot = spot
        self.logSpot = logSpot.isNaN ? ElementaryFunctions.log(spot) : logSpot
        self.now = Double(now)
        growthSinceEpoch = growing ? ElementaryFunctions.exp(rate * Double(now) / YearLength.millisecondsValue) : 1
        self.rate = rate
        self.volatility = volatility
    }
}
