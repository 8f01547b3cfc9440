/// SplitMix64 (Steele, Lea and Flood 2014): expands a 64-bit seed into well-mixed words,
/// used to fill xoshiro's state from a small seed.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman and Vigna 2018): the generator of simulated paths. Integer-only,
/// so the same seed gives the same stream on every machine (unlike the system RNG, which
/// is not seedable, or a platform-dependent algorithm).
public struct Xoshiro256StarStar: Sendable {
    private var s0, s1, s2, s3: UInt64

    /// State from SplitMix64(seed), as the authors recommend (never all zero).
    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1), 53 random bits.
    @inline(__always)
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in (0, 1): never 0, so its log is finite.
    @inline(__always)
    public mutating func uniformOpen() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }
}

/// Standard normal variates by Marsaglia's polar method, from `PortableMath.log` and IEEE
/// `sqrt` only (correctly rounded everywhere), so they are identical on every machine.
/// Each accepted pair gives two variates; the second is kept for the next call.
public struct NormalSampler: Sendable {
    public private(set) var random: Xoshiro256StarStar
    private var spare = 0.0
    private var hasSpare = false

    public init(seed: UInt64) { random = Xoshiro256StarStar(seed: seed) }

    public mutating func next() -> Double {
        if hasSpare { hasSpare = false; return spare }
        let (u, v, s) = acceptedPair()
        let factor = (-2 * PortableMath.log(s) / s).squareRoot()
        spare = v * factor
        hasSpare = true
        return u * factor
    }

    /// The next point drawn uniformly in the unit disc (rejecting the square's corners and
    /// the centre), with its squared radius s: what one pair of variates is made from.
    private mutating func acceptedPair() -> (u: Double, v: Double, s: Double) {
        while true {
            let u = 2 * random.uniform() - 1
            let v = 2 * random.uniform() - 1
            let s = u * u + v * v
            if s < 1 && s != 0 { return (u, v, s) }
        }
    }

    /// The next `count` (0 to 8) variates in lanes `0..<count`, the rest 0: the same numbers,
    /// bit for bit, as `count` calls of `next()`, and the same state after. The logarithms
    /// of up to four accepted pairs are taken together (`PortableMath.log` on lanes, the
    /// scalar's bits), which hides the series' latency.
    public mutating func next(_ count: Int) -> SIMD8<Double> {
        precondition((0...8).contains(count), "at most eight variates at a time")
        var variates = SIMD8<Double>()
        var filled = 0
        if count > 0, hasSpare {
            variates[0] = spare
            hasSpare = false
            filled = 1
        }
        let pairs = (count - filled + 1) / 2
        guard pairs > 0 else { return variates }
        // Unused lanes hold s = 0.5, a harmless logarithm.
        var u = SIMD4<Double>(), v = SIMD4<Double>(), s = SIMD4<Double>(repeating: 0.5)
        for pair in 0..<pairs {
            (u[pair], v[pair], s[pair]) = acceptedPair()
        }
        let factor = (-2 * PortableMath.log(s) / s).squareRoot()
        for pair in 0..<pairs {
            variates[filled] = u[pair] * factor[pair]
            filled += 1
            if filled < count {
                variates[filled] = v[pair] * factor[pair]
                filled += 1
            } else {
                spare = v[pair] * factor[pair]
                hasSpare = true
            }
        }
        return variates
    }

    /// Uniform in (0, 1) from the same stream (for Poisson counts).
    public mutating func uniformOpen() -> Double { random.uniformOpen() }
}
