import Foundation
import Testing
@testable import Pricing
import HedgeplanTestSupport

@Suite struct LimitAndBatchTests {
    static func allFinite(_ v: OptionValuation) -> Bool {
        [v.price, v.delta, v.gamma, v.vega, v.theta, v.rho].allSatisfy(\.isFinite)
    }

    /// Expiry, zero volatility, deep in/out of the money and tiny times: the limits are the
    /// discounted intrinsic value with delta 0 or +-e^(-qT), and nothing is NaN. An option
    /// with no time value left whose forward is its strike sits on its payoff's kink, where
    /// gamma is infinite: it is refused (it gave a gamma of 4e147, 2026-12-02).
    @Test func limitsAreRightAndFinite() throws {
        for kind in OptionKind.allCases {
            for (s, k) in [(100.0, 50.0), (100.0, 100.0), (100.0, 200.0), (1e5, 1.0), (1.0, 1e5)] {
                for (vol, t) in [(0.0, 1.0), (0.5, 0.0), (0.0, 0.0), (0.5, 1e-12), (1e-12, 0.5), (3.0, 50.0)] {
                    if vol * t.squareRoot() == 0, Foundation.log(s / k) + (0.05 - 0.02) * t == 0 {
                        #expect(throws: PricingInputError.self) {
                            try EuropeanOption(kind: kind, spot: s, strike: k, rate: 0.05, carry: 0.02, volatility: vol, timeToExpiry: t)
                        }
                        continue
                    }
                    let o = try EuropeanOption(kind: kind, spot: s, strike: k, rate: 0.05, carry: 0.02, volatility: vol, timeToExpiry: t)
                    let v = BlackScholes.valuation(o)
                    #expect(Self.allFinite(v), "\(o): \(v)")
                    let m = try MertonJumpDiffusion.valuation(o, jumps: JumpParameters(intensity: 2, meanLog: -0.1, volatility: 0.2))
                    #expect(Self.allFinite(m), "merton \(o): \(m)")
                    let fwd = s * Foundation.exp(-0.02 * t), kd = k * Foundation.exp(-0.05 * t)
                    let intrinsic = max(kind.sign * (fwd - kd), 0)
                    if vol * t.squareRoot() < 1e-5 && abs(fwd - kd) > 1e-3 * s {
                        #expect(abs(v.price - intrinsic) <= 1e-9 * max(s, k), "\(o)")
                        let itm = kind.sign * (fwd - kd) > 0
                        #expect(abs(v.delta - (itm ? kind.sign * Foundation.exp(-0.02 * t) : 0)) < 1e-9)
                        #expect(v.vega == 0 || v.vega < 1e-12 * s)
                    }
                    #expect(v.price >= intrinsic - 1e-9 * max(s, k))
                }
            }
        }
        // Deep out of the money stays a tiny non-negative number with the right tail.
        let far = try EuropeanOption(kind: .call, spot: 100, strike: 300, rate: 0, carry: 0, volatility: 0.2, timeToExpiry: 0.25)
        let v = BlackScholes.valuation(far)
        #expect(v.price >= 0 && v.price < 1e-20)
    }

    @Test func invalidInputsAreRejectedWhereTheyEnter() {
        let bad: [(Double, Double, Double, Double)] = [(-1, 100, 0.2, 1), (100, 0, 0.2, 1), (100, 100, -0.2, 1),
                                                       (100, 100, 0.2, -1), (.nan, 100, 0.2, 1), (100, 100, .infinity, 1)]
        for (s, k, vol, t) in bad {
            #expect(throws: PricingInputError.self) {
                try EuropeanOption(kind: .call, spot: s, strike: k, rate: 0, carry: 0, volatility: vol, timeToExpiry: t)
            }
        }
        #expect(throws: PricingInputError.self) { try JumpParameters(intensity: -1, meanLog: 0, volatility: 0.1) }
        #expect(throws: PricingInputError.self) { try JumpParameters(intensity: 1, meanLog: .nan, volatility: 0.1) }
    }

    /// The SIMD batch (including a ragged tail) agrees with the scalar validated API.
    @Test func simdBatchMatchesScalar() throws {
        var rng = SeededGenerator(seed: 31)
        var batch = OptionBatch()
        var merton = MertonBatch()
        var options: [EuropeanOption] = []
        for i in 0..<203 {
            let o = try GreekPropertyTests.randomOption(&rng, kind: i % 3 == 0 ? .put : .call)
            options.append(o)
            batch.append(o)
            merton.append(o, jumps: try JumpParameters(intensity: 1.5, meanLog: -0.05, volatility: 0.15))
        }
        var out = ValuationBatch(count: 0)
        var scalar = ValuationBatch(count: 0)
        BlackScholes.valuate(batch, into: &out)
        BlackScholes.valuateScalar(batch, into: &scalar)
        #expect(out.count == 203)
        for (i, o) in options.enumerated() {
            let v = BlackScholes.valuation(o)
            for (a, b) in [(out[i].price, v.price), (out[i].delta, v.delta), (out[i].gamma, v.gamma),
                           (out[i].vega, v.vega), (out[i].theta, v.theta), (out[i].rho, v.rho)] {
                #expect(a == b, "option \(i)")
            }
            #expect(scalar[i] == v)
        }
        var mout = ValuationBatch(count: 0)
        MertonJumpDiffusion.valuate(merton, into: &mout)
        for (i, o) in options.enumerated() where i % 10 == 0 {
            #expect(mout[i] == (try MertonJumpDiffusion.valuation(o, jumps: JumpParameters(intensity: 1.5, meanLog: -0.05, volatility: 0.15))))
        }
    }
}

