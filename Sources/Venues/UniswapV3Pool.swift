/// An exact Uniswap v3 pool: the state `UniswapV3Pool.sol` keeps for swaps (sqrt price,
/// tick, in-range liquidity, fee growth, initialized ticks) and its `mint` and `swap`, in
/// raw token units. Price = token1 per token0. No protocol fee, no oracle, no callbacks: the
/// swapper is assumed to pay what the swap asks.
public struct UniswapV3Pool: Sendable, Equatable {
    /// Fee in pips (3000 = 0.3%).
    public let feePips: Int
    public let tickSpacing: Int
    /// Most liquidity any one tick may reference (`Tick.tickSpacingToMaxLiquidityPerTick`).
    public let maxLiquidityPerTick: UInt256
    public private(set) var sqrtPriceX96: UInt256
    public private(set) var tick: Int
    /// Liquidity in range at the current price (uint128).
    public private(set) var liquidity: UInt256 = 0
    /// Fees earned per unit of liquidity over the pool's life, Q128.128, wrapping mod 2^256.
    public private(set) var feeGrowthGlobal0X128: UInt256 = 0
    public private(set) var feeGrowthGlobal1X128: UInt256 = 0
    /// Token balances the pool holds (what minters paid in, plus swap flows).
    public private(set) var balance0: UInt256 = 0
    public private(set) var balance1: UInt256 = 0
    public private(set) var ticks: TickTable

    /// The outcome of a swap: balance changes of the pool (positive = paid in by the swapper).
    public struct SwapResult: Sendable, Equatable {
        public var amount0: Int256
        public var amount1: Int256
        /// Fees taken, in the input token (sum over steps).
        public var feeAmount: UInt256
        /// Initialized ticks crossed.
        public var ticksCrossed: Int
        /// Loop iterations (a step ends at a tick, a bitmap word's edge, or the limit).
        public var steps: Int
    }

    /// `initialize`: a pool at `sqrtPriceX96` with no liquidity.
    public init(feePips: Int, tickSpacing: Int, sqrtPriceX96: UInt256) throws(UniswapMathError) {
        guard (0..<1_000_000).contains(feePips) else { throw .invalidPool(reason: "fee must be below 1,000,000 pips") }
        guard tickSpacing > 0, tickSpacing < 16_384 else { throw .invalidPool(reason: "tick spacing must be in 1...16383") }
        self.feePips = feePips
        self.tickSpacing = tickSpacing
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = try TickMath.getTickAtSqrtRatio(sqrtPriceX96)
        self.ticks = TickTable(tickSpacing: tickSpacing)
        let minTick = (TickMath.minTick / tickSpacing) * tickSpacing
        let maxTick = (TickMath.maxTick / tickSpacing) * tickSpacing
        let numTicks = (maxTick - minTick) / tickSpacing + 1
        self.maxLiquidityPerTick = EVMWord.maxUInt128 / UInt256(numTicks)
    }

    /// `mint`: adds `liquidity` on [tickLower, tickUpper) and returns what the minter pays
    /// (rounded up), which the pool's balances gain.
    @discardableResult
    public mutating func mint(tickLower: Int, tickUpper: Int, liquidity amount: UInt256) throws(UniswapMathError) -> (amount0: UInt256, amount1: UInt256) {
        guard tickLower < tickUpper else { throw .invalidPosition(reason: "TLU") }
        guard tickLower >= TickMath.minTick else { throw .invalidPosition(reason: "TLM") }
        guard tickUpper <= TickMath.maxTick else { throw .invalidPosition(reason: "TUM") }
        guard tickLower % tickSpacing == 0, tickUpper % tickSpacing == 0 else { throw .invalidPosition(reason: "tick not on the tick spacing") }
        guard amount > 0 else { throw .invalidPosition(reason: "zero liquidity") }
        guard amount <= EVMWord.maxUInt128 else { throw .overflow(type: "uint128") }
        let delta = Int256(bitPattern: amount)  // <= 2^128 - 1: positive
        var updated = ticks
        try updated.update(tick: tickLower, liquidityDelta: delta, upper: false, maxLiquidity: maxLiquidityPerTick)
        try updated.update(tick: tickUpper, liquidityDelta: delta, upper: true, maxLiquidity: maxLiquidityPerTick)
        let sqrtLower = try TickMath.getSqrtRatioAtTick(tickLower), sqrtUpper = try TickMath.getSqrtRatioAtTick(tickUpper)
        var amount0 = Int256.zero, amount1 = Int256.zero
        var newLiquidity = liquidity
        if tick < tickLower {
            amount0 = try SqrtPriceMath.getAmount0Delta(sqrtLower, sqrtUpper, liquidityDelta: delta)
        } else if tick < tickUpper {
            amount0 = try SqrtPriceMath.getAmount0Delta(sqrtPriceX96, sqrtUpper, liquidityDelta: delta)
            amount1 = try SqrtPriceMath.getAmount1Delta(sqrtLower, sqrtPriceX96, liquidityDelta: delta)
            newLiquidity = try LiquidityMath.addDelta(liquidity, delta)
        } else {
            amount1 = try SqrtPriceMath.getAmount1Delta(sqrtLower, sqrtUpper, liquidityDelta: delta)
        }
        let newBalance0 = try EVMWord.add(balance0, amount0.magnitude)
        let newBalance1 = try EVMWord.add(balance1, amount1.magnitude)
        ticks = updated
        liquidity = newLiquidity
        balance0 = newBalance0
        balance1 = newBalance1
        return (amount0.magnitude, amount1.magnitude)
    }

