import Testing
@testable import Venues

/// Whole-pool swaps (`uniswap_v3_pool_swaps.json`, 144 swaps on 9 pool set-ups), exact:
/// the pool's balances after minting, the tick before, both token deltas, the tick after and
/// both fee-growth deltas; the swaps that revert in the contract (`SPL`) throw here.
struct PoolSwapVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        struct Pool: Decodable {
            struct Position: Decodable { let tickLower, tickUpper: Int; let liquidity: String }
            let description: String
            let feePips, tickSpacing: Int
            let startingSqrtPriceX96: String
            let positions: [Position]
        }
        struct Swap: Decodable {
            let description: String
            let zeroForOne: Bool
            let exactOut: Bool?
            let amountSpecified: String
            let sqrtPriceLimitX96: String
        }
        struct Expected: Decodable {
            let amount0Before, amount1Before, poolBalance0, poolBalance1: String?
            let amount0Delta, amount1Delta: String?
            let feeGrowthGlobal0X128Delta, feeGrowthGlobal1X128Delta: String?
            let tickBefore: Int
            let tickAfter: Int?
            let swapError: String?
        }
        let pool: Pool
        let swap: Swap
        let expected: Expected
        var testDescription: String { "\(pool.description): \(swap.description)" }

        /// `swapToLowerPrice`/`swapToHigherPrice` in the contract's test callee swap an exact
        /// input of `type(int256).max`, stopped by the price limit.
        var amountSpecified: Int256 {
            swap.exactOut == nil ? EVMWord.maxInt256 : Int256(decimal: swap.amountSpecified)
        }
    }

    static let vectors = (try? FixtureLoader.decode([Vector].self, from: "uniswap_v3_pool_swaps.json")) ?? []

    @Test func fileHasAllVectors() {
        #expect(Self.vectors.count == 144)
        #expect(Set(Self.vectors.map(\.pool.description)).count == 9)
        #expect(Self.vectors.filter { $0.expected.swapError != nil }.count == 28)
        // Unbounded swaps are exactly the ones without `exactOut`.
        #expect(Self.vectors.filter { $0.swap.exactOut == nil }.allSatisfy { $0.swap.amountSpecified.contains("unbounded") })
    }

    static func makePool(_ spec: Vector.Pool) throws -> UniswapV3Pool {
        var pool = try UniswapV3Pool(feePips: spec.feePips, tickSpacing: spec.tickSpacing, sqrtPriceX96: UInt256(decimal: spec.startingSqrtPriceX96))
        for position in spec.positions {
            try pool.mint(tickLower: position.tickLower, tickUpper: position.tickUpper, liquidity: UInt256(decimal: position.liquidity))
        }
        return pool
    }

    @Test(arguments: vectors)
    func swap(_ v: Vector) throws {
        var pool = try Self.makePool(v.pool)
        let e = v.expected
        #expect(pool.tick == e.tickBefore)
        #expect(pool.balance0 == UInt256(decimal: (e.amount0Before ?? e.poolBalance0)!))
        #expect(pool.balance1 == UInt256(decimal: (e.amount1Before ?? e.poolBalance1)!))
        let fee0Before = pool.feeGrowthGlobal0X128, fee1Before = pool.feeGrowthGlobal1X128
        let limit = UInt256(decimal: v.swap.sqrtPriceLimitX96)

        if e.swapError != nil {
            #expect(e.swapError!.hasSuffix("revert SPL"))
            let before = pool
            #expect(throws: UniswapMathError.sqrtPriceLimit) {
                try pool.swap(zeroForOne: v.swap.zeroForOne, amountSpecified: v.amountSpecified, sqrtPriceLimitX96: limit)
            }
            #expect(pool == before)
            return
        }
        let result = try pool.swap(zeroForOne: v.swap.zeroForOne, amountSpecified: v.amountSpecified, sqrtPriceLimitX96: limit)
        #expect(result.amount0 == Int256(decimal: e.amount0Delta!))
        #expect(result.amount1 == Int256(decimal: e.amount1Delta!))
        #expect(pool.tick == e.tickAfter!)
        #expect(pool.feeGrowthGlobal0X128 &- fee0Before == UInt256(decimal: e.feeGrowthGlobal0X128Delta!))
        #expect(pool.feeGrowthGlobal1X128 &- fee1Before == UInt256(decimal: e.feeGrowthGlobal1X128Delta!))
    }

    /// A swap that stops mid-way and a second swap from there must be the same pool as the
    /// state after the first: the state carries over (tick, liquidity, price).
    @Test func crossingBothPositionsOfTheGapPool() throws {
        let spec = try #require(Self.vectors.first { $0.pool.description.hasPrefix("medium fee, 1:1 price, 0 liquidity") }).pool
        var pool = try Self.makePool(spec)
        #expect(pool.liquidity == 0)  // the price sits in the gap between the two positions
        let result = try pool.swap(zeroForOne: true, amountSpecified: Int256(1_000_000_000_000_000_000), sqrtPriceLimitX96: TickMath.minSqrtRatio + 1)
        #expect(result.ticksCrossed == 1)  // tick -60: the lower position comes into range
        #expect(pool.liquidity == UInt256(2_000_000_000_000_000_000))
        #expect(pool.tick < -60)
    }
}
