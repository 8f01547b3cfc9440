/// Solidity's `int256`: two's complement over a `UInt256` bit pattern, for the signed
/// amounts of a swap (`amountSpecified`, the token deltas) and signed liquidity (`int128`
/// values, which always fit).
///
/// As with `UInt256`, `+`, `-` and negation trap on overflow; the engines use the
/// `ReportingOverflow` forms (through `EVMWord`) where the contract's checked math reverts.
public struct Int256: Sendable, Hashable {
    public var bitPattern: UInt256

    @inlinable
    public init(bitPattern: UInt256) { self.bitPattern = bitPattern }

    /// Sign-extends an `Int`.
    @inlinable
    public init(_ value: Int) {
        let fill: UInt64 = value < 0 ? .max : 0
        self.init(bitPattern: UInt256(w0: UInt64(bitPattern: Int64(value)), w1: fill, w2: fill, w3: fill))
    }

    /// `SafeCast.toInt256`: nil when `value` > 2^255 - 1.
    @inlinable
    public init?(exactly value: UInt256) {
        guard value.w3 >> 63 == 0 else { return nil }
        self.init(bitPattern: value)
    }

    public static let zero = Int256(bitPattern: .zero)
    /// 2^255 - 1 (`type(int256).max`).
    public static let max = Int256(bitPattern: UInt256(w0: .max, w1: .max, w2: .max, w3: .max >> 1))
    /// -2^255 (`type(int256).min`).
    public static let min = Int256(bitPattern: UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63))

    @inlinable
    public var isNegative: Bool { bitPattern.w3 >> 63 == 1 }

    @inlinable
    public var isZero: Bool { bitPattern.isZero }

    /// |x| as a `UInt256` (2^255 for `min`, which has no positive `Int256`).
    @inlinable
    public var magnitude: UInt256 { isNegative ? (~bitPattern &+ 1) : bitPattern }

    /// Sum modulo 2^256 and whether the true sum left [min, max].
    @inlinable
    public func addingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let sum = Int256(bitPattern: bitPattern &+ other.bitPattern)
        return (sum, isNegative == other.isNegative && sum.isNegative != isNegative)
    }

    /// Difference modulo 2^256 and whether the true difference left [min, max].
    @inlinable
    public func subtractingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let difference = Int256(bitPattern: bitPattern &- other.bitPattern)
        return (difference, isNegative != other.isNegative && difference.isNegative != isNegative)
    }

    @inlinable
    public static func + (lhs: Int256, rhs: Int256) -> Int256 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        precondition(!overflow, "Int256 addition overflow")
        return sum
    }

    @inlinable
    public static func - (lhs: Int256, rhs: Int256) -> Int256 {
        let (difference, overflow) = lhs.subtractingReportingOverflow(rhs)
        precondition(!overflow, "Int256 subtraction overflow")
        return difference
    }

    /// Wrapping addition (Solidity 0.7's unchecked `+`).
    @inlinable
    public static func &+ (lhs: Int256, rhs: Int256) -> Int256 { lhs.addingReportingOverflow(rhs).partialValue }

    /// Wrapping subtraction (Solidity 0.7's unchecked `-`).
    @inlinable
    public static func &- (lhs: Int256, rhs: Int256) -> Int256 { lhs.subtractingReportingOverflow(rhs).partialValue }

    /// Negation; traps on `min`.
    @inlinable
    public static prefix func - (value: Int256) -> Int256 { zero - value }
}

extension Int256: Comparable {
    @inlinable
    public static func < (lhs: Int256, rhs: Int256) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        return lhs.bitPattern < rhs.bitPattern
    }
}

extension Int256: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Int256: CustomStringConvertible, LosslessStringConvertible {
    /// Parses an optional `-` or `+` and decimal digits; nil outside [min, max].
    public init?(_ description: String) {
        var digits = Substring(description)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard let magnitude = UInt256(digits, radix: 10) else { return nil }
        if negative {
            guard magnitude <= Int256.min.bitPattern else { return nil }
            self.init(bitPattern: ~magnitude &+ 1)
        } else {
            guard let value = Int256(exactly: magnitude) else { return nil }
            self = value
        }
    }

    public var description: String { (isNegative ? "-" : "") + magnitude.description }
}
