import Foundation
import Venues

// Venue math speed (release build), best of 5 runs, ns per operation (thread CPU time and wall).
// Run: swift run -c release --package-path Benchmarks VenuesBench
// Workloads:
//  - v2 `getAmountOut` on 18-decimal reserves (UInt256), and `ConstantProductPool.quote`
//    (Double in, exact integers inside, Double out);
//  - v3 engine `swap` on a copy of a pool with 12 overlapping positions (24 initialized
//    ticks, spacing 10): an exact-output buy crossing 6 initialized ticks, and a small
//    exact-input swap inside one range;
//  - `ConcentratedLiquidityPool.quote` of the same crossing swap in BASE/QUOTE;
//  - `Router.route` split over a constant-product pool, the concentrated pool and a perp.

/// CPU time of this thread, ns: unlike the wall clock it does not count time spent waiting
/// for a core, so figures stay comparable when other processes load the machine.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}

/// Best of 5 runs of `iterations` calls: ns per call of thread CPU time, and of wall clock.
func measure(_ name: String, iterations: Int, note: String = "", _ body: () throws -> Void) rethrows {
    var bestWall = Duration.seconds(1_000_000), bestCPU = Double.infinity
    for _ in 0..<5 {
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = threadCPUTime()
        for _ in 0..<iterations { try body() }
        bestCPU = min(bestCPU, threadCPUTime() - cpuStart)
        bestWall = min(bestWall, clock.now - start)
    }
    let wallNs = Double(bestWall.components.seconds) * 1e9 + Double(bestWall.components.attoseconds) / 1e9
    let padded = name.padding(toLength: 58, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%10.0f", bestCPU / Double(iterations))) ns/op cpu \(String(format: "%10.0f", wallNs / Double(iterations))) ns/op wall  \(note)")
}

var sink = 0.0

// v2
let reserveIn = UInt256("4000000000000000000000")!, reserveOut = UInt256(12_000_000_000_000)
let amountIn = UInt256(1_000_000_000_000_000_000)
try measure("v2 ConstantProductMath.getAmountOut (UInt256)", iterations: 2_000_000) {
    sink += Double(try ConstantProductMath.getAmountOut(amountIn: amountIn, reserveIn: reserveIn, reserveOut: reserveOut).w0 & 1)
}
let cp = try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003)
try measure("ConstantProductPool.quote(.buy, 10 BASE)", iterations: 1_000_000) {
    sink += try cp.quote(.buy, base: 10).quote
}

// One v3 swap step that stops inside the range (exact input 1 ETH at ~3000 USDC/ETH, L = 1e21).
let stepCurrent = UInt256("4339505179874779489431521")!, stepTarget = UInt256("4296310392846798720496862")!
let stepLiquidity = UInt256("1000000000000000000000")!, stepAmount = Int256(1_000_000_000_000_000_000)
try measure("v3 SwapMath.computeSwapStep (one step, inside a range)", iterations: 2_000_000) {
    let step = try SwapMath.computeSwapStep(sqrtRatioCurrentX96: stepCurrent, sqrtRatioTargetX96: stepTarget, liquidity: stepLiquidity, amountRemaining: stepAmount, feePips: 500)
    sink += Double(step.amountIn.w0 & 1)
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
let crossingRaw = -Int256(exactly: UInt256(exactly: (crossingBase * 1e18).rounded())!)!  // exact output
var probe = engine
let probeResult = try probe.swap(zeroForOne: false, amountSpecified: crossingRaw, sqrtPriceLimitX96: TickMath.maxSqrtRatio - 1)
try measure("v3 UniswapV3Pool.swap exact out, crossing ticks", iterations: 50_000,
            note: "(\(String(format: "%.0f", crossingBase)) BASE, \(probeResult.ticksCrossed) ticks crossed, \(probeResult.steps) steps)") {
    var pool = engine
    let result = try pool.swap(zeroForOne: false, amountSpecified: crossingRaw, sqrtPriceLimitX96: TickMath.maxSqrtRatio - 1)
    sink += Double(result.steps)
}
let smallRaw = Int256(1_000_000_000_000_000_000)
try measure("v3 UniswapV3Pool.swap exact in, 1 BASE, no crossing", iterations: 200_000) {
    var pool = engine
    let result = try pool.swap(zeroForOne: true, amountSpecified: smallRaw, sqrtPriceLimitX96: TickMath.minSqrtRatio + 1)
    sink += Double(result.steps)
}
try measure("ConcentratedLiquidityPool.quote(.buy) crossing ticks", iterations: 50_000) {
    sink += try cl.quote(.buy, base: crossingBase).quote
}
try measure("TickMath.getSqrtRatioAtTick", iterations: 2_000_000) {
    sink += Double(try TickMath.getSqrtRatioAtTick(-195_000).w0 & 1)
}

// Router
let perp = try PerpVenue(markPrice: 3000, fee: 0.001, annualFundingRate: 0.1)
let venues: [any HedgeVenue] = [cp, cl, perp]
try measure("Router.route split, 3 venues, 50 BASE", iterations: 500) {
    let plan = try Router.route(.buy, base: 50, venues: venues, gas: [3, 3, 1], maxSlippage: 0.005, mode: .split)
    sink += plan.totalCost
}
try measure("Router.route best, 3 venues, 50 BASE", iterations: 500) {
    let plan = try Router.route(.buy, base: 50, venues: venues, gas: [3, 3, 1], maxSlippage: 0.005, mode: .best)
    sink += plan.totalCost
}
print("checksum \(sink)")
