import BigInt

/// `FullMath` from Uniswap v3: `a*b/denominator` with a 512-bit intermediate, reverting when
/// the denominator is zero or the result does not fit 256 bits. `a` and `b` are uint256.
public enum FullMath {
    /// floor(a*b/denominator).
    @inlinable
    public static func mulDiv(_ a: BigUInt, _ b: BigUInt, _ denominator: BigUInt) throws(UniswapMathError) -> BigUInt {
        guard !denominator.isZero else { throw .divisionByZero }
        return try EVMWord.uint256((a * b) / denominator)
    }

    /// ceil(a*b/denominator).
    @inlinable
    public static func mulDivRoundingUp(_ a: BigUInt, _ b: BigUInt, _ denominator: BigUInt) throws(UniswapMathError) -> BigUInt {
        guard !denominator.isZero else { throw .divisionByZero }
        let (quotient, remainder) = (a * b).quotientAndRemainder(dividingBy: denominator)
        let result = try EVMWord.uint256(quotient)
        guard !remainder.isZero else { return result }
        guard result < EVMWord.maxUInt256 else { throw .overflow(type: "uint256") }
        return result + 1
    }

    /// `UnsafeMath.divRoundingUp`: ceil(x/y). Callers guarantee y > 0 (the assembly would
    /// return 0 for y == 0; no caller in the port reaches that).
    @inlinable
    public static func divRoundingUp(_ x: BigUInt, _ y: BigUInt) -> BigUInt {
        let (quotient, remainder) = x.quotientAndRemainder(dividingBy: y)
        return remainder.isZero ? quotient : quotient + 1
    }
}
