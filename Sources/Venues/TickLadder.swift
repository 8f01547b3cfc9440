#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A concentrated pool's initialized ticks as floating-point numbers, for the pool's
/// floating-point walks (`sizeAtMarginalPrice`, the slippage cap's first estimate).
///
/// Why it exists: the router asks a pool for its size at a marginal price some 45 times per
/// venue subset while it bisects the common marginal price, and each walk used to rebuild the
/// list of initialized ticks (an array allocation), look each tick's liquidity up in a
/// dictionary and take an `exp` per tick. Swaps never change which ticks are initialized nor
/// their net liquidity (only `mint` does, and a pool wrapper never mints after it is built),
/// so all of that is computed once per pool, here, with the very same formulas: the walks'
/// results are bit for bit what they were.
struct TickLadder: Sendable, Equatable {
    /// One initialized tick.
    struct Rung: Sendable, Equatable {
        let tick: Int
        /// sqrt(1.0001^tick) in raw units (sqrt of token1 per token0): exp(tick · ln(1.0001) / 2).
        let sqrtPrice: Double
        /// Liquidity added crossing the tick upward, raw units (sqrt(token0 · token1)).
        let liquidityNet: Double
    }

    /// Ascending by tick.
    let rungs: [Rung]

    init(_ table: TickTable) {
        let halfLogBase = 0.5 * log(1.0001)
        rungs = table.initializedTicks.map { tick in
            Rung(tick: tick, sqrtPrice: exp(Double(tick) * halfLogBase), liquidityNet: Double(table.info(tick)!.liquidityNet))
        }
    }

    /// Index of the first rung whose tick is above `tick` (`rungs.count` when none): rungs
    /// from here up are crossed by a rising price, those below it (tick <= `tick`) by a
    /// falling one.
    func firstIndex(above tick: Int) -> Int {
        var low = 0, high = rungs.count
        while low < high {
            let middle = (low + high) / 2
            if rungs[middle].tick <= tick { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
