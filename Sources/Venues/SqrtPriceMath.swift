/// `SqrtPriceMath` from Uniswap v3: how far a given amount moves the sqrt price at a given
/// liquidity, and how much of each token lies between two sqrt prices.
///
/// Units: sqrt prices in Q64.96, liquidity L = sqrt(x*y) in raw units (uint128), amounts in
/// raw token units. Rounding always favours the pool: inputs round up, outputs round down.
public enum SqrtPriceMath {
    /// Next sqrt price after `amount` of token0 is added to (`add`) or removed from the pool:
    /// L*sqrtP / (L ± amount*sqrtP), rounded up. Mirrors the contract's overflow fallbacks.
    static func nextSqrtPriceFromAmount0RoundingUp(
        _ sqrtPX96: UInt256, _ liquidity: UInt256, _ amount: UInt256, add: Bool
    ) throws(UniswapMathError) -> UInt256 {
        if amount.isZero { return sqrtPX96 }
        let numerator1 = liquidity << 96  // liquidity is uint128: no bits lost
        let (product, productOverflow) = amount.multipliedReportingOverflow(by: sqrtPX96)
        if add {
            if !productOverflow {
                let (denominator, denominatorOverflow) = numerator1.addingReportingOverflow(product)
                if !denominatorOverflow {
                    // always fits in 160 bits
                    return try FullMath.mulDivRoundingUp(numerator1, sqrtPX96, denominator)
                }
            }
            // 1 / (1/sqrtP + amount/L): the contract's `.add` reverts on overflow.
            let denominator = try EVMWord.add(numerator1 / sqrtPX96, amount)
            return FullMath.divRoundingUp(numerator1, denominator)
        } else {
            guard !productOverflow, numerator1 > product else {
                throw .sqrtPriceMath(reason: "token0 output exceeds what the liquidity holds")
            }
            let denominator = numerator1 - product
            return try EVMWord.uint160(try FullMath.mulDivRoundingUp(numerator1, sqrtPX96, denominator))
        }
    }

    /// Next sqrt price after `amount` of token1 is added or removed: sqrtP ± amount/L,
    /// rounded down.
    static func nextSqrtPriceFromAmount1RoundingDown(
        _ sqrtPX96: UInt256, _ liquidity: UInt256, _ amount: UInt256, add: Bool
    ) throws(UniswapMathError) -> UInt256 {
        if add {
            let quotient = amount <= EVMWord.maxUInt160
                ? (amount << 96) / liquidity
                : try FullMath.mulDiv(amount, EVMWord.q96, liquidity)
            return try EVMWord.uint160(try EVMWord.add(sqrtPX96, quotient))
        } else {
            let quotient = amount <= EVMWord.maxUInt160
                ? FullMath.divRoundingUp(amount << 96, liquidity)
                : try FullMath.mulDivRoundingUp(amount, EVMWord.q96, liquidity)
            guard sqrtPX96 > quotient else {
                throw .sqrtPriceMath(reason: "token1 output exceeds what the liquidity holds")
            }
            return sqrtPX96 - quotient
        }
    }

    /// Sqrt price after an exact input: token0 in when `zeroForOne` (price falls), token1 in
    /// otherwise (price rises). The result never overshoots the true price.
    public static func getNextSqrtPriceFromInput(
        sqrtPX96: UInt256, liquidity: UInt256, amountIn: UInt256, zeroForOne: Bool
    ) throws(UniswapMathError) -> UInt256 {
        guard !sqrtPX96.isZero else { throw .sqrtPriceMath(reason: "zero price") }
        guard !liquidity.isZero else { throw .sqrtPriceMath(reason: "zero liquidity") }
        try checkUInt128(liquidity)
        return zeroForOne
            ? try nextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountIn, add: true)
            : try nextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountIn, add: true)
    }

    /// Sqrt price after an exact output: token1 out when `zeroForOne`, token0 out otherwise.
    /// Throws when the liquidity cannot give that much.
    public static func getNextSqrtPriceFromOutput(
        sqrtPX96: UInt256, liquidity: UInt256, amountOut: UInt256, zeroForOne: Bool
    ) throws(UniswapMathError) -> UInt256 {
        guard !sqrtPX96.isZero else { throw .sqrtPriceMath(reason: "zero price") }
        guard !liquidity.isZero else { throw .sqrtPriceMath(reason: "zero liquidity") }
        try checkUInt128(liquidity)
        return zeroForOne
            ? try nextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountOut, add: false)
            : try nextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountOut, add: false)
    }

    /// Token0 between two sqrt prices: L*(sqrtB - sqrtA)/(sqrtA*sqrtB), rounded up or down.
    public static func getAmount0Delta(
        _ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidity: UInt256, roundUp: Bool
    ) throws(UniswapMathError) -> UInt256 {
        let (a, b) = sqrtRatioAX96 > sqrtRatioBX96 ? (sqrtRatioBX96, sqrtRatioAX96) : (sqrtRatioAX96, sqrtRatioBX96)
        try checkUInt128(liquidity)
        let numerator1 = liquidity << 96
        let numerator2 = b - a
        guard !a.isZero else { throw .sqrtPriceMath(reason: "zero price") }
        return roundUp
            ? FullMath.divRoundingUp(try FullMath.mulDivRoundingUp(numerator1, numerator2, b), a)
            : try FullMath.mulDiv(numerator1, numerator2, b) / a
    }

    /// Token1 between two sqrt prices: L*(sqrtB - sqrtA), rounded up or down.
    public static func getAmount1Delta(
        _ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidity: UInt256, roundUp: Bool
    ) throws(UniswapMathError) -> UInt256 {
        let (a, b) = sqrtRatioAX96 > sqrtRatioBX96 ? (sqrtRatioBX96, sqrtRatioAX96) : (sqrtRatioAX96, sqrtRatioBX96)
        return roundUp
            ? try FullMath.mulDivRoundingUp(liquidity, b - a, EVMWord.q96)
            : try FullMath.mulDiv(liquidity, b - a, EVMWord.q96)
    }

    /// The contracts take liquidity as `uint128`; a wider value cannot reach them.
    @inline(__always)
    static func checkUInt128(_ liquidity: UInt256) throws(UniswapMathError) {
        guard liquidity <= EVMWord.maxUInt128 else { throw .overflow(type: "uint128") }
    }

    /// Signed token0 delta for a signed liquidity change (int128): positive liquidity rounds
    /// up (what a minter pays), negative rounds down (what a burner receives).
    public static func getAmount0Delta(
        _ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidityDelta: Int256
    ) throws(UniswapMathError) -> Int256 {
        liquidityDelta.isNegative
            ? -(try EVMWord.int256(try getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity: liquidityDelta.magnitude, roundUp: false)))
            : try EVMWord.int256(try getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity: liquidityDelta.magnitude, roundUp: true))
    }

    /// Signed token1 delta for a signed liquidity change.
    public static func getAmount1Delta(
        _ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidityDelta: Int256
    ) throws(UniswapMathError) -> Int256 {
        liquidityDelta.isNegative
            ? -(try EVMWord.int256(try getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity: liquidityDelta.magnitude, roundUp: false)))
            : try EVMWord.int256(try getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity: liquidityDelta.magnitude, roundUp: true))
    }
}
