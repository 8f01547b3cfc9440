/// Exact Uniswap v2 amounts (`UniswapV2Library` in v2-periphery), in raw token units.
///
/// v2 charges 0.3% of the input: `amountInWithFee = amountIn * 997`, against reserves scaled
/// by 1000. Here the fee is a parameter in pips (millionths); a fee in whole tenths of a
/// percent (v2's 3000 pips) uses v2's own scale of 1000, so v2's fee is computed with the
/// contract's very numbers and overflows (SafeMath `mul`, a revert) exactly where it does;
/// other fees use the scale 10^6. Numerator and denominator scale alike, so the floor
/// divisions give the same amounts either way.
public enum ConstantProductMath {
    /// Uniswap v2's fee: 0.3% = 3000 pips.
    public static let uniswapV2FeePips = 3000

    /// The fee as `keep / scale` of the input kept by the pair and `fee / scale` taken:
    /// 997/1000 and 3/1000 for v2.
    @inlinable
    static func feeFraction(_ feePips: Int) throws(UniswapMathError) -> (keep: UInt256, fee: UInt256, scale: UInt256) {
        guard (0..<1_000_000).contains(feePips) else { throw .invalidPool(reason: "fee must be below 1,000,000 pips") }
        if feePips % 1000 == 0 {
            return (UInt256(1000 - feePips / 1000), UInt256(feePips / 1000), 1000)
        }
        return (UInt256(1_000_000 - feePips), UInt256(feePips), 1_000_000)
    }

    /// Output for an exact input: `floor(amountIn*(1-fee)*reserveOut / (reserveIn + amountIn*(1-fee)))`.
    /// Reverts (throws) on a zero input or a zero reserve, like `getAmountOut`, and on a
    /// uint256 overflow of an intermediate (SafeMath).
    public static func getAmountOut(
        amountIn: UInt256, reserveIn: UInt256, reserveOut: UInt256, feePips: Int = uniswapV2FeePips
    ) throws(UniswapMathError) -> UInt256 {
        guard !amountIn.isZero else { throw .insufficientAmount(reason: "INSUFFICIENT_INPUT_AMOUNT") }
        guard !reserveIn.isZero, !reserveOut.isZero else { throw .insufficientLiquidity }
        let fraction = try feeFraction(feePips)
        let amountInWithFee = try EVMWord.mul(amountIn, fraction.keep)
        let numerator = try EVMWord.mul(amountInWithFee, reserveOut)
        let denominator = try EVMWord.add(try EVMWord.mul(reserveIn, fraction.scale), amountInWithFee)
        return numerator / denominator
    }

    /// Input needed for an exact output: `floor(reserveIn*amountOut / ((reserveOut-amountOut)*(1-fee))) + 1`.
    /// Asking for the whole output reserve or more throws `insufficientLiquidity` (the
    /// contract underflows there).
    public static func getAmountIn(
        amountOut: UInt256, reserveIn: UInt256, reserveOut: UInt256, feePips: Int = uniswapV2FeePips
    ) throws(UniswapMathError) -> UInt256 {
        guard !amountOut.isZero else { throw .insufficientAmount(reason: "INSUFFICIENT_OUTPUT_AMOUNT") }
        guard !reserveIn.isZero, !reserveOut.isZero else { throw .insufficientLiquidity }
        guard amountOut < reserveOut else { throw .insufficientLiquidity }
        let fraction = try feeFraction(feePips)
        let numerator = try EVMWord.mul(try EVMWord.mul(reserveIn, amountOut), fraction.scale)
        let denominator = try EVMWord.mul(reserveOut - amountOut, fraction.keep)
        return try EVMWord.add(numerator / denominator, 1)
    }

    /// Equivalent amount of the other asset at the reserves' ratio, no fee:
    /// `amountA * reserveB / reserveA` (rounded down).
    public static func quote(amountA: UInt256, reserveA: UInt256, reserveB: UInt256) throws(UniswapMathError) -> UInt256 {
        guard !amountA.isZero else { throw .insufficientAmount(reason: "INSUFFICIENT_AMOUNT") }
        guard !reserveA.isZero, !reserveB.isZero else { throw .insufficientLiquidity }
        return try EVMWord.mul(amountA, reserveB) / reserveA
    }

    /// The pair's invariant check after a swap (`UniswapV2Pair.swap`), with the fee on the
    /// input side: `(b0*1000 - in0*3) * (b1*1000 - in1*3) >= r0*r1*1000^2` (for v2's fee).
    /// `balance` is the pair's balance after the transfer out and the transfer in.
    /// Returns false where the pair reverts: with `UniswapV2: K`, or on a SafeMath overflow
    /// or underflow of one of those terms.
    public static func satisfiesInvariant(
        balance0: UInt256, balance1: UInt256, amount0In: UInt256, amount1In: UInt256,
        reserve0: UInt256, reserve1: UInt256, feePips: Int = uniswapV2FeePips
    ) -> Bool {
        do {
            let fraction = try feeFraction(feePips)
            func adjusted(_ balance: UInt256, _ amountIn: UInt256) throws(UniswapMathError) -> UInt256 {
                let (difference, underflow) = try EVMWord.mul(balance, fraction.scale)
                    .subtractingReportingOverflow(try EVMWord.mul(amountIn, fraction.fee))
                guard !underflow else { throw .overflow(type: "uint256") }
                return difference
            }
            let left = try EVMWord.mul(try adjusted(balance0, amount0In), try adjusted(balance1, amount1In))
            let right = try EVMWord.mul(try EVMWord.mul(reserve0, reserve1), try EVMWord.mul(fraction.scale, fraction.scale))
            return left >= right
        } catch {
            return false
        }
    }
}
