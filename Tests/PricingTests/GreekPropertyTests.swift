import Foundation
import Testing
@testable import Pricing
import HedgeplanTestSupport

/// Put-call parity and central finite differences of every greek, for Black-Scholes and
/// Merton, on random inputs from a fixed seed. The finite differences use only the price,
/// so they check the analytic greeks independently of how those were derived.
@Suite struct GreekPropertyTests {
    typealias Pricer = @Sendable (EuropeanOption) throws -> OptionValuation

    static func randomOption(_ rng: inout SeededGenerator, kind: OptionKind) throws -> EuropeanOption {
        let s = Double.random(in: 1_000...100_000, using: &rng)
        return try EuropeanOption(
            kind: kind, spot: s, strike: s * Double.random(in: 0.6...1.4, using: &rng),
            rate: Double.random(in: 0...0.08, using: &rng), carry: Double.random(in: 0...0.1, using: &rng),
            volatility: Double.random(in: 0.2...1.5, using: &rng), timeToExpiry: Double.random(in: 0.02...1, using: &rng))
    }

    static func bumped(_ o: EuropeanOption, spot: Double = 0, vol: Double = 0, t: Double = 0, r: Double = 0) throws -> EuropeanOption {
        try EuropeanOption(kind: o.kind, spot: o.spot + spot, strike: o.strike, rate: o.rate + r, carry: o.carry,
                           volatility: o.volatility + vol, timeToExpiry: o.timeToExpiry + t)
    }

    static func checkFiniteDifferences(_ o: EuropeanOption, _ price: @escaping Pricer) throws {
        let v = try price(o)
        let hs = 1e-4 * o.spot * o.volatility * o.timeToExpiry.squareRoot(), hv = 1e-4, ht = 1e-5, hr = 1e-5
        func p(_ x: EuropeanOption) throws -> Double { try price(x).price }
        let fdDelta = (try p(bumped(o, spot: hs)) - p(bumped(o, spot: -hs))) / (2 * hs)
        // Gamma from the (already price-checked) analytic delta: less rounding noise than a
        // second difference of prices.
        let fdGamma = (try price(bumped(o, spot: hs)).delta - price(bumped(o, spot: -hs)).delta) / (2 * hs)
        let fdVega = (try p(bumped(o, vol: hv)) - p(bumped(o, vol: -hv))) / (2 * hv) * 0.01
        let fdTheta = -(try p(bumped(o, t: ht)) - p(bumped(o, t: -ht))) / (2 * ht) / 365
        let fdRho = (try p(bumped(o, r: hr)) - p(bumped(o, r: -hr))) / (2 * hr) * 0.01
        // Tolerances: relative 1e-5 plus an absolute floor tied to the option's scale, which
        // covers the finite-difference truncation and rounding error.
        func close(_ a: Double, _ b: Double, scale: Double, _ what: String) {
            #expect(abs(a - b) <= 1e-5 * abs(b) + scale, "\(what): analytic \(a) vs fd \(b) for \(o)")
        }
        close(v.delta, fdDelta, scale: 1e-7, "delta")
        close(v.gamma, fdGamma, scale: 1e-7 / o.spot, "gamma")
        close(v.vega, fdVega, scale: 1e-8 * o.spot, "vega")
        close(v.theta, fdTheta, scale: 1e-8 * o.spot, "theta")
        close(v.rho, fdRho, scale: 1e-8 * o.spot, "rho")
    }

    static func checkParity(_ call: EuropeanOption, _ price: Pricer) throws {
        let put = try EuropeanOption(kind: .put, spot: call.spot, strike: call.strike, rate: call.rate, carry: call.carry,
                                     volatility: call.volatility, timeToExpiry: call.timeToExpiry)
        let c = try price(call), p = try price(put)
        let dq = Foundation.exp(-call.carry * call.timeToExpiry), dr = Foundation.exp(-call.rate * call.timeToExpiry)
        let scale = 1e-12 * call.spot
        #expect(abs((c.price - p.price) - (call.spot * dq - call.strike * dr)) <= scale * 10, "parity price \(call)")
        #expect(abs((c.delta - p.delta) - dq) <= 1e-12, "parity delta")
        #expect(abs(c.gamma - p.gamma) <= 1e-12 * abs(c.gamma) + 1e-18, "parity gamma")
        #expect(abs(c.vega - p.vega) <= 1e-12 * abs(c.vega) + 1e-15 * call.spot, "parity vega")
        #expect(abs((c.rho - p.rho) - call.timeToExpiry * call.strike * dr * 0.01) <= scale, "parity rho")
        let dThetaYear = call.carry * call.spot * dq - call.rate * call.strike * dr
        #expect(abs((c.theta - p.theta) - dThetaYear / 365) <= scale, "parity theta")
    }

    static let merton: Pricer = { o in
        try MertonJumpDiffusion.valuation(o, jumps: JumpParameters(intensity: 3, meanLog: -0.1, volatility: 0.25))
    }

    @Test func blackScholesGreeksMatchFiniteDifferences() throws {
        var rng = SeededGenerator(seed: 21)
        for i in 0..<300 {
            try Self.checkFiniteDifferences(Self.randomOption(&rng, kind: i % 2 == 0 ? .call : .put), BlackScholes.valuation)
        }
    }

    @Test func mertonGreeksMatchFiniteDifferences() throws {
        var rng = SeededGenerator(seed: 22)
        for i in 0..<60 {
            try Self.checkFiniteDifferences(Self.randomOption(&rng, kind: i % 2 == 0 ? .call : .put), Self.merton)
        }
    }

    @Test func putCallParityHolds() throws {
        var rng = SeededGenerator(seed: 23)
        for i in 0..<300 {
            let o = try Self.randomOption(&rng, kind: .call)
            try Self.checkParity(o, BlackScholes.valuation)
            if i % 5 == 0 { try Self.checkParity(o, Self.merton) }
        }
    }

    /// With no jumps (lambda = 0 or zero-size jumps), Merton is Black-Scholes.
    @Test func mertonWithoutJumpsIsBlackScholes() throws {
        var rng = SeededGenerator(seed: 24)
        for i in 0..<100 {
            let o = try Self.randomOption(&rng, kind: i % 2 == 0 ? .call : .put)
            let bs = BlackScholes.valuation(o)
            for jumps in [try JumpParameters(intensity: 0, meanLog: -0.2, volatility: 0.3),
                          try JumpParameters(intensity: 4, meanLog: 0, volatility: 0)] {
                let m = try MertonJumpDiffusion.valuation(o, jumps: jumps)
                for (a, b) in [(m.price, bs.price), (m.delta, bs.delta), (m.vega, bs.vega), (m.theta, bs.theta), (m.rho, bs.rho)] {
                    #expect(abs(a - b) <= 1e-10 * o.spot, "\(o) \(jumps)")
                }
                #expect(abs(m.gamma - bs.gamma) <= 1e-9 * abs(bs.gamma) + 1e-15)
            }
        }
    }
}
