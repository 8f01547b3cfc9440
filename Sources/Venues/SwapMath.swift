/// `SwapMath.computeSwapStep` from Uniswap v3: one step of a swap inside a single liquidity
/// range, from the current sqrt price toward a target (the next initialized tick or the
/// price limit), spending or receiving at most `amountRemaining`.
public enum SwapMath {
    /// Fees are in pips: hundredths of a basis point (3000 = 0.3%).
    public static let pipsDenominator: UInt256 = 1_000_000

    /// The outcome of one step, in raw token units.
    public struct Step: Equatable, Sendable {
        /// Sqrt price (Q64.96) after the step: the target if it was reached.
        public var sqrtRatioNextX96: UInt256
        /// Input token taken by the pool, fee excluded (rounded up).
        public var amountIn: UInt256
        /// Output token paid by the pool (rounded down).
        public var amountOut: UInt256
        /// Fee taken, in the input token.
        public var feeAmount: UInt256
    }

    /// Direction follows the prices: `current >= target` swaps token0 for token1. A positive
    /// `amountRemaining` is an exact input (fee included), a negative one an exact output.
    public static func computeSwapStep(
        sqrtRatioCurrentX96 current: UInt256, sqrtRatioTargetX96 target: UInt256,
        liquidity: UInt256, amountRemaining: Int256, feePips: Int
    ) throws(UniswapMathError) -> Step {
        let zeroForOne = current >= target
        let exactIn = !amountRemaining.isNegative
        // uint24 in the contract; above 10^6 pips its `1e6 - feePips` would underflow.
        guard (0...1_000_000).contains(feePips) else { throw .invalidPool(reason: "fee must be in 0...1,000,000 pips") }
        let fee = UInt256(feePips)
        let remaining = amountRemaining.magnitude
        var next: UInt256
        var amountIn = UInt256.zero, amountOut = UInt256.zero

        if exactIn {
            let remainingLessFee = try FullMath.mulDiv(remaining, pipsDenominator - fee, pipsDenominator)
            amountIn = zeroForOne
                ? try SqrtPriceMath.getAmount0Delta(target, current, liquidity: liquidity, roundUp: true)
                : try SqrtPriceMath.getAmount1Delta(current, target, liquidity: liquidity, roundUp: true)
            next = remainingLessFee >= amountIn
                ? target
                : try SqrtPriceMath.getNextSqrtPriceFromInput(sqrtPX96: current, liquidity: liquidity, amountIn: remainingLessFee, zeroForOne: zeroForOne)
        } else {
            amountOut = zeroForOne
                ? try SqrtPriceMath.getAmount1Delta(target, current, liquidity: liquidity, roundUp: false)
                : try SqrtPriceMath.getAmount0Delta(current, target, liquidity: liquidity, roundUp: false)
            next = remaining >= amountOut
                ? target
                : try SqrtPriceMath.getNextSqrtPriceFromOutput(sqrtPX96: current, liquidity: liquidity, amountOut: remaining, zeroForOne: zeroForOne)
        }

        let reachedTarget = target == next
        if zeroForOne {
            if !(reachedTarget && exactIn) {
                amountIn = try SqrtPriceMath.getAmount0Delta(next, current, liquidity: liquidity, roundUp: true)
            }
            if !(reachedTarget && !exactIn) {
                amountOut = try SqrtPriceMath.getAmount1Delta(next, current, liquidity: liquidity, roundUp: false)
            }
        } else {
            if !(reachedTarget && exactIn) {
                amountIn = try SqrtPriceMath.getAmount1Delta(current, next, liquidity: liquidity, roundUp: true)
            }
            if !(reachedTarget && !exactIn) {
                amountOut = try SqrtPriceMath.getAmount0Delta(current, next, liquidity: liquidity, roundUp: false)
            }
        }
        // Never pay out more than was asked for.
        if !exactIn && amountOut > remaining { amountOut = remaining }

        let feeAmount: UInt256
        if exactIn && next != target {
            // The target was not reached: whatever is left of the input is the fee.
            feeAmount = remaining - amountIn
        } else {
            feeAmount = try FullMath.mulDivRoundingUp(amountIn, fee, pipsDenominator - fee)
        }
        return Step(sqrtRatioNextX96: next, amountIn: amountIn, amountOut: amountOut, feeAmount: feeAmount)
    }
}
