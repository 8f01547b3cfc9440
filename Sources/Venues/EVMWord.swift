/// Bounds of the Solidity integer types the exact engines emulate, and the checked
/// operations at which the contracts revert.
///
/// Values are fixed-width (`UInt256`, `Int256`, with `UInt512` for `FullMath`'s product), so
/// each point where a contract's checked math (LowGasSafeMath, SafeCast, SafeMath) would
/// revert is an explicit call here that throws `UniswapMathError.overflow`; where the
/// contract (Solidity 0.7) wraps silently, the engines use the wrapping operators (`&+`).
public enum EVMWord {
    /// 2^256 - 1.
    public static let maxUInt256 = UInt256.max
    /// 2^160 - 1.
    public static let maxUInt160 = UInt256(w0: .max, w1: .max, w2: 0xFFFF_FFFF, w3: 0)
    /// 2^128 - 1.
    public static let maxUInt128 = UInt256(w0: .max, w1: .max, w2: 0, w3: 0)
    /// 2^255 - 1 (`type(int256).max`).
    public static let maxInt256 = Int256.max
    /// -2^255 (`type(int256).min`).
    public static let minInt256 = Int256.min
    /// 2^96, the scale of Q64.96 sqrt prices.
    public static let q96 = UInt256(w0: 0, w1: 1 << 32, w2: 0, w3: 0)
    /// 2^128, the scale of Q128.128 fee growth.
    public static let q128 = UInt256(w0: 0, w1: 0, w2: 1, w3: 0)

    /// `SafeCast.toUint160`-style check.
    @inlinable
    static func uint160(_ x: UInt256) throws(UniswapMathError) -> UInt256 {
        guard x <= maxUInt160 else { throw .overflow(type: "uint160") }
        return x
    }

    /// `SafeCast.toInt256` of an unsigned value.
    @inlinable
    static func int256(_ x: UInt256) throws(UniswapMathError) -> Int256 {
        guard let signed = Int256(exactly: x) else { throw .overflow(type: "int256") }
        return signed
    }

    /// LowGasSafeMath `add` on uint256.
    @inlinable
    static func add(_ a: UInt256, _ b: UInt256) throws(UniswapMathError) -> UInt256 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .overflow(type: "uint256") }
        return sum
    }

    /// SafeMath `mul` on uint256.
    @inlinable
    static func mul(_ a: UInt256, _ b: UInt256) throws(UniswapMathError) -> UInt256 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .overflow(type: "uint256") }
        return product
    }

    /// LowGasSafeMath `add` on int256.
    @inlinable
    static func add(_ a: Int256, _ b: Int256) throws(UniswapMathError) -> Int256 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .overflow(type: "int256") }
        return sum
    }

    /// LowGasSafeMath `sub` on int256.
    @inlinable
    static func sub(_ a: Int256, _ b: Int256) throws(UniswapMathError) -> Int256 {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow else { throw .overflow(type: "int256") }
        return difference
    }
}
