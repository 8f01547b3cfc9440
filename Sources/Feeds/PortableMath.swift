/// `exp` and `log` from IEEE additions, multiplications and divisions only, so that a
/// simulated path is bit-for-bit the same on every machine and OS. The platform libm is
/// accurate but not identical everywhere (glibc and Apple's libm can differ in the last
/// bit), and one differing bit changes every later price of a path. Swift does not contract
/// `a * b + c` into a fused multiply-add, so these expressions round identically everywhere.
/// Accuracy: within a few ulps of the true value over the ranges a path uses.
enum PortableMath {
    private static let ln2Hi = 6.93147180369123816490e-01   // high bits of ln 2 (exact in double)
    private static let ln2Lo = 1.90821492927058770002e-10   // ln 2 - ln2Hi
    private static let invLn2 = 1.44269504088896338700e+00

    /// e^x. Range reduction x = k ln2 + r with |r| <= ln2/2, a degree-13 Taylor polynomial for
    /// e^r (error < 1e-17 relative), then scaling by 2^k through the exponent bits.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.1 { return 0 }
        // Round to nearest even by adding and subtracting 1.5 * 2^52 (|x / ln 2| < 1,100 here):
        // the same integer as `rounded(.toNearestOrEven)`, which the default x86-64 target
        // (no SSE4.1 `roundsd`) would otherwise compute with a call to libm's `rint`.
        let k = (x * invLn2 + 6_755_399_441_055_744.0) - 6_755_399_441_055_744.0
        let r = (x - k * ln2Hi) - k * ln2Lo
        return scale(expTaylor(r), by: Int(k))
    }

    /// e^x lane by lane, with the same operations as the scalar `exp` in the same order, so
    /// every lane has the scalar's bits: for a path that takes eight exponentials at a time.
    /// Lanes are computed together when all lie in (-690, 690), where the scalar takes its
    /// common branch (2^k a normal number, |k| <= 996); otherwise lane by lane by the scalar.
    static func exp(_ x: SIMD8<Double>) -> SIMD8<Double> {
        guard all((x .< 690) .& (x .> -690)) else {
            var result = x
            for lane in x.indices { result[lane] = exp(x[lane]) }
            return result
        }
        let magic = 6_755_399_441_055_744.0
        let shifted = x * invLn2 + magic
        let k = shifted - magic
        let r = (x - k * ln2Hi) - k * ln2Lo
        let p = expTaylor(r)
        // k sits in the low bits of `shifted` (magic is 1.5 * 2^52): 2^k is (k + 1023) << 52.
        let kBits = unsafeBitCast(shifted, to: SIMD8<UInt64>.self) &- magic.bitPattern
        return p * unsafeBitCast((kBits &+ 1_023) &<< 52, to: SIMD8<Double>.self)
    }

    /// e^r for |r| <= ln2/2: the degree-13 Taylor polynomial by Horner's rule, innermost
    /// first, on one value or on lanes (the same operations, so the same bits in each lane).
    @inline(__always)
    private static func expTaylor<L: TaylorLanes>(_ r: L) -> L {
        var p = L(splat: 1.0 / 6_227_020_800.0)  // 1/13!
        p = p * r + 1.0 / 479_001_600.0
        p = p * r + 1.0 / 39_916_800.0
        p = p * r + 1.0 / 3_628_800.0
        p = p * r + 1.0 / 362_880.0
        p = p * r + 1.0 / 40_320.0
        p = p * r + 1.0 / 5_040.0
        p = p * r + 1.0 / 720.0
        p = p * r + 1.0 / 120.0
        p = p * r + 1.0 / 24.0
        p = p * r + 1.0 / 6.0
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        return p
    }

    /// p * 2^k by exponent arithmetic, in two steps so that subnormal results stay correct.
    private static func scale(_ p: Double, by k: Int) -> Double {
        if k > 1_000 { return p * Double(sign: .plus, exponent: 1_000, significand: 1) * Double(sign: .plus, exponent: k - 1_000, significand: 1) }
        if k < -1_000 { return p * Double(sign: .plus, exponent: -1_000, significand: 1) * Double(sign: .plus, exponent: k + 1_000, significand: 1) }
        // 2^k for a normal result, straight from the exponent bits.
        return p * Double(bitPattern: UInt64(k + 1_023) << 52)
    }

    /// ln x lane by lane for positive normal lanes, with the same operations as the scalar
    /// `log` in the same order, so every lane has the scalar's bits: for the normal sampler,
    /// which takes the logarithms of four pairs at a time. Other lanes (zero, subnormal,
    /// infinite, negative, NaN) go lane by lane through the scalar.
    static func log(_ x: SIMD4<Double>) -> SIMD4<Double> {
        guard all((x .>= Double.leastNormalMagnitude) .& (x .<= Double.greatestFiniteMagnitude)) else {
            var result = x
            for lane in x.indices { result[lane] = log(x[lane]) }
            return result
        }
        let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        // x.exponent and x.significand of a normal number, from its bits.
        var e = SIMD4<Double>(SIMD4<Int64>(truncatingIfNeeded: bits &>> 52)) - 1_023
        var m = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD4<Double>.self)
        let high = m .> 1.4142135623730951
        m.replace(with: m * 0.5, where: high)
        e.replace(with: e + 1, where: high)
        let f = (m - 1) / (m + 1)
        let s = atanhSeries(f * f)
        let lnM = 2 * f * s
        return e * ln2Hi + (e * ln2Lo + lnM)
    }

    /// Σ f^(2k) / (2k+1) for k = 0...12 given f², by Horner's rule over 1/25, 1/23, ..., 1/1,
    /// innermost first: the coefficients are the same correctly rounded quotients a loop
    /// computing `1.0 / k` would produce, without a division per term. On one value or on
    /// lanes (the same operations, so the same bits in each lane).
    @inline(__always)
    private static func atanhSeries<L: TaylorLanes>(_ f2: L) -> L {
        var s = L(splat: 1.0 / 25.0)
        s = s * f2 + 1.0 / 23.0
        s = s * f2 + 1.0 / 21.0
        s = s * f2 + 1.0 / 19.0
        s = s * f2 + 1.0 / 17.0
        s = s * f2 + 1.0 / 15.0
        s = s * f2 + 1.0 / 13.0
        s = s * f2 + 1.0 / 11.0
        s = s * f2 + 1.0 / 9.0
        s = s * f2 + 1.0 / 7.0
        s = s * f2 + 1.0 / 5.0
        s = s * f2 + 1.0 / 3.0
        s = s * f2 + 1.0
        return s
    }

    /// Natural log. x = m 2^e with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(f) with
    /// f = (m-1)/(m+1), |f| <= 0.172, by its odd series to f^25 (error < 1e-19).
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        var e = Int(x.exponent)
        var m = x.significand                      // in [1, 2)
        if m > 1.4142135623730951 { m *= 0.5; e += 1 }
        let f = (m - 1) / (m + 1)
        let s = atanhSeries(f * f)
        let lnM = 2 * f * s
        let de = Double(e)
        return de * ln2Hi + (de * ln2Lo + lnM)
    }
}

/// What Horner's rule needs of a value: one `Double` (the scalar functions), four lanes
/// (`log` for the normal sampler) or eight (`exp` on a block of path steps).
protocol TaylorLanes {
    init(splat: Double)
    static func * (a: Self, b: Self) -> Self
    static func + (a: Self, b: Double) -> Self
}

extension Double: TaylorLanes {
    @inline(__always) init(splat x: Double) { self = x }
}

extension SIMD8<Double>: TaylorLanes {
    @inline(__always) init(splat x: Double) { self.init(repeating: x) }
}

extension SIMD4<Double>: TaylorLanes {
    @inline(__always) init(splat x: Double) { self.init(repeating: x) }
}
