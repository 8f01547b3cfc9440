/// `FullMath` from Uniswap v3: `a*b/denominator` with a 512-bit intermediate, reverting when
/// the denominator is zero or the result does not fit 256 bits. `a` and `b` are uint256.
public enum FullMath {
    /// floor(a*b/denominator).
    @inlinable
    public static func mulDiv(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(UniswapMathError) -> UInt256 {
        try quotientAndRemainder(a, b, denominator).quotient
    }

    /// ceil(a*b/denominator).
    @inlinable
    public static func mulDivRoundingUp(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(UniswapMathError) -> UInt256 {
        let (quotient, remainder) = try quotientAndRemainder(a, b, denominator)
        guard !remainder.isZero else { return quotient }
        guard quotient < EVMWord.maxUInt256 else { throw .overflow(type: "uint256") }
        return quotient &+ 1
    }

    /// The exact 512-bit product divided by `denominator`: the contract's
    /// `require(denominator > 0)` and `require(denominator > prod1)`.
    @inlinable
    static func quotientAndRemainder(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(UniswapMathError) -> (quotient: UInt256, remainder: UInt256) {
        guard !denominator.isZero else { throw .divisionByZero }
        guard let result = a.multipliedFullWidth(by: b).dividedReportingOverflow(by: denominator) else {
            throw .overflow(type: "uint256")
        }
        return result
    }

    /// `UnsafeMath.divRoundingUp`: ceil(x/y). Callers guarantee y > 0 (the assembly would
    /// return 0 for y == 0; no caller in the port reaches that).
    @inlinable
    public static func divRoundingUp(_ x: UInt256, _ y: UInt256) -> UInt256 {
        let (quotient, remainder) = x.quotientAndRemainder(dividingBy: y)
        return remainder.isZero ? quotient : quotient &+ 1
    }
}
