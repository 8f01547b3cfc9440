import Foundation
import Testing
@testable import Pricing
import HedgeplanTestSupport

/// Our exp, log and erfc against the platform's libm (through Foundation), which is the
/// independent reference here, on dense grids of the domains the pricing kernels use.
@Suite struct ElementaryFunctionsTests {
    static func relativeError(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / max(abs(b), .leastNormalMagnitude)
    }

    @Test func expMatchesLibm() {
        var worst = 0.0
        var x = -708.0
        while x <= 708 {
            worst = max(worst, Self.relativeError(ElementaryFunctions.exp(x), Foundation.exp(x)))
            x += 0.0137
        }
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<20_000 {
            let x = Double.random(in: -2...2, using: &rng)
            worst = max(worst, Self.relativeError(ElementaryFunctions.exp(x), Foundation.exp(x)))
        }
        #expect(worst < 1e-15)
        #expect(ElementaryFunctions.exp(-800.0) == 0)
        #expect(ElementaryFunctions.exp(0.0) == 1)
        #expect(ElementaryFunctions.exp(-Double.infinity) == 0)
    }

    @Test func logMatchesLibm() {
        var worst = 0.0
        var rng = SeededGenerator(seed: 2)
        for _ in 0..<20_000 {
            let x = Foundation.exp(Double.random(in: -700...700, using: &rng))
            let y = Double.random(in: 0.5...2, using: &rng)
            for v in [x, y] {
                let ours = ElementaryFunctions.log(v), ref = Foundation.log(v)
                // Absolute error near log(1) = 0, relative elsewhere.
                worst = max(worst, abs(ours - ref) / max(abs(ref), 1))
            }
        }
        #expect(worst < 4e-16)
        #expect(ElementaryFunctions.log(1.0) == 0)
        #expect(ElementaryFunctions.log(Double.leastNormalMagnitude) == Foundation.log(Double.leastNormalMagnitude))
    }

    @Test func erfcMatchesLibm() {
        var worst = 0.0
        var z = -6.0
        while z <= 10 {
            worst = max(worst, Self.relativeError(ElementaryFunctions.erfc(z), Foundation.erfc(z)))
            z += 0.00071
        }
        #expect(worst < 1e-14)
        // Far tail: still close, and zero after underflow instead of NaN.
        for z in stride(from: 10.0, through: 26.0, by: 0.01) {
            #expect(Self.relativeError(ElementaryFunctions.erfc(z), Foundation.erfc(z)) < 1e-14, "erfc(\(z))")
        }
        #expect(ElementaryFunctions.erfc(30.0) == 0)
        #expect(ElementaryFunctions.erfc(Double.infinity) == 0)
    }

    @Test func normalCDFPairKeepsBothTailsAccurate() {
        for d in stride(from: -14.0, through: 14.0, by: 0.01) {
            let (lower, upper) = ElementaryFunctions.normalCDFPair(d)
            // Same rounded argument |d|/sqrt(2) as the implementation, so that only erfc is compared.
            let z = abs(d) * 0.70710678118654752440
            let tail = 0.5 * Foundation.erfc(z)
            let refLower = d < 0 ? tail : 1 - tail
            let refUpper = d < 0 ? 1 - tail : tail
            // The reference rounds z = |d|/sqrt 2 (and erfc's relative sensitivity to that is
            // about d^2 ulp); ours never forms z^2, so allow that much on top of 1e-15.
            let tolerance = 1e-15 + d * d * 2.3e-16
            #expect(Self.relativeError(lower, refLower) < tolerance, "N(\(d))")
            #expect(Self.relativeError(upper, refUpper) < tolerance, "N(-\(d))")
        }
    }

    @Test func simdLanesAgreeWithScalar() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<2_000 {
            let v = SIMD4<Double>((0..<4).map { _ in Double.random(in: -30...30, using: &rng) })
            let p = SIMD4<Double>((0..<4).map { _ in Double.random(in: 1e-3...1e3, using: &rng) })
            let e = ElementaryFunctions.exp(v), c = ElementaryFunctions.erfc(v), l = ElementaryFunctions.log(p)
            for i in 0..<4 {
                #expect(e[i] == ElementaryFunctions.exp(v[i]))
                #expect(c[i] == ElementaryFunctions.erfc(v[i]))
                #expect(l[i] == ElementaryFunctions.log(p[i]))
            }
        }
    }
}