/// The hedging loop's reduced kernel agrees with the full one at q = 0.
@Suite struct SpotKernelTests {
    @Test func matchesTheFullKernelWithoutCarry() {
        var state: UInt64 = 99
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<2_000 {
            let sign: Double = uniform() < 0.5 ? 1 : -1
            let spot = 1_000 + uniform() * 99_000
            let strike = spot * (0.5 + uniform())
            let rate = uniform() * 0.08
            let vol = 0.05 + uniform() * 1.5
            let t = uniform() * 2
            let full = BlackScholes.kernel(sign: sign, spot: spot, strike: strike, rate: rate, carry: 0, volatility: vol, timeToExpiry: t)
            let reduced = BlackScholes.spotKernel(sign: sign, spot: spot, strike: strike, rate: rate, volatility: vol, timeToExpiry: t)
            #expect(abs(reduced.price - full.price) <= 1e-12 * max(1, full.price))
            #expect(abs(reduced.delta - full.delta) <= 1e-14)
            #expect(abs(reduced.gamma - full.gamma) <= 1e-12 * max(1e-12, abs(full.gamma)))
        }
    }

    /// Where e^(-d2^2/2) taken from e^(-d1^2/2) (the reduced kernel's identity) could go wrong:
    /// expiry (sd at its floor, d1 = +-huge or 0 at the money), no volatility, and sd near 7,
    /// where e^(-d1^2/2) underflows while e^(-d2^2/2) does not.
    @Test(arguments: [(0.0, 0.6), (1e-9, 0.6), (0.5, 0.0), (2.0, 5.0), (0.25, 14.0)])
    func matchesTheFullKernelAtTheLimits(years: Double, volatility: Double) {
        for sign in [1.0, -1.0] {
            for strike in [30.0, 2_999.0, 3_000.0, 3_001.0, 300_000.0] {
                let full = BlackScholes.kernel(
                    sign: sign, spot: 3_000, strike: strike, rate: 0.04, carry: 0, volatility: volatility, timeToExpiry: years)
                let reduced = BlackScholes.spotKernel(
                    sign: sign, spot: 3_000, strike: strike, rate: 0.04, volatility: volatility, timeToExpiry: years)
                #expect(reduced.price.isFinite && reduced.delta.isFinite && reduced.gamma.isFinite)
                #expect(abs(reduced.price - full.price) <= 1e-12 * max(1, full.price), "K \(strike), sign \(sign)")
                #expect(abs(reduced.delta - full.delta) <= 1e-14, "K \(strike), sign \(sign)")
            }
        }
    }
}