    /// `swap`: token0 for token1 when `zeroForOne` (price falls), token1 for token0 otherwise.
    /// `amountSpecified` > 0 is an exact input (fee included), < 0 an exact output. The swap
    /// stops at `sqrtPriceLimitX96` even if the amount is not used up, as the contract does;
    /// use `TickMath.minSqrtRatio + 1` / `maxSqrtRatio - 1` for no limit. Throws (and leaves the
    /// pool unchanged) where the contract reverts.
    @discardableResult
    public mutating func swap(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96 limit: UInt256) throws(UniswapMathError) -> SwapResult {
        guard !amountSpecified.isZero else { throw .zeroAmountSpecified }
        let limitValid = zeroForOne
            ? limit < sqrtPriceX96 && limit > TickMath.minSqrtRatio
            : limit > sqrtPriceX96 && limit < TickMath.maxSqrtRatio
        guard limitValid else { throw .sqrtPriceLimit }

        let exactInput = !amountSpecified.isNegative
        var remaining = amountSpecified
        var calculated = Int256.zero
        var price = sqrtPriceX96
        var currentTick = tick
        var currentLiquidity = liquidity
        var feeGrowth = zeroForOne ? feeGrowthGlobal0X128 : feeGrowthGlobal1X128
        var feeTotal = UInt256.zero
        var crossed = 0, steps = 0

        while !remaining.isZero && price != limit {
            steps += 1
            let start = price
            var (tickNext, initialized) = ticks.nextInitializedTickWithinOneWord(currentTick, lte: zeroForOne)
            tickNext = min(max(tickNext, TickMath.minTick), TickMath.maxTick)
            let sqrtPriceNext = try TickMath.getSqrtRatioAtTick(tickNext)
            let target = (zeroForOne ? sqrtPriceNext < limit : sqrtPriceNext > limit) ? limit : sqrtPriceNext
            let step = try SwapMath.computeSwapStep(
                sqrtRatioCurrentX96: price, sqrtRatioTargetX96: target, liquidity: currentLiquidity,
                amountRemaining: remaining, feePips: feePips)
            price = step.sqrtRatioNextX96
            // `amountIn + feeAmount` is unchecked in the contract (0.7), then `toInt256`;
            // `remaining` is unchecked too (it only moves toward zero); `calculated` is LowGasSafeMath.
            if exactInput {
                remaining = remaining &- (try EVMWord.int256(step.amountIn &+ step.feeAmount))
                calculated = try EVMWord.sub(calculated, try EVMWord.int256(step.amountOut))
            } else {
                remaining = remaining &+ (try EVMWord.int256(step.amountOut))
                calculated = try EVMWord.add(calculated, try EVMWord.int256(step.amountIn &+ step.feeAmount))
            }
            feeTotal = try EVMWord.add(feeTotal, step.feeAmount)  // bounded by `calculated` or the input
            if !currentLiquidity.isZero {
                // Fee growth wraps modulo 2^256 (unchecked `+=` in the contract).
                feeGrowth = feeGrowth &+ (try FullMath.mulDiv(step.feeAmount, EVMWord.q128, currentLiquidity))
            }
            if price == sqrtPriceNext {
                if initialized, let info = ticks.info(tickNext) {
                    crossed += 1
                    currentLiquidity = try LiquidityMath.addDelta(currentLiquidity, zeroForOne ? -info.liquidityNet : info.liquidityNet)
                }
                currentTick = zeroForOne ? tickNext - 1 : tickNext
            } else if price != start {
                currentTick = try TickMath.getTickAtSqrtRatio(price)
            }
        }

        let specifiedUsed = amountSpecified &- remaining  // unchecked in the contract; never wraps
        let (amount0, amount1) = zeroForOne == exactInput ? (specifiedUsed, calculated) : (calculated, specifiedUsed)
        // The swapper pays the positive side; the pool must hold the negative side.
        let newBalance0 = try Self.balance(balance0, plus: amount0), newBalance1 = try Self.balance(balance1, plus: amount1)

        sqrtPriceX96 = price
        tick = currentTick
        liquidity = currentLiquidity
        if zeroForOne { feeGrowthGlobal0X128 = feeGrowth } else { feeGrowthGlobal1X128 = feeGrowth }
        balance0 = newBalance0
        balance1 = newBalance1
        return SwapResult(amount0: amount0, amount1: amount1, feeAmount: feeTotal, ticksCrossed: crossed, steps: steps)
    }

    /// A token balance after a signed change; the pool cannot pay out more than it holds.
    static func balance(_ balance: UInt256, plus delta: Int256) throws(UniswapMathError) -> UInt256 {
        guard delta.isNegative else { return try EVMWord.add(balance, delta.magnitude) }
        guard delta.magnitude <= balance else { throw .liquidityDelta(reason: "pool balance would go negative") }
        return balance - delta.magnitude
    }

    /// The same swap on a copy: what `swap` would do, with this pool unchanged.
    public func quoteSwap(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(UniswapMathError) -> (result: SwapResult, poolAfter: UniswapV3Pool) {
        var copy = self
        let result = try copy.swap(zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
        return (result, copy)
    }
}
