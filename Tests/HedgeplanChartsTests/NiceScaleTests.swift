import Testing
@testable import HedgeplanCharts
import HedgeplanFormatting
import HedgeplanTestSupport

/// Heckbert's nice numbers against ticks worked out by hand.
///
/// Loose labelling, 5 ticks wanted: range = nicenum(max - min, round: false), step =
/// nicenum(range / 4, round: true), domain widened to whole steps. For 0...97: range 100,
/// 100 / 4 = 25 rounds to 20, ticks 0, 20, ..., 100.
@Suite struct NiceScaleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var min: Double, max: Double, target: Int, loose: Bool
        var step: Double, ticks: [Double], lower: Double, upper: Double
        var testDescription: String { "\(min)...\(max) target \(target)\(loose ? "" : " tight")" }
    }

    static let cases: [Case] = [
        // range 100, step nicenum(25) = 20
        Case(min: 0, max: 97, target: 5, loose: true, step: 20, ticks: [0, 20, 40, 60, 80, 100], lower: 0, upper: 100),
        // range nicenum(7460) = 10000, step nicenum(2500) = 2000, -4000...6000
        Case(min: -2340, max: 5120, target: 5, loose: true, step: 2000,
             ticks: [-4000, -2000, 0, 2000, 4000, 6000], lower: -4000, upper: 6000),
        // the iron condor's P&L: range 2000, step 500
        Case(min: -1380, max: 620, target: 5, loose: true, step: 500,
             ticks: [-1500, -1000, -500, 0, 500, 1000], lower: -1500, upper: 1000),
        // breakevens: range nicenum(724) = 1000, step nicenum(250) = 200
        Case(min: 2638, max: 3362, target: 5, loose: true, step: 200,
             ticks: [2600, 2800, 3000, 3200, 3400], lower: 2600, upper: 3400),
        // fractions stay exact: 0.6, not 0.6000000000000001
        Case(min: 0, max: 1, target: 5, loose: true, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], lower: 0, upper: 1),
        Case(min: 0.001, max: 0.0042, target: 5, loose: true, step: 0.001,
             ticks: [0.001, 0.002, 0.003, 0.004, 0.005], lower: 0.001, upper: 0.005),
        // millions
        Case(min: 1e6, max: 3.5e6, target: 5, loose: true, step: 1e6, ticks: [1e6, 2e6, 3e6, 4e6], lower: 1e6, upper: 4e6),
        // more ticks wanted: step nicenum(100 / 9 = 11.1) = 10
        Case(min: 0, max: 97, target: 10, loose: true, step: 10,
             ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], lower: 0, upper: 100),
        // all negative
        Case(min: -97, max: -3, target: 5, loose: true, step: 20,
             ticks: [-100, -80, -60, -40, -20, 0], lower: -100, upper: 0),
        // a single value widens by 10%: 4.5...5.5, step 0.2
        Case(min: 5, max: 5, target: 5, loose: true, step: 0.2,
             ticks: [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6], lower: 4.4, upper: 5.6),
        // zero alone widens to -1...1: range 2, step nicenum(0.5) = 0.5
        Case(min: 0, max: 0, target: 5, loose: true, step: 0.5, ticks: [-1, -0.5, 0, 0.5, 1], lower: -1, upper: 1),
        // tight: the domain is the data's, only inner ticks
        Case(min: 3, max: 97, target: 5, loose: false, step: 20, ticks: [20, 40, 60, 80], lower: 3, upper: 97),
        Case(min: 2000, max: 4000, target: 11, loose: false, step: 200,
             ticks: [2000, 2200, 2400, 2600, 2800, 3000, 3200, 3400, 3600, 3800, 4000], lower: 2000, upper: 4000),
        // reversed input is the same span
        Case(min: 97, max: 0, target: 5, loose: true, step: 20, ticks: [0, 20, 40, 60, 80, 100], lower: 0, upper: 100),
    ]

    @Test(arguments: cases)
    func ticks(_ c: Case) {
        let s = NiceScale(min: c.min, max: c.max, targetTicks: c.target, loose: c.loose)
        #expect(s.step == c.step)
        #expect(s.ticks == c.ticks)
        #expect(s.lower == c.lower)
        #expect(s.upper == c.upper)
    }

    @Test(arguments: [
        (0.9, false, 1.0), (1.0, false, 1.0), (1.01, false, 2.0), (4.9, false, 5.0), (5.1, false, 10.0),
        (7460, false, 10_000), (1.4, true, 1.0), (1.5, true, 2.0), (2.9, true, 2.0), (3, true, 5.0),
        (6.9, true, 5.0), (7, true, 10.0), (25, true, 20.0), (0.025, true, 0.02), (0.0125, true, 0.01),
    ])
    func niceNumber(_ x: Double, _ round: Bool, _ expected: Double) {
        #expect(NiceScale.niceNumber(x, round: round) == expected)
    }

    @Test func nonFiniteInputGivesUnitDomain() {
        let s = NiceScale(min: .nan, max: 3)
        #expect(s.lower == 0 && s.upper == 1)
    }

    /// Every step is 1, 2 or 5 × 10^k and ticks cover the data, over many random spans.
    @Test func propertiesOverRandomSpans() {
        var rng = ExampleCharts.SplitMix(seed: 42)
        for _ in 0..<2000 {
            let a = (rng.unit() - 0.5) * pow10(Int(rng.next() % 12) - 4)
            let b = a + rng.unit() * pow10(Int(rng.next() % 12) - 4)
            let target = 2 + Int(rng.next() % 10)
            let s = NiceScale(min: a, max: b, targetTicks: target)
            #expect(s.lower <= a && s.upper >= b)
            let e = NumberFormat.decimalExponent(s.step)
            let mantissa = (s.step / pow10(e)).rounded()
            #expect([1.0, 2, 5].contains(mantissa), "step \(s.step)")
            #expect(s.ticks.first == s.lower && s.ticks.last == s.upper)
            #expect(s.ticks.count >= 2 && s.ticks.count <= 2 * target + 2, "\(a)...\(b) \(target): \(s.ticks.count)")
        }
    }

    func pow10(_ e: Int) -> Double {
        e >= 0 ? NumberFormat.powerOfTen(e) : 1 / NumberFormat.powerOfTen(-e)
    }
}
