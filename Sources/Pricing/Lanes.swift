/// The arithmetic that the pricing kernels need, abstracted over "one `Double`" and
/// "four `Double`s in a SIMD register".
///
/// Why: the Black-Scholes, Merton and implied-volatility kernels are written once,
/// generically over `Lanes`, and specialised by the optimiser twice: for `Double` (the
/// scalar, validated API) and for `SIMD4<Double>` (the batch API, four options per step).
/// Everything is `@inlinable` and `@inline(__always)` so that specialisation leaves no
/// protocol dispatch in the hot loops. All kernels are branch-free: a condition becomes a
/// `select` of two already computed values, so that four lanes can take different paths.
public protocol Lanes: Sendable {
    associatedtype Mask
    /// The value `x` in every lane.
    static func splat(_ x: Double) -> Self
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    func squareRoot() -> Self
    /// Lane-wise `a < b`.
    static func less(_ a: Self, _ b: Self) -> Mask
    /// Lane-wise `m ? a : b`.
    static func select(_ m: Mask, _ a: Self, _ b: Self) -> Self
    /// Lane-wise minimum and maximum (for finite operands).
    static func minimum(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
    /// Lane-wise absolute value.
    var magnitude: Self { get }
    /// Reinterprets the IEEE-754 bits of each lane, applies `transform` to them as
    /// 64-bit unsigned integers, and reinterprets the result as doubles. Used by `exp`
    /// (building 2^k) and `log` (splitting exponent and mantissa).
    func mapBits(_ transform: (UInt64Lanes) -> UInt64Lanes) -> Self
    associatedtype UInt64Lanes: IntegerLanes
}

/// Integer lanes matching a `Lanes` type bit for bit.
public protocol IntegerLanes {
    static func splat(_ x: UInt64) -> Self
    static func &+ (a: Self, b: Self) -> Self
    static func & (a: Self, b: Self) -> Self
    static func | (a: Self, b: Self) -> Self
    static func &<< (a: Self, b: Self) -> Self
    static func &>> (a: Self, b: Self) -> Self
}

extension UInt64: IntegerLanes {
    @inlinable @inline(__always) public static func splat(_ x: UInt64) -> UInt64 { x }
}

extension SIMD4<UInt64>: IntegerLanes {
    @inlinable @inline(__always) public static func splat(_ x: UInt64) -> SIMD4<UInt64> { SIMD4(repeating: x) }
}

extension Double: Lanes {
    public typealias UInt64Lanes = UInt64
    @inlinable @inline(__always) public static func splat(_ x: Double) -> Double { x }
    @inlinable @inline(__always) public static func less(_ a: Double, _ b: Double) -> Bool { a < b }
    @inlinable @inline(__always) public static func select(_ m: Bool, _ a: Double, _ b: Double) -> Double { m ? a : b }
    @inlinable @inline(__always) public static func minimum(_ a: Double, _ b: Double) -> Double { a < b ? a : b }
    @inlinable @inline(__always) public static func maximum(_ a: Double, _ b: Double) -> Double { a > b ? a : b }
    @inlinable @inline(__always)
    public func mapBits(_ transform: (UInt64) -> UInt64) -> Double {
        Double(bitPattern: transform(bitPattern))
    }
}

/// The lanes of four where `a < b`, kept as the comparison's two operands rather than as a
/// stored mask: `select` then compares and picks lane by lane, which the compiler turns into
/// one compare and a blend. A `SIMDMask<SIMD4<Int64>>` costs more to use on the baseline
/// x86-64 target (SSE2 has no 64-bit integer compare: every use shuffles and emulates one),
/// and the kernels select a dozen times per call.
public struct LessThanLanes: Sendable {
    @usableFromInline let a: SIMD4<Double>
    @usableFromInline let b: SIMD4<Double>

    @inlinable @inline(__always)
    init(_ a: SIMD4<Double>, _ b: SIMD4<Double>) {
        self.a = a
        self.b = b
    }
}

extension SIMD4<Double>: Lanes {
    public typealias UInt64Lanes = SIMD4<UInt64>
    @inlinable @inline(__always) public static func splat(_ x: Double) -> SIMD4<Double> { SIMD4(repeating: x) }
    @inlinable @inline(__always) public static func less(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> LessThanLanes {
        LessThanLanes(a, b)
    }
    // Lane loops, not `replacing(with:where:)`: the same picks, as a compare and a blend
    // (`minpd` and `maxpd` for the minimum and maximum) instead of a stored mask.
    @inlinable @inline(__always)
    public static func select(_ m: LessThanLanes, _ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        var result = SIMD4<Double>()
        for i in 0..<4 { result[i] = m.a[i] < m.b[i] ? a[i] : b[i] }
        return result
    }
    @inlinable @inline(__always) public static func minimum(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        var result = SIMD4<Double>()
        for i in 0..<4 { result[i] = a[i] < b[i] ? a[i] : b[i] }
        return result
    }
    @inlinable @inline(__always) public static func maximum(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        var result = SIMD4<Double>()
        for i in 0..<4 { result[i] = a[i] > b[i] ? a[i] : b[i] }
        return result
    }
    @inlinable @inline(__always) public var magnitude: SIMD4<Double> {
        mapBits { $0 & SIMD4<UInt64>(repeating: 0x7FFF_FFFF_FFFF_FFFF) }
    }
    @inlinable @inline(__always)
    public func mapBits(_ transform: (SIMD4<UInt64>) -> SIMD4<UInt64>) -> SIMD4<Double> {
        unsafeBitCast(transform(unsafeBitCast(self, to: SIMD4<UInt64>.self)), to: SIMD4<Double>.self)
    }
}
