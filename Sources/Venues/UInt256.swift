/// Solidity's `uint256`: an unsigned 256-bit integer held in four 64-bit limbs, a plain value
/// on the stack, so the exact engines allocate nothing per operation.
///
/// Why fixed width rather than arbitrary precision: every value in the Uniswap contracts is a
/// machine word, and the contracts revert exactly where a word overflows. A fixed-width type
/// makes each of those points explicit (`addingReportingOverflow`, `EVMWord.add`, ...) at
/// the same place the contract checks it, and the one wider intermediate the contracts use,
/// `FullMath`'s 512-bit product, is `UInt512`.
///
/// Operators follow Swift's integers: `+`, `-`, `*` trap on overflow (for values that are in
/// range by construction), `&+`, `&-` wrap modulo 2^256 (Solidity 0.7's unchecked arithmetic),
/// `/` and `%` trap on a zero divisor. Where the contract reverts, the engines use the
/// `ReportingOverflow` forms and throw `UniswapMathError.overflow`.
public struct UInt256: Sendable, Hashable {
    /// Limbs, least significant first: the value is w0 + w1·2^64 + w2·2^128 + w3·2^192.
    public var w0, w1, w2, w3: UInt64

    @inlinable
    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    @inlinable
    public init(_ value: UInt64) { self.init(w0: value, w1: 0, w2: 0, w3: 0) }

    /// A non-negative `Int`; traps on a negative one, like `UInt64(_:)`.
    @inlinable
    public init(_ value: Int) { self.init(UInt64(value)) }

    public static let zero = UInt256(w0: 0, w1: 0, w2: 0, w3: 0)
    /// 2^256 - 1.
    public static let max = UInt256(w0: .max, w1: .max, w2: .max, w3: .max)

    @inlinable
    public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// Limb `index` (0 = least significant).
    @inlinable
    public subscript(limb index: Int) -> UInt64 {
        get {
            switch index {
            case 0: return w0
            case 1: return w1
            case 2: return w2
            default: return w3
            }
        }
        set {
            switch index {
            case 0: w0 = newValue
            case 1: w1 = newValue
            case 2: w2 = newValue
            default: w3 = newValue
            }
        }
    }

    /// Number of leading zero bits (256 for zero).
    @inlinable
    public var leadingZeroBitCount: Int {
        if w3 != 0 { return w3.leadingZeroBitCount }
        if w2 != 0 { return 64 + w2.leadingZeroBitCount }
        if w1 != 0 { return 128 + w1.leadingZeroBitCount }
        return 192 + w0.leadingZeroBitCount
    }

    /// Number of one bits.
    @inlinable
    public var nonzeroBitCount: Int { w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount }

    /// Number of trailing zero bits (256 for zero).
    @inlinable
    public var trailingZeroBitCount: Int {
        if w0 != 0 { return w0.trailingZeroBitCount }
        if w1 != 0 { return 64 + w1.trailingZeroBitCount }
        if w2 != 0 { return 128 + w2.trailingZeroBitCount }
        return 192 + w3.trailingZeroBitCount
    }

    /// Bits needed to write the value (0 for zero): floor(log2(x)) + 1.
    @inlinable
    public var significantBitCount: Int { 256 - leadingZeroBitCount }

    /// Number of limbs up to the most significant non-zero one (0 for zero).
    @inlinable
    var significantLimbCount: Int {
        if w3 != 0 { return 4 }
        if w2 != 0 { return 3 }
        if w1 != 0 { return 2 }
        return w0 != 0 ? 1 : 0
    }
}

// MARK: - Comparison

extension UInt256: Comparable {
    @inlinable
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 }
        if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
        if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
        return lhs.w0 < rhs.w0
    }
}

extension UInt256: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: UInt64) { self.init(value) }
}

// MARK: - Addition and subtraction

