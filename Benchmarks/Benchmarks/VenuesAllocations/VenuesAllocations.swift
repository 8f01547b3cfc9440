import Benchmark
import Venues

// Venue math under package-benchmark: time and heap allocations per operation (the malloc
// interposer counts every malloc in the measured loop; the exact engines should make none).
// Run: swift package --package-path Benchmarks benchmark --target VenuesAllocations
// The workloads are VenuesBench's (Sources/VenuesBench/main.swift), built the same way.

/// A v3 pool with 12 overlapping positions around 3000 (18/6 decimals, 0.05%, spacing 10).
func concentratedPool() throws -> ConcentratedLiquidityPool {
    var positions: [ConcentratedLiquidityPool.Position] = []
    for k in 1...12 {
        let width = 0.02 * Double(k)
        positions.append(.init(lower: 3000 * (1 - width), upper: 3000 * (1 + width), liquidity: 2e5))
    }
    return try ConcentratedLiquidityPool(positions: positions, fee: 0.0005, price: 3000)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    Benchmark("v3 SwapMath.computeSwapStep, exact in, stops inside the range") { benchmark in
        let current = UInt256("4339505179874779489431521")!  // ~3000 USDC per ETH in raw units
        let target = UInt256("4296310392846798720496862")!
        let liquidity = UInt256("1000000000000000000000")!
        let amount = Int256(1_000_000_000_000_000_000)
        for _ in benchmark.scaledIterations {
            blackHole(try SwapMath.computeSwapStep(
                sqrtRatioCurrentX96: current, sqrtRatioTargetX96: target, liquidity: liquidity,
                amountRemaining: amount, feePips: 500))
        }
    }

    Benchmark("v2 ConstantProductMath.getAmountOut") { benchmark in
        let reserveIn = UInt256("4000000000000000000000")!, reserveOut = UInt256(12_000_000_000_000)
        let amountIn = UInt256(1_000_000_000_000_000_000)
        for _ in benchmark.scaledIterations {
            blackHole(try ConstantProductMath.getAmountOut(amountIn: amountIn, reserveIn: reserveIn, reserveOut: reserveOut))
        }
    }

    Benchmark("ConstantProductPool.quote(.buy, 10 BASE)") { benchmark in
        let pool = try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003)
        for _ in benchmark.scaledIterations {
            blackHole(try pool.quote(.buy, base: 10))
        }
    }

    Benchmark("v3 UniswapV3Pool.swap exact out, crossing 6 ticks") { benchmark in
        let pool = try concentratedPool()
        let base = 0.999 * pool.sizeAtMarginalPrice(.buy, 3000 * 1.13 / (1 - 0.0005))
        let amount = -Int256(exactly: UInt256(exactly: (base * 1e18).rounded())!)!
        let engine = pool.engine
        for _ in benchmark.scaledIterations {
            var copy = engine
            blackHole(try copy.swap(zeroForOne: false, amountSpecified: amount, sqrtPriceLimitX96: TickMath.maxSqrtRatio - 1))
        }
    }

    Benchmark("ConcentratedLiquidityPool.quote(.buy) crossing 6 ticks") { benchmark in
        let pool = try concentratedPool()
        let base = 0.999 * pool.sizeAtMarginalPrice(.buy, 3000 * 1.13 / (1 - 0.0005))
        for _ in benchmark.scaledIterations {
            blackHole(try pool.quote(.buy, base: base))
        }
    }

    Benchmark("TickMath.getSqrtRatioAtTick") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TickMath.getSqrtRatioAtTick(-195_000))
        }
    }

    Benchmark("Router.route split, 3 venues, 50 BASE", configuration: .init(scalingFactor: .one)) { benchmark in
        let venues: [any HedgeVenue] = [
            try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003), try concentratedPool(),
            try PerpVenue(markPrice: 3000, fee: 0.001, annualFundingRate: 0.1),
        ]
        for _ in benchmark.scaledIterations {
            blackHole(try Router.route(.buy, base: 50, venues: venues, gas: [3, 3, 1], maxSlippage: 0.005, mode: .split))
        }
    }
}
