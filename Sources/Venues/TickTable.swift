/// The initialized ticks of a v3 pool with their net liquidity, searched the way
/// `TickBitmap.nextInitializedTickWithinOneWord` searches them.
///
/// The contract keeps one bit per tick (compressed by the tick spacing) in 256-bit words and
/// never looks past the current word in one swap step: a step ends at the next initialized
/// tick or at the word's edge, whichever comes first. That edge matters for exactness (each
/// step rounds its amounts and its fee growth separately), so this table reproduces it:
/// initialized ticks live in a sorted array of compressed indices, and a search is clamped to
/// the 256-index word that holds the start. A sorted array rather than a bitmap keeps a
/// search O(log n) with no word bookkeeping; the answers are the bitmap's.
public struct TickTable: Sendable, Equatable {
    /// What the pool keeps for an initialized tick (fee growth outside is not modelled:
    /// it affects position fee accounting, not swap amounts).
    public struct Info: Sendable, Equatable {
        /// Total liquidity referencing the tick (uint128).
        public var liquidityGross: UInt256
        /// Liquidity added when the price crosses the tick left to right (int128).
        public var liquidityNet: Int256
    }

    public let tickSpacing: Int
    /// Sorted compressed indices (tick / tickSpacing) of initialized ticks.
    private var compressedTicks: [Int] = []
    private var infoByTick: [Int: Info] = [:]

    public init(tickSpacing: Int) { self.tickSpacing = tickSpacing }

    /// Initialized ticks in ascending order.
    public var initializedTicks: [Int] { compressedTicks.map { $0 * tickSpacing } }

    public func info(_ tick: Int) -> Info? { infoByTick[tick] }

    /// Adds `liquidityDelta` to a tick as the lower (`upper == false`) or upper end of a
    /// position (`Tick.update`), flipping it on when it gains its first liquidity.
    mutating func update(tick: Int, liquidityDelta: Int256, upper: Bool, maxLiquidity: UInt256) throws(UniswapMathError) {
        let before = infoByTick[tick] ?? Info(liquidityGross: 0, liquidityNet: 0)
        let grossAfter = try LiquidityMath.addDelta(before.liquidityGross, liquidityDelta)
        guard grossAfter <= maxLiquidity else { throw .invalidPosition(reason: "LO") }
        // LowGasSafeMath on int256 (then `toInt128`, which |net| <= gross <= 2^128 - 1 passes).
        let net = upper ? try EVMWord.sub(before.liquidityNet, liquidityDelta) : try EVMWord.add(before.liquidityNet, liquidityDelta)
        let compressed = tick / tickSpacing
        if grossAfter.isZero {
            infoByTick[tick] = nil
            if let index = search(compressed), compressedTicks[index] == compressed { compressedTicks.remove(at: index) }
        } else {
            if before.liquidityGross.isZero {
                let index = search(compressed) ?? compressedTicks.count
                compressedTicks.insert(compressed, at: index)
            }
            infoByTick[tick] = Info(liquidityGross: grossAfter, liquidityNet: net)
        }
    }

    /// Index of the first compressed tick >= `compressed`, nil when none.
    private func search(_ compressed: Int) -> Int? {
        var low = 0, high = compressedTicks.count
        while low < high {
            let mid = (low + high) / 2
            if compressedTicks[mid] < compressed { low = mid + 1 } else { high = mid }
        }
        return low < compressedTicks.count ? low : nil
    }

    /// `nextInitializedTickWithinOneWord`: searching left (`lte`, price falling) from `tick`
    /// inclusive, or right from the tick after it, within one 256-tick word of compressed
    /// ticks; returns the word's edge (not initialized) when the word holds no such tick.
    public func nextInitializedTickWithinOneWord(_ tick: Int, lte: Bool) -> (next: Int, initialized: Bool) {
        var compressed = tick / tickSpacing
        if tick < 0 && tick % tickSpacing != 0 { compressed -= 1 }  // round toward negative infinity
        if lte {
            let wordStart = (compressed >> 8) << 8  // arithmetic shift: floor
            let firstAbove = search(compressed + 1) ?? compressedTicks.count
            if firstAbove > 0, compressedTicks[firstAbove - 1] >= wordStart {
                return (compressedTicks[firstAbove - 1] * tickSpacing, true)
            }
            return (wordStart * tickSpacing, false)
        } else {
            let start = compressed + 1
            let wordEnd = ((start >> 8) << 8) + 255
            if let index = search(start), compressedTicks[index] <= wordEnd {
                return (compressedTicks[index] * tickSpacing, true)
            }
            return (wordEnd * tickSpacing, false)
        }
    }
}

/// `LiquidityMath.addDelta`: uint128 plus int128, reverting below zero (`LS`) or above
/// 2^128-1 (`LA`).
public enum LiquidityMath {
    public static func addDelta(_ x: UInt256, _ y: Int256) throws(UniswapMathError) -> UInt256 {
        if y.isNegative {
            guard y.magnitude <= x else { throw .liquidityDelta(reason: "LS") }
            return x - y.magnitude
        }
        let (sum, overflow) = x.addingReportingOverflow(y.magnitude)
        guard !overflow, sum <= EVMWord.maxUInt128 else { throw .liquidityDelta(reason: "LA") }
        return sum
    }
}
