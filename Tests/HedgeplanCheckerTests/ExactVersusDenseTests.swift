import Testing
@testable import HedgeplanChecker

/// Random strategies: the exact analysis (kinks only) must agree with a dense numerical
/// evaluation of the payoff, an independent method that knows nothing about kinks.
struct ExactVersusDenseTests {
    /// SplitMix64, so the cases are the same on every machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    @Test func randomStrategies() throws {
        var rng = Generator(state: 42)
        for _ in 0..<300 {
            var specs: [String] = []
            for _ in 0..<(1 + Int(rng.next() * 5)) {
                let side = rng.next() < 0.5 ? "long" : "short"
                let type = ["call", "put", "spot"][Int(rng.next() * 3)]
                let strike = (2_000 + (rng.next() * 20).rounded() * 100)
                let quantity = 1 + (rng.next() * 9).rounded()
                let premium = (rng.next() * 300 * 100).rounded() / 100
                specs.append("\(side) \(type) \(Int(strike)) \(Int(quantity)) \(type == "spot" ? 0 : premium)")
            }
            let payoff = try #require(PiecewiseLinearPayoff(legs: ExactPayoffTests.legs(specs)))
            let summary = ExactPayoffAnalysis.analyze(payoff, horizonYears: 0.02)

            // Dense grid from 0 to twice the highest strike; all strikes are on it (multiples of 10).
            let spots = stride(from: 0.0, through: 8_000, by: 10).map { $0 }
            let values = spots.map { payoff.value(at: $0) }
            let far = payoff.value(at: 1e7)
            let denseMax = max(values.max()!, far)
            let denseMin = min(values.min()!, far)
            if let profit = summary.maxProfit {
                #expect(abs(profit.amount - max(0, denseMax)) < 1e-6, "\(specs)")
            } else {
                #expect(far > values.max()! , "unbounded profit must keep rising: \(specs)")
            }
            if let loss = summary.maxLoss {
                #expect(abs(loss.amount - max(0, -denseMin)) < 1e-6, "\(specs)")
            } else {
                #expect(far < values.min()!, "unbounded loss must keep falling: \(specs)")
            }
            // Every breakeven is a zero, and every sign change of the dense grid has one nearby.
            for b in summary.breakevens {
                #expect(abs(payoff.value(at: b)) < 1e-6, "\(specs) at \(b)")
            }
            for i in 1..<values.count where (values[i - 1] < -1e-9 && values[i] > 1e-9) || (values[i - 1] > 1e-9 && values[i] < -1e-9) {
                #expect(summary.breakevens.contains { $0 >= spots[i - 1] && $0 <= spots[i] }, "\(specs) near \(spots[i])")
            }
        }
    }
}