extension UInt256 {
    /// Sum modulo 2^256 and whether it wrapped (a carry out of the top limb).
    @inlinable
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (s0, c0) = w0.addingReportingOverflow(other.w0)
        let (t1, c1a) = w1.addingReportingOverflow(other.w1)
        let (s1, c1b) = t1.addingReportingOverflow(c0 ? 1 : 0)
        let (t2, c2a) = w2.addingReportingOverflow(other.w2)
        let (s2, c2b) = t2.addingReportingOverflow((c1a || c1b) ? 1 : 0)
        let (t3, c3a) = w3.addingReportingOverflow(other.w3)
        let (s3, c3b) = t3.addingReportingOverflow((c2a || c2b) ? 1 : 0)
        return (UInt256(w0: s0, w1: s1, w2: s2, w3: s3), c3a || c3b)
    }

    /// Difference modulo 2^256 and whether it wrapped (a borrow out of the top limb).
    @inlinable
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (d0, b0) = w0.subtractingReportingOverflow(other.w0)
        let (t1, b1a) = w1.subtractingReportingOverflow(other.w1)
        let (d1, b1b) = t1.subtractingReportingOverflow(b0 ? 1 : 0)
        let (t2, b2a) = w2.subtractingReportingOverflow(other.w2)
        let (d2, b2b) = t2.subtractingReportingOverflow((b1a || b1b) ? 1 : 0)
        let (t3, b3a) = w3.subtractingReportingOverflow(other.w3)
        let (d3, b3b) = t3.subtractingReportingOverflow((b2a || b2b) ? 1 : 0)
        return (UInt256(w0: d0, w1: d1, w2: d2, w3: d3), b3a || b3b)
    }

    @inlinable
    public static func + (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        precondition(!overflow, "UInt256 addition overflow")
        return sum
    }

    @inlinable
    public static func - (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (difference, overflow) = lhs.subtractingReportingOverflow(rhs)
        precondition(!overflow, "UInt256 subtraction underflow")
        return difference
    }

    /// Wrapping addition (modulo 2^256).
    @inlinable
    public static func &+ (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.addingReportingOverflow(rhs).partialValue }

    /// Wrapping subtraction (modulo 2^256).
    @inlinable
    public static func &- (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.subtractingReportingOverflow(rhs).partialValue }

    @inlinable
    public static func += (lhs: inout UInt256, rhs: UInt256) { lhs = lhs + rhs }

    @inlinable
    public static func -= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs - rhs }
}

// MARK: - Multiplication

extension UInt256 {
    /// The exact 512-bit product: schoolbook on 64-bit limbs, unrolled so the sixteen
    /// partial products stay in registers (no array, no store-to-load round trips).
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> UInt512 {
        let (a0, a1, a2, a3) = (w0, w1, w2, w3), (b0, b1, b2, b3) = (other.w0, other.w1, other.w2, other.w3)
        var c: UInt64
        var r0, r1, r2, r3, r4, r5, r6, r7: UInt64
        if (a2 | a3 | b2 | b3) == 0 {
            // Both below 2^128 (liquidity, amounts, Q128 factors): four partial products.
            (c, r0) = Self.multiplyAdd(a0, b0, 0, 0)
            (r2, r1) = Self.multiplyAdd(a0, b1, 0, c)
            (c, r1) = Self.multiplyAdd(a1, b0, r1, 0)
            (r3, r2) = Self.multiplyAdd(a1, b1, r2, c)
            return UInt512(high: .zero, low: UInt256(w0: r0, w1: r1, w2: r2, w3: r3))
        }
        (c, r0) = Self.multiplyAdd(a0, b0, 0, 0)
        (c, r1) = Self.multiplyAdd(a0, b1, 0, c)
        (c, r2) = Self.multiplyAdd(a0, b2, 0, c)
        (r4, r3) = Self.multiplyAdd(a0, b3, 0, c)
        (c, r1) = Self.multiplyAdd(a1, b0, r1, 0)
        (c, r2) = Self.multiplyAdd(a1, b1, r2, c)
        (c, r3) = Self.multiplyAdd(a1, b2, r3, c)
        (r5, r4) = Self.multiplyAdd(a1, b3, r4, c)
        (c, r2) = Self.multiplyAdd(a2, b0, r2, 0)
        (c, r3) = Self.multiplyAdd(a2, b1, r3, c)
        (c, r4) = Self.multiplyAdd(a2, b2, r4, c)
        (r6, r5) = Self.multiplyAdd(a2, b3, r5, c)
        (c, r3) = Self.multiplyAdd(a3, b0, r3, 0)
        (c, r4) = Self.multiplyAdd(a3, b1, r4, c)
        (c, r5) = Self.multiplyAdd(a3, b2, r5, c)
        (r7, r6) = Self.multiplyAdd(a3, b3, r6, c)
        return UInt512(high: UInt256(w0: r4, w1: r5, w2: r6, w3: r7), low: UInt256(w0: r0, w1: r1, w2: r2, w3: r3))
    }

