import HedgeplanDiagnostics
import HedgeplanIR
import Pricing
import Testing
@testable import HedgeplanChecker

/// Payoff figures worked out by hand for every template's shape, with declared premiums
/// so that every number can be checked with pencil and paper.
struct ExactPayoffTests {
    /// `side type strike quantity premium`, e.g. "short call 3300 10 41.5"; spot legs: "long spot 0 10 0".
    static func legs(_ specs: [String], spot: Double = 3000) -> [ResolvedLeg] {
        specs.enumerated().map { index, spec in
            let p = spec.split(separator: " ").map(String.init)
            let sign: Double = p[0] == "long" ? 1 : -1
            let q = sign * Double(p[3])!
            let terms: ResolvedLeg.Terms
            switch p[1] {
            case "call": terms = .option(kind: .call, strike: Double(p[2])!, years: 7.0 / 365)
            case "put": terms = .option(kind: .put, strike: Double(p[2])!, years: 7.0 / 365)
            default: terms = .linear(entry: spot)
            }
            let location = SourceLocation(file: "t.yaml", line: index + 1, column: 1)
            let leg = Leg(id: Located("leg\(index)", at: location), side: Located(sign > 0 ? .long : .short, at: location),
                          instrument: .spot, quantity: Located(abs(q), at: location), premium: nil, location: location)
            return ResolvedLeg(id: "leg\(index)", terms: terms, quantity: q, premium: Double(p[4])!,
                               premiumIsModelPrice: false, location: location, leg: leg)
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var legs: [String]
        /// nil: unbounded.
        var maxProfit: Double?
        var maxLoss: Double?
        var breakevens: [Double]
        var maxLossWhere: String
        var testDescription: String { name }
    }

    // Hand-worked: premium flows are quantity x premium; payoffs at the kinks.
    static let cases: [Case] = [
        // Long 10 ETH at 3000, short 10 calls 3300 for 40: cost basis 3000 - 40 = 2960.
        // Loss at 0: 10 x 2960 = 29,600. Profit above 3300: 10 x (300 + 40) = 3,400. Breakeven 2960.
        Case(name: "covered-call", legs: ["long spot 0 10 0", "short call 3300 10 40"],
             maxProfit: 3_400, maxLoss: 29_600, breakevens: [2_960], maxLossWhere: "at spot 0"),
        // Short 2 puts 2700 for 25: profit 50; loss at 0: 2 x (2700 - 25) = 5,350; breakeven 2675.
        Case(name: "cash-secured-put", legs: ["short put 2700 2 25"],
             maxProfit: 50, maxLoss: 5_350, breakevens: [2_675], maxLossWhere: "at spot 0"),
        // Long 3 at 3000 + long 3 puts 2700 for 30: floor loss 3 x (300 + 30) = 990 below 2700; upside unbounded; breakeven 3030.
        Case(name: "protective-put", legs: ["long spot 0 3 0", "long put 2700 3 30"],
             maxProfit: nil, maxLoss: 990, breakevens: [3_030], maxLossWhere: "at spot <= 2,700"),
        // Collar 5: long spot 3000, long put 2700 @30, short call 3400 @35: net credit 5 per unit.
        // Loss below 2700: 5 x (300 - 5) = 1,475; profit above 3400: 5 x (400 + 5) = 2,025; breakeven 2995.
        Case(name: "collar", legs: ["long spot 0 5 0", "long put 2700 5 30", "short call 3400 5 35"],
             maxProfit: 2_025, maxLoss: 1_475, breakevens: [2_995], maxLossWhere: "at spot <= 2,700"),
        // Bull call spread 4: long 3000 @90, short 3300 @20: debit 70; loss 280; profit 4 x 230 = 920; breakeven 3070.
        Case(name: "vertical-spread", legs: ["long call 3000 4 90", "short call 3300 4 20"],
             maxProfit: 920, maxLoss: 280, breakevens: [3_070], maxLossWhere: "at spot <= 3,000"),
        // Short straddle 6 at 3000 for 100 + 95: credit 1,170; breakevens 3000 -/+ 195; loss at 0: 6 x 3000 - 1170 = 16,830 but calls unbounded.
        Case(name: "straddle", legs: ["short put 3000 6 95", "short call 3000 6 100"],
             maxProfit: 1_170, maxLoss: nil, breakevens: [2_805, 3_195], maxLossWhere: ""),
        // Long strangle 1: put 2800 @20, call 3200 @22: debit 42; breakevens 2758, 3242; loss 42 between strikes.
        Case(name: "strangle", legs: ["long put 2800 1 20", "long call 3200 1 22"],
             maxProfit: nil, maxLoss: 42, breakevens: [2_758, 3_242], maxLossWhere: "for spot in [2,800, 3,200]"),
        // Call butterfly 2: 2800 @260, 3000 x4 short @120, 3200 @40: debit 2 x 260 - 4 x 120 + 2 x 40 = 120;
        // max profit 2 x 200 - 120 = 280 at 3000; breakevens 2860, 3140.
        Case(name: "butterfly", legs: ["long call 2800 2 260", "short call 3000 4 120", "long call 3200 2 40"],
             maxProfit: 280, maxLoss: 120, breakevens: [2_860, 3_140], maxLossWhere: "at spot <= 2,800 and at spot >= 3,200"),
        // Iron butterfly 3 at 3000, wings 250: credit 3 x (100 + 105 - 20 - 22) = 489; loss 3 x 250 - 489 = 261.
        Case(name: "iron-butterfly",
             legs: ["long put 2750 3 20", "short put 3000 3 100", "short call 3000 3 105", "long call 3250 3 22"],
             maxProfit: 489, maxLoss: 261, breakevens: [2_837, 3_163], maxLossWhere: "at spot <= 2,750 and at spot >= 3,250"),
        // Iron condor 10: 2500 @4, 2700 @20, 3300 @25, 3500 @7: credit 10 x 34 = 340; loss 10 x 200 - 340 = 1,660;
        // breakevens 2700 - 34 = 2666 and 3300 + 34 = 3334.
        Case(name: "iron-condor",
             legs: ["long put 2500 10 4", "short put 2700 10 20", "short call 3300 10 25", "long call 3500 10 7"],
             maxProfit: 340, maxLoss: 1_660, breakevens: [2_666, 3_334], maxLossWhere: "at spot <= 2,500 and at spot >= 3,500"),
        // Naked short call 1 @50: unbounded loss, profit 50, breakeven 3350.
        Case(name: "naked-short-call", legs: ["short call 3300 1 50"],
             maxProfit: 50, maxLoss: nil, breakevens: [3_350], maxLossWhere: ""),
    ]

    @Test(arguments: cases)
    func handWorked(_ c: Case) throws {
        let payoff = try #require(PiecewiseLinearPayoff(legs: Self.legs(c.legs)))
        let summary = ExactPayoffAnalysis.analyze(payoff, horizonYears: 7.0 / 365)
        #expect(summary.maxProfit.map(\.amount).map(cents) == c.maxProfit)
        #expect(summary.maxLoss.map(\.amount).map(cents) == c.maxLoss)
        #expect(summary.breakevens.map(cents) == c.breakevens)
        if let loss = summary.maxLoss {
            #expect(loss.regions.map(\.description).joined(separator: " and ") == c.maxLossWhere)
        }
    }

    func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    @Test func slopesOfAnIronCondor() throws {
        let payoff = try #require(PiecewiseLinearPayoff(legs: Self.legs(
            ["long put 2500 10 4", "short put 2700 10 20", "short call 3300 10 25", "long call 3500 10 7"])))
        #expect(payoff.kinks == [2_500, 2_700, 3_300, 3_500])
        #expect(payoff.slopes == [0, 10, 0, -10, 0])
    }
}
