import Foundation
import Testing
@testable import Venues

/// The runtime concentrated-liquidity pool against the range formulas worked by hand
/// (Δbase = L(1/√Pa - 1/√Pb), Δquote = L(√Pb - √Pa), fee on the input) and against the exact
/// engine driven directly in raw units. ETH (18 decimals) / USDC (6), 0.05%, spacing 10.
struct ConcentratedLiquidityPoolTests {
    let f = 0.0005

    func wide() throws -> ConcentratedLiquidityPool {
        try ConcentratedLiquidityPool(positions: [.init(lower: 2400, upper: 3600, liquidity: 9e5)], fee: f, price: 3000)
    }

    func nested() throws -> ConcentratedLiquidityPool {
        try ConcentratedLiquidityPool(
            positions: [.init(lower: 2400, upper: 3600, liquidity: 9e5), .init(lower: 2900, upper: 3100, liquidity: 4e6)],
            fee: f, price: 3000)
    }

    /// Price of the usable tick nearest to `price` (spacing 10), computed here from 1.0001^tick.
    func tickPrice(_ price: Double) -> Double {
        let tick = ((log(price * 1e-12) / log(1.0001)) / 10).rounded() * 10
        return pow(1.0001, tick) * 1e12
    }

    @Test func inRangeBuyByHand() throws {
        let pool = try wide()
        #expect(abs(pool.midPrice - 3000) < 1e-9)
        let fill = try pool.quote(.buy, base: 5)
        let l = 9e5, s0 = 3000.0.squareRoot()
        let s1 = 1 / (1 / s0 - 5 / l)
        let quoteByHand = l * (s1 - s0) / (1 - f)
        #expect(abs(fill.quote / quoteByHand - 1) < 1e-9)
        #expect(abs(fill.fee / (quoteByHand * f) - 1) < 1e-6)
        #expect(abs(fill.midAfter / (s1 * s1) - 1) < 1e-9)
        // Impact: avg ex fee = L(s1-s0)/5 = s0*s1 vs mid s0^2 => s1/s0 - 1.
        #expect(abs(fill.priceImpact - (s1 / s0 - 1)) < 1e-9)
    }

    @Test func inRangeSellByHand() throws {
        let fill = try wide().quote(.sell, base: 5)
        let l = 9e5, s0 = 3000.0.squareRoot()
        let s1 = 1 / (1 / s0 + 5 * (1 - f) / l)
        #expect(abs(fill.quote / (l * (s0 - s1)) - 1) < 1e-9)
    }

    /// 1500 BASE from the nested pool: L = 4.9e6 up to the tick near 3100, then 9e5 beyond.
    @Test func buyCrossingAnInitializedTickByHand() throws {
        let pool = try nested()
        let fill = try pool.quote(.buy, base: 1500)
        let s0 = 3000.0.squareRoot(), st = tickPrice(3100).squareRoot()
        let first = 4.9e6 * (1 / s0 - 1 / st)
        #expect(first > 1000 && first < 1500)
        let s2 = 1 / (1 / st - (1500 - first) / 9e5)
        let quoteByHand = (4.9e6 * (st - s0) + 9e5 * (s2 - st)) / (1 - f)
        #expect(abs(fill.quote / quoteByHand - 1) < 1e-9)
        #expect(abs(fill.midAfter / (s2 * s2) - 1) < 1e-9)
    }

    /// The runtime pool is a unit conversion around the engine: same raw amounts.
    @Test func agreesWithTheExactEngineInRawUnits() throws {
        let pool = try nested()
        var engine = pool.engine
        let result = try engine.swap(zeroForOne: false, amountSpecified: -Int256(decimal: "1500000000000000000000"), sqrtPriceLimitX96: TickMath.maxSqrtRatio - 1)
        #expect(result.ticksCrossed == 1)
        let fill = try pool.quote(.buy, base: 1500)
        #expect(fill.quote == Double(result.amount1) / 1e6)
        var executed = pool
        _ = try executed.execute(.buy, base: 1500)
        #expect(executed.engine == engine)
    }

    /// v3 fees do not move the price, so two buys of 750 walk the same path as one of 1500.
    @Test func stateCarriesAcrossTrades() throws {
        var pool = try nested()
        let one = try pool.quote(.buy, base: 1500)
        let a = try pool.execute(.buy, base: 750)
        #expect(pool.midPrice == a.midAfter)
        let b = try pool.execute(.buy, base: 750)
        #expect(b.midBefore == a.midAfter)
        #expect(abs((a.quote + b.quote) / one.quote - 1) < 1e-9)
        #expect(abs(pool.midPrice / one.midAfter - 1) < 1e-12)
    }

    @Test func insufficientLiquidityLeavesThePoolUnchanged() throws {
        var pool = try wide()
        let before = pool
        // Everything above 3000 in the wide range: 9e5 (1/√3000 - 1/√P(3600)) BASE.
        let available = 9e5 * (1 / 3000.0.squareRoot() - 1 / tickPrice(3600).squareRoot())
        do {
            _ = try pool.execute(.buy, base: 5000)
            Issue.record("expected insufficient liquidity")
        } catch let VenueError.insufficientLiquidity(got) {
            #expect(abs(got / available - 1) < 1e-9)
        }
        #expect(pool == before)
    }

    @Test func slippageCapAndMarginalSize() throws {
        let pool = try nested()
        let cap = pool.largestSize(.buy, maxSlippage: 0.005)
        #expect(cap > 0)
        #expect(try pool.quote(.buy, base: cap).slippage <= 0.005)
        #expect(try pool.quote(.buy, base: cap * 1.000001).slippage > 0.005)
        // Trading the size at marginal price λ leaves the pool at λ(1-f) (buy) / λ/(1-f) (sell).
        let lambda = 3050.0
        let size = pool.sizeAtMarginalPrice(.buy, lambda)
        #expect(abs(try pool.quote(.buy, base: size).midAfter / (lambda * (1 - f)) - 1) < 1e-9)
        let sellSize = pool.sizeAtMarginalPrice(.sell, 2950)
        #expect(abs(try pool.quote(.sell, base: sellSize).midAfter / (2950 / (1 - f)) - 1) < 1e-9)
    }
}
