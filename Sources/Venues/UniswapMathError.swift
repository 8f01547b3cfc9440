/// Why an exact Uniswap computation fails: each case is a `require` (or a checked-math
/// overflow) in the contracts, so a failing vector fails here for the same reason.
///
/// The contracts' revert strings are kept in `reason` where they have one, so a test (or a
/// user) can match them against Uniswap's own error messages.
public enum UniswapMathError: Error, Equatable, Sendable {
    /// v2 `UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT` / `INSUFFICIENT_OUTPUT_AMOUNT` /
    /// `INSUFFICIENT_AMOUNT` (an amount of zero).
    case insufficientAmount(reason: String)
    /// v2 `UniswapV2Library: INSUFFICIENT_LIQUIDITY` (a zero reserve, or asking for the
    /// whole output reserve or more).
    case insufficientLiquidity
    /// A value left the range of its Solidity type (`uint256`, `uint160`, `uint128`,
    /// `int256`, `int128`): the contracts revert on checked math or `SafeCast`.
    case overflow(type: String)
    /// Division by zero where the contract `require`s a non-zero denominator.
    case divisionByZero
    /// `TickMath`: tick outside [MIN_TICK, MAX_TICK] (`T`).
    case tickOutOfRange(Int)
    /// `TickMath`: sqrt price outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO) (`R`).
    case sqrtPriceOutOfRange
    /// `SqrtPriceMath`: a zero price or zero liquidity, or an output larger than the
    /// liquidity can give (`require(sqrtPX96 > quotient)`, `numerator1 > product`).
    case sqrtPriceMath(reason: String)
    /// `UniswapV3Pool.swap`: amount specified is zero (`AS`).
    case zeroAmountSpecified
    /// `UniswapV3Pool.swap`: the price limit is on the wrong side of the current price or
    /// outside the valid range (`SPL`).
    case sqrtPriceLimit
    /// `LiquidityMath.addDelta`: liquidity would go below zero (`LS`) or above 2^128-1 (`LA`).
    case liquidityDelta(reason: String)
    /// Position bounds: `TLU` (lower >= upper), `TLM` (lower < MIN_TICK), `TUM` (upper >
    /// MAX_TICK), a tick not on the tick spacing, zero liquidity, or more than
    /// `maxLiquidityPerTick` on one tick (`LO`).
    case invalidPosition(reason: String)
    /// The pool has already been initialised, or a tick spacing / fee is out of range.
    case invalidPool(reason: String)
}