    /// a·b + addend + carry as (high, low): at most (2^64-1)^2 + 2(2^64-1) = 2^128 - 1, so it
    /// never overflows 128 bits.
    @inlinable @inline(__always)
    static func multiplyAdd(_ a: UInt64, _ b: UInt64, _ addend: UInt64, _ carry: UInt64) -> (high: UInt64, low: UInt64) {
        let (high, low) = a.multipliedFullWidth(by: b)
        let (s1, c1) = low.addingReportingOverflow(addend)
        let (s2, c2) = s1.addingReportingOverflow(carry)
        return (high &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0), s2)
    }

    /// Product modulo 2^256 and whether the exact product needed more than 256 bits.
    @inlinable
    public func multipliedReportingOverflow(by other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let product = multipliedFullWidth(by: other)
        return (product.low, !product.high.isZero)
    }

    @inlinable
    public static func * (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        precondition(!overflow, "UInt256 multiplication overflow")
        return product
    }
}

// MARK: - Division

extension UInt256 {
    /// Floor quotient and remainder; traps on a zero divisor.
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        precondition(!divisor.isZero, "UInt256 division by zero")
        if (w1 | w2 | w3 | divisor.w1 | divisor.w2 | divisor.w3) == 0 {
            return (UInt256(w0 / divisor.w0), UInt256(w0 % divisor.w0))
        }
        if (w2 | w3 | divisor.w2 | divisor.w3) == 0, #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *) {
            // Both within 128 bits (a v2 quote on 18-decimal reserves: ~120 bits by ~80): the
            // runtime's 128-bit division, a hardware 128/64 divide or two, rather than the
            // general long division's limb arrays and normalization.
            let dividend = UInt128(w1) << 64 | UInt128(w0), divisor = UInt128(divisor.w1) << 64 | UInt128(divisor.w0)
            let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
            return (UInt256(w0: UInt64(truncatingIfNeeded: quotient), w1: UInt64(truncatingIfNeeded: quotient >> 64), w2: 0, w3: 0),
                    UInt256(w0: UInt64(truncatingIfNeeded: remainder), w1: UInt64(truncatingIfNeeded: remainder >> 64), w2: 0, w3: 0))
        }
        return UInt512(high: .zero, low: self).dividedUnchecked(by: divisor)
    }

    @inlinable
    public static func / (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.quotientAndRemainder(dividingBy: rhs).quotient }

    @inlinable
    public static func % (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.quotientAndRemainder(dividingBy: rhs).remainder }
}

// MARK: - Bit operations

extension UInt256 {
    /// Logical left shift; bits shifted past bit 255 are lost, a shift of 256 or more gives 0.
    @inlinable
    public static func << (lhs: UInt256, rhs: Int) -> UInt256 {
        precondition(rhs >= 0, "negative shift")
        if rhs >= 256 { return .zero }
        let limbShift = rhs >> 6, bitShift = UInt64(rhs & 63)
        var result = UInt256.zero
        for i in stride(from: 3, through: limbShift, by: -1) {
            let source = i - limbShift
            var limb = lhs[limb: source] &<< bitShift
            if bitShift != 0 && source > 0 { limb |= lhs[limb: source - 1] &>> (64 - bitShift) }
            result[limb: i] = limb
        }
        return result
    }

    /// Logical right shift; a shift of 256 or more gives 0.
    @inlinable
    public static func >> (lhs: UInt256, rhs: Int) -> UInt256 {
        precondition(rhs >= 0, "negative shift")
        if rhs >= 256 { return .zero }
        let limbShift = rhs >> 6, bitShift = UInt64(rhs & 63)
        var result = UInt256.zero
        for i in 0..<(4 - limbShift) {
            let source = i + limbShift
            var limb = lhs[limb: source] &>> bitShift
            if bitShift != 0 && source < 3 { limb |= lhs[limb: source + 1] &<< (64 - bitShift) }
            result[limb: i] = limb
        }
        return result
    }

    @inlinable
    public static func & (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 & rhs.w0, w1: lhs.w1 & rhs.w1, w2: lhs.w2 & rhs.w2, w3: lhs.w3 & rhs.w3)
    }

    @inlinable
    public static func | (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 | rhs.w0, w1: lhs.w1 | rhs.w1, w2: lhs.w2 | rhs.w2, w3: lhs.w3 | rhs.w3)
    }

    @inlinable
    public static prefix func ~ (value: UInt256) -> UInt256 {
        UInt256(w0: ~value.w0, w1: ~value.w1, w2: ~value.w2, w3: ~value.w3)
    }
}
