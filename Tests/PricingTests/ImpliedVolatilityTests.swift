import Foundation
import Testing
@testable import Pricing
import HedgeplanTestSupport

@Suite struct ImpliedVolatilityTests {
    /// Round trips on random inputs: price with a known sigma, solve, and compare sigma.
    /// Restricted to options whose vega is large enough that sigma is determined by the
    /// price in double precision (otherwise any sigma in a wide band reproduces it).
    @Test func roundTripsRecoverTheVolatility() throws {
        var rng = SeededGenerator(seed: 11)
        var checked = 0
        for _ in 0..<3_000 {
            let s = Double.random(in: 1_000...100_000, using: &rng)
            let o = try EuropeanOption(
                kind: Bool.random(using: &rng) ? .call : .put, spot: s, strike: s * Double.random(in: 0.5...1.5, using: &rng),
                rate: Double.random(in: 0...0.08, using: &rng), carry: Double.random(in: 0...0.1, using: &rng),
                volatility: Double.random(in: 0.05...2, using: &rng), timeToExpiry: Double.random(in: 1.0 / 365...2, using: &rng))
            let v = BlackScholes.valuation(o)
            guard v.vega / OptionValuation.point > 1e-6 * v.price, v.vega > 1e-9 * s else { continue }
            let solved = try ImpliedVolatility.solve(price: v.price, option: o).get()
            #expect(abs(solved - o.volatility) <= 1e-8 * o.volatility, "\(o): \(solved)")
            checked += 1
        }
        #expect(checked > 2_000)
    }

    @Test func haugValuesGiveBackTheirVolatility() throws {
        for row in Fixture.rows("bs_european_values_haug") {
            let o = try BlackScholesReferenceTests.option(row)
            let solved = try ImpliedVolatility.solve(price: BlackScholes.price(o), option: o).get()
            #expect(abs(solved - o.volatility) < 1e-9, "\(row)")
        }
    }

    @Test func pricesOutsideTheNoArbitrageBoundsFailWithAReason() throws {
        let call = try EuropeanOption(kind: .call, spot: 100, strike: 80, rate: 0.05, carry: 0, volatility: 0.3, timeToExpiry: 1)
        let intrinsic = 100 - 80 * Foundation.exp(-0.05)
        guard case .failure(.belowIntrinsic(let i)) = ImpliedVolatility.solve(price: intrinsic - 0.01, option: call) else {
            Issue.record("expected belowIntrinsic"); return
        }
        #expect(abs(i - intrinsic) < 1e-12)
        #expect(ImpliedVolatility.solve(price: 100, option: call) == .failure(.aboveUpperBound(bound: 100)))
        #expect(ImpliedVolatility.solve(price: .nan, option: call) == .failure(.invalidPrice))
        #expect(ImpliedVolatility.solve(price: -1, option: call) == .failure(.invalidPrice))
        let put = try EuropeanOption(kind: .put, spot: 100, strike: 120, rate: 0, carry: 0, volatility: 0.3, timeToExpiry: 1)
        #expect(ImpliedVolatility.solve(price: 120, option: put) == .failure(.aboveUpperBound(bound: 120)))
        // Exactly intrinsic: zero volatility.
        #expect(try ImpliedVolatility.solve(price: 20, option: put).get() == 0)
    }

    @Test func batchMatchesScalarAndReportsFailures() throws {
        var batch = OptionBatch()
        var prices: [Double] = []
        var rng = SeededGenerator(seed: 12)
        for i in 0..<101 {
            let o = try EuropeanOption(kind: i % 2 == 0 ? .call : .put, spot: 100, strike: Double.random(in: 70...130, using: &rng),
                                       rate: 0.03, carry: 0.01, volatility: Double.random(in: 0.1...1, using: &rng), timeToExpiry: 0.5)
            batch.append(o)
            prices.append(i == 50 ? 1e9 : BlackScholes.price(o))
        }
        var out = ImpliedVolatilityBatch(count: 0)
        ImpliedVolatility.solve(batch, prices: prices, into: &out)
        for i in 0..<101 where i != 50 {
            #expect(abs(out.volatility[i] - batch.volatility[i]) < 1e-9)
            #expect(out.failure[i] == nil)
        }
        #expect(out.volatility[50].isNaN)
        #expect(out.failure[50] != nil)
    }
    /// The SIMD batch (four options per step, scalar fallback per lane) against the scalar
    /// solver on the round-trip inputs, with failures and edge cases mixed into every group
    /// of four: the same volatility to 1e-12 relative and the same typed failures.
    @Test func simdBatchAgreesWithScalarIncludingEdgeCases() throws {
        var batch = OptionBatch()
        var prices: [Double] = []
        var rng = SeededGenerator(seed: 13)
        for i in 0..<2_003 {
            let s = Double.random(in: 1_000...100_000, using: &rng)
            let t = i % 97 == 5 ? 0 : Double.random(in: 1.0 / 365...2, using: &rng)
            let o = try EuropeanOption(
                kind: Bool.random(using: &rng) ? .call : .put, spot: s, strike: s * Double.random(in: 0.5...1.5, using: &rng),
                rate: Double.random(in: 0...0.08, using: &rng), carry: Double.random(in: 0...0.1, using: &rng),
                volatility: Double.random(in: 0.01...3, using: &rng), timeToExpiry: t)
            batch.append(o)
            var p = BlackScholes.price(o)
            switch i % 23 {
            case 3: p = .nan
            case 7: p = -1
            case 11: p = 0.5 * p
            case 13: p = o.kind == .call ? o.spot * 2 : o.strike * 2
            case 17: p = .infinity
            default: break
            }
            prices.append(p)
        }
        var out = ImpliedVolatilityBatch(count: 0)
        ImpliedVolatility.solve(batch, prices: prices, into: &out)
        var failures = 0
        for i in 0..<batch.count {
            let scalar = ImpliedVolatility.solve(
                price: prices[i], sign: batch.kinds[i].sign, spot: batch.spot[i], strike: batch.strike[i],
                rate: batch.rate[i], carry: batch.carry[i], timeToExpiry: batch.timeToExpiry[i])
            switch scalar {
            case .success(let v):
                #expect(out.failure[i] == nil, "\(i)")
                #expect(abs(out.volatility[i] - v) <= 1e-12 * max(v, 1e-3), "\(i): \(out.volatility[i]) vs \(v)")
            case .failure(let e):
                failures += 1
                #expect(out.failure[i] == e, "\(i)")
                #expect(out.volatility[i].isNaN, "\(i)")
            }
        }
        #expect(failures > 300)
    }
}
