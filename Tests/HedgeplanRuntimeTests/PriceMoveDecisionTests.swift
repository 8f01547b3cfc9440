import HedgeplanTestSupport
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// The price-move breaker settles most ticks with a product instead of the division
/// (`BreakerMonitor.observe`). Its decision must be the division's, `|price / reference - 1|
/// > threshold`, on every tick, the knife-edge ones included: prices a few ulps either side
/// of reference × (1 ± threshold), for thresholds from 1e-9 (where the division alone
/// decides) to 0.9 and references across the plausible range, and random moves.
struct PriceMoveDecisionTests {
    static let thresholds = [1e-9, 1e-6, 1e-4, 0.01, 0.05, 0.1, 0.5, 0.9]
    static let references = [1e-12, 3.7e-5, 0.37, 1, 3_000, 65_432.1, 1e12]

    @Test(arguments: thresholds)
    func tripsExactlyWhenTheDivisionSaysSo(threshold: Double) {
        var prices: [(Double, Double)] = []
        for reference in Self.references {
            for edge in [reference * (1 + threshold), reference * (1 - threshold), reference] {
                var p = edge
                for _ in 0..<4 { p = p.nextDown }
                for _ in 0..<9 {
                    prices.append((reference, p))
                    p = p.nextUp
                }
            }
        }
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let reference = Self.references[Int(generator.next() % UInt64(Self.references.count))]
            let move = threshold * (2 * generator.unit() - 1) * 2
            prices.append((reference, reference * (1 + move)))
        }
        var trips = 0, quiet = 0
        for (reference, price) in prices where price > 0 {
            var monitor = BreakerMonitor(rules: [
                BreakerRule(condition: .priceMove, windowSeconds: 300, threshold: threshold, action: .halt, pauseSeconds: nil)
            ])
            #expect(monitor.observe(price: reference, time: 0, previousTime: nil, afterGap: false) == nil)
            let trip = monitor.observe(price: price, time: 60_000, previousTime: 0, afterGap: false)
            let expected = abs(price / reference - 1) > threshold
            #expect((trip != nil) == expected, "reference \(reference), price \(price), threshold \(threshold)")
            if let trip { #expect(trip.measured == abs(price / reference - 1)) }
            if expected { trips += 1 } else { quiet += 1 }
        }
        #expect(trips > 5_000 && quiet > 5_000, "both sides exercised: \(trips) trips, \(quiet) quiet")
    }
}
