/// `TickMath` from Uniswap v3: the price at a tick is 1.0001^tick (token1 per token0, raw
/// units), kept as sqrt(price) in Q64.96 fixed point ("sqrtPriceX96").
public enum TickMath {
    /// The smallest tick `getSqrtRatioAtTick` accepts: log base 1.0001 of 2^-128.
    public static let minTick = -887_272
    /// The largest tick: log base 1.0001 of 2^128.
    public static let maxTick = 887_272
    /// `getSqrtRatioAtTick(minTick)`.
    public static let minSqrtRatio: UInt256 = 4_295_128_739
    /// `getSqrtRatioAtTick(maxTick)`.
    public static let maxSqrtRatio = UInt256("1461446703485210103287273052203988822378723970342", radix: 10)!

    /// sqrt(1.0001^|tick|) factors for bits 1...19 of |tick|, in Q128.128, exactly the
    /// contract's constants (each is 2^128 / sqrt(1.0001^(2^bit)), rounded as Uniswap did).
    static let bitFactors: [UInt256] = [
        "fff97272373d413259a46990580e213a", "fff2e50f5f656932ef12357cf3c7fdcc",
        "ffe5caca7e10e4e61c3624eaa0941cd0", "ffcb9843d60f6159c9db58835c926644",
        "ff973b41fa98c081472e6896dfb254c0", "ff2ea16466c96a3843ec78b326b52861",
        "fe5dee046a99a2a811c461f1969c3053", "fcbe86c7900a88aedcffc83b479aa3a4",
        "f987a7253ac413176f2b074cf7815e54", "f3392b0822b70005940c7a398e4b70f3",
        "e7159475a2c29b7443b29c7fa6e889d9", "d097f3bdfd2022b8845ad8f792aa5825",
        "a9f746462d870fdf8a65dc1f90e061e5", "70d869a156d2a1b890bb3df62baf32f7",
        "31be135f97d08fd981231505542fcfa6", "9aa508b5b7a84e1c677de54f3e99bc9",
        "5d6af8dedb81196699c329225ee604", "2216e584f5fa1ea926041bedfe98",
        "48a170391f7dc42444e8fa2",
    ].map { UInt256($0, radix: 16)! }
    static let bit0Factor = UInt256("fffcb933bd6fad37aa2d162d1a594001", radix: 16)!

    /// sqrt(1.0001^tick) * 2^96, rounded up from Q128.128; throws for |tick| > maxTick (`T`).
    public static func getSqrtRatioAtTick(_ tick: Int) throws(UniswapMathError) -> UInt256 {
        let absTick = tick.magnitude
        guard absTick <= UInt(maxTick) else { throw .tickOutOfRange(tick) }
        var ratio = absTick & 1 != 0 ? bit0Factor : EVMWord.q128
        for bit in 1..<20 where absTick & (1 << bit) != 0 {
            // ratio <= 2^128 and each factor < 2^128: the product fits 256 bits
            // (and 2^128 * factor >> 128 is the factor itself).
            ratio = ratio == EVMWord.q128 ? bitFactors[bit - 1] : (ratio * bitFactors[bit - 1]) >> 128
        }
        if tick > 0 { ratio = EVMWord.maxUInt256 / ratio }
        // Q128.128 -> Q128.96, rounding up so that getTickAtSqrtRatio(getSqrtRatioAtTick(t)) == t.
        return (ratio >> 32) + (ratio.w0 & 0xFFFF_FFFF == 0 ? 0 : 1)
    }

    /// The greatest tick whose sqrt ratio is <= `sqrtPriceX96`; throws outside
    /// [minSqrtRatio, maxSqrtRatio) (`R`).
    ///
    /// The contract computes log_sqrt(1.0001) with a 14-step binary logarithm and then
    /// picks between two candidate ticks by calling `getSqrtRatioAtTick`; its result is by
    /// construction the greatest tick t with getSqrtRatioAtTick(t) <= sqrtPriceX96. This port
    /// computes the same tick from that definition: a `Double` logarithm (error far below one
    /// tick) as the first guess, then exact comparisons against `getSqrtRatioAtTick`.
    public static func getTickAtSqrtRatio(_ sqrtPriceX96: UInt256) throws(UniswapMathError) -> Int {
        guard sqrtPriceX96 >= minSqrtRatio, sqrtPriceX96 < maxSqrtRatio else { throw .sqrtPriceOutOfRange }
        // log(sqrtP / 2^96) / log(sqrt(1.0001)); the top 64 bits give 53 in the Double, relative error
        // ~1e-16 on the price, ~1e-12 ticks.
        let logRatio = log2Approx(sqrtPriceX96) - 96
        var tick = Int((2 * logRatio * 0.6931471805599453 / 0.00009999500033330834).rounded(.down))
        tick = min(max(tick, minTick), maxTick - 1)
        // Step to the greatest tick whose ratio is <= the price.
        while tick > minTick, try getSqrtRatioAtTick(tick) > sqrtPriceX96 { tick -= 1 }
        while tick < maxTick - 1, try getSqrtRatioAtTick(tick + 1) <= sqrtPriceX96 { tick += 1 }
        return tick
    }

    /// log2 of a positive integer in Double: the top 64 bits carry the mantissa.
    static func log2Approx(_ x: UInt256) -> Double {
        let bits = x.significantBitCount
        if bits <= 64 { return libmLog2(Double(x.w0)) }
        let top = (x >> (bits - 64)).w0
        return libmLog2(Double(top)) + Double(bits - 64)
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func libmLog2(_ x: Double) -> Double { Glibc.log2(x) }
#elseif canImport(Darwin)
import Darwin
@inline(__always) func libmLog2(_ x: Double) -> Double { Darwin.log2(x) }
#endif
