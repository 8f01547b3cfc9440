import Testing
@testable import Venues

/// Every `Double` field of a constant-product fill, bit for bit, against Python integers
/// (the v2 formulas on Python's unbounded ints, the raw -> Double conversion written out as
/// `Double(UInt256)` documents it: keep the top 53 bits, round up when the next bit and the
/// last kept bit are both 1; then the same IEEE divisions). Script, for the record:
///
///     def to_double(v):
///         bits = v.bit_length()
///         if bits <= 53: return float(v)
///         top = v >> (bits - 54)
///         top = (top >> 1) + 1 if top & 3 == 3 else top >> 1
///         return float(top) * 2.0 ** (bits - 53)
///     rb, rq = round(x * 1e18), round(y * 1e6)           # reserves, raw
///     out = round(base * 1e18)
///     q_buy = rq * out * 1000 // ((rb - out) * 997) + 1  # getAmountIn
///     q_sell = out * 997 * rq // (rb * 1000 + out * 997) # getAmountOut
///     quote = to_double(q) / 1e6; fee = quote * 0.003 (buy), quote * 0.003 / (1 - 0.003) (sell)
///     mid = (to_double(rq) / 1e6) / (to_double(rb) / 1e18), before and after the trade
///
/// Pinned so that speeding the quote up (unit scaling, conversions) cannot move a field.
struct ConstantProductQuoteFieldsTests {
    struct Case {
        let side: TradeSide, base: Double, quote: Double, fee: Double, midBefore: Double, midAfter: Double
    }

    func check(_ pool: ConstantProductPool, _ expected: Case) throws {
        let fill = try pool.quote(expected.side, base: expected.base)
        #expect(fill.base == expected.base)
        #expect(fill.quote == expected.quote)
        #expect(fill.fee == expected.fee)
        #expect(fill.midBefore == expected.midBefore)
        #expect(fill.midAfter == expected.midAfter)
    }

    /// Round reserves, 4000 BASE / 12,000,000 QUOTE (all raw values exact in a `Double`).
    @Test func roundReserves() throws {
        let pool = try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003)
        try check(pool, Case(side: .buy, base: 10, quote: 30165.685025, fee: 90.49705507499999, midBefore: 3000.0, midAfter: 3015.0791190538844))
        try check(pool, Case(side: .sell, base: 10, quote: 29835.63468, fee: 89.77623273821465, midBefore: 3000.0, midAfter: 2985.0783953416462))
    }

    /// Odd reserves (4321.123456789 BASE, 12,345,678.91 QUOTE): raw reserves after the trade
    /// need more than 53 bits, so the conversion's rounding is exercised.
    @Test func oddReserves() throws {
        let pool = try ConstantProductPool(base: 4321.123456789, quote: 12_345_678.91, fee: 0.003)
        let mid = 2857.0530403623316
        try check(pool, Case(side: .buy, base: 10, quote: 28722.970976, fee: 86.168912928, midBefore: mid, midAfter: 2870.3427320062583))
        try check(pool, Case(side: .sell, base: 10, quote: 28419.247924, fee: 85.51428663189569, midBefore: mid, midAfter: 2843.894842750049))
        try check(pool, Case(side: .buy, base: 0.123456789, quote: 353.794055, fee: 1.0613821650000002, midBefore: mid, midAfter: 2857.2165480340204))
        try check(pool, Case(side: .sell, base: 0.123456789, quote: 351.654409, fee: 1.0581376399197593, midBefore: mid, midAfter: 2856.890037178887))
        try check(pool, Case(side: .buy, base: 777.7, quote: 2717745.982193, fee: 8153.237946579001, midBefore: mid, midAfter: 4251.093631875223))
        try check(pool, Case(side: .sell, base: 777.7, quote: 1878239.752203, fee: 5651.674279447342, midBefore: mid, midAfter: 2052.912646712601))
    }

    /// `TokenUnits.power10` against the loop it replaced (10 multiplied n times, then 1/x for
    /// a negative n), bit for bit, including the powers past 10^22 where that loop rounds.
    @Test func powersOfTenAreTheLoopsResults() {
        for n in -400...400 {
            var loop = 1.0
            for _ in 0..<abs(n) { loop *= 10 }
            let expected = n >= 0 ? loop : 1 / loop
            #expect(TokenUnits.power10(n).bitPattern == expected.bitPattern, "10^\(n)")
        }
    }
}
