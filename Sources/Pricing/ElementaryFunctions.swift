/// Exponential, logarithm, complementary error function and the normal distribution,
/// written without libm so that they vectorise (`SIMD4<Double>`) and need no Foundation.
///
/// Accuracy (checked against Foundation's `exp`, `log`, `erfc` in the tests):
/// - `exp`: about 2 ulp for x in [-708, 709]; returns 0 below -708.39 and saturates at e^709 above 709.
/// - `log`: about 1 ulp for positive normal x (the only inputs the kernels pass).
/// - `erfc`: about 1e-15 relative for -6 <= z <= 26 (-z^2 enters exp as an exact head plus a
///   tail, so its rounding is not amplified); 0 after underflow (z > 26.6).
/// These are the domains that matter for option values: a normal tail below 1e-40 is
/// worth nothing next to a price.
public enum ElementaryFunctions {
    @usableFromInline static let ln2Hi = 6.93147180369123816490e-01
    @usableFromInline static let ln2Lo = 1.90821492927058770002e-10
    @usableFromInline static let log2e = 1.44269504088896338700e+00
    /// 1.5 * 2^52: adding it rounds a double of magnitude < 2^51 to an integer and leaves
    /// that integer in the low bits of the sum's bit pattern.
    @usableFromInline static let roundingMagic = 6755399441055744.0

    /// e^x. Branch-free: reduction x = k ln2 + r with |r| <= ln2/2, a degree-13 Taylor
    /// polynomial (truncation error below 2e-16 there), and 2^k built from the exponent bits.
    @inlinable @inline(__always)
    public static func exp<V: Lanes>(_ x: V) -> V {
        exp(x, tail: .splat(0))
    }

    /// e^(x + tail) for |tail| much smaller than 1 ulp of x is not lost: `tail` is added
    /// after the reduction, so that erfc can pass -z^2 as an exact head plus a small tail.
    @inlinable @inline(__always)
    public static func exp<V: Lanes>(_ x: V, tail: V) -> V {
        let xc = V.minimum(V.maximum(x, .splat(-708.39)), .splat(709.0))
        let shifted = V.minimum(V.maximum(xc + tail, .splat(-708.39)), .splat(709.0)) * .splat(log2e)
            + .splat(roundingMagic)
        let k = shifted - .splat(roundingMagic)
        let r = (xc - k * .splat(ln2Hi)) + (tail - k * .splat(ln2Lo))
        // Estrin-style evaluation of sum r^n/n!, n = 0...13, for instruction-level parallelism.
        let r2 = r * r
        let r4 = r2 * r2
        let p01 = V.splat(1) + r
        let p23 = V.splat(1.0 / 2) + r * .splat(1.0 / 6)
        let p45 = V.splat(1.0 / 24) + r * .splat(1.0 / 120)
        let p67 = V.splat(1.0 / 720) + r * .splat(1.0 / 5040)
        let p89 = V.splat(1.0 / 40320) + r * .splat(1.0 / 362880)
        let pab = V.splat(1.0 / 3628800) + r * .splat(1.0 / 39916800)
        let pcd = V.splat(1.0 / 479001600) + r * .splat(1.0 / 6227020800)
        let q0 = p01 + r2 * p23
        let q1 = p45 + r2 * p67
        let q2 = p89 + r2 * pab
        let q3 = pcd
        let poly = q0 + r4 * (q1 + r4 * (q2 + r4 * q3))
        // 2^k: the low bits of `shifted` hold k; move k + 1023 into the exponent field.
        let scale = shifted.mapBits { bits in
            (bits &+ .splat(1023 &- 0x4338_0000_0000_0000)) &<< .splat(52)
        }
        let result = poly * scale
        return V.select(V.less(x + tail, .splat(-708.39)), .splat(0), result)
    }

    /// Natural logarithm for positive normal x (fdlibm's algorithm without its branches):
    /// x = 2^k (1+f), 1+f in [sqrt(1/2), sqrt(2)), log(1+f) = f - f^2/2 + s(f^2/2 + R(s^2)).
    @inlinable @inline(__always)
    public static func log<V: Lanes>(_ x: V) -> V {
        // Shift the mantissa by sqrt(2)'s so that the split lands in [sqrt(1/2), sqrt(2)).
        let adjusted = x.mapBits { $0 &+ .splat(0x3FF0_0000_0000_0000 &- 0x3FE6_A09E_6667_F3BD) }
        let kBiased = adjusted.mapBits { ($0 &>> .splat(52)) | .splat(0x4330_0000_0000_0000) }
        let k = kBiased - .splat(4503599627370496.0 + 1023)
        let m = adjusted.mapBits {
            ($0 & .splat(0x000F_FFFF_FFFF_FFFF)) &+ .splat(0x3FE6_A09E_6667_F3BD)
        }
        let f = m - .splat(1)
        let s = f / (.splat(2) + f)
        let z = s * s
        let w = z * z
        let t1 = w * (.splat(3.999999999940941908e-01) + w * (.splat(2.222219843214978396e-01) + w * .splat(1.531383769920937332e-01)))
        let t2 = z * (.splat(6.666666666666735130e-01) + w * (.splat(2.857142874366239149e-01) + w * (.splat(1.818357216161805012e-01) + w * .splat(1.479819860511658591e-01))))
        let r = t2 + t1
        let hfsq = V.splat(0.5) * f * f
        return k * .splat(ln2Hi) - ((hfsq - (s * (hfsq + r) + k * .splat(ln2Lo))) - f)
    }

