import BigInt

/// Bounds of the Solidity integer types the exact engines emulate.
///
/// Why `BigUInt` rather than a hand-rolled fixed-width `UInt256`: the contracts need 512-bit
/// intermediates (`FullMath.mulDiv`), signed 256-bit amounts and 160/128-bit casts, and every
/// one of those must revert exactly where Solidity does. Arbitrary precision makes each
/// intermediate exact by construction; the Solidity bound of each value is then checked
/// explicitly at the point where the contract checks (or wraps) it, which keeps the port a
/// line-by-line reading of the contract and lets the vectors that must revert (e.g.
/// `getNextSqrtPriceFromInput` near 2^255) pass for the same reason. The price is a heap
/// allocation per operation (microseconds per swap step, see BENCHMARKS.md `## Venues`);
/// the interpreter swaps only when it hedges, so exactness is worth more than speed here.
public enum EVMWord {
    /// 2^256 - 1.
    public static let maxUInt256: BigUInt = (BigUInt(1) << 256) - 1
    /// 2^160 - 1.
    public static let maxUInt160: BigUInt = (BigUInt(1) << 160) - 1
    /// 2^128 - 1.
    public static let maxUInt128: BigUInt = (BigUInt(1) << 128) - 1
    /// 2^255 - 1 (`type(int256).max`).
    public static let maxInt256: BigInt = (BigInt(1) << 255) - 1
    /// -2^255 (`type(int256).min`).
    public static let minInt256: BigInt = -(BigInt(1) << 255)
    /// 2^96, the scale of Q64.96 sqrt prices.
    public static let q96: BigUInt = BigUInt(1) << 96
    /// 2^128, the scale of Q128.128 fee growth.
    public static let q128: BigUInt = BigUInt(1) << 128
    /// 2^256, the modulus of wrapping (`unchecked`) uint256 arithmetic.
    public static let modulus256: BigUInt = BigUInt(1) << 256

    /// `SafeCast.toUint160`-style check.
    @inlinable
    static func uint160(_ x: BigUInt) throws(UniswapMathError) -> BigUInt {
        guard x <= maxUInt160 else { throw .overflow(type: "uint160") }
        return x
    }

    /// Checked uint256 result (LowGasSafeMath `add`, `mul`).
    @inlinable
    static func uint256(_ x: BigUInt) throws(UniswapMathError) -> BigUInt {
        guard x <= maxUInt256 else { throw .overflow(type: "uint256") }
        return x
    }

    /// `SafeCast.toInt256` of an unsigned value.
    @inlinable
    static func int256(_ x: BigUInt) throws(UniswapMathError) -> BigInt {
        let signed = BigInt(x)
        guard signed <= maxInt256 else { throw .overflow(type: "int256") }
        return signed
    }

    /// Checked signed addition/subtraction result (LowGasSafeMath on int256).
    @inlinable
    static func checkedInt256(_ x: BigInt) throws(UniswapMathError) -> BigInt {
        guard x >= minInt256, x <= maxInt256 else { throw .overflow(type: "int256") }
        return x
    }
}
