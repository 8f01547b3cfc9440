import Foundation
import BigInt
import Venues

// Venue math speed (release build), best of 5 runs, ns per operation.
// Run: swift run -c release --package-path Benchmarks VenuesBench
// Workloads:
//  - v2 `getAmountOut` on 18-decimal reserves (BigUInt), and `ConstantProductPool.quote`
//    (Double in, exact integers inside, Double out);
//  - v3 engine `swap` on a copy of a pool with 12 overlapping positions (24 initialized
//    ticks, spacing 10): an exact-output buy crossing 6 initialized ticks, and a small
//    exact-input swap inside one range;
//  - `ConcentratedLiquidityPool.quote` of the same crossing swap in BASE/QUOTE;
//  - `Router.route` split over a constant-product pool, the concentrated pool and a perp.

func measure(_ name: String, iterations: Int, note: String = "", _ body: () throws -> Void) rethrows {
    var best = Duration.seconds(1_000_000)
    for _ in 0..<5 {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { try body() }
        best = min(best, clock.now - start)
    }
    let ns = Double(best.components.seconds) * 1e9 + Double(best.components.attoseconds) / 1e9
    let perOp = ns / Double(iterations)
    let padded = name.padding(toLength: 58, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%12.0f", perOp)) ns/op  \(note)")
}

var sink = 0.0

// v2
let reserveIn = BigUInt(4000) * BigUInt(10).power(18), reserveOut = BigUInt(12_000_000) * BigUInt(10).power(6)
let amountIn = BigUInt(10).power(18)
try measure("v2 ConstantProductMath.getAmountOut (BigUInt)", iterations: 200_000) {
    sink += Double(try ConstantProductMath.getAmountOut(amountIn: amountIn, reserveIn: reserveIn, reserveOut: reserveOut).words[0] & 1)
}
let cp = try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003)
try measure("ConstantProductPool.quote(.buy, 10 BASE)", iterations: 100_000) {
    sink += try cp.quote(.buy, base: 10).quote
}

// v3: 12 positions around 3000 (18/6 decimals), ranges ±2%...±24%.
var positions: [ConcentratedLiquidityPool.Position] = []
for k in 1...12 {
    let width = 0.02 * Double(k)
    positions.append(.init(lower: 3000 * (1 - width), upper: 3000 * (1 + width), liquidity: 2e5))
}
let cl = try ConcentratedLiquidityPool(positions: positions, fee: 0.0005, price: 3000)
let engine = cl.engine
// A buy big enough to cross 6 upper ticks.
let crossingBase = 0.999 * cl.sizeAtMarginalPrice(.buy, 3000 * 1.13 / (1 - 0.0005))
let crossingRaw = BigInt(sign: .minus, magnitude: BigUInt(exactly: (crossingBase * 1e18).rounded())!)  // exact output
var probe = engine
let probeResult = try probe.swap(zeroForOne: false, amountSpecified: crossingRaw, sqrtPriceLimitX96: TickMath.maxSqrtRatio - 1)
try measure("v3 UniswapV3Pool.swap exact out, crossing ticks", iterations: 5_000,
            note: "(\(String(format: "%.0f", crossingBase)) BASE, \(probeResult.ticksCrossed) ticks crossed, \(probeResult.steps) steps)") {
    var pool = engine
    let result = try pool.swap(zeroForOne: false, amountSpecified: crossingRaw, sqrtPriceLimitX96: TickMath.maxSqrtRatio - 1)
    sink += Double(result.steps)
}
let smallRaw = BigInt(10).power(18)
try measure("v3 UniswapV3Pool.swap exact in, 1 BASE, no crossing", iterations: 20_000) {
    var pool = engine
    let result = try pool.swap(zeroForOne: true, amountSpecified: smallRaw, sqrtPriceLimitX96: TickMath.minSqrtRatio + 1)
    sink += Double(result.steps)
}
try measure("ConcentratedLiquidityPool.quote(.buy) crossing ticks", iterations: 5_000) {
    sink += try cl.quote(.buy, base: crossingBase).quote
}
try measure("TickMath.getSqrtRatioAtTick", iterations: 200_000) {
    sink += Double(try TickMath.getSqrtRatioAtTick(-195_000).words[0] & 1)
}

// Router
let perp = try PerpVenue(markPrice: 3000, fee: 0.001, annualFundingRate: 0.1)
let venues: [any HedgeVenue] = [cp, cl, perp]
try measure("Router.route split, 3 venues, 50 BASE", iterations: 50) {
    let plan = try Router.route(.buy, base: 50, venues: venues, gas: [3, 3, 1], maxSlippage: 0.005, mode: .split)
    sink += plan.totalCost
}
try measure("Router.route best, 3 venues, 50 BASE", iterations: 50) {
    let plan = try Router.route(.buy, base: 50, venues: venues, gas: [3, 3, 1], maxSlippage: 0.005, mode: .best)
    sink += plan.totalCost
}
print("checksum \(sink)")
