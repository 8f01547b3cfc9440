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
    /// The exact 512-bit product.
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> UInt512 {
        var product = InlineArray<8, UInt64>(repeating: 0)
        let rows = significantLimbCount, columns = other.significantLimbCount
        for i in 0..<rows {
            let a = self[limb: i]
            var carry: UInt64 = 0
            for j in 0..<columns {
                let (high, low) = a.multipliedFullWidth(by: other[limb: j])
                let (s1, c1) = low.addingReportingOverflow(product[i + j])
                let (s2, c2) = s1.addingReportingOverflow(carry)
                product[i + j] = s2
                // high <= 2^64 - 2, so adding two carries cannot wrap.
                carry = high &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
            }
            product[i + columns] = carry
        }
        return UInt512(
            high: UInt256(w0: product[4], w1: product[5], w2: product[6], w3: product[7]),
            low: UInt256(w0: product[0], w1: product[1], w2: product[2], w3: product[3]))
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