    /// e^(-s x^2) for s = 1 or 1/2, without amplifying the rounding of x^2: x is split into
    /// xh (x cut to 26 significant bits, so xh^2 is exact) and x - xh; the exact head
    /// -s xh^2 and the small tail -s (x - xh)(x + xh) enter `exp` separately.
    @inlinable @inline(__always)
    public static func expNegativeSquare<V: Lanes>(_ x: V, scale s: Double) -> V {
        let xc = V.minimum(x.magnitude, .splat(40))  // e^(-s 1600) is 0 anyway; keeps inf out
        let xh = xc.mapBits { $0 & .splat(0xFFFF_FFFF_F800_0000) }
        return exp(-(V.splat(s) * (xh * xh)), tail: -(V.splat(s) * ((xc - xh) * (xc + xh))))
    }

    /// erfc(z) e^(z^2) for z >= 0, as t g(u) with t = 3/(3+z) and u = (z-3)/(z+3), mapping
    /// z in [0, 27] onto [-1, 0.8] (beyond 27, e^(-z^2) is 0 and the clamp is harmless).
    /// g is a degree-20 polynomial interpolating erfc(z) e^(z^2) (3+z)/3 at Chebyshev nodes
    /// of that u interval, computed with mpmath at 40 digits; evaluated in double by Estrin's
    /// scheme its relative error is below 9e-16 on the whole interval. A polynomial (not a
    /// Clenshaw recurrence) keeps the dependency chain short for SIMD throughput.
    @inlinable @inline(__always)
    public static func erfcScaled<V: Lanes>(_ z: V) -> V {
        let zc = V.minimum(z, .splat(27))
        let w = V.splat(1) / (zc + .splat(3))
        let t = V.splat(3) * w
        let u = (zc - .splat(3)) * w
        let u2 = u * u
        let u4 = u2 * u2
        let u8 = u4 * u4
        let u16 = u8 * u8
        let p0 = .splat(0.35800230236277997) + u * .splat(-0.29446481772329625) + u2 * (.splat(0.19674278570134474) + u * .splat(-0.10348908730004117))
        let p4 = .splat(0.03984258709686347) + u * .splat(-0.008942411545106915) + u2 * (.splat(-0.0004041388968645999) + u * .splat(0.0010113540385864126))
        let p8 = .splat(-0.00018276968881638885) + u * .splat(-9.225948077696274e-05) + u2 * (.splat(3.5852638509792865e-05) + u * .splat(1.0133192428758694e-05))
        let p12 = .splat(-5.8193657562462575e-06) + u * .splat(-1.583092978435596e-06) + u2 * (.splat(9.128143620758061e-07) + u * .splat(3.3036254111116207e-07))
        let p16 = .splat(-1.2433769705251615e-07) + u * .splat(-7.163588244343121e-08) + u2 * (.splat(7.205281996240229e-09) + u * .splat(1.0476748690864309e-08))
        let g = (p0 + u4 * p4) + u8 * (p8 + u4 * p12) + u16 * (p16 + u4 * .splat(1.7622149858446137e-09))
        return t * g
    }

    /// erfc(z) for z >= 0.
    @inlinable @inline(__always)
    public static func erfcNonNegative<V: Lanes>(_ z: V) -> V {
        expNegativeSquare(z, scale: 1) * erfcScaled(z)
    }

    /// erfc(x) for any finite x (erfc(-x) = 2 - erfc(x)).
    @inlinable @inline(__always)
    public static func erfc<V: Lanes>(_ x: V) -> V {
        let e = erfcNonNegative(x.magnitude)
        return V.select(V.less(x, .splat(0)), .splat(2) - e, e)
    }

    /// The standard normal density n(d) and distribution function at d and at -d, sharing one
    /// exponential: erfc(|d|/sqrt 2) = e^(-d^2/2) erfcScaled(|d|/sqrt 2). Both N(d) and N(-d)
    /// keep full relative accuracy (the smaller one is never computed as 1 minus something).
    @inlinable @inline(__always)
    public static func normal<V: Lanes>(_ d: V) -> (pdf: V, lower: V, upper: V) {
        normal(d, gaussian: expNegativeSquare(d, scale: 0.5))
    }

    /// `normal(d)` for a caller that already has `gaussian` = e^(-d^2/2) from an identity
    /// (Black-Scholes: e^(-d2^2/2) = e^(-d1^2/2) S / (K e^(-r tau))), which saves the
    /// exponential, a third of the work.
    @inlinable @inline(__always)
    public static func normal<V: Lanes>(_ d: V, gaussian e: V) -> (pdf: V, lower: V, upper: V) {
        let half = V.splat(0.5) * e * erfcScaled(d.magnitude * .splat(0.70710678118654752440))
        let negative = V.less(d, .splat(0))
        let large = V.splat(1) - half
        return (e * .splat(0.39894228040143267794), V.select(negative, half, large), V.select(negative, large, half))
    }

    /// N(d) and N(-d); see `normal`.
    @inlinable @inline(__always)
    public static func normalCDFPair<V: Lanes>(_ d: V) -> (lower: V, upper: V) {
        let n = normal(d)
        return (n.lower, n.upper)
    }

    /// The standard normal density e^(-d^2/2) / sqrt(2 pi).
    @inlinable @inline(__always)
    public static func normalPDF<V: Lanes>(_ d: V) -> V {
        expNegativeSquare(d, scale: 0.5) * .splat(0.39894228040143267794)
    }
}
