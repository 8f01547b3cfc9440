/// Struct-of-arrays inputs for batch pricing: one contiguous array per field, so that the
/// kernels load four options at a time into SIMD registers.
///
/// The batch entry points do NOT validate each option (that would cost as much as pricing
/// it). Preconditions, in the units of `EuropeanOption`: spot, strike > 0 and finite;
/// volatility and T >= 0 and finite; r, q finite with |rT|, |qT| < 700. Values outside give
/// unspecified (possibly NaN) results for that option only, never a crash. Build options
/// through `append(_:)` from validated `EuropeanOption`s when the inputs are untrusted.
public struct OptionBatch: Sendable {
    public var kinds: [OptionKind] = []
    public var spot: [Double] = []
    public var strike: [Double] = []
    public var rate: [Double] = []
    public var carry: [Double] = []
    public var volatility: [Double] = []
    public var timeToExpiry: [Double] = []

    public init() {}

    public init(reservingCapacity n: Int) {
        kinds.reserveCapacity(n); spot.reserveCapacity(n); strike.reserveCapacity(n)
        rate.reserveCapacity(n); carry.reserveCapacity(n); volatility.reserveCapacity(n)
        timeToExpiry.reserveCapacity(n)
    }

    public var count: Int { spot.count }

    /// Appends one validated option.
    public mutating func append(_ o: EuropeanOption) {
        append(kind: o.kind, spot: o.spot, strike: o.strike, rate: o.rate, carry: o.carry,
               volatility: o.volatility, timeToExpiry: o.timeToExpiry)
    }

    /// Appends one option without validation (see the type's preconditions).
    public mutating func append(kind: OptionKind, spot s: Double, strike k: Double, rate r: Double,
                                carry q: Double, volatility v: Double, timeToExpiry t: Double) {
        kinds.append(kind); spot.append(s); strike.append(k); rate.append(r); carry.append(q)
        volatility.append(v); timeToExpiry.append(t)
    }

    /// True when every field array has the same length.
    public var isConsistent: Bool {
        let n = spot.count
        return kinds.count == n && strike.count == n && rate.count == n && carry.count == n
            && volatility.count == n && timeToExpiry.count == n
    }
}

/// Struct-of-arrays outputs of batch pricing, preallocated once and reused across calls
/// (no allocation per option or per call once the capacity suffices). Units: `OptionValuation`.
public struct ValuationBatch: Sendable {
    public var price: [Double]
    public var delta: [Double]
    public var gamma: [Double]
    public var vega: [Double]
    public var theta: [Double]
    public var rho: [Double]

    public init(count: Int) {
        price = Array(repeating: 0, count: count)
        delta = price; gamma = price; vega = price; theta = price; rho = price
    }

    public var count: Int { price.count }

    /// Resizes every array to `n` (allocates only when growing past the capacity).
    public mutating func resize(to n: Int) {
        guard n != price.count else { return }
        func fit(_ a: inout [Double]) {
            if a.count > n { a.removeLast(a.count - n) } else { a.append(contentsOf: repeatElement(0, count: n - a.count)) }
        }
        fit(&price); fit(&delta); fit(&gamma); fit(&vega); fit(&theta); fit(&rho)
    }

    public subscript(i: Int) -> OptionValuation {
        OptionValuation(price: price[i], delta: delta[i], gamma: gamma[i], vega: vega[i], theta: theta[i], rho: rho[i])
    }
}

extension OptionBatch {
    /// The batch's arrays as buffers, for the batch loops (four options at a time, or one).
    struct Buffers {
        let kinds: UnsafeBufferPointer<OptionKind>
        let spot, strike, rate, carry, volatility, timeToExpiry: UnsafeBufferPointer<Double>
    }

    /// Calls `body` with the arrays' storage, valid only during the call.
    func withBuffers<Result>(_ body: (Buffers) throws -> Result) rethrows -> Result {
        try kinds.withUnsafeBufferPointer { kinds in
        try spot.withUnsafeBufferPointer { spot in
        try strike.withUnsafeBufferPointer { strike in
        try rate.withUnsafeBufferPointer { rate in
        try carry.withUnsafeBufferPointer { carry in
        try volatility.withUnsafeBufferPointer { volatility in
        try timeToExpiry.withUnsafeBufferPointer { timeToExpiry in
            try body(Buffers(
                kinds: kinds, spot: spot, strike: strike, rate: rate, carry: carry, volatility: volatility,
                timeToExpiry: timeToExpiry))
        }}}}}}}
    }
}

extension ValuationBatch {
    /// The batch's arrays as writable buffers.
    struct MutableBuffers {
        let price, delta, gamma, vega, theta, rho: UnsafeMutableBufferPointer<Double>

        /// Stores one option's figures at `i`.
        @inline(__always)
        func store(_ v: OptionValuation, at i: Int) {
            price[i] = v.price; delta[i] = v.delta; gamma[i] = v.gamma
            vega[i] = v.vega; theta[i] = v.theta; rho[i] = v.rho
        }
    }

    /// Calls `body` with the arrays' storage, valid only during the call.
    mutating func withMutableBuffers<Result>(_ body: (MutableBuffers) throws -> Result) rethrows -> Result {
        try price.withUnsafeMutableBufferPointer { price in
        try delta.withUnsafeMutableBufferPointer { delta in
        try gamma.withUnsafeMutableBufferPointer { gamma in
        try vega.withUnsafeMutableBufferPointer { vega in
        try theta.withUnsafeMutableBufferPointer { theta in
        try rho.withUnsafeMutableBufferPointer { rho in
            try body(MutableBuffers(price: price, delta: delta, gamma: gamma, vega: vega, theta: theta, rho: rho))
        }}}}}}
    }
}

/// Lane loading and storing for the batch loops: full groups of four are read and written
/// with single unaligned vector moves; the tail is padded with a harmless option.
@usableFromInline
struct LaneIO {
    @inlinable @inline(__always)
    static func load(_ p: UnsafeBufferPointer<Double>, _ i: Int, _ n: Int, pad: Double) -> SIMD4<Double> {
        if i + 4 <= n {
            return UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
        }
        var v = SIMD4<Double>(repeating: pad)
        for l in 0..<(n - i) { v[l] = p[i + l] }
        return v
    }

    @inlinable @inline(__always)
    static func store(_ v: SIMD4<Double>, _ p: UnsafeMutableBufferPointer<Double>, _ i: Int, _ n: Int) {
        if i + 4 <= n {
            UnsafeMutableRawPointer(p.baseAddress! + i).storeBytes(of: v, as: SIMD4<Double>.self)
        } else {
            for l in 0..<(n - i) { p[i + l] = v[l] }
        }
    }

    /// +1 for calls, -1 for puts.
    @inlinable @inline(__always)
    static func loadSign(_ p: UnsafeBufferPointer<OptionKind>, _ i: Int, _ n: Int) -> SIMD4<Double> {
        var v = SIMD4<Double>(repeating: 1)
        if i + 4 <= n {
            let raw = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: SIMD4<UInt8>.self)
            return SIMD4<Double>(repeating: 1) - 2 * SIMD4<Double>(SIMD4<Int32>(truncatingIfNeeded: raw))
        }
        for l in 0..<(n - i) { v[l] = p[i + l].sign }
        return v
    }
}
