/// Exponential, logarithm, complementary error function and the normal distribution,
/// written without libm so that they vectorise (`SIMD4<Double>`) and need no Foundation.
///
/// Accuracy (checked against Foundation's `exp`, `log`, `erfc` in the tests):
/// - `exp`: about 2 ulp for x in [-708, 709]; returns 0 below -708.39 and saturates at e^709 above 709.
/// - `log`: about 1 ulp for positive normal x (the only inputs the kernels pass).
/// - `erfc`: about 1e-15 relative for 0 <= z <= 26 (-z^2 enters exp as an exact head plus a
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

    /// erfc(z) for z >= 0: t exp(-z^2 + h(u)) with t = 2/(2+z), where h(u) = ln(erfc(z) e^(z^2) / t)
    /// and u = (z-2)/(z+2) maps z in [0, inf) onto [-1, 1) (the Numerical Recipes
    /// parameterisation). h is a 28-term Chebyshev series summed by Clenshaw's recurrence;
    /// its coefficients were computed with mpmath at 50 digits, and the neglected tail sums to
    /// less than 3e-17.
    @inlinable @inline(__always)
    public static func erfcNonNegative<V: Lanes>(_ x: V) -> V {
        let z = V.minimum(x, .splat(40))  // erfc(40) underflows to 0 anyway; keeps inf out
        let t = V.splat(2) / (V.splat(2) + z)
        let u = V.splat(1) - V.splat(2) * t
        let u2 = u + u
        var b1 = V.splat(2.816663087747177e-17)
        var b2 = V.splat(0)
        @inline(__always) func step(_ ck: Double) {
            let b0 = u2 * b1 - b2 + .splat(ck)
            b2 = b1
            b1 = b0
        }
        step(1.210237189224279e-16); step(9.457494571291233e-17); step(-1.5230282014571043e-15); step(-7.106097613609237e-15)
        step(3.810905255189232e-16); step(1.1270822361367252e-13); step(3.130921399342958e-13); step(-8.944879273090725e-13)
        step(-6.886027526497553e-12); step(-2.3940380830391146e-12); step(9.646791102015527e-11); step(2.273651222931836e-10)
        step(-9.91364156493033e-10); step(-5.059343495551469e-09); step(6.5290544390988515e-09); step(8.523809591492654e-08)
        step(1.5626441722066142e-08); step(-1.3036558355805232e-06); step(-1.6242900046470256e-06); step(2.0278578112534242e-05)
        step(4.252332480690777e-05); step(-0.00036683949785276145); step(-0.0009465953444820369); step(0.009561514786808632)
        step(0.019476473204185836); step(-0.6419697923564902)
        let h = u * b1 - b2 + .splat(-0.6513268598908547)
        // -z^2 = -zh^2 - (z - zh)(z + zh) with zh = z cut to 26 significant bits, so zh^2 is
        // exact: the large head goes into exp exactly and the rounding stays in the small tail.
        let zh = z.mapBits { $0 & .splat(0xFFFF_FFFF_F800_0000) }
        return t * exp(-(zh * zh), tail: h - (z - zh) * (z + zh))
    }

    /// erfc(x) for any finite x (erfc(-x) = 2 - erfc(x)).
    @inlinable @inline(__always)
    public static func erfc<V: Lanes>(_ x: V) -> V {
        let e = erfcNonNegative(x.magnitude)
        return V.select(V.less(x, .splat(0)), .splat(2) - e, e)
    }

    /// The standard normal distribution function at d and at -d, each with full relative
    /// accuracy (the smaller one is never computed as 1 minus something).
    @inlinable @inline(__always)
    public static func normalCDFPair<V: Lanes>(_ d: V) -> (lower: V, upper: V) {
        let half = V.splat(0.5) * erfcNonNegative(d.magnitude * .splat(0.70710678118654752440))
        let negative = V.less(d, .splat(0))
        let small = half
        let large = V.splat(1) - half
        return (V.select(negative, small, large), V.select(negative, large, small))
    }

    /// The standard normal density e^(-d^2/2) / sqrt(2 pi).
    @inlinable @inline(__always)
    public static func normalPDF<V: Lanes>(_ d: V) -> V {
        exp(V.splat(-0.5) * d * d) * .splat(0.39894228040143267794)
    }
}
