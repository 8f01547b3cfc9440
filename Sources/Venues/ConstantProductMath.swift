import BigInt

/// Exact Uniswap v2 amounts (`UniswapV2Library` in v2-periphery), in raw token units.
///
/// v2 charges 0.3% of the input: `amountInWithFee = amountIn * 997`, against reserves scaled
/// by 1000. Here the fee is a parameter in pips (millionths), and the 997/1000 of v2 is
/// `feePips: 3000`: numerator and denominator both scale by 1000, so the floor divisions
/// give bit-identical results for v2's fee and the same formula serves other fees.
public enum ConstantProductMath {
    /// Uniswap v2's fee: 0.3% = 3000 pips.
    public static let uniswapV2FeePips = 3000

    /// Output for an exact input: `floor(amountIn*(1-fee)*reserveOut / (reserveIn + amountIn*(1-fee)))`.
    /// Reverts (throws) on a zero input or a zero reserve, like `getAmountOut`.
    public static func getAmountOut(
        amountIn: BigUInt, reserveIn: BigUInt, reserveOut: BigUInt, feePips: Int = uniswapV2FeePips
    ) throws(UniswapMathError) -> BigUInt {
        guard amountIn > 0 else { throw .insufficientAmount(reason: "INSUFFICIENT_INPUT_AMOUNT") }
        guard reserveIn > 0, reserveOut > 0 else { throw .insufficientLiquidity }
        let amountInWithFee = amountIn * BigUInt(1_000_000 - feePips)
        let numerator = amountInWithFee * reserveOut
        let denominator = reserveIn * 1_000_000 + amountInWithFee
        return numerator / denominator
    }

    /// Input needed for an exact output: `floor(reserveIn*amountOut / ((reserveOut-amountOut)*(1-fee))) + 1`.
    /// Asking for the whole output reserve or more throws `insufficientLiquidity` (the
    /// contract underflows there).
    public static func getAmountIn(
        amountOut: BigUInt, reserveIn: BigUInt, reserveOut: BigUInt, feePips: Int = uniswapV2FeePips
    ) throws(UniswapMathError) -> BigUInt {
        guard amountOut > 0 else { throw .insufficientAmount(reason: "INSUFFICIENT_OUTPUT_AMOUNT") }
        guard reserveIn > 0, reserveOut > 0 else { throw .insufficientLiquidity }
        guard amountOut < reserveOut else { throw .insufficientLiquidity }
        let numerator = reserveIn * amountOut * 1_000_000
        let denominator = (reserveOut - amountOut) * BigUInt(1_000_000 - feePips)
        return numerator / denominator + 1
    }

    /// Equivalent amount of the other asset at the reserves' ratio, no fee:
    /// `amountA * reserveB / reserveA` (rounded down).
    public static func quote(amountA: BigUInt, reserveA: BigUInt, reserveB: BigUInt) throws(UniswapMathError) -> BigUInt {
        guard amountA > 0 else { throw .insufficientAmount(reason: "INSUFFICIENT_AMOUNT") }
        guard reserveA > 0, reserveB > 0 else { throw .insufficientLiquidity }
        return amountA * reserveB / reserveA
    }

    /// The pair's invariant check after a swap (`UniswapV2Pair.swap`), with the fee on the
    /// input side: `(b0*1000 - in0*3) * (b1*1000 - in1*3) >= r0*r1*1000^2`, here in pips.
    /// `balance` is the pair's balance after the transfer out and the transfer in.
    /// Returns false where the pair reverts with `UniswapV2: K`.
    public static func satisfiesInvariant(
        balance0: BigUInt, balance1: BigUInt, amount0In: BigUInt, amount1In: BigUInt,
        reserve0: BigUInt, reserve1: BigUInt, feePips: Int = uniswapV2FeePips
    ) -> Bool {
        let scale = BigUInt(1_000_000)
        let fee = BigUInt(feePips)
        let adjusted0 = balance0 * scale - amount0In * fee
        let adjusted1 = balance1 * scale - amount1In * fee
        return adjusted0 * adjusted1 >= reserve0 * reserve1 * scale * scale
    }
}
